/**
 * The settings form: what a user types becomes Settings only when the engine's schema accepts it,
 * and every problem lands next to the field (or group) it concerns, in both languages.
 */
import fc from "fast-check";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../../src/domain/settings";
import { SETTINGS_FIELDS, SETTINGS_GROUPS, formFromSettings, issueMessage, parseFieldText, validateForm, type SettingsForm } from "../../src/taskpane/settings-form";

function edit(form: SettingsForm, id: string, text: string): SettingsForm {
  return { ...form, values: { ...form.values, [id]: text } };
}

const defaults = formFromSettings(DEFAULT_SETTINGS);

describe("settings form", () => {
  test("the defaults are shown as a user reads them: shares in percent", () => {
    expect(defaults.values["abc.a"]).toBe("55");
    expect(defaults.values["abc.b"]).toBe("30");
    expect(defaults.values["weighted.weights.current"]).toBe("0.35");
    expect(defaults.values["credit.volumeMid"]).toBe("1000000");
    expect(defaults.values["external.baseline.2"]).toBe("90");
    expect(defaults.language).toBe("en");
  });

  test("an untouched form gives back exactly the settings it came from", () => {
    const v = validateForm(defaults, DEFAULT_SETTINGS);
    expect(v.fieldErrors).toEqual({});
    expect(v.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("A = 60 % and B = 25 % are saved as fractions", () => {
    const v = validateForm(edit(edit(defaults, "abc.a", "60"), "abc.b", "25%"), DEFAULT_SETTINGS);
    expect(v.settings?.abc).toEqual({ a: 0.6, b: 0.25 });
  });

  test("full-width digits and thousands separators are read as numbers", () => {
    const v = validateForm(edit(defaults, "credit.volumeMid", "１,５００,０００"), DEFAULT_SETTINGS);
    expect(v.settings?.credit.volumeMid).toBe(1_500_000);
  });

  test("A + B above 100 % is refused next to the B field, and nothing is returned to save", () => {
    const v = validateForm(edit(defaults, "abc.a", "80"), DEFAULT_SETTINGS);
    expect(v.settings).toBeUndefined();
    expect(v.fieldErrors["abc.b"]).toEqual({ en: "A + B must not exceed 100 %.", zh: "A 与 B 之和不能超过 100%。" });
  });

  test("text in a number field names what was typed", () => {
    const v = validateForm(edit(defaults, "score.keyAccount", "eighty"), DEFAULT_SETTINGS);
    expect(v.settings).toBeUndefined();
    expect(v.fieldErrors["score.keyAccount"].en).toContain('"eighty"');
    expect(v.fieldErrors["score.keyAccount"].zh).toContain("“eighty”");
  });

  test("an empty field asks for a number", () => {
    const v = validateForm(edit(defaults, "credit.aa", "  "), DEFAULT_SETTINGS);
    expect(v.fieldErrors["credit.aa"]).toEqual({ en: "Enter a number.", zh: "请输入数字。" });
  });

  test("weights that do not add up to 1 are a problem of the weights group", () => {
    const v = validateForm(edit(defaults, "weighted.weights.current", "0.5"), DEFAULT_SETTINGS);
    expect(v.settings).toBeUndefined();
    expect(v.groupErrors.weighted).toEqual({ en: "The four weights must add up to 1.", zh: "四项权重之和必须等于 1。" });
  });

  test("a profile line above 100 is refused in its own cell with the bound", () => {
    const v = validateForm(edit(defaults, "internal.important.1", "120"), DEFAULT_SETTINGS);
    expect(v.fieldErrors["internal.important.1"]).toEqual({ en: "Must be at most 100.", zh: "不能大于 100。" });
  });

  test("bounds of percent fields are shown in percent", () => {
    expect(issueMessage("Too small: expected number to be >0", "percent")).toEqual({ en: "Must be above 0 %.", zh: "必须大于 0%。" });
    expect(issueMessage("Too big: expected number to be <=1", "percent").en).toBe("Must be at most 100 %.");
  });

  test("red-list months must be whole", () => {
    const v = validateForm(edit(defaults, "credit.redListMonths", "1.5"), DEFAULT_SETTINGS);
    expect(v.fieldErrors["credit.redListMonths"]).toEqual({ en: "Must be a whole number.", zh: "必须是整数。" });
  });

  test("every message the schema can give for a field the form shows is translated", () => {
    // Push every field out of range both ways; no message may fall back to the untranslated form.
    for (const f of SETTINGS_FIELDS) {
      for (const text of ["-5", "1000000000", "0"]) {
        const v = validateForm(edit(defaults, f.id, text), DEFAULT_SETTINGS);
        const msgs = [...Object.values(v.fieldErrors), ...Object.values(v.groupErrors), ...v.otherErrors];
        for (const m of msgs) {
          expect(m.zh.startsWith("设置无效")).toBe(false);
          expect(m.en.startsWith("Invalid setting")).toBe(false);
        }
      }
    }
  });

  test("settings the form does not show are kept as the workbook has them", () => {
    const base: Settings = { ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, noFollowUpDays: 45 } };
    const v = validateForm(formFromSettings(base), base);
    expect(v.settings?.alerts.noFollowUpDays).toBe(45);
  });

  test("every field belongs to exactly one group and names a number in the settings", () => {
    const ids = SETTINGS_GROUPS.flatMap((g) => g.fields.map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of SETTINGS_FIELDS) {
      let cur: unknown = DEFAULT_SETTINGS;
      for (const p of f.path) cur = (cur as Record<string | number, unknown>)[p];
      expect(typeof cur).toBe("number");
    }
  });

  test("a percent field reads 55 and 55% alike", () => {
    const f = SETTINGS_FIELDS.find((x) => x.id === "abc.a")!;
    expect(parseFieldText("55", f)).toEqual({ ok: true, value: 0.55 });
    expect(parseFieldText("55%", f)).toEqual({ ok: true, value: 0.55 });
    expect(parseFieldText("５５％", f)).toEqual({ ok: true, value: 0.55 });
  });

  test("any valid ABC thresholds survive the round trip through the form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }), (a, b) => {
        fc.pre(a + b <= 100);
        const s = parseSettings({ abc: { a: a / 100, b: b / 100 } });
        if (!s.ok) throw new Error("generator made invalid thresholds");
        const v = validateForm(formFromSettings(s.settings), s.settings);
        expect(v.settings?.abc.a).toBeCloseTo(a / 100, 12);
        expect(v.settings?.abc.b).toBeCloseTo(b / 100, 12);
      }),
    );
  });
});
