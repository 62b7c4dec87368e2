/** KAM.STAGE (SPEC §5) as a user calls it. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { todaySerial, ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { kamStage } from "../../src/functions/kam-stage";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

describe("KAM.STAGE", () => {
  test("below 3 months initial, 3–12 months stable, 1–3 years deep binding, over 3 years value symbiosis", () => {
    const r = call("STAGE", [["2025-01-01"], ["2024-12-15"], ["2024-03-01"], ["2022-03-15"], ["2022-03-14"]], "2025-03-15");
    expect(show(r)).toEqual([["Initial cooperation"], ["Stable cooperation"], ["Deep binding"], ["Deep binding"], ["Value symbiosis"]]);
  });

  test("takes Excel date serials (45717 = 2025-03-01) and dates typed as text", () => {
    expect(one(call("STAGE", 45717, "2025-03-15"))).toBe("Initial cooperation");
    expect(one(call("STAGE", "2024/3/1", ymdToSerial(2025, 3, 15)))).toBe("Deep binding");
  });

  test("as_of defaults to today", () => {
    const today = todaySerial();
    expect(one(call("STAGE", today - 10, null))).toBe("Initial cooperation");
    expect(one(call("STAGE", today - 2000, null))).toBe("Value symbiosis");
    const fixed = new Date(2025, 2, 15);
    expect(show(kamStage([["2025-01-01"]], null, DEFAULT_SETTINGS, fixed))).toEqual([["Initial cooperation"]]);
  });

  test("a contract signed after as_of, text that is no date, and a blank are per-cell errors", () => {
    const r = call("STAGE", [["2025-01-01"], ["2026-06-01"], ["soon"], [""]], "2025-03-15");
    expect(show(r)).toEqual([
      ["Initial cooperation"],
      ["#VALUE! row 2: the contract date 2026-06-01 is after the as-of date 2025-03-15"],
      ['#VALUE! row 3: signed: expected a date such as 2026-03-01 or 2026/3/1, or an Excel date, got "soon"'],
      ["#N/A row 4: signed: the date is missing; expected a date such as 2026-03-01 or 2026/3/1, or an Excel date"],
    ]);
  });

  test("an as_of that is no date is one error", () => {
    expect(one(call("STAGE", [["2025-01-01"], ["2024-01-01"]], "yesterday"))).toBe(
      '#VALUE! as_of: expected a date such as 2026-03-01 or 2026/3/1, or an Excel date, got "yesterday"',
    );
  });

  test("Chinese labels", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("STAGE", [["2025-01-01"], ["2024-12-15"], ["2024-03-01"], ["2022-02-28"]], "2025-03-15"))).toEqual([
      ["初步合作期"],
      ["稳定合作期"],
      ["深度绑定期"],
      ["价值共生期"],
    ]);
  });
});
