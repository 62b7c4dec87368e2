import { ymdToSerial } from "../../src/domain/dates";
import { settingsSchema } from "../../src/domain/settings";
import { buildCreditReport } from "../../src/reports/credit";
import { cellAt, expectCellNamed, findCell, formatAt, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });
const HEADER = ["Customer", "Volume", "Performance", "Risk", "Red list since"];

function accounts() {
  return source("Credit", HEADER, [
    ["Acme", 40, 45, -5, ""], // 80 AAA green
    ["Beta", 30, 35, -5, ""], // 60 AA yellow
    ["Gamma", 20, 20, -10, "2025-01-15"], // 30 A red for 13 months → revoke
    ["Delta", 10, 20, -20, ymdToSerial(2025, 6, 1)], // 10 A red for 9 months
    ["Eps", 10, 10, -10, ""], // 10 A red, no date
  ]);
}

const asOf = "2026-03-01";

describe("Credit report (SPEC §2)", () => {
  test("score, grade, list, action and priority per account; 80 is AAA and 60 is AA", () => {
    const { plan, summary } = buildCreditReport({ accounts: accounts() }, { asOf });
    const sheet = sheetOf(plan, "credit");
    expect(sheet.name).toBe("Credit review");
    const t = sheet.tables![0].rect;
    expect(readLine(sheet, { ...t, rows: 1 })).toEqual([
      "Customer",
      "Volume (0–50)",
      "Performance (0–50)",
      "Risk (−50–0)",
      "Credit score",
      "Grade",
      "List",
      "Action",
      "Policy priority",
      "On red list since",
      "Months on red list",
      "Revoke key-account status",
    ]);
    const body = readRect(sheet, { row: t.row + 1, col: 0, rows: 5, cols: t.cols });
    expect(body.map((r) => r.slice(0, 1).concat(r.slice(4, 9)))).toEqual([
      ["Acme", 80, "AAA", "Green list", "Normal management", 1],
      ["Beta", 60, "AA", "Yellow list", "Watch", 2],
      ["Gamma", 30, "A", "Red list", "Act now", 3],
      ["Delta", 10, "A", "Red list", "Act now", 3],
      ["Eps", 10, "A", "Red list", "Act now", 3],
    ]);
    expect(summary.grades).toEqual({ AAA: 1, AA: 1, A: 3 });
    expect(summary.lists).toEqual({ green: 1, yellow: 1, red: 3 });
    expect(planProblems(plan)).toEqual([]);
  });

  test("an account on the red list for 12 months or more loses key-account status", () => {
    const { plan, summary } = buildCreditReport({ accounts: accounts() }, { asOf });
    const sheet = sheetOf(plan, "credit");
    const gamma = findCell(sheet, "Gamma")!;
    expect(cellAt(sheet, gamma.row, 9)).toBe(ymdToSerial(2025, 1, 15));
    expect(formatAt(sheet, gamma.row, 9)).toBe("yyyy-mm-dd");
    expect(cellAt(sheet, gamma.row, 10)).toBe(13);
    expect(cellAt(sheet, gamma.row, 11)).toBe("Yes");
    const delta = findCell(sheet, "Delta")!;
    expect(cellAt(sheet, delta.row, 10)).toBe(9);
    expect(cellAt(sheet, delta.row, 11)).toBeNull();
    expect(summary.revoke).toEqual(["Gamma"]);
    // A red account without a date cannot be checked: said in a warning.
    expect(summary.redWithoutDate).toEqual(["Eps"]);
    expect(plan.warnings![0].en).toContain("Eps");
    expect(plan.warnings![0].zh).toContain("Eps");
  });

  test("the review date defaults to today and is shown", () => {
    const { summary, plan } = buildCreditReport({ accounts: accounts() });
    expect(summary.asOf).toBeGreaterThan(ymdToSerial(2024, 1, 1));
    expect(String(cellAt(sheetOf(plan, "credit"), 1, 0))).toContain("As of");
  });

  test("lists are coloured green, amber and red", () => {
    const sheet = sheetOf(buildCreditReport({ accounts: accounts() }, { asOf }).plan, "credit");
    const onList = sheet.conditional!.find((c) => c.rect.col === 6)!;
    expect(onList.rect).toEqual({ row: 4, col: 6, rows: 5, cols: 1 });
    expect(onList.rules.map((r) => (r.op === "equal" ? [r.value, r.fill] : []))).toEqual([
      ["Green list", "#C6EFCE"],
      ["Yellow list", "#FFEB9C"],
      ["Red list", "#FFC7CE"],
    ]);
  });

  test("volume points are computed from annual sales when no volume column is given", () => {
    const s = source("Credit", ["Customer", "Annual sales", "Performance", "Risk"], [
      ["Big", 10_000_000, 40, -5],
      ["Mid", 1_000_000, 40, -5],
    ]);
    const { plan, summary } = buildCreditReport({ accounts: s }, { asOf });
    expect(summary.volumeFrom).toBe("annualSales");
    const sheet = sheetOf(plan, "credit");
    expect(readLine(sheet, { row: 3, col: 0, rows: 1, cols: 3 })).toEqual(["Customer", "Annual sales", "Volume (0–50)"]);
    expect(readRect(sheet, { row: 4, col: 0, rows: 2, cols: 6 })).toEqual([
      ["Big", 10_000_000, 50, 40, -5, 85],
      ["Mid", 1_000_000, 20, 40, -5, 55],
    ]);
    expect(formatAt(sheet, 4, 1)).toBe("#,##0.00");
    expect(planProblems(plan)).toEqual([]);
  });

  test("Chinese report", () => {
    const { plan } = buildCreditReport({ accounts: accounts() }, { asOf }, zh);
    const sheet = sheetOf(plan, "credit");
    expect(sheet.name).toBe("信用评级");
    expect(readLine(sheet, { row: 4, col: 5, rows: 1, cols: 3 })).toEqual(["AAA级", "绿名单", "正常管理"]);
    expect(cellAt(sheet, findCell(sheet, "Gamma")!.row, 11)).toBe("是");
  });
});

