import fc from "fast-check";
import { DEFAULT_SETTINGS, settingsSchema } from "../../src/domain/settings";
import { buildAbcReport } from "../../src/reports/abc";
import { cellAt, expectCellNamed, formatAt, inputErrorOf, planProblems, readLine, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });

/** SPEC §3 golden case: shares 50, 20, 15, 10, 5 %. */
function golden() {
  return source("Sales", ["Customer", "Amount"], [
    ["Q", 20],
    ["P", 50],
    ["S", 10],
    ["R", 15],
    ["T", 5],
  ]);
}

describe("ABC report: classes (SPEC §3)", () => {
  test("the largest customer is A, the customer that reaches 70 % is still A, the next is B, a customer starting on the 85 % line is C", () => {
    const { plan, summary } = buildAbcReport({ sales: golden() });
    const sheet = sheetOf(plan, "abc");
    const table = sheet.tables![0];
    const rows = table.rect.rows - 1;
    const got = Array.from({ length: rows }, (_, k) => [cellAt(sheet, table.rect.row + 1 + k, 1), cellAt(sheet, table.rect.row + 1 + k, 5)]);
    expect(got).toEqual([
      ["P", "A"],
      ["Q", "A"],
      ["R", "B"],
      ["S", "C"],
      ["T", "C"],
    ]);
    expect(summary.classes.map((c) => [c.class, c.customers])).toEqual([
      ["A", 2],
      ["B", 1],
      ["C", 2],
    ]);
    expect(summary.total).toBe(100);
    expect(summary.customers).toBe(5);
    expect(summary.ranked.map((r) => [r.rank, r.customer, r.class])).toEqual(got.map(([c, k], i) => [i + 1, c, k]));
  });

  test("rows of one customer are summed, names compared after trimming", () => {
    const s = source("Sales", ["Customer", "Amount"], [
      ["Acme", 10],
      ["Beta", 30],
      [" Acme ", 25],
      ["Acme", "5"],
    ]);
    const { plan, summary } = buildAbcReport({ sales: s });
    const sheet = sheetOf(plan, "abc");
    expect(summary.rows).toBe(4);
    expect(summary.customers).toBe(2);
    expect(cellAt(sheet, 4, 1)).toBe("Acme");
    expect(cellAt(sheet, 4, 2)).toBe(40);
    expect(cellAt(sheet, 5, 2)).toBe(30);
  });

  test("rank, share and cumulative share are written as numbers", () => {
    const sheet = sheetOf(buildAbcReport({ sales: golden() }).plan, "abc");
    expect(readLine(sheet, { row: 4, col: 0, rows: 5, cols: 1 })).toEqual([1, 2, 3, 4, 5]);
    expect(cellAt(sheet, 5, 3)).toBeCloseTo(0.2);
    expect(cellAt(sheet, 5, 4)).toBeCloseTo(0.7);
  });

  test("thresholds from options override the workbook settings", () => {
    const { summary } = buildAbcReport({ sales: golden() }, { a: "40%", b: 0.4 });
    expect(summary.thresholds).toEqual({ a: 0.4, b: 0.4 });
    expect(summary.classes.map((c) => c.customers)).toEqual([1, 2, 2]);
  });

  test("a customer with a net negative amount is C and reported as a warning in both languages", () => {
    const s = source("Sales", ["Customer", "Amount"], [
      ["A1", 100],
      ["Returns", -20],
    ]);
    const { plan, summary } = buildAbcReport({ sales: s });
    expect(plan.warnings?.length).toBe(1);
    expect(plan.warnings![0].en).toContain("Returns");
    expect(plan.warnings![0].zh).toContain("Returns");
    expect(summary.warnings.length).toBe(1);
    const sheet = sheetOf(plan, "abc");
    expect(cellAt(sheet, 5, 1)).toBe("Returns");
    expect(cellAt(sheet, 5, 5)).toBe("C");
  });
});

