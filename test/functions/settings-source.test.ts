/**
 * Where the functions get their settings: the workbook setting "kam.settings", read when Office is
 * ready and again when it changes. Office and Excel are faked just enough to follow the rules of
 * EXCEL-BEHAVIOUR §1 and §8 (a null object's isNullObject and a loaded value are readable only
 * after sync; settings round-trip through JSON).
 */
import { call, one } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import {
  applySettings,
  getSettings,
  loadSettingsFromWorkbook,
  resetSettings,
  SETTINGS_KEY,
  settingsFromStoredValue,
  startSettingsSync,
} from "../../src/functions/settings-source";

type Handler = () => Promise<void>;

function fakeExcel(initial: unknown) {
  let stored: string | undefined = initial === undefined ? undefined : JSON.stringify(initial);
  const log = { calculate: [] as string[], handlers: [] as Handler[], runs: 0 };
  const excel = {
    run: async <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> => {
      log.runs++;
      let synced = false;
      const ctx = {
        workbook: {
          settings: {
            getItemOrNullObject(key: string) {
              const present = key === SETTINGS_KEY && stored !== undefined;
              const snapshot = stored;
              let loaded = false;
              return {
                load(props: string) {
                  if (props === "value") loaded = true;
                },
                get isNullObject() {
                  if (!synced) throw new Error("PropertyNotLoaded: isNullObject");
                  return !present;
                },
                get value() {
                  if (!synced || !loaded) throw new Error("PropertyNotLoaded: value");
                  return present ? JSON.parse(snapshot as string) : undefined;
                },
              };
            },
            onSettingsChanged: { add: (h: Handler) => void log.handlers.push(h) },
          },
          application: { calculate: (type: string) => void log.calculate.push(type) },
        },
        sync: async () => {
          synced = true;
        },
      };
      return batch(ctx);
    },
  };
  return {
    excel,
    log,
    store(v: unknown) {
      stored = JSON.stringify(v);
    },
  };
}

const g = globalThis as Record<string, unknown>;

function install(excel: unknown, office?: unknown) {
  g.Excel = excel;
  if (office !== undefined) g.Office = office;
}

beforeEach(() => resetSettings());
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

const tier = () => one(call("TIER", [[85]], null));

test("without Office (jest, a functions-only runtime) the defaults are used and nothing fails", async () => {
  expect(startSettingsSync()).toBe(false);
  expect(await loadSettingsFromWorkbook()).toBe("unavailable");
  expect(getSettings()).toEqual(DEFAULT_SETTINGS);
  expect(tier()).toBe("Key account");
});

test("the workbook's settings are read at start-up: labels switch to Chinese", async () => {
  const f = fakeExcel({ language: "zh" });
  install(f.excel);
  expect(await loadSettingsFromWorkbook()).toBe("loaded");
  expect(tier()).toBe("大客户");
});

test("a setting stored as JSON text is read too", async () => {
  const f = fakeExcel(JSON.stringify({ language: "zh", score: { keyAccount: 90 } }));
  install(f.excel);
  expect(await loadSettingsFromWorkbook()).toBe("loaded");
  expect(tier()).toBe("潜在大客户");
});

test("invalid settings keep the current ones", async () => {
  const f = fakeExcel({ language: "fr" });
  install(f.excel);
  expect(await loadSettingsFromWorkbook()).toBe("invalid");
  expect(getSettings()).toEqual(DEFAULT_SETTINGS);
  expect(settingsFromStoredValue("{not json")).toBeNull();
  expect(settingsFromStoredValue([1, 2])).toBeNull();
  expect(settingsFromStoredValue({ score: { keyAccount: 50, potential: 60 } })).toBeNull();
});

test("a workbook without the setting uses the defaults", async () => {
  const f = fakeExcel(undefined);
  install(f.excel);
  expect(await loadSettingsFromWorkbook()).toBe("absent");
  expect(getSettings()).toEqual(DEFAULT_SETTINGS);
  expect(f.log.calculate).toEqual([]);
});

test("if a formula computed before the settings arrived, Excel is asked to recalculate", async () => {
  expect(tier()).toBe("Key account"); // computed with the defaults
  const f = fakeExcel({ language: "zh" });
  install(f.excel);
  await loadSettingsFromWorkbook();
  expect(f.log.calculate).toEqual(["Full"]);
});

test("no recalculation when nothing computed yet or nothing changed", async () => {
  const f = fakeExcel({ language: "zh" });
  install(f.excel);
  await loadSettingsFromWorkbook();
  expect(f.log.calculate).toEqual([]);
  tier();
  await loadSettingsFromWorkbook("changed");
  expect(f.log.calculate).toEqual([]);
});

test("a host error keeps the settings and is not thrown", async () => {
  install({ run: async () => Promise.reject(new Error("GeneralException")) });
  expect(await loadSettingsFromWorkbook()).toBe("failed");
  expect(getSettings()).toEqual(DEFAULT_SETTINGS);
});

test("at Office.onReady the settings are read, then re-read and recalculated whenever they change", async () => {
  const f = fakeExcel({ language: "en" });
  let ready: (() => void) | undefined;
  install(f.excel, { onReady: (cb: () => void) => void (ready = cb) });
  expect(startSettingsSync()).toBe(true);
  expect(startSettingsSync()).toBe(false); // once per runtime
  ready?.();
  await new Promise((r) => setTimeout(r, 0));
  expect(f.log.handlers).toHaveLength(1);
  expect(tier()).toBe("Key account");

  f.store({ language: "zh" });
  await f.log.handlers[0]();
  expect(tier()).toBe("大客户");
  expect(f.log.calculate).toEqual(["Full"]);
});

test("the task pane can apply settings directly; a change recalculates", async () => {
  const f = fakeExcel(undefined);
  install(f.excel);
  expect(await applySettings({ ...DEFAULT_SETTINGS, language: "zh" })).toBe(true);
  expect(tier()).toBe("大客户");
  expect(await applySettings({ ...DEFAULT_SETTINGS, language: "zh" })).toBe(false);
  expect(f.log.calculate).toEqual(["Full"]);
});
