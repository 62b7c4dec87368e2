/** KAM.SCORE and KAM.TIER as a user calls them in a worksheet. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

const ZH = { ...DEFAULT_SETTINGS, language: "zh" as const };

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

describe("KAM.SCORE with the six criteria (SPEC §1)", () => {
  test("adds up the six criteria of one account", () => {
    expect(one(call("SCORE", [[25, 18, 15, 8, 7, 9]], null))).toBe(82);
  });

  test("spills one total per row", () => {
    const r = call("SCORE", [[30, 20, 20, 10, 10, 10], [0, 0, 0, 0, 0, 0], [10, 10, 10, 5, 5, 5]], null);
    expect(show(r)).toEqual([[100], [0], [45]]);
  });

  test("decimals add up without binary noise, so 80 stays 80", () => {
    expect(one(call("SCORE", [[26.7, 13.3, 20, 10, 5.1, 4.9]], null))).toBe(80);
  });

  test("accepts numbers typed as text, full-width digits included", () => {
    expect(one(call("SCORE", [["25", "１８", 15, 8, 7, 9]], null))).toBe(82);
  });

  test("a value above its criterion's maximum is #VALUE! naming the row, the criterion and its range", () => {
    const r = show(call("SCORE", [[25, 18, 15, 8, 7, 9], [20, 25, 10, 5, 5, 5]], null));
    expect(r).toEqual([[82], ["#VALUE! row 2: profit contribution 25 is above its maximum 20 (allowed 0 to 20)"]]);
  });

  test('the contract\'s example message: "row 7: profit contribution 25 is above its maximum 20"', () => {
    const rows = [...Array.from({ length: 6 }, () => [25, 18, 15, 8, 7, 9]), [20, 25, 10, 5, 5, 5]];
    const r = show(call("SCORE", rows, null)) as unknown[][];
    expect(r.slice(0, 6)).toEqual(Array.from({ length: 6 }, () => [82]));
    expect(String(r[6][0])).toMatch(/^#VALUE! row 7: profit contribution 25 is above its maximum 20\b/);
  });

  test("a negative value is #VALUE!", () => {
    expect(one(call("SCORE", [[25, 18, 15, -1, 7, 9]], null))).toBe(
      "#VALUE! industry influence -1 is below its minimum 0 (allowed 0 to 10)",
    );
  });

  test("a blank criterion is #N/A (missing), never a silent 0", () => {
    const r = show(call("SCORE", [[25, 18, 15, 8, 7, 9], [25, "", 15, 8, 7, 9], [25, 18, null, 8, 7, 9]], null)) as string[][];
    expect(r[0][0]).toBe(82);
    expect(r[1][0]).toBe("#N/A row 2: profit contribution is missing");
    expect(r[2][0]).toBe("#N/A row 3: business scale is missing");
  });

  test("text that is not a number is #VALUE! quoting it", () => {
    expect(one(call("SCORE", [[25, 18, "high", 8, 7, 9]], null))).toBe('#VALUE! business scale must be a number, got "high"');
  });

  test("a boolean is not a score", () => {
    expect(one(call("SCORE", [[25, 18, 15, true, 7, 9]], null))).toBe('#VALUE! industry influence must be a number, got "TRUE"');
  });

  test("Excel desktop passes 0 for an empty cell inside a range: such a row scores its other criteria", () => {
    // The platform difference (EXCEL-BEHAVIOUR §12): the web passes "" (→ #N/A), desktop 0 (a valid 0).
    expect(show(call("SCORE", [[25, 0, 15, 8, 7, 9]], null))).toEqual([[64]]);
    expect(show(call("SCORE", [[25, "", 15, 8, 7, 9]], null))).toEqual([["#N/A profit contribution is missing"]]);
  });

  test("a range without six columns is one error for the whole argument", () => {
    expect(one(call("SCORE", [[25, 18, 15, 8, 7]], null))).toBe(
      "#VALUE! points must have 6 columns (strategic fit, profit contribution, business scale, industry influence, market & brand effect, growth potential), got 5",
    );
  });

  test("a missing points argument is #N/A", () => {
    expect(one(call("SCORE", null, null))).toBe("#N/A points is required");
  });

  test("uses the workbook's own maxima", () => {
    const s = parseSettings({ score: { max: { strategicFit: 40, profit: 10 } } });
    if (!s.ok) throw new Error("settings");
    setSettings(s.settings);
    expect(show(call("SCORE", [[35, 10, 15, 8, 7, 9], [25, 15, 15, 8, 7, 9]], null))).toEqual([
      [84],
      ["#VALUE! row 2: profit contribution 15 is above its maximum 10 (allowed 0 to 10)"],
    ]);
  });

  test("messages follow the workbook language", () => {
    setSettings(ZH);
    expect(show(call("SCORE", [[25, 18, 15, 8, 7, 9], [20, 25, 10, 5, 5, 5], [20, "", 10, 5, 5, 5]], null))).toEqual([
      [82],
      ["#VALUE! 第 2 行：利润贡献 25 超过上限 20（允许 0 到 20）"],
      ["#N/A 第 3 行：缺少利润贡献"],
    ]);
    expect(one(call("SCORE", [[1, 2]], null))).toBe(
      "#VALUE! 评分（points）必须有 6 列（战略契合度、利润贡献、业务规模、行业影响力、市场和品牌效应、发展潜力），却有 2 列",
    );
  });
});

describe("KAM.SCORE with weights (SPEC §1b)", () => {
  const W = [[0.35, 0.25, 0.2, 0.2]];

  test("the composite is Σ weight × score", () => {
    expect(one(call("SCORE", [[80, 90, 70, 60]], W))).toBe(76.5);
    expect(show(call("SCORE", [[100, 100, 100, 100], [0, 0, 0, 0], [80, 80, 80, 80]], W))).toEqual([[100], [0], [80]]);
  });

  test("weights may be given as a column too, and as percent text", () => {
    expect(one(call("SCORE", [[80, 90, 70, 60]], [["35%"], ["25%"], ["20%"], ["20%"]]))).toBe(76.5);
  });

  test("any number of dimensions, one column per weight", () => {
    expect(one(call("SCORE", [[50, 100]], [[0.5, 0.5]]))).toBe(75);
  });

  test("weights that do not sum to 1 are one error, never rescaled", () => {
    expect(one(call("SCORE", [[80, 90, 70, 60], [1, 2, 3, 4]], [[0.4, 0.3, 0.2, 0.2]]))).toBe(
      "#VALUE! weights: the weights must sum to 1, they sum to 1.1 (they are not rescaled automatically)",
    );
  });

  test("a weight that is not a number is one error naming it", () => {
    expect(one(call("SCORE", [[80, 90, 70, 60]], [[0.35, "x", 0.2, 0.2]]))).toBe(
      '#VALUE! weights: weight 2 (potential value) must be a number, got "x"',
    );
  });

  test("a 2-D block of weights is one error", () => {
    expect(one(call("SCORE", [[80, 90]], [[0.5, 0.5], [0.5, 0.5]]))).toBe(
      "#VALUE! weights must be a single column (or a single row), got 2 rows × 2 columns",
    );
  });

  test("points must have one column per weight", () => {
    expect(one(call("SCORE", [[80, 90, 70]], W))).toBe("#VALUE! points must have 4 columns (one per weight), got 3");
  });

  test("each score is 0–100; a bad row errs alone", () => {
    expect(show(call("SCORE", [[80, 90, 70, 60], [80, 101, 70, 60], [80, 90, "", 60]], W))).toEqual([
      [76.5],
      ["#VALUE! row 2: score 2 (potential value) 101 is above its maximum 100 (allowed 0 to 100)"],
      ["#N/A row 3: score 3 (strategic value) is missing"],
    ]);
  });
});

describe("KAM.TIER", () => {
  test("SPEC §1: 80 and above is a key account, 60 to 80 potential, below 60 general", () => {
    expect(show(call("TIER", [[80], [79.99], [60], [59.9], [100], [0]], null))).toEqual([
      ["Key account"],
      ["Potential key account"],
      ["Potential key account"],
      ["General account"],
      ["Key account"],
      ["General account"],
    ]);
  });

  test("a single total gives a single label", () => {
    expect(one(call("TIER", 85, null))).toBe("Key account");
    expect(one(call("TIER", [[85]], "score"))).toBe("Key account");
  });

  test("SPEC §1b with the weighted model: ≥ 80 strategic, ≥ 60 key, else normal", () => {
    expect(show(call("TIER", [[80], [60], [59.5]], "weighted"))).toEqual([["Strategic"], ["Key"], ["Normal"]]);
    expect(show(call("TIER", [[80], [60], [59.5]], "加权"))).toEqual([["Strategic"], ["Key"], ["Normal"]]);
  });

  test("keeps the shape of the input: a row of totals gives a row of tiers", () => {
    expect(show(call("TIER", [[90, 70, 10]], null))).toEqual([["Key account", "Potential key account", "General account"]]);
  });

  test("works on KAM.SCORE's spill", () => {
    const totals = call("SCORE", [[30, 20, 20, 10, 10, 10], [20, 15, 15, 5, 5, 5]], null);
    expect(show(call("TIER", totals, null))).toEqual([["Key account"], ["Potential key account"]]);
  });

  test("totals outside 0–100, text and blanks are per-cell errors", () => {
    expect(show(call("TIER", [[85], [120], ["abc"], [""], [-1]], null))).toEqual([
      ["Key account"],
      ["#VALUE! row 2: the score 120 is above its maximum 100 (allowed 0 to 100)"],
      ['#VALUE! row 3: the score must be a number, got "abc"'],
      ["#N/A row 4: the score is missing"],
      ["#VALUE! row 5: the score -1 is below its minimum 0 (allowed 0 to 100)"],
    ]);
  });

  test("an unknown model is one error listing the choices", () => {
    expect(one(call("TIER", [[85], [70]], "linear"))).toBe('#VALUE! model must be "score" or "weighted", got "linear"');
  });

  test("a model left blank (or the 0 Excel desktop passes for an empty cell) is the default", () => {
    expect(one(call("TIER", [[85]], ""))).toBe("Key account");
    expect(one(call("TIER", [[85]], 0))).toBe("Key account");
    expect(one(call("TIER", [[85]], undefined))).toBe("Key account");
  });

  test("labels in Chinese once the workbook says so", () => {
    setSettings(ZH);
    expect(show(call("TIER", [[80], [60], [10]], null))).toEqual([["大客户"], ["潜在大客户"], ["一般客户"]]);
    expect(show(call("TIER", [[80], [60], [10]], "weighted"))).toEqual([["战略级"], ["重点级"], ["普通级"]]);
    expect(one(call("TIER", [[85]], "x"))).toBe('#VALUE! 模型（model）必须是 "score"（评分） 或 "weighted"（加权），却是 "x"');
  });

  test("uses the workbook's cut-offs", () => {
    const s = parseSettings({ score: { keyAccount: 90, potential: 70 } });
    if (!s.ok) throw new Error("settings");
    setSettings(s.settings);
    expect(show(call("TIER", [[85], [70], [69]], null))).toEqual([["Potential key account"], ["Potential key account"], ["General account"]]);
  });
});