describe("ABC report: layout", () => {
  test("English sheet and headers", () => {
    const { plan } = buildAbcReport({ sales: golden() });
    const sheet = sheetOf(plan, "abc");
    expect(sheet.name).toBe("ABC analysis");
    expect(readLine(sheet, { row: 3, col: 0, rows: 1, cols: 6 })).toEqual(["Rank", "Customer", "Sales", "Share", "Cumulative share", "Class"]);
    expect(plan.activate).toBe("abc");
    expect(sheet.freeze).toEqual({ rows: 4, cols: 0 });
  });

  test("Chinese sheet name and labels; profit basis changes labels and key", () => {
    const sales = buildAbcReport({ sales: golden() }, {}, zh);
    expect(sheetOf(sales.plan, "abc").name).toBe("ABC 分析");
    expect(cellAt(sheetOf(sales.plan, "abc"), 3, 2)).toBe("销售额");
    expect(cellAt(sheetOf(sales.plan, "abc"), 4, 5)).toBe("A类");

    const s = source("Sales", ["客户", "利润"], [
      ["甲", 5],
      ["乙", 3],
    ]);
    const profit = buildAbcReport({ sales: s }, { basis: "profit" }, zh);
    const sheet = sheetOf(profit.plan, "abc-profit");
    expect(sheet.name).toBe("ABC 分析（利润）");
    expect(cellAt(sheet, 3, 2)).toBe("利润");
    expect(cellAt(sheet, 0, 0)).toContain("利润");
    expect(profit.columns.map((c) => c.role)).toEqual(["customer", "profit"]);
  });

  test("the ABC table is an Excel table over the header and data, with number formats", () => {
    const sheet = sheetOf(buildAbcReport({ sales: golden() }).plan, "abc");
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables![0].rect).toEqual({ row: 3, col: 0, rows: 6, cols: 6 });
    expect(formatAt(sheet, 4, 2)).toBe("#,##0.00");
    expect(formatAt(sheet, 4, 3)).toBe("0.0%");
    expect(formatAt(sheet, 4, 4)).toBe("0.0%");
  });

  test("classes are coloured by conditional formats: A green, B amber, C grey", () => {
    const sheet = sheetOf(buildAbcReport({ sales: golden() }).plan, "abc");
    const onClass = sheet.conditional!.find((c) => c.rect.col === 5)!;
    expect(onClass.rect).toEqual({ row: 4, col: 5, rows: 5, cols: 1 });
    const fills = Object.fromEntries(onClass.rules.map((r) => [r.op === "equal" ? r.value : "?", r.fill]));
    expect(fills).toEqual({ A: "#C6EFCE", B: "#FFEB9C", C: "#E7E6E6" });
  });

  test("the class summary lists customers, amount and both shares per class, with a total", () => {
    const sheet = sheetOf(buildAbcReport({ sales: golden() }).plan, "abc");
    expect(readLine(sheet, { row: 3, col: 9, rows: 1, cols: 5 })).toEqual(["Class", "Customers", "Sales", "Share of customers", "Share of amount"]);
    const a = readLine(sheet, { row: 4, col: 9, rows: 1, cols: 5 });
    expect(a[0]).toBe("A");
    expect(a[1]).toBe(2);
    expect(a[2]).toBe(70);
    expect(a[3]).toBeCloseTo(0.4);
    expect(a[4]).toBeCloseTo(0.7);
    const total = readLine(sheet, { row: 7, col: 9, rows: 1, cols: 5 });
    expect(total[0]).toBe("Total");
    expect(total[1]).toBe(5);
    expect(total[4]).toBeCloseTo(1);
  });

  test("Pareto chart: amount columns by customer, cumulative share on a secondary 0–100 % axis, A and B lines", () => {
    const { plan } = buildAbcReport({ sales: golden() });
    const sheet = sheetOf(plan, "abc");
    const chart = sheet.charts![0];
    expect(chart.type).toBe("combo");
    expect(readLine(sheet, chart.categories)).toEqual(["P", "Q", "R", "S", "T"]);
    const [amount, cumulative, aLine, bLine] = chart.series;
    expect(amount.kind).toBe("column");
    expect(readLine(sheet, amount.values)).toEqual([50, 20, 15, 10, 5]);
    expect(cumulative.kind).toBe("line");
    expect(cumulative.axis).toBe("secondary");
    expect(readLine(sheet, cumulative.values).map((v) => Number((v as number).toFixed(6)))).toEqual([0.5, 0.7, 0.85, 0.95, 1]);
    expect(readLine(sheet, aLine.values)).toEqual([0.55, 0.55, 0.55, 0.55, 0.55]);
    expect(readLine(sheet, bLine.values).map((v) => Number((v as number).toFixed(9)))).toEqual([0.85, 0.85, 0.85, 0.85, 0.85]);
    expect(aLine.axis).toBe("secondary");
    expect(bLine.dashed).toBe(true);
    expect(chart.secondaryAxis).toMatchObject({ min: 0, max: 1 });
    // The helper columns are hidden; the chart must plot them anyway.
    expect(sheet.hiddenColumns).toEqual([aLine.values.col, bLine.values.col]);
    expect(chart.title).not.toContain("top");
  });

  test("with many customers only the top N are charted and the title says so", () => {
    const rows = Array.from({ length: 120 }, (_, k) => [`C${String(k).padStart(3, "0")}`, 1000 - k]);
    const { plan, summary } = buildAbcReport({ sales: source("Sales", ["Customer", "Amount"], rows) });
    const sheet = sheetOf(plan, "abc");
    const chart = sheet.charts![0];
    expect(summary.charted).toBe(50);
    expect(chart.title).toContain("top 50 of 120");
    expect(chart.categories.rows).toBe(50);
    expect(readLine(sheet, chart.categories)[49]).toBe("C049");
    for (const s of chart.series) expect(s.values.rows).toBe(50);
    expect(planProblems(plan)).toEqual([]);

    const zhPlan = buildAbcReport({ sales: source("Sales", ["Customer", "Amount"], rows) }, { topN: 10 }, zh).plan;
    expect(sheetOf(zhPlan, "abc").charts![0].title).toContain("前 10 名，共 120 个客户");
  });

  test("customer names that look like formulas stay text", () => {
    const s = source("Sales", ["Customer", "Amount"], [
      ['=HYPERLINK("http://x","y")', 10],
      ["+1", 5],
      ["-2", 3],
      ["@SUM(A1)", 2],
    ]);
    const sheet = sheetOf(buildAbcReport({ sales: s }).plan, "abc");
    expect(readLine(sheet, { row: 4, col: 1, rows: 4, cols: 1 })).toEqual(['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"]);
  });

  test("numeric customer ids become text names", () => {
    const s = source("Sales", ["Customer", "Amount"], [
      [1001, 10],
      [1002, 5],
    ]);
    const sheet = sheetOf(buildAbcReport({ sales: s }).plan, "abc");
    expect(cellAt(sheet, 4, 1)).toBe("1001");
  });

  test("plans keep the layout rules", () => {
    expect(planProblems(buildAbcReport({ sales: golden() }).plan)).toEqual([]);
    expect(planProblems(buildAbcReport({ sales: golden() }, {}, zh).plan)).toEqual([]);
  });
});

describe("ABC report: columns", () => {
  test("reports which columns were chosen, by header and letter", () => {
    const s = source("Sales", ["Date", "Customer", "Region", "Sales"], [["2025-01-01", "A", "N", 5]], { col: 1 });
    const { columns } = buildAbcReport({ sales: s });
    expect(columns.map((c) => [c.role, c.header, c.letter])).toEqual([
      ["customer", "Customer", "C"],
      ["amount", "Sales", "E"],
    ]);
  });

  test("a column can be chosen by letter or by header text", () => {
    const s = source("Sales", ["Who", "Qty", "Net"], [
      ["A", 1, 30],
      ["B", 2, 10],
    ]);
    const { columns, summary } = buildAbcReport({ sales: s }, { customerColumn: "Who", amountColumn: "C" });
    expect(columns.map((c) => [c.role, c.letter, c.overridden])).toEqual([
      ["customer", "A", true],
      ["amount", "C", true],
    ]);
    expect(summary.total).toBe(40);
  });

  test("a chosen column that does not exist is named with the headers found", () => {
    const s = source("Sales", ["Customer", "Amount"], [["A", 1]]);
    const e = inputErrorOf(() => buildAbcReport({ sales: s }, { amountColumn: "Revenue 2025" }));
    expect(e.en).toContain("Sheet 'Sales'");
    expect(e.en).toContain('"Revenue 2025"');
    expect(e.en).toContain("Customer (A), Amount (B)");
    expect(e.zh).toContain("工作表“Sales”");
  });

  test("a missing amount column lists the headers found and the names accepted", () => {
    const s = source("Sales", ["Customer", "Qty", "Date"], [["A", 1, 2]]);
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expect(e.code).toBe("missing_column");
    expect(e.en).toContain("Sheet 'Sales'");
    expect(e.en).toContain("Customer (A), Qty (B), Date (C)");
    expect(e.en).toContain('"Amount"');
    expect(e.zh).toContain("找到的标题");
    expect(e.zh).toContain("销售额");
  });
});

describe("ABC report: bad input stops the report with the cell named", () => {
  const rows = (bad: unknown) => Array.from({ length: 20 }, (_, k) => [`C${k}`, k === 15 ? bad : 10 + k]);

  test("text in the amount column", () => {
    const s = source("Sales", ["Date", "Customer", "Amount"], rows("abc").map((r) => ["2025-01-01", ...r]));
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expectCellNamed(e, "Sales", "Amount", "C", "C17");
    expect(e.en).toBe(`Sheet 'Sales', column 'Amount' (C), cell C17: "abc" is not a number`);
    expect(e.zh).toContain("“abc” 不是数字");
  });

  test("cell addresses follow where the table sits on the sheet", () => {
    const s = source("Q1 sales", ["Customer", "Amount"], rows("n/a"), { row: 4, col: 3 });
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expectCellNamed(e, "Q1 sales", "Amount", "E", "E21");
  });

  test("a blank amount is named as missing", () => {
    const s = source("Sales", ["Customer", "Amount"], rows(""));
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expectCellNamed(e, "Sales", "Amount", "B", "B17");
    expect(e.en).toContain("empty");
  });

  test("an Excel error value is named", () => {
    const s = source("Sales", ["Customer", "Amount"], rows("#N/A"));
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expectCellNamed(e, "Sales", "Amount", "B", "B17");
    expect(e.en).toContain("#N/A");
  });

  test("a blank customer with an amount is named", () => {
    const s = source("Sales", ["Customer", "Amount"], [
      ["A", 1],
      ["", 5],
    ]);
    const e = inputErrorOf(() => buildAbcReport({ sales: s }));
    expectCellNamed(e, "Sales", "Customer", "A", "A3");
  });

  test("entirely blank rows are skipped", () => {
    const s = source("Sales", ["Customer", "Amount"], [["A", 1], ["", ""], [null, null], ["B", 2]]);
    expect(buildAbcReport({ sales: s }).summary.customers).toBe(2);
  });

  test("a table without data says so", () => {
    const e = inputErrorOf(() => buildAbcReport({ sales: source("Sales", ["Customer", "Amount"], [["", ""]]) }));
    expect(e.en).toContain("Sheet 'Sales' has no data");
    expect(e.zh).toContain("没有数据");
  });

  test("bad thresholds and options are refused", () => {
    expect(inputErrorOf(() => buildAbcReport({ sales: golden() }, { a: 0.9, b: 0.3 })).en).toContain("ABC thresholds");
    expect(inputErrorOf(() => buildAbcReport({ sales: golden() }, { topN: 0 })).en).toContain("at least 1");
  });
});

describe("ABC report: properties", () => {
  test("for any sales table: classes are ordered, summary adds up, the chart reads the top customers, layout rules hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("Acme", "Beta", "Gamma", "Delta", "Eps", "Zeta", "Eta", "Theta", "=X()", "+7"), fc.integer({ min: 0, max: 10_000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 8 }),
        (rows, topN) => {
          const { plan, summary } = buildAbcReport({ sales: source("Sales", ["Customer", "Amount"], rows) }, { topN }, DEFAULT_SETTINGS);
          const sheet = sheetOf(plan, "abc");
          expect(planProblems(plan)).toEqual([]);
          const n = summary.customers;
          expect(summary.classes.reduce((a, c) => a + c.customers, 0)).toBe(n);
          const classes = readLine(sheet, { row: 4, col: 5, rows: n, cols: 1 }) as string[];
          expect([...classes].sort()).toEqual(classes);
          const amounts = readLine(sheet, { row: 4, col: 2, rows: n, cols: 1 }) as number[];
          for (let k = 1; k < n; k++) expect(amounts[k - 1]).toBeGreaterThanOrEqual(amounts[k]);
          const chart = sheet.charts![0];
          expect(readLine(sheet, chart.categories)).toEqual(readLine(sheet, { row: 4, col: 1, rows: Math.min(topN, n), cols: 1 }));
          for (const name of readLine(sheet, chart.categories)) expect(typeof name).toBe("string");
        },
      ),
      { numRuns: 60 },
    );
  });
});
