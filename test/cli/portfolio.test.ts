/** `kam portfolio`, `kam abc --compare` and the demo's Portfolio and ABC migration sheets (issue 8), read back from the files. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cleanTempDirs, copySample, filesIn, kam, sheetNames, tempDir, writeWorkbook } from "./helpers";

afterAll(cleanTempDirs);

/** A sheet's values as plain rows (1-based row/col of Excel turned 0-based), dates as ISO text. */
async function valuesOf(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const raw = r.values as unknown[];
    // ExcelJS leaves holes for empty cells: read every position.
    const v = Array.from({ length: Math.max(0, raw.length - 1) }, (_, c) => {
      const x = raw[c + 1];
      return x instanceof Date ? x.toISOString().slice(0, 10) : (x ?? null);
    });
    rows[n - 1] = v;
  });
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

function find(rows: unknown[][], value: unknown): { row: number; col: number } {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].indexOf(value);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`"${String(value)}" not found`);
}

interface PortfolioJson {
  asOf: string;
  accounts: number;
  customers: number;
  grid: { abc: string; xyz: string | null; customers: number }[];
  rows: { customer: string; urgency: number; abc: string | null; xyz: string | null; next: { type: string; due: string; overdueDays: number } | null; alerts: { rule: string; kind: string; text: string }[] }[];
  thisWeek: { kind: string; customer: string; date: string; text: string }[];
}

