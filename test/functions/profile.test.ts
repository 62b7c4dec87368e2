/** KAM.LEVEL (SPEC §4a–§4c) and KAM.PROFILE (SPEC §4a, §4b) as a user calls them. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

describe("KAM.LEVEL", () => {
  test('the contract examples: ("education", "硕士") → 90 and ("market", 1.2E9) → 65', () => {
    expect(one(call("LEVEL", "education", "硕士"))).toBe(90);
    expect(one(call("LEVEL", "market", 1.2e9))).toBe(65);
  });

  test("market size reaches 80 at 1.5 B and 100 at 2.5 B; 100 M or less scores 10 (SPEC §4a)", () => {
    expect(show(call("LEVEL", "market", [[1e8, 1.5e9, 2.5e9, 9e9]]))).toEqual([[10, 80, 100, 100]]);
  });

  test("a level without a number scores the middle of its band; with a number, the number", () => {
    expect(show(call("LEVEL", "quality", [["medium"], ["高"], ["high 85"], ["高 85"]]))).toEqual([[95], [80], [85], [85]]);
  });

  test("the dimension may be given by its Chinese or English name", () => {
    expect(one(call("LEVEL", "质量要求", "medium"))).toBe(95);
    expect(one(call("LEVEL", "Quality requirement", "medium"))).toBe(95);
  });

  test("stakeholder attributes (SPEC §4c)", () => {
    expect(show(call("LEVEL", "orgRole", [["董事长"], ["general manager"], ["员工"]]))).toEqual([[100], [90], [50]]);
    expect(show(call("LEVEL", "relationshipRole", [["教练"], ["opponent"]]))).toEqual([[100], [50]]);
    expect(one(call("LEVEL", "powerRole", "最终决策者"))).toBe(100);
  });

  test("a number outside the level's band is #VALUE! naming the band", () => {
    expect(one(call("LEVEL", "quality", "high 95"))).toBe('#VALUE! quality requirement "high 95": 95 is outside the band of High (70–90)');
  });

  test("an unknown label is #VALUE! listing the levels; a blank is #N/A", () => {
    expect(show(call("LEVEL", "education", [["硕士"], ["博士后"], [""]]))).toEqual([
      [90],
      ['#VALUE! row 2: education: "博士后" is not a level; use PhD (100), Master (90), Bachelor (80), Associate (70) or Below associate (60)'],
      ["#N/A row 3: education is missing; use PhD (100), Master (90), Bachelor (80), Associate (70) or Below associate (60)"],
    ]);
  });

  test("in a row of values the error names the column", () => {
    expect(show(call("LEVEL", "market", [[1.2e9, -5]]))).toEqual([[65, "#VALUE! column 2: annual revenue (USD) for market size must not be negative, got -5"]]);
  });

  test("an unknown dimension is one error listing the dimensions", () => {
    const r = one(call("LEVEL", "colour", [["x"], ["y"]])) as string;
    expect(r).toMatch(/^#VALUE! "colour" is not a profile dimension; use Market size, R&D capability, /);
  });

  test("a missing dimension is #N/A", () => {
    expect(one(call("LEVEL", null, "x"))).toMatch(/^#N\/A the dimension is missing; use Market size/);
  });

  test("messages in Chinese", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(one(call("LEVEL", "education", "博士后"))).toMatch(/^#VALUE! 学历/);
  });
});

describe("KAM.PROFILE", () => {
  test("SPEC §4a: examples A and B are both potential targets", () => {
    expect(show(call("PROFILE", [[100, 95, 80, 90, 70, 90], [60, 100, 90, 70, 95, 85]], null))).toEqual([["Potential target"], ["Potential target"]]);
  });

  test("every dimension on its baseline is a target; one below its warning line is not", () => {
    expect(show(call("PROFILE", [[60, 60, 90, 90, 85, 80], [39, 60, 90, 90, 85, 80]], "external"))).toEqual([["Target customer"], ["Not a target"]]);
  });

  test("SPEC §4b: the highest tier whose line is met on every dimension", () => {
    const r = call(
      "PROFILE",
      [
        [50, 90, 80, 90, 90, 90],
        [30, 85, 90, 80, 85, 70],
        [10, 60, 60, 70, 60, 70],
        [9, 60, 60, 70, 60, 70],
      ],
      "internal",
    );
    expect(show(r)).toEqual([["Key account"], ["Important account"], ["General account"], ["Below general"]]);
  });

  test("internal credit may be left blank before credit management starts", () => {
    expect(one(call("PROFILE", [[50, 90, 80, "", 90, 90]], "内部"))).toBe("Key account");
  });

  test("bad rows err alone; a blank external score is #N/A", () => {
    expect(show(call("PROFILE", [[100, 95, 80, 90, 70, 90], [1, 2, 3, 4, 5, "x"], [1, 2, 3, 4, 5, ""], [1, 2, 3, 4, 5, 101]], null))).toEqual([
      ["Potential target"],
      ['#VALUE! row 2: professional level must be a number, got "x"'],
      ["#N/A row 3: professional level is missing"],
      ["#VALUE! row 4: professional level 101 is above its maximum 100 (allowed 0 to 100)"],
    ]);
  });

  test("not six columns is one error naming the dimensions of the kind", () => {
    expect(one(call("PROFILE", [[1, 2, 3]], "internal"))).toBe(
      "#VALUE! scores must have 6 columns (sales volume, profit contribution, quality requirement, credit, relationship, professional level), got 3",
    );
  });

  test("an unknown kind is one error", () => {
    expect(one(call("PROFILE", [[1, 2, 3, 4, 5, 6]], "middle"))).toBe('#VALUE! kind must be "external" or "internal", got "middle"');
  });

  test("Chinese class labels", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("PROFILE", [[100, 95, 80, 90, 70, 90], [60, 60, 90, 90, 85, 80], [39, 60, 90, 90, 85, 80]], null))).toEqual([
      ["潜在目标客户"],
      ["目标客户"],
      ["非目标客户"],
    ]);
  });
});
