/** KAM.ABC and KAM.ABCTABLE (SPEC §3) as a user calls them. */
import { call, misuse, one, show } from "./cf-double";
import "../../src/functions/functions";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

beforeEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("KAM.ABC", () => {
  test("rows of one customer are summed first; each row shows its customer's class", () => {
    const r = call("ABC", col(40, 30, 20, 10), col("Acme", "Beta", "Acme", "Gamma"), null, null);
    // Acme 60 (prior 0 → A), Beta 30 (prior 60 % → B), Gamma 10 (prior 90 % → C)
    expect(show(r)).toEqual([["A"], ["B"], ["A"], ["C"]]);
  });

  test("the customer that crosses the 55 % line is still A; a prior exactly on the 85 % line is C", () => {
    expect(show(call("ABC", col(50, 30, 15, 5), col("a", "b", "c", "d"), null, null))).toEqual([["A"], ["A"], ["B"], ["C"]]);
    expect(show(call("ABC", col(60, 25, 10, 5), col("a", "b", "c", "d"), null, null))).toEqual([["A"], ["B"], ["C"], ["C"]]);
  });

  test("the largest customer is always A, even above 55 % alone", () => {
    expect(show(call("ABC", col(90, 10), col("big", "small"), null, null))).toEqual([["A"], ["C"]]);
  });

  test("equal amounts share the class of the first of them", () => {
    expect(show(call("ABC", col(50, 30, 10, 10), col("a", "b", "c", "d"), null, null))).toEqual([["A"], ["A"], ["B"], ["B"]]);
  });

  test("zero and net-negative customers are C", () => {
    expect(show(call("ABC", col(70, 30, 0, -5), col("a", "b", "z", "n"), null, null))).toEqual([["A"], ["B"], ["C"], ["C"]]);
  });

  test("without customers every row is its own customer", () => {
    expect(show(call("ABC", col(10, 60, 30), null, null, null))).toEqual([["C"], ["A"], ["B"]]);
  });

  test("thresholds are fractions and configurable per call", () => {
    // a = 70 %, b = 20 %: b's prior 60 % is still A.
    expect(show(call("ABC", col(60, 25, 10, 5), col("a", "b", "c", "d"), 0.7, 0.2))).toEqual([["A"], ["A"], ["B"], ["C"]]);
    expect(show(call("ABC", col(60, 25, 10, 5), col("a", "b", "c", "d"), "70%", "20%"))).toEqual([["A"], ["A"], ["B"], ["C"]]);
  });

  test("thresholds out of range are one error with a hint", () => {
    expect(one(call("ABC", col(60, 25), col("a", "b"), 55, null))).toBe(
      "#VALUE! the A share must be below 100 %, got 55 (write 55 % as 0.55 or 55%)",
    );
    expect(one(call("ABC", col(60, 25), col("a", "b"), 0.8, 0.3))).toBe("#VALUE! A + B must not exceed 100 %, got 80 % + 30 % = 110 %");
    expect(one(call("ABC", col(60, 25), col("a", "b"), "lots", null))).toBe('#VALUE! the A share must be a number, got "lots"');
  });

  test("the workbook's thresholds apply when the arguments are left out or blank", () => {
    const s = parseSettings({ abc: { a: 0.7, b: 0.2 } });
    if (!s.ok) throw new Error("settings");
    setSettings(s.settings);
    expect(show(call("ABC", col(60, 25, 10, 5), col("a", "b", "c", "d"), null, null))).toEqual([["A"], ["A"], ["B"], ["C"]]);
    expect(show(call("ABC", col(60, 25, 10, 5), col("a", "b", "c", "d"), "", [[null]]))).toEqual([["A"], ["A"], ["B"], ["C"]]);
  });

  test("a blank or non-numeric amount is an error for its row only, naming the row", () => {
    expect(show(call("ABC", col(60, "", "n/a", 40), col("a", "b", "c", "d"), null, null))).toEqual([
      ["A"],
      ["#N/A row 2: amount is missing"],
      ['#VALUE! row 3: amount must be a number, got "n/a"'],
      ["B"],
    ]);
  });

  test("a blank customer beside an amount is an error for its row", () => {
    expect(show(call("ABC", col(60, 40), col("a", ""), null, null))).toEqual([["A"], ["#N/A row 2: customer is missing"]]);
  });

  test("rows with neither amount nor customer are left empty — also as the 0s Excel desktop passes", () => {
    expect(show(call("ABC", col(60, "", 40, null, 0), col("a", "", "b", null, 0), null, null))).toEqual([["A"], [""], ["B"], [""], [""]]);
  });

  test("ranges of different lengths are one error", () => {
    expect(one(call("ABC", col(1, 2, 3), col("a", "b"), null, null))).toBe(
      "#VALUE! customers has 2 rows but amounts has 3; they must be the same length",
    );
  });

  test("several columns of amounts are one error", () => {
    expect(one(call("ABC", [[1, 2], [3, 4]], null, null, null))).toBe(
      "#VALUE! amounts must be a single column (or a single row), got 2 rows × 2 columns",
    );
  });

  test("a range that is one cell wide at the top but wider further down is one error, for either argument and either function", () => {
    const amounts = [[40], [30], [20, 5], [10]];
    const customers = col("a", "b", "c", "d");
    expect(one(call("ABC", amounts, customers, null, null))).toBe(
      "#VALUE! amounts must be a single column (or a single row), got 4 rows × 2 columns",
    );
    expect(one(call("ABCTABLE", amounts, customers, null, null))).toBe(
      "#VALUE! amounts must be a single column (or a single row), got 4 rows × 2 columns",
    );
    expect(one(call("ABC", amounts, null, null, null))).toBe(
      "#VALUE! amounts must be a single column (or a single row), got 4 rows × 2 columns",
    );
    const wideCustomers = [["a"], ["b"], ["c"], ["d", "e", "f"]];
    expect(one(call("ABC", col(40, 30, 20, 10), wideCustomers, null, null))).toBe(
      "#VALUE! customers must be a single column (or a single row), got 4 rows × 3 columns",
    );
    expect(one(call("ABCTABLE", col(40, 30, 20, 10), wideCustomers, null, null))).toBe(
      "#VALUE! customers must be a single column (or a single row), got 4 rows × 3 columns",
    );
  });

  test("a row of amounts gives a row of classes", () => {
    expect(show(call("ABC", [[40, 30, 20, 10]], [["Acme", "Beta", "Acme", "Gamma"]], null, null))).toEqual([["A", "B", "A", "C"]]);
  });

  test("Chinese class labels once the workbook says so", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("ABC", col(40, 30, 20, 10, ""), col("Acme", "Beta", "Acme", "Gamma", "Delta"), null, null))).toEqual([
      ["A"],
      ["B"],
      ["A"],
      ["C"],
      ["#N/A 第 5 行：缺少金额"],
    ]);
  });
});

