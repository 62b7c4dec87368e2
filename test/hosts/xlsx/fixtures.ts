/**
 * Hand-written report plans for the file-host tests (the report builders are written elsewhere):
 * an ABC sheet with a Pareto chart, a profile sheet with a radar chart, and an account card that
 * copies its formats from a template sheet.
 */
import type { CellValue, ReportPlan, SheetPlan } from "../../../src/reports/plan";
import { rect } from "../../../src/reports/plan";

/** Customer names that must stay text (formula injection). */
export const INJECTION = ['=HYPERLINK("http://x","click")', "+1", "-2", "@SUM(A1)"];

export const CUSTOMERS = ["华东电子 Ltd", "Acme 'Global'", ...INJECTION, "Beta", "Gamma", "Delta", "Epsilon"];
export const AMOUNTS = [5000, 2500, 1000, 600, 400, 200, 150, 80, 50, 20];

export const ABC_SHEET = "ABC 分析 'Q1'";

/** Rows of the ABC table: rank, customer, amount, share, cumulative share, class, A line, B line. */
export function abcRows(): CellValue[][] {
  const total = AMOUNTS.reduce((a, b) => a + b, 0);
  let cum = 0;
  return CUSTOMERS.map((c, i) => {
    cum += AMOUNTS[i];
    const prior = (cum - AMOUNTS[i]) / total;
    const cls = prior < 0.7 ? "A" : prior < 0.9 ? "B" : "C";
    return [i + 1, c, AMOUNTS[i], AMOUNTS[i] / total, cum / total, cls, 0.7, 0.9];
  });
}

export function abcPlan(): ReportPlan {
  const header: CellValue[] = ["Rank 排名", "Customer 客户", "Amount 金额", "Share 占比", "Cumulative 累计", "Class 类别", "A line", "B line"];
  const rows = abcRows();
  const n = rows.length;
  const sheet: SheetPlan = {
    key: "abc",
    name: ABC_SHEET,
    tabColor: "#2F75B5",
    blocks: [
      { row: 0, col: 0, values: [header, ...rows], columnFormats: [null, "@", "#,##0.00", "0.0%", "0.0%", null, "0%", "0%"] },
      { row: n + 2, col: 0, values: [["Total 合计", null, AMOUNTS.reduce((a, b) => a + b, 0)]], columnFormats: [null, null, "#,##0.00"] },
    ],
    formats: [
      { rect: rect(0, 0, 1, 8), style: { bold: true, fill: "#DDEBF7", hAlign: "center", wrap: true, border: true } },
      { rect: rect(n + 2, 0, 1, 3), style: { italic: true, fontSize: 12, fontColor: "#C00000" } },
    ],
    merges: [rect(n + 2, 0, 1, 2)],
    tables: [{ name: "KAM ABC", rect: rect(0, 0, n + 1, 8), style: "TableStyleMedium2" }],
    conditional: [
      {
        rect: rect(1, 5, n, 1),
        rules: [
          { op: "equal", value: "A", fill: "#C6EFCE", fontColor: "#006100" },
          { op: "equal", value: "B", fill: "#FFEB9C" },
          { op: "equal", value: "C", fill: "#FFC7CE" },
        ],
      },
      { rect: rect(1, 3, n, 1), rules: [{ op: "greaterThanOrEqual", value: 0.1, fill: "#E2EFDA" }] },
      { rect: rect(1, 4, n, 1), rules: [{ op: "lessThan", value: 0.5, fill: "#FCE4D6" }, { op: "between", min: 0.5, max: 0.9, fill: "#FFF2CC" }] },
      { rect: rect(1, 1, n, 1), rules: [{ op: "contains", value: 'Ltd "*?"', fill: "#D9D9D9" }] },
    ],
    columnWidths: [
      { col: 0, width: 8 },
      { col: 1, width: 28 },
      { col: 2, width: 14 },
    ],
    freeze: { rows: 1, cols: 2 },
    charts: [
      {
        type: "combo",
        title: "Pareto 帕累托图",
        position: rect(0, 9, 20, 10),
        categories: rect(1, 1, n, 1),
        series: [
          { name: "Amount 金额", values: rect(1, 2, n, 1), kind: "column", color: "#4472C4" },
          { name: "Cumulative 累计", values: rect(1, 4, n, 1), kind: "line", axis: "secondary", color: "#ED7D31" },
          { name: "A line", values: rect(1, 6, n, 1), kind: "line", axis: "secondary", color: "#70AD47", dashed: true },
          { name: "B line", values: rect(1, 7, n, 1), kind: "line", axis: "secondary", color: "#FFC000", dashed: true },
        ],
        primaryAxis: { min: 0, numberFormat: "#,##0", title: "Amount" },
        secondaryAxis: { min: 0, max: 1, numberFormat: "0%" },
        legend: "bottom",
      },
    ],
  };
  return { report: "abc", sheets: [sheet], activate: "abc", warnings: [{ en: "one customer has a negative amount", zh: "有一个客户的金额为负" }] };
}

export const PROFILE_DIMS = ["Market 市场规模", "R&D 研发能力", "Quality 质量要求", "Regulatory 法规要求", "Price 价格类型", "Professional 专业水平"];

export function profilePlan(): ReportPlan {
  const a = [65, 80, 90, 70, 55, 85];
  const b = [45, 60, 70, 95, 75, 50];
  const avg = a.map((x, i) => (x + b[i]) / 2);
  const values: CellValue[][] = [["Dimension 维度", "Acme", "Beta", "Average 平均"], ...PROFILE_DIMS.map((d, i) => [d, a[i], b[i], avg[i]])];
  return {
    report: "profile-external",
    sheets: [
      {
        key: "profile-external",
        name: "Profile/画像 [ext]",
        blocks: [{ row: 0, col: 0, values }],
        formats: [{ rect: rect(0, 0, 1, 4), style: { bold: true } }],
        columnWidths: [{ col: 0, width: 24 }],
        charts: [
          {
            type: "radar",
            title: "External profile 外部画像",
            position: rect(0, 5, 18, 8),
            categories: rect(1, 0, 6, 1),
            series: [
              { name: "Acme", values: rect(1, 1, 6, 1), kind: "radar" },
              { name: "Beta", values: rect(1, 2, 6, 1), kind: "radar" },
              { name: "Average 平均", values: rect(1, 3, 6, 1), kind: "radar", dashed: true, color: "#7F7F7F" },
            ],
            primaryAxis: { min: 0, max: 100 },
            legend: "right",
          },
        ],
      },
    ],
  };
}

/** An account card that takes the look of the user's template sheet "卡片模板". */
export function cardPlan(): ReportPlan {
  return {
    report: "cards",
    sheets: [
      {
        key: "card:Acme",
        name: "Card Acme",
        formatsFrom: { sheet: "卡片模板", rect: rect(0, 0, 4, 3) },
        blocks: [
          {
            row: 0,
            col: 0,
            values: [
              ["Account card 客户卡片", null, null],
              ["Name 名称", "Acme", null],
              ["Credit limit 信用额度", 50000, null],
              ["Grade 信用等级", "AA", null],
            ],
          },
        ],
      },
    ],
  };
}
