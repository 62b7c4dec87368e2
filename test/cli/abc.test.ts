/** `kam abc` as a user runs it: columns found or named, the JSON for pipelines, output files. */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { cleanTempDirs, copySample, filesIn, kam, sheetNames, tempDir, writeWorkbook } from "./helpers";

afterAll(cleanTempDirs);

/** Five customers, 1,000 in total, spread over transaction rows (SPEC §3 worked by hand below). */
const GOLDEN_ROWS: [string, number][] = [
  ["Acme", 200],
  ["Bolt", 300],
  ["Acme", 300],
  ["Core", 100],
  ["Dyna", 60],
  ["Echo", 40],
];

async function golden(dir: string, header: [string, string] = ["Customer", "Sales"], name = "sales.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await writeWorkbook(file, [{ name: "Sales", rows: [header, ...GOLDEN_ROWS] }]);
  return file;
}

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

describe("kam abc", () => {
  test("--json prints every customer with rank, amount, shares as fractions and class, the class summary and warnings", async () => {
    const dir = tempDir();
    await golden(dir);
    const r = await kam(dir, ["abc", "sales.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["customers", "summary", "warnings"]);
    // Shares 0.5, 0.3, 0.1, 0.06, 0.04; the class goes by the share before the customer:
    // Acme prior 0 → A, Bolt prior 0.5 < 0.55 → A, Core prior 0.8 < 0.85 → B, Dyna prior 0.9 → C, Echo → C.
    expect(out.customers).toEqual([
      { rank: 1, customer: "Acme", amount: 500, share: 0.5, cumulativeShare: 0.5, class: "A" },
      { rank: 2, customer: "Bolt", amount: 300, share: 0.3, cumulativeShare: 0.8, class: "A" },
      { rank: 3, customer: "Core", amount: 100, share: 0.1, cumulativeShare: expect.closeTo(0.9, 12), class: "B" },
      { rank: 4, customer: "Dyna", amount: 60, share: 0.06, cumulativeShare: expect.closeTo(0.96, 12), class: "C" },
      { rank: 5, customer: "Echo", amount: 40, share: 0.04, cumulativeShare: expect.closeTo(1, 12), class: "C" },
    ]);
    expect(out.summary).toEqual([
      { class: "A", customers: 2, amount: 800, customerShare: 0.4, amountShare: 0.8 },
      { class: "B", customers: 1, amount: 100, customerShare: 0.2, amountShare: expect.closeTo(0.1, 12) },
      { class: "C", customers: 2, amount: 100, customerShare: 0.4, amountShare: expect.closeTo(0.1, 12) },
    ]);
    expect(out.warnings).toEqual([]);
    // The JSON is the result: no workbook is written unless --out is given.
    expect(filesIn(dir)).toEqual(["sales.xlsx"]);
  });

  test("--json warnings are strings in the chosen language (net-negative customers)", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "r.xlsx"), [{ name: "S", rows: [["Customer", "Sales"], ["Acme", 100], ["Refund Co", 20], ["Refund Co", -50]] }]);
    const en = JSON.parse((await kam(dir, ["abc", "r.xlsx", "--json"])).stdout) as { warnings: string[]; customers: { customer: string; class: string }[] };
    expect(en.warnings).toHaveLength(1);
    expect(en.warnings[0]).toContain("Refund Co");
    expect(en.warnings[0]).toMatch(/negative/);
    expect(en.customers.find((c) => c.customer === "Refund Co")?.class).toBe("C");
    const zh = JSON.parse((await kam(dir, ["abc", "r.xlsx", "--json", "--lang", "zh"])).stdout) as { warnings: string[] };
    expect(zh.warnings[0]).toContain("Refund Co");
    expect(zh.warnings[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  test("writes <input>-kam-abc.xlsx beside the input, prints the class summary and the columns it used, leaves the input alone", async () => {
    const dir = tempDir();
    const input = await golden(dir);
    const before = sha(input);
    const r = await kam(dir, ["abc", "sales.xlsx"]);
    expect(r.code).toBe(0);
    expect(filesIn(dir)).toEqual(["sales-kam-abc.xlsx", "sales.xlsx"]);
    expect(sha(input)).toBe(before);
    expect(r.stdout).toContain("5 customers from 6 rows");
    expect(r.stdout).toMatch(/A: 2 customers \(40\.0 %\), 800\.00 \(80\.0 % of sales\)/);
    expect(r.stdout).toMatch(/Wrote .*sales-kam-abc\.xlsx \(1 sheet, 1 chart\)/);
    expect(r.stderr).toContain('Columns used in sheet "Sales": Customer → Customer (A), Sales → Sales (B)');
    expect(await sheetNames(path.join(dir, "sales-kam-abc.xlsx"))).toEqual(["ABC analysis"]);
  });

  test("finds Chinese headers, and English variants, by themselves", async () => {
    const dir = tempDir();
    await golden(dir, ["客户名称", "销售额"], "zh.xlsx");
    await golden(dir, ["Customer name", "Revenue"], "en.xlsx");
    for (const f of ["zh.xlsx", "en.xlsx"]) {
      const r = await kam(dir, ["abc", f, "--json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { customers: unknown[] }).customers).toHaveLength(5);
    }
    const zh = await kam(dir, ["abc", "zh.xlsx", "--json", "--lang", "zh"]);
    expect(zh.stderr).toContain("客户 → 客户名称 (A)");
  });

  test("columns can be named by letter or by header text when the headers say nothing", async () => {
    const dir = tempDir();
    const rows = [["Who", "Region", "How much"], ...GOLDEN_ROWS.map(([c, a]) => [c, "East", a])];
    await writeWorkbook(path.join(dir, "odd.xlsx"), [{ name: "Data", rows }]);
    const missing = await kam(dir, ["abc", "odd.xlsx", "--json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Who (A), Region (B), How much (C)");
    const byLetter = await kam(dir, ["abc", "odd.xlsx", "--customer", "A", "--amount", "C", "--json"]);
    expect(byLetter.code).toBe(0);
    expect((JSON.parse(byLetter.stdout) as { customers: { amount: number }[] }).customers[0].amount).toBe(500);
    const byHeader = await kam(dir, ["abc", "odd.xlsx", "--customer", "Who", "--amount=How much", "--json"]);
    expect(byHeader.code).toBe(0);
    expect(byHeader.stderr).toContain("Customer → Who (A), Sales → How much (C)");
    const generic = await kam(dir, ["abc", "odd.xlsx", "--column", "customer=A", "--column", "销售额=C", "--json"]);
    expect(generic.code).toBe(0);
  });

  test("thresholds and basis: --a/--b move the lines, --basis profit reads the profit column", async () => {
    const dir = tempDir();
    const rows = [["Customer", "Sales", "Profit"], ["Acme", 500, 10], ["Bolt", 300, 200], ["Core", 200, 90]];
    await writeWorkbook(path.join(dir, "p.xlsx"), [{ name: "S", rows }]);
    const wide = JSON.parse((await kam(dir, ["abc", "p.xlsx", "--a", "80%", "--b", "0.1", "--json"])).stdout) as { customers: { class: string }[] };
    // Priors 0, 0.5, 0.8: A, A, B with the A line at 80 %.
    expect(wide.customers.map((c) => c.class)).toEqual(["A", "A", "B"]);
    const profit = JSON.parse((await kam(dir, ["abc", "p.xlsx", "--basis", "profit", "--json"])).stdout) as { customers: { customer: string }[] };
    expect(profit.customers.map((c) => c.customer)).toEqual(["Bolt", "Core", "Acme"]);
    const bad = await kam(dir, ["abc", "p.xlsx", "--a", "0.9", "--b", "0.3", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    const basis = await kam(dir, ["abc", "p.xlsx", "--basis", "margin"]);
    expect(basis.code).toBe(2);
    expect(basis.stderr).toContain('--basis must be "sales" or "profit", got "margin"');
  });

  test("an existing output is replaced only with --force", async () => {
    const dir = tempDir();
    await golden(dir);
    expect((await kam(dir, ["abc", "sales.xlsx"])).code).toBe(0);
    const out = path.join(dir, "sales-kam-abc.xlsx");
    fs.writeFileSync(out, "my own notes");
    const again = await kam(dir, ["abc", "sales.xlsx"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
    expect(again.stderr).toContain("--force");
    expect(fs.readFileSync(out, "utf8")).toBe("my own notes");
    const forced = await kam(dir, ["abc", "sales.xlsx", "--force"]);
    expect(forced.code).toBe(0);
    expect(await sheetNames(out)).toEqual(["ABC analysis"]);
    expect(filesIn(dir)).toEqual(["sales-kam-abc.xlsx", "sales.xlsx"]);
  });

  test("--out names the output; the input itself is never a valid output, not even with --force", async () => {
    const dir = tempDir();
    const input = await golden(dir);
    const before = sha(input);
    const r = await kam(dir, ["abc", "sales.xlsx", "--out", "report.xlsx"]);
    expect(r.code).toBe(0);
    expect(filesIn(dir)).toEqual(["report.xlsx", "sales.xlsx"]);
    const self = await kam(dir, ["abc", "sales.xlsx", "--out", "sales.xlsx", "--force"]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("is the input file");
    expect(sha(input)).toBe(before);
    const notXlsx = await kam(dir, ["abc", "sales.xlsx", "--out", "report.csv"]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain(".xlsx");
    const noFolder = await kam(dir, ["abc", "sales.xlsx", "--out", "missing/report.xlsx"]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain("does not exist");
  });

  test("reads CSV files too", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "s.csv"), "客户名称,销售额\nAcme,500\nBolt,\"1,200\"\n");
    const r = await kam(dir, ["abc", "s.csv", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { customers: { customer: string; amount: number }[] }).customers.map((c) => [c.customer, c.amount])).toEqual([
      ["Bolt", 1200],
      ["Acme", 500],
    ]);
    expect((await kam(dir, ["abc", "s.csv"])).code).toBe(0);
    expect(filesIn(dir)).toEqual(["s-kam-abc.xlsx", "s.csv"]);
  });

  test("on the sample workbook: finds the sales sheet among eight, 150 customers, the two net-negative ones warned about", async () => {
    const dir = tempDir();
    copySample(dir);
    const r = await kam(dir, ["abc", "kam-sample.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { customers: { amount: number; class: string }[]; summary: { customers: number }[]; warnings: string[] };
    expect(out.customers).toHaveLength(150);
    expect(out.customers.filter((c) => c.amount < 0).map((c) => c.class)).toEqual(["C", "C"]);
    expect(out.warnings).toHaveLength(1);
    expect(out.summary.reduce((n, s) => n + s.customers, 0)).toBe(150);
    expect(r.stderr).toContain('Columns used in sheet "销售明细 Sales": Customer → 客户名称 (C), Sales → 销售额 (G)');
  });
});
