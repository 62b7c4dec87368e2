/** The bundled sample workbook: reproducible, realistic, and readable by every report's column detection. */
import ExcelJS from "exceljs";
import { detectColumns, type ColumnRole } from "../../src/domain/columns";
import { CRITERIA } from "../../src/domain/score";
import { SAMPLE_AS_OF, SAMPLE_FIRST_DAY } from "../../src/cli/sample";
import { SAMPLE_SHEETS, mulberry32, sampleData } from "../../scripts/make-sample";
import { SAMPLE } from "./helpers";

type Key = keyof typeof SAMPLE_SHEETS;

function norm(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}

describe("sample workbook", () => {
  const data = sampleData();

  test("the generator is deterministic (fixed seed)", () => {
    expect(JSON.stringify(sampleData().sheets)).toBe(JSON.stringify(data.sheets));
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  test("the committed assets/samples/kam-sample.xlsx is what the generator makes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SAMPLE_SHEETS).map((s) => s.name));
    for (const key of Object.keys(SAMPLE_SHEETS) as Key[]) {
      const def = SAMPLE_SHEETS[key];
      const ws = wb.getWorksheet(def.name);
      if (!ws) throw new Error(def.name);
      const width = def.header.length;
      const rows: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (r) => {
        const v = r.values as unknown[];
        rows.push(Array.from({ length: width }, (_, c) => norm(v[c + 1])));
      });
      expect(rows[0]).toEqual([...def.header]);
      expect(rows.slice(1)).toEqual(data.sheets[key].map((r) => Array.from({ length: width }, (_, c) => norm(r[c]))));
    }
  });

  test("150 customers, 3,000 sales rows over 24 months (plus monthly framework call-offs), a Pareto-like spread and two net-negative customers", () => {
    const sales = data.sales;
    expect(sales.filter((r) => r.order.startsWith("SO-") || r.order.startsWith("RT-"))).toHaveLength(3000);
    expect(sales.filter((r) => r.order.startsWith("CO-"))).toHaveLength(8 * 24);
    const totals = new Map<string, number>();
    for (const r of sales) totals.set(r.customer, (totals.get(r.customer) ?? 0) + r.amount);
    expect(totals.size).toBe(150);
    const months = new Set(sales.map((r) => r.date.toISOString().slice(0, 7)));
    expect(months.size).toBe(24);
    expect(sales[0].date.toISOString().slice(0, 10) >= SAMPLE_FIRST_DAY).toBe(true);
    expect(sales[sales.length - 1].date.toISOString().slice(0, 10) <= SAMPLE_AS_OF).toBe(true);
    const negative = [...totals].filter(([, a]) => a < 0);
    expect(negative).toHaveLength(2);
    const positive = [...totals.values()].filter((a) => a > 0).sort((x, y) => y - x);
    const all = positive.reduce((s, a) => s + a, 0);
    const top20 = positive.slice(0, 30).reduce((s, a) => s + a, 0);
    expect(top20 / all).toBeGreaterThan(0.6);
    expect(top20 / all).toBeLessThan(0.9);
    // Names in both languages, including the two the docs use.
    expect(totals.has("华东精密机械有限公司")).toBe(true);
    expect(totals.has("Northwind Components Ltd.")).toBe(true);
    expect([...totals.keys()].filter((n) => /^[A-Z]/.test(n)).length).toBeGreaterThan(20);
  });

  test("every sheet's headers are found by the column detector for the report that reads it", () => {
    const need: Record<Key, readonly ColumnRole[]> = {
      sales: ["date", "customer", "product", "quantity", "amount", "profit"],
      accounts: ["customer", ...CRITERIA, "scope", "address", "phone", "legalRep", "founded", "staff", "structure", "bank", "creditLimit", "paymentTerms", "signed", "owner", "shareOfWallet", "annualSales", "performance", "risk", "redListSince"],
      external: ["customer", "ext_market", "ext_rnd", "ext_quality", "ext_regulatory", "ext_price", "ext_professional"],
      internal: ["customer", "int_sales", "int_profit", "int_quality", "int_credit", "int_relationship", "int_professional"],
      stakeholders: ["customer", "journey", "person", "age", "education", "orgRole", "powerRole", "relationshipRole", "devPotential", "birthday"],
      visits: ["customer", "visitDate", "place", "receivedBy", "discussed", "progress", "nextVisit", "visitType"],
      complaints: ["customer", "complaintDate", "complaint", "unfolded", "resolution"],
      payments: ["customer", "amount", "dueDate", "paidDate"],
      contacts: ["customer", "person", "contactSince"],
    };
    for (const key of Object.keys(need) as Key[]) {
      const header = SAMPLE_SHEETS[key].header;
      const { found, missing } = detectColumns(header, need[key]);
      expect({ key, missing }).toEqual({ key, missing: [] });
      // No two roles share a column.
      const cols = need[key].map((r) => header[found[r] as number]);
      expect(new Set(cols).size).toBe(need[key].length);
    }
  });
});
