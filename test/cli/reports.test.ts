/** score, credit, profile, stakeholders and cards on the sample workbook and on small files. */
import * as path from "path";
import ExcelJS from "exceljs";
import { cleanTempDirs, copySample, filesIn, kam, sheetNames, tempDir, writeWorkbook } from "./helpers";

afterAll(cleanTempDirs);

let dir: string;
beforeAll(() => {
  dir = tempDir();
  copySample(dir);
});

async function cellsOf(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe("kam score", () => {
  test("finds the account sheet by its six criteria, tiers every account, charts the top five", async () => {
    const r = await kam(dir, ["score", "kam-sample.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { model: string; accounts: number; tiers: { key: string; count: number }[]; radar: string[] };
    expect(s.model).toBe("points");
    expect(s.accounts).toBe(40);
    expect(s.tiers.map((t) => t.key)).toEqual(["keyAccount", "potential", "general"]);
    expect(s.tiers.reduce((n, t) => n + t.count, 0)).toBe(40);
    expect(s.radar).toHaveLength(5);
    expect(r.stderr).toContain('Columns used in sheet "客户档案 Accounts"');
    expect(r.stderr).toContain("Strategic fit → 战略契合度 Strategic fit (B)");
  });

  test("writes the score sheet with its radar charts; --radar picks the accounts", async () => {
    const r = await kam(dir, ["score", "kam-sample.xlsx", "--radar", "Northwind Components Ltd.，华东精密机械有限公司", "--out", "score.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Radar charts: Northwind Components Ltd., 华东精密机械有限公司");
    expect(r.stdout).toMatch(/score\.xlsx \(1 sheet, 2 charts\)/);
    expect(await sheetNames(path.join(dir, "score.xlsx"))).toEqual(["Key-account score"]);
  });

  test("a blank criterion is an error naming the cell, never a silent 0", async () => {
    const d = tempDir();
    const header = ["Customer", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential"];
    await writeWorkbook(path.join(d, "a.xlsx"), [{ name: "Accounts", rows: [header, ["Acme", 30, 20, 20, 10, 10, 10], ["Bolt", 20, 15, "", 5, 5, 5]] }]);
    const r = await kam(d, ["score", "a.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.xlsx": Sheet 'Accounts', column 'Business scale' \(D\), cell D3/);
    expect(filesIn(d)).toEqual(["a.xlsx"]);
  });

  test("the weighted model needs its four dimensions; --weights only with --model weighted", async () => {
    const w = await kam(dir, ["score", "kam-sample.xlsx", "--model", "weighted", "--json"]);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain("Current value");
    const x = await kam(dir, ["score", "kam-sample.xlsx", "--weights", "0.25,0.25,0.25,0.25"]);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain("--model weighted");
    const d = tempDir();
    await writeWorkbook(path.join(d, "w.xlsx"), [
      { name: "W", rows: [["Customer", "Current value", "Potential value", "Strategic value", "Relationship health"], ["Acme", 90, 80, 70, 100], ["Bolt", 50, 40, 60, 30]] },
    ]);
    const ok = await kam(d, ["score", "w.xlsx", "--model", "weighted", "--weights", "0.4, 0.2, 0.2, 0.2", "--json"]);
    expect(ok.code).toBe(0);
    const s = JSON.parse(ok.stdout) as { tiers: { key: string; count: number }[]; weights: number[] };
    expect(s.weights).toEqual([0.4, 0.2, 0.2, 0.2]);
    // Acme 0.4·90 + 0.2·(80 + 70 + 100) = 86 → strategic; Bolt 0.4·50 + 0.2·130 = 46 → normal.
    expect(s.tiers).toEqual([
      { key: "strategic", label: "Strategic", count: 1 },
      { key: "key", label: "Key", count: 0 },
      { key: "normal", label: "Normal", count: 1 },
    ]);
  });
});

describe("kam credit", () => {
  test("reviews the sample's accounts as of a date, naming the accounts that lose key-account status", async () => {
    const r = await kam(dir, ["credit", "kam-sample.xlsx", "--as-of", "2026-10-31", "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { accounts: number; asOf: string; volumeFrom: string; grades: Record<string, number>; lists: Record<string, number>; revoke: string[]; warnings: string[] };
    expect(s.accounts).toBe(40);
    expect(s.asOf).toBe("2026-10-31");
    expect(s.volumeFrom).toBe("annualSales");
    expect(s.grades.AAA + s.grades.AA + s.grades.A).toBe(40);
    expect(s.lists.red).toBe(s.grades.A);
    expect(s.revoke.length).toBeGreaterThan(0);
    // A year later every dated red-list entry is 12 months old: all of them lose the status.
    const later = JSON.parse((await kam(dir, ["credit", "kam-sample.xlsx", "--as-of", "2027-12-31", "--json"])).stdout) as { revoke: string[]; redWithoutDate: string[]; lists: Record<string, number> };
    expect(later.revoke.length).toBeGreaterThan(s.revoke.length);
    expect(later.revoke.length + later.redWithoutDate.length).toBe(later.lists.red);
    for (const name of s.revoke) expect(later.revoke).toContain(name);
    expect(r.stderr).toContain('Columns used in sheet "客户档案 Accounts"');
    expect(r.stderr).toContain("Annual sales → 年销售额 Annual sales (U)");
  });

  test("a review date before an account entered the red list is an input error naming the cell", async () => {
    const r = await kam(dir, ["credit", "kam-sample.xlsx", "--as-of", "2025-06-30", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kam-sample\.xlsx": Sheet '客户档案 Accounts', column '列入红名单日期 On red list since' \(X\), cell X\d+: .*2025-06-30/);
  });

  test("a positive risk is an input error saying risk is a deduction", async () => {
    const d = tempDir();
    await writeWorkbook(path.join(d, "c.xlsx"), [{ name: "Credit", rows: [["Customer", "Volume", "Performance", "Risk"], ["Acme", 40, 40, 10]] }]);
    const r = await kam(d, ["credit", "c.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cell D2: .*deduction/);
  });
});

describe("kam profile", () => {
  test("external profile: the SPEC §4a examples A and B are potential targets", async () => {
    const r = await kam(dir, ["profile", "kam-sample.xlsx", "--out", "ext.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/External profile: 10 customers/);
    const rows = await cellsOf(path.join(dir, "ext.xlsx"), "External profile");
    const classOf = (name: string): unknown[] | undefined => rows.find((row) => row[0] === name);
    expect(classOf("示例客户 A（SPEC 4a）")).toContain("Potential target");
    expect(classOf("示例客户 B（SPEC 4a）")).toContain("Potential target");
  });

  test("--internal reads the internal profile sheet (Chinese headers) and tiers the accounts", async () => {
    const r = await kam(dir, ["profile", "kam-sample.xlsx", "--internal", "--json", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { kind: string; customers: number; classes: { key: string; label: string; count: number }[] };
    expect(s.kind).toBe("internal");
    expect(s.customers).toBe(16);
    expect(s.classes.map((c) => c.label)).toEqual(["大客户", "重点客户", "一般客户", "低于一般"]);
    expect(r.stderr).toContain("工作表“内部画像 Internal”使用的列");
    const both = await kam(dir, ["profile", "kam-sample.xlsx", "--internal", "--external"]);
    expect(both.code).toBe(2);
  });
});

describe("kam stakeholders", () => {
  test("every account of the sheet gets a sheet; opponents get 'make friends'", async () => {
    const r = await kam(dir, ["stakeholders", "kam-sample.xlsx", "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { accounts: { account: string; people: number; actions: { role: string; action: string }[] }[] };
    expect(s.accounts).toHaveLength(3);
    expect(s.accounts.reduce((n, a) => n + a.people, 0)).toBe(11);
    const opponents = s.accounts.flatMap((a) => a.actions).filter((a) => a.role === "opponent");
    expect(opponents.length).toBeGreaterThan(0);
    for (const o of opponents) expect(o.action).toMatch(/friends/i);
  });

  test("--account picks one; an unknown account lists the ones there are", async () => {
    const one = await kam(dir, ["stakeholders", "kam-sample.xlsx", "--account", "华东精密机械有限公司", "--out", "st.xlsx"]);
    expect(one.code).toBe(0);
    expect(await sheetNames(path.join(dir, "st.xlsx"))).toEqual(["Stakeholders 华东精密机械有限公司"]);
    const bad = await kam(dir, ["stakeholders", "kam-sample.xlsx", "--account", "Nobody Ltd.", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Nobody Ltd.");
    expect(bad.stderr).toContain("华东精密机械有限公司");
  });
});

describe("kam cards", () => {
  test("cards for the named accounts with the default template, which is written too; visits and sales are found", async () => {
    const r = await kam(dir, ["cards", "kam-sample.xlsx", "--accounts", "华东精密机械有限公司,Northwind Components Ltd.", "--as-of", "2026-10-31", "--out", "cards.xlsx"]);
    expect(r.code).toBe(0);
    expect(await sheetNames(path.join(dir, "cards.xlsx"))).toEqual(["Card template", "Card 华东精密机械有限公司", "Card Northwind Components Ltd."]);
    expect(r.stderr).toContain('Columns used in sheet "拜访记录 Visits"');
    expect(r.stderr).toContain('Columns used in sheet "销售明细 Sales"');
    const card = await cellsOf(path.join(dir, "cards.xlsx"), "Card 华东精密机械有限公司");
    expect(card.flat()).toContain("华东精密机械有限公司");
    expect(card.flat()).toContain("Visit history");
  });

  test("--template uses the user's sheet with its placeholders, in either language", async () => {
    const d = tempDir();
    await writeWorkbook(path.join(d, "book.xlsx"), [
      { name: "Accounts", rows: [["客户名称", "地址", "电话"], ["Acme", "1 Main St", "555-0100"], ["Bolt", "2 Side Rd", "555-0101"]] },
      { name: "My card", rows: [["Account", "{{客户名称}}"], ["Where", "{{address}}"], ["Call", "Tel: {{电话}}"]] },
    ]);
    const r = await kam(d, ["cards", "book.xlsx", "--template", "My card", "--accounts", "Bolt"]);
    expect(r.code).toBe(0);
    const out = path.join(d, "book-kam-cards.xlsx");
    expect(await sheetNames(out)).toEqual(["Card Bolt"]);
    expect(await cellsOf(out, "Card Bolt")).toEqual([
      ["Account", "Bolt"],
      ["Where", "2 Side Rd"],
      ["Call", "Tel: 555-0101"],
    ]);
    const missing = await kam(d, ["cards", "book.xlsx", "--template", "Nope", "--force"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"My card"');
  });

  test("an unknown account name stops the cards and lists some of the accounts", async () => {
    const r = await kam(dir, ["cards", "kam-sample.xlsx", "--accounts", "Nobody Ltd."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Nobody Ltd.");
    expect(filesIn(dir)).not.toContain("kam-sample-kam-cards.xlsx");
  });
});
