/** KAM.CREDITGRADE (SPEC §2) as a user calls it. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

describe("KAM.CREDITGRADE", () => {
  test("three cells give the grade: ≥ 80 AAA, 60–80 AA, below 60 A", () => {
    expect(one(call("CREDITGRADE", 45, 45, -10, null))).toBe("AAA");
    expect(one(call("CREDITGRADE", [[40]], [[40]], [[0]], null))).toBe("AAA");
    expect(one(call("CREDITGRADE", 40, 30, -10, null))).toBe("AA");
    expect(one(call("CREDITGRADE", 30, 30, -1, null))).toBe("A");
  });

  test("the score is volume + performance + risk, from −50 to 100", () => {
    expect(show(call("CREDITGRADE", [[50], [0], [35]], [[50], [0], [20]], [[0], [-50], [-15]], "score"))).toEqual([[100], [-50], [40]]);
  });

  test("the list colour: green, yellow, red", () => {
    expect(show(call("CREDITGRADE", [[50], [40], [10]], [[40], [30], [10]], [[0], [-10], [-10]], "list"))).toEqual([
      ["Green list"],
      ["Yellow list"],
      ["Red list"],
    ]);
  });

  test("decimal points on a cut-off stay on it (79.9 + 0.1 is AAA)", () => {
    expect(one(call("CREDITGRADE", 39.9, 40.1, -0.0, "grade"))).toBe("AAA");
    expect(one(call("CREDITGRADE", 30.1, 30.2, -0.3, "score"))).toBe(60);
  });

  test("a positive risk is #VALUE! saying risk is a deduction (SPEC §2)", () => {
    expect(one(call("CREDITGRADE", 40, 40, 20, null))).toBe("#VALUE! risk is a deduction from -50 to 0, got 20 (enter high risk as e.g. -40)");
  });

  test("each bad row errs alone, the others still compute", () => {
    const r = show(call("CREDITGRADE", [[45], [60], [""], ["many"], [40]], [[45], [40], [40], [40], [40]], [[-10], [-5], [-5], [-5], [-60]], null));
    expect(r).toEqual([
      ["AAA"],
      ["#VALUE! row 2: volume 60 is above its maximum 50 (allowed 0 to 50)"],
      ["#N/A row 3: volume is missing"],
      ['#VALUE! row 4: volume must be a number, got "many"'],
      ["#VALUE! row 5: risk -60 is below its minimum -50 (allowed -50 to 0)"],
    ]);
  });

  test("columns of different lengths are one error", () => {
    expect(one(call("CREDITGRADE", [[45], [40]], [[45]], [[-10], [0]], null))).toBe(
      "#VALUE! performance has 1 rows but volume has 2; they must be the same length",
    );
  });

  test("a block of several columns is one error", () => {
    expect(one(call("CREDITGRADE", [[45, 1], [40, 2]], [[45], [1]], [[-10], [0]], null))).toBe(
      "#VALUE! volume must be a single column (or a single row), got 2 rows × 2 columns",
    );
  });

  test("rows of inputs give a row of results", () => {
    expect(show(call("CREDITGRADE", [[45, 30]], [[45, 30]], [[-10, -5]], "score"))).toEqual([[80, 55]]);
  });

  test("output accepts Chinese words; an unknown word is one error", () => {
    expect(one(call("CREDITGRADE", 45, 45, -10, "分数"))).toBe(80);
    expect(one(call("CREDITGRADE", 45, 45, -10, "名单"))).toBe("Green list");
    expect(one(call("CREDITGRADE", [[45], [1]], [[45], [1]], [[-10], [0]], "colour code"))).toBe(
      '#VALUE! output must be "grade", "score" or "list", got "colour code"',
    );
  });

  test("risk 0 and Excel desktop's 0 for an empty cell are both no deduction", () => {
    expect(one(call("CREDITGRADE", 40, 40, 0, "score"))).toBe(80);
  });

  test("Chinese labels and messages", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("CREDITGRADE", [[50], [40], [10], [10]], [[40], [30], [10], [10]], [[0], [-10], [-10], [5]], "grade"))).toEqual([
      ["AAA"],
      ["AA"],
      ["A"],
      ["#VALUE! 第 4 行：经营风险是扣分项，取值 -50 到 0，而不是 5（高风险请填如 -40）"],
    ]);
    expect(show(call("CREDITGRADE", [[50], [40], [10]], [[40], [30], [10]], [[0], [-10], [-10]], "list"))).toEqual([
      ["绿名单"],
      ["黄名单"],
      ["红名单"],
    ]);
  });

  test("uses the workbook's grade cut-offs", () => {
    const s = parseSettings({ credit: { aaa: 90, aa: 70 } });
    if (!s.ok) throw new Error("settings");
    setSettings(s.settings);
    expect(show(call("CREDITGRADE", [[45], [40], [30]], [[45], [40], [30]], [[0], [-5], [0]], null))).toEqual([["AAA"], ["AA"], ["A"]]);
  });
});
