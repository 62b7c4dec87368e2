/**
 * ABC report (SPEC §3): the ABC table, a per-class summary and a Pareto chart.
 *
 * API
 *   buildAbcReport(
 *     sources: { sales: SourceTable },          // transactions or one row per customer
 *     options: AbcOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: AbcSummary; columns: ChosenColumn[] }
 *
 *   AbcOptions  { basis?: "sales" | "profit"   (default "sales"; the amount column is then a profit column)
 *                 a?, b?: number | string      (A and B shares, 0.55 or "55%"; default settings.abc)
 *                 customerColumn?, amountColumn?: string   (header text or letter)
 *                 columns?: ColumnOverrides
 *                 topN?: number                (customers shown in the chart, default 50) }
 *   AbcSummary  { basis, rows, customers, total, thresholds {a, b}, classes: AbcSummaryRow[] (A, B, C),
 *                 charted, warnings: Msg[], ranked: AbcRow[] (every customer, rank order) }
 *
 * Column roles: customer, amount (basis "sales") or profit (basis "profit").
 * Rows of one customer are summed (customer names compared after trimming). Any bad cell stops the
 * report with the cell named (the ABC custom function, by contrast, skips bad rows).
 *
 * Sheet: key "abc" (or "abc-profit"), title and note, table at row 4 (A4), hidden helper columns
 * G:H with the A and A+B line values for the charted rows, the class summary from J3 and the
 * Pareto chart below it.
 */
