/** Report plans written by hand for the Excel host tests (the report builders are tested elsewhere). */
import type { CellValue, ReportPlan, SheetPlan } from "../../../src/reports/plan";
import { rect } from "../../../src/reports/plan";

export const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"] as const;

/** Customer names: injection strings first, then ordinary names (some with digits, some without). */
export function customerName(i: number): string {
  if (i < INJECTIONS.length) return INJECTIONS[i];
  return i % 3 === 0 ? `Kunde ${i}` : `客户 ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + (i % 23))} Ltd`;
}

/** An ABC-like sheet of n customers: ranked table, class colours, a class summary and a Pareto combo chart. */
export function abcPlan(n: number, name = "ABC"): ReportPlan {
  const total = (n * (n + 1)) / 2;
  const rows: CellValue[][] = [["Rank", "Customer", "Revenue", "Share", "Cumulative share", "Class"]];
  let cum = 0;
  for (let i = 0; i < n; i++) {
    const revenue = n - i;
    cum += revenue;
    const share = revenue / total;
    rows.push([i + 1, customerName(i), revenue, share, cum / total, cum / total <= 0.55 ? "A" : cum / total <= 0.85 ? "B" : "C"]);
  }
  const sheet: SheetPlan = {
    key: "abc",
    name,
    tabColor: "#1F6FB2",
    blocks: [
      { row: 0, col: 0, values: rows, columnFormats: [null, null, "#,##0", "0.0%", "0.0%", null] },
      {
        row: 0,
        col: 8,
        values: [
          ["Class", "Customers", "Revenue", "Share"],
          ["A", 1, 55, 0.55],
          ["B", 2, 30, 0.3],
          ["C", 3, 15, 0.15],
        ],
        columnFormats: [null, "0", "#,##0", "0.0%"],
      },
    ],
    formats: [{ rect: rect(0, 8, 1, 4), style: { bold: true, fill: "#DDEBF7", border: true } }],
    tables: [{ name: "ABC", rect: rect(0, 0, n + 1, 6), style: "TableStyleMedium2" }],
    conditional: [
      {
        rect: rect(1, 5, n, 1),
        rules: [
          { op: "equal", value: "A", fill: "#C6EFCE", fontColor: "#006100" },
          { op: "equal", value: "B", fill: "#FFEB9C" },
          { op: "equal", value: "C", fill: "#FFC7CE" },
        ],
      },
      { rect: rect(1, 4, n, 1), rules: [{ op: "lessThan", value: 0.55, fill: "#E2EFDA" }] },
    ],
    columnWidths: [
      { col: 1, width: 28 },
      { col: 4, width: 16 },
    ],
    freeze: { rows: 1, cols: 0 },
    charts: [
      {
        type: "combo",
        title: "Revenue by class",
        position: rect(6, 8, 15, 8),
        categories: rect(1, 8, 3, 1),
        series: [
          { name: "Revenue", values: rect(1, 10, 3, 1), kind: "column", color: "#4472C4" },
          { name: "Share", values: rect(1, 11, 3, 1), kind: "line", axis: "secondary", color: "#ED7D31", dashed: true },
        ],
        primaryAxis: { min: 0, numberFormat: "#,##0", title: "Revenue" },
        secondaryAxis: { min: 0, max: 1, numberFormat: "0%" },
        legend: "bottom",
      },
    ],
  };
  return { report: "abc", sheets: [sheet], activate: "abc" };
}

/** An external-profile-like sheet: six dimensions, baseline, warning and two customers on one radar chart. */
export function radarPlan(): ReportPlan {
  const dims = ["Market", "R&D", "Quality", "Regulatory", "Price", "Professional"];
  const values: CellValue[][] = [
    ["Dimension", "Baseline", "Warning", "Acme", "Beta"],
    ...dims.map((d, i): CellValue[] => [d, [60, 60, 90, 90, 85, 80][i], [40, 0, 60, 60, 60, 70][i], 50 + i * 7, 95 - i * 9]),
  ];
  return {
    report: "profile-external",
    sheets: [
      {
        key: "profile-external",
        name: "Profile",
        blocks: [{ row: 0, col: 0, values }],
        charts: [
          {
            type: "radar",
            title: "External profile",
            position: rect(0, 6, 18, 7),
            categories: rect(1, 0, 6, 1),
            series: [
              { name: "Baseline", values: rect(1, 1, 6, 1), kind: "radar", color: "#7F7F7F", dashed: true },
              { name: "Warning", values: rect(1, 2, 6, 1), kind: "radar", color: "#C00000", dashed: true },
              { name: "Acme", values: rect(1, 3, 6, 1), kind: "radar", color: "#4472C4" },
              { name: "Beta", values: rect(1, 4, 6, 1), kind: "radar", color: "#70AD47" },
            ],
            primaryAxis: { min: 0, max: 100 },
            legend: "right",
          },
        ],
      },
    ],
    activate: "profile-external",
  };
}

/** An account card that takes its look from the user's template sheet. */
export function cardPlan(account: string, template = "Card template"): ReportPlan {
  return {
    report: "cards",
    sheets: [
      {
        key: `card:${account}`,
        name: `Card ${account}`,
        formatsFrom: { sheet: template, rect: rect(0, 0, 6, 4) },
        blocks: [
          { row: 0, col: 0, values: [[`Account card — ${account}`]] },
          { row: 2, col: 0, values: [["Score", 86, "Class", "Key account"], ["Credit", "AA", "Revenue", 1250000]] },
        ],
      },
    ],
  };
}