describe("KAM.ABCTABLE", () => {
  test("one row per customer, largest first: rank, customer, amount, share, cumulative share, class", () => {
    const r = call("ABCTABLE", col(40, 30, 20, 10), col("Acme", "Beta", "Acme", "Gamma"), null, null);
    expect(show(r)).toEqual([
      [1, "Acme", 60, 0.6, 0.6, "A"],
      [2, "Beta", 30, 0.3, 0.9, "B"],
      [3, "Gamma", 10, 0.1, 1, "C"],
    ]);
  });

  test("ties are broken by customer name, so the table is the same every time", () => {
    const r = show(call("ABCTABLE", col(10, 10, 10), col("Carol", "Alice", "Bob"), null, null)) as unknown[][];
    expect(r.map((row) => row[1])).toEqual(["Alice", "Bob", "Carol"]);
    expect(r.map((row) => row[5])).toEqual(["A", "A", "A"]);
  });

  test("a net-negative customer is C, left out of the total, its share negative", () => {
    const r = show(call("ABCTABLE", col(80, 20, -10), col("a", "b", "n"), null, null));
    expect(r).toEqual([
      [1, "a", 80, 0.8, 0.8, "A"],
      [2, "b", 20, 0.2, 1, "B"],
      [3, "n", -10, -0.1, 1, "C"],
    ]);
  });

  test("rows with an input error follow the table, one error each; empty rows are not listed", () => {
    const r = show(call("ABCTABLE", col(60, "", "x", 40, "", 0), col("a", "", "c", "b", "e", 0), null, null));
    expect(r).toEqual([
      [1, "a", 60, 0.6, 0.6, "A"],
      [2, "b", 40, 0.4, 1, "B"],
      ['#VALUE! row 3: amount must be a number, got "x"', "", "", "", "", ""],
      ["#N/A row 5: amount is missing", "", "", "", "", ""],
    ]);
  });

  test("a customer really named 0 is listed", () => {
    const r = show(call("ABCTABLE", col(60, 0), col("a", 0 as unknown), null, null));
    expect(r).toEqual([[1, "a", 60, 1, 1, "A"]]);
    const real = show(call("ABCTABLE", col(60, 5, 0), col("a", 0, 0), null, null));
    expect(real).toEqual([
      [1, "a", 60, 60 / 65, 60 / 65, "A"],
      [2, "0", 5, 5 / 65, 1, "C"],
    ]);
  });

  test("customers are required", () => {
    expect(one(call("ABCTABLE", col(1, 2), null, null, null))).toBe("#N/A customers is required");
  });

  test("only empty rows is one #N/A", () => {
    expect(one(call("ABCTABLE", col("", null), col("", null), null, null))).toBe("#N/A amounts and customers contain no rows with data");
  });

  test("Chinese class labels", () => {
    setSettings({ ...DEFAULT_SETTINGS, language: "zh" });
    expect(show(call("ABCTABLE", col(60, 40), col("甲", "乙"), null, null))).toEqual([
      [1, "甲", 60, 0.6, 0.6, "A"],
      [2, "乙", 40, 0.4, 1, "B"],
    ]);
  });
});