import { ABC_CLASS_LABELS, abcClassify, validateThresholds, type AbcClass, type AbcRow, type AbcSummaryRow } from "../domain/abc";
import type { ColumnRole } from "../domain/columns";
import type { Lang, Msg } from "../domain/errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { openTable, inputError, type ChosenColumn, type ColumnOverrides } from "./inputs";
import { COLORS, FMT, SheetBuilder, equalRules, fitWidth, tr } from "./layout";
import type { CellValue, ChartPlan, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export type AbcBasis = "sales" | "profit";

export interface AbcOptions {
  readonly basis?: AbcBasis;
  readonly a?: unknown;
  readonly b?: unknown;
  readonly customerColumn?: string;
  readonly amountColumn?: string;
  readonly columns?: ColumnOverrides;
  readonly topN?: number;
}

export interface AbcSummary {
  readonly basis: AbcBasis;
  /** Data rows read from the source. */
  readonly rows: number;
  readonly customers: number;
  readonly total: number;
  readonly thresholds: { readonly a: number; readonly b: number };
  readonly classes: readonly AbcSummaryRow[];
  /** Customers drawn in the Pareto chart (the top N). */
  readonly charted: number;
  readonly warnings: readonly Msg[];
  /** Every customer's row of the ABC table, in rank order (the same array the table is built from; the CLI's --json prints it). */
  readonly ranked: readonly AbcRow[];
}

export const ABC_DEFAULT_TOP_N = 50;

const T = {
  sheet: { en: "ABC analysis", zh: "ABC 分析" },
  sheetProfit: { en: "ABC analysis (profit)", zh: "ABC 分析（利润）" },
  sales: { en: "Sales", zh: "销售额" },
  profit: { en: "Profit", zh: "利润" },
  rank: { en: "Rank", zh: "排名" },
  customer: { en: "Customer", zh: "客户" },
  share: { en: "Share", zh: "占比" },
  cumulative: { en: "Cumulative share", zh: "累计占比" },
  class: { en: "Class", zh: "类别" },
  aLine: { en: "A line", zh: "A 类线" },
  bLine: { en: "A+B line", zh: "A+B 类线" },
  summary: { en: "Summary by class", zh: "分类汇总" },
  customers: { en: "Customers", zh: "客户数" },
  customerShare: { en: "Share of customers", zh: "客户数占比" },
  amountShare: { en: "Share of amount", zh: "金额占比" },
  total: { en: "Total", zh: "合计" },
} as const;

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(12))} %`;
}

function title(basis: AbcBasis, lang: Lang): string {
  return lang === "en" ? `ABC analysis by ${basis === "sales" ? "sales" : "profit"}` : `ABC 分析（按${basis === "sales" ? "销售额" : "利润"}）`;
}

function note(customers: number, total: number, a: number, b: number, lang: Lang): string {
  const tot = total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === "en"
    ? `${customers} customers, total ${tot}. Class by the cumulative share before the customer: A below ${pct(a)}, B below ${pct(a + b)}, C the rest.`
    : `共 ${customers} 个客户，合计 ${tot}。按该客户之前的累计占比分类：低于 ${pct(a)} 为 A 类，低于 ${pct(a + b)} 为 B 类，其余为 C 类。`;
}

function chartTitle(basis: AbcBasis, charted: number, customers: number, lang: Lang): string {
  const what = tr(basis === "sales" ? T.sales : T.profit, lang);
  if (lang === "en") {
    const base = `Pareto chart: ${what.toLowerCase()} by customer`;
    return charted < customers ? `${base} (top ${charted} of ${customers} customers)` : base;
  }
  const base = `帕累托图：各客户${what}`;
  return charted < customers ? `${base}（前 ${charted} 名，共 ${customers} 个客户）` : base;
}

export function buildAbcReport(
  sources: { readonly sales: SourceTable },
  options: AbcOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: AbcSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const basis: AbcBasis = options.basis ?? "sales";
  if (basis !== "sales" && basis !== "profit") {
    throw inputError("bad_option_basis", `The ABC basis must be "sales" or "profit", got "${String(basis)}"`, `ABC 分析的依据必须是“sales”（销售额）或“profit”（利润），而不是“${String(basis)}”`);
  }
  const amountRole: ColumnRole = basis === "sales" ? "amount" : "profit";

  const t = validateThresholds(options.a ?? settings.abc.a, options.b ?? settings.abc.b);
  if (!t.ok) throw inputError(t.error.code, `ABC thresholds: ${t.error.msg.en}`, `ABC 阈值：${t.error.msg.zh}`);
  const thresholds = t.value;

  const topN = options.topN ?? ABC_DEFAULT_TOP_N;
  if (!Number.isInteger(topN) || topN < 1) {
    throw inputError("bad_option_top_n", `The number of customers in the chart must be a whole number of at least 1, got ${String(topN)}`, `图表中的客户数必须是不小于 1 的整数，而不是 ${String(topN)}`);
  }

  const overrides: ColumnOverrides = { ...options.columns };
  if (options.customerColumn) overrides.customer = options.customerColumn;
  if (options.amountColumn) overrides[amountRole] = options.amountColumn;
  const table = openTable(sources.sales, { required: ["customer", amountRole] }, overrides);
  table.requireRows();

  // SPEC §3.1: sum the amounts of each customer.
  const sums = new Map<string, number>();
  for (const i of table.rows) {
    const customer = table.text(i, "customer");
    const amount = table.number(i, amountRole);
    sums.set(customer, (sums.get(customer) ?? 0) + amount);
  }
  const result = abcClassify([...sums.keys()], [...sums.values()], thresholds);
  const rows = result.rows;
  const n = rows.length;
  const charted = Math.min(topN, n);

  const classText = (c: AbcClass): string => tr(ABC_CLASS_LABELS[c], lang);
  const amountLabel = tr(basis === "sales" ? T.sales : T.profit, lang);
  const key = basis === "sales" ? "abc" : "abc-profit";
  const sheet = new SheetBuilder(key, tr(basis === "sales" ? T.sheet : T.sheetProfit, lang), COLORS.tab);

  sheet.title(0, 0, title(basis, lang));
  sheet.note(1, 0, note(n, result.total, thresholds.a, thresholds.b, lang));

  const top = 3;
  const header: CellValue[] = [tr(T.rank, lang), tr(T.customer, lang), amountLabel, tr(T.share, lang), tr(T.cumulative, lang), tr(T.class, lang)];
  const body: CellValue[][] = new Array<CellValue[]>(n);
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    body[k] = [r.rank, r.customer, r.amount, r.share, r.cumulativeShare, classText(r.class)];
  }
  const tableRect = sheet.block(top, 0, [header, ...body], [FMT.integer, null, FMT.amount, FMT.percent, FMT.percent, null]);
  sheet.table(key === "abc" ? "KamAbc" : "KamAbcProfit", tableRect, "TableStyleMedium2");
  const classRect = { row: top + 1, col: 5, rows: n, cols: 1 };
  const rules = equalRules([
    { value: classText("A"), tone: "green" },
    { value: classText("B"), tone: "amber" },
    { value: classText("C"), tone: "grey" },
  ]);
  sheet.conditionalFormat(classRect, rules);

  // Hidden helpers: the A and A+B lines as constant series over the charted customers.
  const aLine = thresholds.a;
  const bLine = thresholds.a + thresholds.b;
  const helper: CellValue[][] = [[tr(T.aLine, lang), tr(T.bLine, lang)]];
  for (let k = 0; k < charted; k++) helper.push([aLine, bLine]);
  sheet.block(top, 6, helper, [FMT.percent, FMT.percent]);
  sheet.hide(6);
  sheet.hide(7);

  // Per-class summary.
  const sc = 9;
  sheet.heading(top - 1, sc, tr(T.summary, lang));
  const order: AbcClass[] = ["A", "B", "C"];
  const byClass = new Map(result.summary.map((s) => [s.class, s]));
  const summaryRows: CellValue[][] = order.map((c) => {
    const s = byClass.get(c);
    return [classText(c), s?.customers ?? 0, s?.amount ?? 0, s?.customerShare ?? 0, s?.amountShare ?? 0];
  });
  const sum = (j: number): number => summaryRows.reduce((acc, r) => acc + (r[j] as number), 0);
  summaryRows.push([tr(T.total, lang), sum(1), sum(2), sum(3), sum(4)]);
  const summaryRect = sheet.block(
    top,
    sc,
    [[tr(T.class, lang), tr(T.customers, lang), amountLabel, tr(T.customerShare, lang), tr(T.amountShare, lang)], ...summaryRows],
    [null, FMT.integer, FMT.amount, FMT.percent, FMT.percent],
  );
  sheet.headerStyle(summaryRect);
  sheet.format({ row: top + 1, col: sc, rows: 4, cols: 5 }, { border: true });
  sheet.format({ row: top + 4, col: sc, rows: 1, cols: 5 }, { bold: true });
  sheet.conditionalFormat({ row: top + 1, col: sc, rows: 3, cols: 1 }, rules);

  // Pareto chart (SPEC §3.8) of the top N customers.
  const first = top + 1;
  let lowest = 0;
  for (let k = 0; k < charted; k++) lowest = Math.min(lowest, rows[k].amount);
  const chart: ChartPlan = {
    type: "combo",
    title: chartTitle(basis, charted, n, lang),
    position: { row: top + summaryRows.length + 2, col: sc, rows: 20, cols: 10 },
    categories: { row: first, col: 1, rows: charted, cols: 1 },
    series: [
      { name: amountLabel, values: { row: first, col: 2, rows: charted, cols: 1 }, kind: "column", axis: "primary", color: COLORS.series[0] },
      { name: tr(T.cumulative, lang), values: { row: first, col: 4, rows: charted, cols: 1 }, kind: "line", axis: "secondary", color: COLORS.series[1] },
      { name: `${tr(T.aLine, lang)} (${pct(aLine)})`, values: { row: first, col: 6, rows: charted, cols: 1 }, kind: "line", axis: "secondary", color: COLORS.green.font, dashed: true },
      { name: `${tr(T.bLine, lang)} (${pct(bLine)})`, values: { row: first, col: 7, rows: charted, cols: 1 }, kind: "line", axis: "secondary", color: COLORS.amber.font, dashed: true },
    ],
    primaryAxis: { min: lowest, numberFormat: "#,##0", title: amountLabel },
    secondaryAxis: { min: 0, max: 1, numberFormat: FMT.percent0, title: tr(T.cumulative, lang) },
    legend: "bottom",
  };
  sheet.chart(chart);

  sheet.width(0, 7);
  sheet.width(1, fitWidth([header[1], ...rows.slice(0, 2000).map((r) => r.customer)], 12, 40));
  sheet.width(2, 16);
  sheet.width(3, fitWidth([header[3]], 10));
  sheet.width(4, fitWidth([header[4]], 12));
  sheet.width(5, fitWidth([header[5]], 8));
  sheet.width(sc, 10);
  [tr(T.customers, lang), amountLabel, tr(T.customerShare, lang), tr(T.amountShare, lang)].forEach((h, j) => sheet.width(sc + 1 + j, fitWidth([h], 14)));
  // The amount column must show its bold total in full ("427,555,433.83"), not "###".
  const totalText = (summaryRows[summaryRows.length - 1][2] as number).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  sheet.width(sc + 2, Math.max(fitWidth([amountLabel], 14), totalText.length + 4));
  sheet.freeze(top + 1);

  const plan: ReportPlan = {
    report: key,
    sheets: [sheet.build()],
    activate: key,
    ...(result.warnings.length > 0 ? { warnings: result.warnings.map((w) => ({ en: w.en, zh: w.zh })) } : {}),
  };
  const summary: AbcSummary = {
    basis,
    rows: table.rows.length,
    customers: n,
    total: result.total,
    thresholds,
    classes: order.map((c) => byClass.get(c) ?? { class: c, customers: 0, amount: 0, customerShare: 0, amountShare: 0 }),
    charted,
    warnings: result.warnings,
    ranked: rows,
  };
  return { plan, summary, columns: [...table.chosen] };
}
