/**
 * The sample workbook the fake Office host opens: one sheet per kind of data a flow reads, with
 * headers in the spellings users type (English and Chinese mixed, as in real workbooks).
 */
import type { SheetEntity, WorkbookModel } from "../../excel-double";
import type { TableEntity } from "../../excel-double/model";

const CUSTOMERS = ["华为", "Acme Corp", "比亚迪", "Contoso", "Fabrikam", "海尔", "Northwind", "Tailspin", "美的", "Globex", "Initech", "Umbrella"];
/** Yearly sales per customer, largest first, so the ABC classes are easy to reason about. */
const YEARLY = [420_000, 260_000, 150_000, 90_000, 60_000, 40_000, 30_000, 20_000, 12_000, 8_000, 6_000, 4_000];
const PRODUCTS = ["Pump", "Valve", "Sensor"];

/** Three sales rows per customer (amounts in the ratio 3:2:1), dated in early 2026. */
export function salesRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  CUSTOMERS.forEach((c, i) => {
    [3, 2, 1].forEach((part, k) => {
      rows.push([c, PRODUCTS[k], 46023 + i * 3 + k * 20, (YEARLY[i] * part) / 6, (YEARLY[i] * part) / 30]);
    });
  });
  return rows;
}

function put(m: WorkbookModel, sheet: SheetEntity, rows: readonly (readonly unknown[])[], table?: string): void {
  m.setCells(sheet, 0, 0, rows);
  if (table) {
    const created: TableEntity = {
      id: m.newTableId(),
      name: table,
      sheet,
      rect: { r: 0, c: 0, rows: rows.length, cols: rows[0].length },
      style: "TableStyleMedium2",
      showHeaders: true,
      showTotals: false,
      deleted: false,
    };
    m.tables.push(created);
    // Moves the model's table counter on, as tables.add would.
    m.defaultTableName();
  }
}

export function fillSampleWorkbook(m: WorkbookModel): void {
  put(m, m.addSheet("Sales"), [["Customer", "Product", "Date", "Sales", "Profit"], ...salesRows()], "SalesData");

  // A plain range (no table) with a typo in an amount: B5 holds text.
  put(m, m.addSheet("Sales 2025"), [
    ["客户名称", "销售额"],
    ["华为", 1200],
    ["Acme Corp", 800],
    ["比亚迪", 500],
    ["Contoso", "abc"],
    ["海尔", 100],
  ]);

  put(
    m,
    m.addSheet("Scores"),
    [
      ["Customer", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential", "Scope"],
      ["华为", 28, 18, 18, 9, 9, 8, "company"],
      ["Acme Corp", 25, 16, 15, 8, 7, 9, "region"],
      ["比亚迪", 20, 14, 14, 6, 6, 5, "公司级"],
      ["Contoso", 18, 12, 12, 5, 5, 6, ""],
      ["Fabrikam", 10, 9, 8, 3, 2, 4, ""],
      ["海尔", 6, 5, 6, 2, 1, 2, ""],
    ],
    "ScoreTable",
  );

  put(
    m,
    m.addSheet("Credit"),
    [
      ["Customer", "Annual sales", "Performance points", "Risk deduction", "On red list since"],
      ["华为", 12_000_000, 45, -5, ""],
      ["Acme Corp", 4_000_000, 38, -12, ""],
      ["比亚迪", 2_000_000, 30, -20, ""],
      ["Contoso", 600_000, 20, -30, 45658],
      ["Fabrikam", 300_000, 15, -40, 46023],
    ],
    "CreditTable",
  );

  put(
    m,
    m.addSheet("External"),
    [
      ["Customer", "Market size", "R&D capability", "Quality requirement", "Regulatory requirement", "Price type", "Professional level"],
      ["Example A", 100, 95, 80, 90, 70, 90],
      ["Example B", 60, 100, 90, 70, 95, 85],
      ["Globex", 80, 70, "medium", "high", "generous", "expert"],
      ["Initech", 30, 20, "低", "低", "敏感型", "外行型"],
    ],
    "ExternalProfiles",
  );

  put(
    m,
    m.addSheet("Internal"),
    [
      ["Customer", "Sales volume", "Profit contribution", "Quality requirement", "Credit", "Relationship", "Professional level"],
      ["华为", 60, 95, 85, 92, 95, 95],
      ["Acme Corp", 35, 88, 92, 85, 88, 75],
      ["比亚迪", 20, 70, 70, "", 70, 72],
      ["Contoso", 5, 50, 55, 60, 40, 60],
    ],
    "InternalProfiles",
  );

  put(
    m,
    m.addSheet("People"),
    [
      ["Customer", "Journey point", "Name", "Age", "Education", "Organisational role", "Power role", "Relationship role", "Development potential"],
      ["华为", "销售", "张伟", 45, "硕士", "总经理", "最终决策者", "支持者", "蓝筹股"],
      ["华为", "FAT", "李娜", 32, "本科", "经理", "影响者", "中立者", "潜力股"],
      ["华为", "SAT", "王强", 38, "博士", "总监", "决策者", "反对者", "红筹股"],
      ["Acme Corp", "Sales", "John Smith", 50, "master", "director", "decision-maker", "coach", "blue chip"],
      ["Acme Corp", "FAT", "Mary Jones", 29, "bachelor", "staff", "executor", "neutral", "growth stock"],
    ],
    "PeopleTable",
  );

  put(
    m,
    m.addSheet("Accounts"),
    [
      ["Customer", "Address", "Phone", "Legal representative", "Founded", "Staff", "Bank", "Credit limit", "Payment terms", "Owner"],
      ["华为", "深圳市龙岗区坂田", "0755-28780808", "赵明", 32000, 200000, "招商银行", 5_000_000, "月结 60 天", "陈经理"],
      ["Acme Corp", "1 Main Street, Springfield", "555 0100 (US)", "Wile E. Coyote", 25000, 1200, "First Bank", 1_000_000, "Net 30", "Alice"],
      ["比亚迪", "深圳市坪山区", "0755-89888888", "王传福", 34700, 500000, "中国银行", 3_000_000, "月结 30 天", "陈经理"],
      ["Contoso", "42 Harbour Road", "020 7946 0000", "J. Doe", 36000, 300, "City Bank", 200_000, "Net 45", "Bob"],
    ],
    "AccountTable",
  );
}
