import { ymdToSerial } from "../../src/domain/dates";
import { settingsSchema } from "../../src/domain/settings";
import { buildMigrationReport } from "../../src/reports/migration";
import { expectCellNamed, findCell, formatAt, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const d = ymdToSerial;
const zh = settingsSchema.parse({ language: "zh" });

/**
 * 2025: X 50, Y 30, Z 15, W 5 → X A, Y A, Z B, W C.
 * 2026: Y 50, Z 30, V 15, X 5 → Y A, Z A, V B, X C; W is gone.
 */
function dated() {
  return source("Sales", ["Date", "Customer", "Amount"], [
    [d(2025, 1, 5), "X", 20],
    ["2025-06-30", "X", 30],
    ["2025/3/1", "Y", 30],
    [d(2025, 12, 31), "Z", 15],
    [d(2025, 7, 1), "W", 5],
    [d(2026, 1, 1), "y", 50],
    [d(2026, 4, 1), "Z", 30],
    [d(2026, 12, 31), "V", 15],
    [d(2026, 2, 2), "X", 5],
    // before period 1: not counted
    [d(2024, 12, 31), "Old", 999],
  ]);
}

describe("ABC migration report", () => {
  const { plan, summary } = buildMigrationReport({ sales: dated() });

  test("a dated table splits into the 12 months up to the end of the latest month and the 12 before", () => {
    expect([summary.period1.label, summary.period2.label]).toEqual(["2025-01 – 2025-12", "2026-01 – 2026-12"]);
    expect([summary.period1.rows, summary.period2.rows]).toEqual([5, 4]);
    expect([summary.period1.total, summary.period2.total]).toEqual([100, 100]);
  });

  test("moves, matrix, new and lost (customer names matched case-insensitively)", () => {
    expect(summary.rows.map((r) => [r.customer, r.from, r.to, r.move])).toEqual([
      ["Z", "B", "A", "up"],
      ["X", "A", "C", "down"],
      ["Y", "A", "A", "unchanged"],
      ["V", null, "B", "new"],
      ["W", "C", null, "lost"],
    ]);
    expect(summary.counts).toEqual({ up: 1, down: 1, unchanged: 1, new: 1, lost: 1 });
    expect(planProblems(plan)).toEqual([]);
  });

  test("the sheet: matrices of customers and of both periods' amounts, with New and Lost", () => {
    const sheet = sheetOf(plan, "abc-migration");
    expect(sheet.name).toBe("ABC migration");
    const c = findCell(sheet, "Customers")!;
    expect(readRect(sheet, { row: c.row + 1, col: c.col, rows: 6, cols: 6 })).toEqual([
      ["From \\ to", "A", "B", "C", "Lost", "Total"],
      ["A", 1, 0, 1, 0, 2],
      ["B", 1, 0, 0, 0, 1],
      ["C", 0, 0, 0, 1, 1],
      ["New", 0, 1, 0, null, 1],
      ["Total", 2, 1, 1, 1, 5],
    ]);
    const a1 = findCell(sheet, "Amount, period 1")!;
    expect(readLine(sheet, { row: a1.row + 2, col: a1.col, rows: 1, cols: 6 })).toEqual(["A", 30, 0, 50, 0, 80]);
    const a2 = findCell(sheet, "Amount, period 2")!;
    expect(readLine(sheet, { row: a2.row + 5, col: a2.col, rows: 1, cols: 6 })).toEqual(["New", 0, 15, 0, null, 15]);
    expect(formatAt(sheet, a2.row + 2, a2.col + 1)).toBe("#,##0.00");
  });

  test("the list of customers that moved, appeared or were lost, with both amounts; unchanged ones are not listed", () => {
    const sheet = sheetOf(plan, "abc-migration");
    const t = sheet.tables!.find((x) => x.name === "KamAbcMigration")!.rect;
    expect(readRect(sheet, t)).toEqual([
      ["Customer", "Move", "Class, period 1", "Class, period 2", "Amount, period 1", "Amount, period 2", "Change"],
      ["Z", "Moved up", "B", "A", 15, 30, 15],
      ["X", "Moved down", "A", "C", 50, 5, -45],
      ["V", "New", null, "B", 0, 15, 15],
      ["W", "Lost", "C", null, 5, 0, -5],
    ]);
    const moves = sheet.conditional!.find((x) => x.rect.col === 1 && x.rect.row === t.row + 1)!;
    expect(moves.rules.map((r) => (r.op === "equal" ? [r.value, r.fill] : null))).toEqual([
      ["Moved up", "#C6EFCE"],
      ["New", "#C6EFCE"],
      ["Moved down", "#FFC7CE"],
      ["Lost", "#FFC7CE"],
    ]);
  });

  test("two tables: the compared one is period 1, each whole table one period", () => {
    const before = source("2025", ["Customer", "Sales"], [
      ["X", 50],
      ["Y", 30],
      ["Z", 15],
      ["W", 5],
    ]);
    const after = source("2026", ["客户", "销售额"], [
      ["Y", 50],
      ["Z", 30],
      ["V", 15],
      ["X", 5],
    ]);
    const r = buildMigrationReport({ sales: after, compare: before });
    expect([r.summary.period1.label, r.summary.period2.label]).toEqual(["2025", "2026"]);
    expect(r.summary.counts).toEqual(summary.counts);
  });

  test("as-of and months choose the periods", () => {
    const r = buildMigrationReport({ sales: dated() }, { asOf: "2026-06-30", months: 6 });
    expect([r.summary.period1.label, r.summary.period2.label]).toEqual(["2025-07 – 2025-12", "2026-01 – 2026-06"]);
    // 2025-07..12: Z 15 (A), W 5 (B, prior 75 %); X's 2025-06-30 is outside.
    // 2026-01..06: y 50 (A), Z 30 (B, prior 58.8 %), X 5 (C). The first spelling read is shown.
    expect(r.summary.rows.map((x) => [x.customer, x.from, x.to, x.move])).toEqual([
      ["Z", "A", "B", "down"],
      ["y", null, "A", "new"],
      ["X", null, "C", "new"],
      ["W", "B", null, "lost"],
    ]);
  });

  test("Chinese labels", () => {
    const r = buildMigrationReport({ sales: dated() }, {}, zh);
    const sheet = sheetOf(r.plan, "abc-migration");
    expect(sheet.name).toBe("ABC 迁移");
    const t = sheet.tables![0].rect;
    expect(readLine(sheet, { row: t.row + 1, col: 0, rows: 1, cols: 4 })).toEqual(["Z", "上升", "B类", "A类"]);
  });

  test("a bad date names the cell; a bad option is refused", () => {
    const bad = source("Sales", ["Date", "Customer", "Amount"], [
      ["2026-01-01", "X", 1],
      ["1/2/2026", "X", 1],
    ]);
    expectCellNamed(inputErrorOf(() => buildMigrationReport({ sales: bad })), "Sales", "Date", "A", "A3");
    expect(inputErrorOf(() => buildMigrationReport({ sales: dated() }, { months: 1.5 })).code).toBe("bad_option_months");
    expect(inputErrorOf(() => buildMigrationReport({ sales: dated() }, { a: 0.9, b: 0.3 })).en).toContain("A + B must not exceed 100 %");
  });

  test("customers without sales in either period are left out with a warning", () => {
    const r = buildMigrationReport({ sales: source("S", ["Customer", "Sales"], [["A", 10], ["Ret", -3]]), compare: source("P", ["Customer", "Sales"], [["A", 10], ["Ret", 0]]) });
    expect(r.summary.withoutSales).toEqual(["Ret"]);
    expect(r.plan.warnings?.[0].en).toBe("1 customer(s) had no sales (a net amount of 0 or below) in either period and are left out: Ret");
  });
});
