/** Workbook settings: "kam.settings" holds the JSON of the user's SettingsInput, validated on the way in and out. */
import { ExcelDouble } from "../../excel-double";
import { SETTINGS_KEY, loadSettings, saveSettings } from "../../../src/hosts/excel/settings-store";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { KamInputException } from "../../../src/domain/errors";

let xl: ExcelDouble;
let restore: () => void;
beforeEach(() => {
  xl = new ExcelDouble();
  xl.model.addSheet("Data");
  restore = xl.install();
});
afterEach(() => restore());

describe("workbook settings", () => {
  it("a workbook without settings uses the SPEC defaults, in one sync", async () => {
    expect(await loadSettings()).toEqual({ ok: true, settings: DEFAULT_SETTINGS, stored: false });
    expect(xl.roundTrips).toBe(1);
  });

  it("saved settings come back for everyone who opens the file", async () => {
    const saved = await saveSettings({ abc: { a: 0.6, b: 0.25 }, language: "zh" });
    expect(saved.abc).toEqual({ a: 0.6, b: 0.25 });
    expect(JSON.parse(xl.model.settings.get(SETTINGS_KEY) ?? "null")).toBe(JSON.stringify({ abc: { a: 0.6, b: 0.25 }, language: "zh" }));
    const loaded = await loadSettings();
    expect(loaded).toMatchObject({ ok: true, stored: true, settings: { language: "zh", abc: { a: 0.6, b: 0.25 }, score: DEFAULT_SETTINGS.score } });
  });

  it("invalid settings are refused with the path to the bad field, before anything is written", async () => {
    const e = await saveSettings({ abc: { a: 0.8, b: 0.3 } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KamInputException);
    expect((e as KamInputException).error.msg.en).toContain("abc.b");
    expect((e as KamInputException).error.msg.zh).toContain("工作簿设置");
    expect(xl.roundTrips).toBe(0);
    expect(xl.model.settings.size).toBe(0);
  });

  it("a stored value that is not JSON, or breaks the schema, is reported rather than silently replaced", async () => {
    xl.model.settings.set(SETTINGS_KEY, JSON.stringify("{not json"));
    expect(await loadSettings()).toMatchObject({ ok: false, error: { code: "excel.settings.notJson" } });
    xl.model.settings.set(SETTINGS_KEY, JSON.stringify(JSON.stringify({ weighted: { weights: { current: 0.9 } } })));
    const r = await loadSettings();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.msg.en).toContain("weighted.weights");
  });

  it("runs inside a caller's batch when given its context", async () => {
    await Excel.run(async (ctx) => {
      await saveSettings({ language: "zh" }, ctx);
      const r = await loadSettings(ctx);
      expect(r.ok && r.settings.language).toBe("zh");
    });
    expect(xl.roundTrips).toBe(2);
  });
});