describe("kam portfolio", () => {
  const dir = tempDir();
  copySample(dir);

  test("on the sample: 40 accounts, most urgent first, the grid covers every customer with sales", async () => {
    const r = await kam(dir, ["portfolio", "kam-sample.xlsx", "--as-of", "2026-10-31", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PortfolioJson;
    expect([out.asOf, out.accounts]).toEqual(["2026-10-31", 40]);
    expect(out.grid.reduce((n, g) => n + g.customers, 0)).toBe(out.customers);
    for (let k = 1; k < out.rows.length; k++) expect(out.rows[k - 1].urgency).toBeGreaterThanOrEqual(out.rows[k].urgency);
    // The sample's framework-agreement accounts are steadier than project buyers.
    expect(out.rows.some((x) => x.xyz === "X")).toBe(true);
    const rules = new Set(out.rows.flatMap((x) => x.alerts.map((a) => a.rule)));
    for (const rule of ["noFollowUp", "overdueReceivable", "latePayment", "redList", "orderDrop", "contactChanged", "birthday"]) expect(rules).toContain(rule);
    const kinds = out.thisWeek.map((w) => w.kind);
    expect(kinds.indexOf("care")).toBeGreaterThan(kinds.lastIndexOf("risk"));
    // Sheets found by their columns, reported on stderr; --json alone writes nothing.
    expect(r.stderr).toContain('Columns used in sheet "回款记录 Payments"');
    expect(r.stderr).toContain('Columns used in sheet "联系人变更 Contacts"');
    expect(filesIn(dir)).toEqual(["kam-sample.xlsx"]);
  });

  test("writes the Portfolio sheet: the accounts table, the nine-box grid and this week's list", async () => {
    const r = await kam(dir, ["portfolio", "kam-sample.xlsx", "--as-of", "2026-10-31", "--out", "p.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Portfolio as of 2026-10-31: 40 accounts; ABC and XYZ over 2025-11 – 2026-10/);
    expect(r.stdout).toMatch(/This week: \d+ risk alerts, \d+ contacts due, 2 care tasks/);
    expect(r.stdout).toMatch(/Most urgent:\n {4}1\. /);
    expect(await sheetNames(path.join(dir, "p.xlsx"))).toEqual(["Portfolio"]);
    const rows = await valuesOf(path.join(dir, "p.xlsx"), "Portfolio");
    expect(rows[0][0]).toBe("Portfolio: who needs me this week");
    expect(rows[3].slice(0, 6)).toEqual(["Account", "Risks", "Alerts", "Next contact", "Due", "Days overdue"]);
    const accounts = rows.slice(4).filter((x) => typeof x[0] === "string" && x[0] !== "");
    expect(accounts).toHaveLength(40);
    expect(typeof accounts[0][4]).toBe("string"); // a date cell
    const grid = find(rows, "ABC × XYZ: customers");
    expect(rows[grid.row + 1].slice(grid.col, grid.col + 6)).toEqual([null, "X", "Y", "Z", "Not enough history", "Total"]);
    expect(rows[grid.row + 5][grid.col]).toBe("Total");
    expect(rows[grid.row + 5][grid.col + 5]).toBe(148);
    const week = find(rows, "This week: alerts and contacts due");
    expect(rows[week.row + 1].slice(week.col, week.col + 5)).toEqual(["Date", "Account", "Kind", "What", "Detail"]);
  });

  test("in Chinese", async () => {
    const r = await kam(dir, ["portfolio", "kam-sample.xlsx", "--as-of", "2026-10-31", "--lang", "zh", "--out", "p-zh.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("客户组合（截至 2026-10-31）：40 个客户");
    expect(await sheetNames(path.join(dir, "p-zh.xlsx"))).toEqual(["客户组合"]);
  });

  test("a visit date that is no date stops the run, naming file, sheet, column and cell", async () => {
    const d = tempDir();
    await writeWorkbook(path.join(d, "book.xlsx"), [
      { name: "Sales", rows: [["Date", "Customer", "Sales"], ["2026-01-05", "Acme", 100], ["2026/2/5", "Acme", 120]] },
      { name: "Visits", rows: [["Customer", "Visit date", "Visit type"], ["Acme", "2026-02-01", "客户经理拜访"], ["Acme", "1 Feb", "AM"]] },
    ]);
    const r = await kam(d, ["portfolio", "book.xlsx", "--as-of", "2026-02-28"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam portfolio: File ".*book\.xlsx": Sheet 'Visits', column 'Visit date' \(B\), cell B3: expected a date such as 2026-03-01 or 2026\/3\/1, or an Excel date, got "1 Feb"\n$/);
    expect(filesIn(d)).toEqual(["book.xlsx"]);
  });

  test("a CSV of sales alone: ABC and XYZ, no contact history", async () => {
    const d = tempDir();
    const lines = ["Date,Customer,Amount"];
    for (let m = 1; m <= 12; m++) lines.push(`2025-${String(m).padStart(2, "0")}-10,Steady,100`, `2025-${String(m).padStart(2, "0")}-12,Lumpy,${m % 3 === 0 ? 900 : 10}`);
    fs.writeFileSync(path.join(d, "s.csv"), lines.join("\n"));
    const r = await kam(d, ["portfolio", "s.csv", "--as-of", "2025-12-31", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PortfolioJson;
    expect(out.rows.map((x) => [x.customer, x.abc, x.xyz, x.next])).toEqual([
      ["Lumpy", "A", "Z", null],
      ["Steady", "B", "X", null],
    ]);
    expect(r.stderr).toContain("No visits table");
  });
});

describe("kam abc --compare", () => {
  const dir = tempDir();
  const header = ["Customer", "Sales"];
  beforeAll(async () => {
    await writeWorkbook(path.join(dir, "y2026.xlsx"), [
      { name: "2026", rows: [header, ["Y", 50], ["Z", 30], ["V", 15], ["X", 5]] },
      { name: "2025", rows: [header, ["X", 50], ["Y", 30], ["Z", 15], ["W", 5]] },
    ]);
    await writeWorkbook(path.join(dir, "y2025.xlsx"), [{ name: "Sales", rows: [header, ["X", 50], ["Y", 30], ["Z", 15], ["W", 5]] }]);
  });

  test("with another file: the ABC sheet and the migration sheet, moves in the JSON", async () => {
    const r = await kam(dir, ["abc", "y2026.xlsx", "--sheet", "2026", "--compare", "y2025.xlsx", "--json", "--out", "m.xlsx"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { migration: { counts: Record<string, number>; customers: { customer: string; move: string; from: string | null; to: string | null }[] } };
    expect(out.migration.counts).toEqual({ up: 1, down: 1, unchanged: 1, new: 1, lost: 1 });
    expect(out.migration.customers.map((c) => [c.customer, c.move, c.from, c.to])).toEqual([
      ["Z", "up", "B", "A"],
      ["X", "down", "A", "C"],
      ["V", "new", null, "B"],
      ["W", "lost", "C", null],
    ]);
    expect(await sheetNames(path.join(dir, "m.xlsx"))).toEqual(["ABC analysis", "ABC migration"]);
    const rows = await valuesOf(path.join(dir, "m.xlsx"), "ABC migration");
    const m = find(rows, "From \\ to");
    expect(rows.slice(m.row, m.row + 6).map((x) => x.slice(m.col, m.col + 6))).toEqual([
      ["From \\ to", "A", "B", "C", "Lost", "Total"],
      ["A", 1, 0, 1, 0, 2],
      ["B", 1, 0, 0, 0, 1],
      ["C", 0, 0, 0, 1, 1],
      ["New", 0, 1, 0, null, 1],
      ["Total", 2, 1, 1, 1, 5],
    ]);
    const list = find(rows, "Customer");
    expect(rows[list.row + 1].slice(0, 7)).toEqual(["Z", "Moved up", "B", "A", 15, 30, 15]);
  });

  test("with a sheet of the same workbook, and the summary lines", async () => {
    const r = await kam(dir, ["abc", "y2026.xlsx", "--sheet", "2026", "--compare", "2025", "--out", "s.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ABC migration from 2025 (4 customers) to 2026 (4 customers): moved up 1, moved down 1, unchanged 1, new 1, lost 1");
    expect(r.stdout).toContain("  down: X A → C (50.00 → 5.00)");
  });

  test("neither a file nor a sheet, or the sheet itself, is refused before anything is written", async () => {
    const none = await kam(dir, ["abc", "y2026.xlsx", "--sheet", "2026", "--compare", "2024", "--out", "n.xlsx"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^kam abc: File ".*y2026\.xlsx": --compare "2024" is neither a file nor a sheet of this workbook \(sheets: "2026", "2025"\)\n$/);
    const self = await kam(dir, ["abc", "y2026.xlsx", "--sheet", "2026", "--compare", "2026", "--out", "n.xlsx"]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("is the sheet being classified");
    expect(fs.existsSync(path.join(dir, "n.xlsx"))).toBe(false);
  });
});

describe("kam demo: Portfolio and ABC migration", () => {
  test("the demo workbook holds both sheets, read back", async () => {
    const d = tempDir();
    const r = await kam(d, ["demo"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/This week \(as of 2026-10-31\): \d+ risk alerts, \d+ contacts due; most urgent: .+\./);
    expect(r.stdout).toMatch(/ABC migration 2024-11 – 2025-10 → 2025-11 – 2026-10: up \d+, down \d+, new \d+, lost \d+\./);
    const file = path.join(d, "kam-demo.xlsx");
    const names = await sheetNames(file);
    expect(names).toContain("Portfolio");
    expect(names).toContain("ABC migration");
    const p = await valuesOf(file, "Portfolio");
    expect(p[3][0]).toBe("Account");
    expect(p.slice(4).filter((x) => typeof x[0] === "string" && x[0] !== "")).toHaveLength(40);
    const m = await valuesOf(file, "ABC migration");
    const at = find(m, "From \\ to");
    expect(m[at.row].slice(at.col, at.col + 6)).toEqual(["From \\ to", "A", "B", "C", "Lost", "Total"]);
    expect(m[at.row + 5][at.col + 5]).toBe(150);
  });
});
