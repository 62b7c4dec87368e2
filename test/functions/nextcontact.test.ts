/** KAM.NEXTCONTACT (SPEC §5 cadence) as a user calls it. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { serialToIso, ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

const iso = (rows: unknown): unknown => (rows as unknown[][]).map((r) => r.map((v) => (typeof v === "number" ? serialToIso(v) : v)));

describe("KAM.NEXTCONTACT", () => {
  test("returns the due date as an Excel serial", () => {
    expect(one(call("NEXTCONTACT", ymdToSerial(2026, 1, 15), "客户经理拜访"))).toBe(ymdToSerial(2026, 2, 15));
  });

  test("dates as serials and as text in both 2026-03-01 and 2026/3/1 forms", () => {
    const r = call("NEXTCONTACT", [[ymdToSerial(2026, 3, 1)], ["2026-03-01"], ["2026/3/1"], ["２０２６/３/１"]], "Account manager visit");
    expect(iso(r)).toEqual([["2026-04-01"], ["2026-04-01"], ["2026-04-01"], ["2026-04-01"]]);
  });

  test("each visit type at its cadence; a column of types", () => {
    // The dates decide how many results there are: one date with four types is a mistake, not four results.
    expect(one(call("NEXTCONTACT", "2026-01-31", [["高层拜访"], ["Technical exchange"], ["客户经理拜访"], ["service"]]))).toBe(
      "#VALUE! visit_type has 4 rows but last_date has 1; they must be the same length",
    );
    const col = call("NEXTCONTACT", [["2026-01-31"], ["2026-01-31"], ["2026-01-31"], ["2026-01-31"]], [["高层拜访"], ["Technical exchange"], ["客户经理拜访"], ["service"]]);
    expect(iso(col)).toEqual([["2027-01-31"], ["2027-01-31"], ["2026-02-28"], ["2026-02-28"]]);
  });

  test("the stage tightens the cadence: deep binding half-yearly executive meetings, initial weekly account manager contact", () => {
    const r = call("NEXTCONTACT", [["2026-03-01"], ["2026-03-01"], ["2026-03-01"], ["2026-03-01"]], [["executive"], ["executive"], ["account manager"], ["account manager"]], [["深度绑定期"], ["Value symbiosis"], ["初步合作期"], ["stable"]]);
    expect(iso(r)).toEqual([["2026-09-01"], ["2026-09-01"], ["2026-03-08"], ["2026-04-01"]]);
  });

  test("other date text, an unknown type or stage, and a blank date are errors naming the row", () => {
    const r = call("NEXTCONTACT", [["2026.3.1"], ["2026-03-01"], ["2026-03-01"], [""]], [["AM"], ["lunch"], ["AM"], ["AM"]], [[""], [""], ["honeymoon"], [""]]);
    expect(show(r)).toEqual([
      ['#VALUE! row 1: last_date: expected a date such as 2026-03-01 or 2026/3/1, or an Excel date, got "2026.3.1"'],
      ['#VALUE! row 2: visit_type: unknown visit type "lunch"; expected Executive visit, Technical exchange, Account manager visit or Service callback'],
      ['#VALUE! row 3: stage: unknown stage "honeymoon"; expected Initial cooperation, Stable cooperation, Deep binding or Value symbiosis'],
      ["#N/A row 4: last_date: the date is missing; expected a date such as 2026-03-01 or 2026/3/1, or an Excel date"],
    ]);
  });

  test("a missing visit type is #N/A; types of another length are one error", () => {
    expect(one(call("NEXTCONTACT", "2026-03-01", ""))).toBe(
      "#N/A visit_type: the visit type is missing; expected Executive visit, Technical exchange, Account manager visit or Service callback",
    );
    expect(one(call("NEXTCONTACT", [["2026-03-01"], ["2026-03-02"]], [["AM"], ["AM"], ["AM"]]))).toBe(
      "#VALUE! visit_type has 3 rows but last_date has 2; they must be the same length",
    );
  });

  test("messages in Chinese", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(one(call("NEXTCONTACT", "2026/13/1", "AM"))).toBe("#VALUE! 上次联系日期（last_date）：“2026/13/1”不是 1900-01-01 至 9999-12-31 之间的有效日期");
  });
});
