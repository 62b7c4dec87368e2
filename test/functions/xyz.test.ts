/** KAM.XYZ (issue 8) as a user calls it. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

const steady = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100];

describe("KAM.XYZ", () => {
  test("one row of months per customer → X, Y or Z", () => {
    const r = call("XYZ", [steady, [90, 110, 90, 110, 90, 110, 90, 110, 90, 110, 90, 110], [80, 120, 80, 120, 80, 120, 80, 120, 80, 120, 80, 120], [0, 300, 0, 300, 0, 300, 0, 300, 0, 300, 0, 300]]);
    expect(show(r)).toEqual([["X"], ["X"], ["Y"], ["Z"]]);
  });

  test("a blank month is a month without sales", () => {
    expect(one(call("XYZ", [[100, 100, 100, "", 100, 100, 100, 100]]))).toBe("Z");
  });

  test("one month of history, a new customer, and returns only are #N/A with the reason", () => {
    const r = call("XYZ", [
      ["", "", "", "", "", "", "", "", "", "", "", 500],
      ["", "", "", "", "", "", "", "", 80, 100, 120, 100],
      [100, -300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(show(r)).toEqual([
      ["#N/A row 1: not enough history: 1 month since the first sale, at least 6 needed"],
      ["#N/A row 2: not enough history: 4 months since the first sale, at least 6 needed"],
      ["#N/A row 3: not enough history: the monthly mean is -16.6666666667, so variability cannot be measured"],
    ]);
  });

  test("text that is no number is #VALUE! naming the row and the month; other rows still compute", () => {
    const r = call("XYZ", [steady, [100, 100, "about 100", 100, 100, 100]]);
    expect(show(r)).toEqual([["X"], ['#VALUE! row 2: month 3: monthly amount must be a number, got "about 100"']]);
  });

  test("empty rows of a generous range stay empty (Excel desktop passes 0 for empty cells)", () => {
    expect(show(call("XYZ", [steady, ["", "", ""].concat(Array(9).fill("")), Array(12).fill(0)]))).toEqual([["X"], [""], [""]]);
  });

  test("a single column is one customer's months", () => {
    expect(show(call("XYZ", steady.map((x) => [x])))).toEqual([["X"]]);
  });

  test("an empty range is one #N/A", () => {
    expect(one(call("XYZ", []))).toBe("#N/A monthly_amounts is an empty range");
  });

  test("the message in Chinese; the class letters stay codes", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("XYZ", [steady, [1, 2]]))).toEqual([["X"], ["#N/A 第 2 行：历史数据不足：自首次销售起仅 2 个月，至少需要 6 个月"]]);
  });

  test("the lines come from the workbook settings", () => {
    setSettings({ ...DEFAULT_SETTINGS, xyz: { ...DEFAULT_SETTINGS.xyz, x: 0.3, y: 0.5 } });
    expect(one(call("XYZ", [[80, 120, 80, 120, 80, 120]]))).toBe("X");
  });
});