describe("Credit report: bad input", () => {
  test("a positive risk names its cell and says risk is a deduction", () => {
    const s = source("Credit", HEADER, [
      ["Acme", 40, 45, -5, ""],
      ["Beta", 30, 35, 20, ""],
    ]);
    const e = inputErrorOf(() => buildCreditReport({ accounts: s }, { asOf }));
    expectCellNamed(e, "Credit", "Risk", "D", "D3");
    expect(e.en).toContain("deduction");
    expect(e.zh).toContain("扣分");
  });

  test("performance above 50 names its cell", () => {
    const s = source("Credit", HEADER, [["Acme", 40, 55, -5, ""]]);
    expectCellNamed(inputErrorOf(() => buildCreditReport({ accounts: s }, { asOf })), "Credit", "Performance", "C", "C2");
  });

  test("a red-list date that is not a date, or lies after the review date, names its cell", () => {
    const bad = source("Credit", HEADER, [["Gamma", 20, 20, -10, "last spring"]]);
    expectCellNamed(inputErrorOf(() => buildCreditReport({ accounts: bad }, { asOf })), "Credit", "Red list since", "E", "E2");
    const later = source("Credit", HEADER, [["Gamma", 20, 20, -10, "2026-05-01"]]);
    const e = inputErrorOf(() => buildCreditReport({ accounts: later }, { asOf }));
    expectCellNamed(e, "Credit", "Red list since", "E", "E2");
    expect(e.en).toContain("after the review date");
  });

  test("without a volume or annual sales column the message names both", () => {
    const s = source("Credit", ["Customer", "Performance", "Risk"], [["Acme", 40, -5]]);
    const e = inputErrorOf(() => buildCreditReport({ accounts: s }, { asOf }));
    expect(e.en).toContain("Customer (A), Performance (B), Risk (C)");
    expect(e.en).toContain(" or ");
    expect(e.zh).toContain(" 或 ");
  });

  test("a bad review date is refused", () => {
    expect(inputErrorOf(() => buildCreditReport({ accounts: accounts() }, { asOf: "soon" })).en).toContain("Review date");
  });
});
