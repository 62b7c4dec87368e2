/** KAM.SEGMENT (SPEC §5 value × potential) as a user calls it. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

describe("KAM.SEGMENT", () => {
  test("the four quadrants from rank share and growth", () => {
    const r = call("SEGMENT", [[0.05], [0.4], [0.3], [0.8]], [[0.1], [0.3], [0.0], ["-2%"]]);
    expect(show(r)).toEqual([["Core value"], ["High potential"], ["Maintain"], ["To optimise"]]);
  });

  test("a single growth applies to every row; percent text is read as a share", () => {
    expect(show(call("SEGMENT", [["5%"], ["60%"]], 0.25))).toEqual([["Core value"], ["High potential"]]);
  });

  test("cutoffs replace the workbook's lines; a blank keeps it", () => {
    // Core top share 20 %: an account at 15 % is core value; fast growth 50 %: +30 % is not fast.
    expect(show(call("SEGMENT", [[0.15], [0.3]], [[0], [0.3]], [[0.2, "", 0.5]]))).toEqual([["Core value"], ["Maintain"]]);
  });

  test("bad values are per-row errors naming the row; the others compute", () => {
    const r = call("SEGMENT", [[0.05], [1.5], [""], [0.3]], [[0.1], [0.1], [0.1], ["fast"]]);
    expect(show(r)).toEqual([
      ["Core value"],
      ["#VALUE! row 2: revenue rank share 1.5 is above its maximum 1 (allowed 0 to 1)"],
      ["#N/A row 3: revenue rank share is missing"],
      ['#VALUE! row 4: growth must be a number, got "fast"'],
    ]);
  });

  test("bad cutoffs and unequal lengths are one error", () => {
    expect(one(call("SEGMENT", 0.1, 0.1, [[0, 0.5]]))).toBe("#VALUE! cutoffs value 1: the core top share must be above 0");
    expect(one(call("SEGMENT", 0.1, 0.1, [[0.1, 0.5, 0.2, 0.05, 9]]))).toBe(
      "#VALUE! cutoffs takes at most 4 values (core top share, medium top share, fast growth, stable growth), got 5",
    );
    expect(one(call("SEGMENT", [[0.1], [0.2]], [[0.1], [0.2], [0.3]]))).toBe(
      "#VALUE! growth has 3 rows but revenue_rank_share has 2; they must be the same length",
    );
  });

  test("labels in Chinese", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("SEGMENT", [[0.05], [0.4], [0.3], [0.8]], [[0.1], [0.3], [0], [0]]))).toEqual([["核心价值客户"], ["高潜力客户"], ["维持型客户"], ["待优化客户"]]);
  });
});
