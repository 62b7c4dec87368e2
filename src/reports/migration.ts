/**
 * ABC class migration report (SPEC §3, "going beyond the source"; issue 8): the transition matrix
 * between two periods and the lists of customers that moved, appeared and were lost, with their
 * amounts in both periods. Each period is classified on its own with the ABC engine.
 *
 * API
 *   buildMigrationReport(
 *     sources: { sales: SourceTable; compare?: SourceTable },
 *     options: MigrationOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: MigrationSummary; columns: ChosenColumn[] }
 *
 *   With `compare`, each table is one whole period: `compare` the earlier (period 1), `sales` the
 *   later (period 2) [chosen: `kam abc <file> --compare <earlier>` reads as "compare this with that"].
 *   Without it, `sales` needs a date column and is split into the `months` whole months ending at
 *   as-of (period 2) and the same number of months before (period 1).
 *
 *   MigrationOptions { asOf?: number | string   (default: the end of the month of the latest date in `sales`)
 *                      months?: number           (default 12)
 *                      basis?: "sales" | "profit"
 *                      a?, b?: number | string    (ABC shares; default settings.abc)
 *                      labels?: { period1?: string; period2?: string }
 *                      columns?: { sales?, compare?: ColumnOverrides } }
 *   MigrationSummary { period1, period2: { label, customers, total }, counts: Record<Move, number>,
 *                      matrix, newByClass, lostByClass, rows: MigrationRow[] (every customer), withoutSales, thresholds }
 *
 * Sheet "abc-migration": title and note; the transition matrices (customers, period-1 amounts,
 * period-2 amounts) side by side from row 4, each with a "New" row and a "Lost" column; the list of
 * customers that moved up, moved down, appeared or were lost below them.
 */
import { ABC_CLASS_LABELS, ABC_CLASSES, validateThresholds, type AbcClass } from "../domain/abc";
import type { ColumnRole } from "../domain/columns";
import { daysInMonth, parseDate, serialToYmd, ymdToSerial } from "../domain/dates";
import type { Msg } from "../domain/errors";
import { normalize } from "../domain/labels";
import { abcMigration, MOVE_LABELS, type MatrixCell, type MigrationRow, type Move } from "../domain/migration";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { monthIndex, monthText, monthWindowEnding } from "../domain/xyz";
import { inputError, openTable, type ChosenColumn, type ColumnOverrides, type InputTable } from "./inputs";
import { COLORS, FMT, SheetBuilder, equalRules, fitWidth, tr } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export interface MigrationOptions {
  readonly asOf?: number | string;
  readonly months?: number;
  readonly basis?: "sales" | "profit";
  readonly a?: unknown;
  readonly b?: unknown;
  readonly labels?: { readonly period1?: string; readonly period2?: string };
  readonly columns?: { readonly sales?: ColumnOverrides; readonly compare?: ColumnOverrides };
}

export interface MigrationPeriod {
  readonly label: string;
  /** Customers with sales (a positive net amount) in the period. */
  readonly customers: number;
  readonly total: number;
  /** Data rows read for the period. */
  readonly rows: number;
}

export interface MigrationSummary {
  readonly period1: MigrationPeriod;
  readonly period2: MigrationPeriod;
  readonly thresholds: { readonly a: number; readonly b: number };
  readonly counts: Readonly<Record<Move, number>>;
  readonly matrix: readonly (readonly MatrixCell[])[];
  readonly newByClass: Readonly<Record<AbcClass, MatrixCell>>;
  readonly lostByClass: Readonly<Record<AbcClass, MatrixCell>>;
  readonly rows: readonly MigrationRow[];
  readonly withoutSales: readonly string[];
  readonly warnings: readonly Msg[];
}

export const MIGRATION_SHEET_KEY = "abc-migration";

const T = {
  sheet: { en: "ABC migration", zh: "ABC 迁移" },
  title: { en: "ABC class migration", zh: "ABC 类别迁移" },
  customers: { en: "Customers", zh: "客户数" },
  amount1: { en: "Amount, period 1", zh: "第 1 期金额" },
  amount2: { en: "Amount, period 2", zh: "第 2 期金额" },
  fromTo: { en: "From \\ to", zh: "从 \\ 到" },
  newRow: { en: "New", zh: "新增" },
  lostCol: { en: "Lost", zh: "流失" },
  total: { en: "Total", zh: "合计" },
  lists: { en: "Customers that moved, appeared or were lost", zh: "类别变化、新增和流失的客户" },
  customer: { en: "Customer", zh: "客户" },
  move: { en: "Move", zh: "变化" },
  class1: { en: "Class, period 1", zh: "第 1 期类别" },
  class2: { en: "Class, period 2", zh: "第 2 期类别" },
  change: { en: "Change", zh: "变动" },
  none: { en: "No customer changed class, appeared or was lost.", zh: "没有客户变更类别、新增或流失。" },
} as const;

function readMonths(v: number | undefined): number {
  const m = v ?? 12;
  if (!Number.isInteger(m) || m < 1 || m > 120) {
    throw inputError("bad_option_months", `A period must be a whole number of months from 1 to 120, got ${String(v)}`, `每期必须是 1 到 120 之间的整数个月，而不是 ${String(v)}`);
  }
  return m;
}

interface Period {
  customers: string[];
  amounts: number[];
  rows: number;
}

/**
 * Rows of one table into customer → amount lists. Names are matched case- and width-insensitively
 * across both periods; each customer goes by the first spelling read, so the ABC engine's warnings
 * name customers as the user wrote them.
 */
function collect(table: InputTable, amountRole: ColumnRole, display: Map<string, string>, keep?: (i: number) => boolean): Period {
  const customers: string[] = [];
  const amounts: number[] = [];
  let rows = 0;
  for (const i of table.rows) {
    if (keep && !keep(i)) continue;
    const name = table.text(i, "customer");
    const key = normalize(name);
    let shown = display.get(key);
    if (shown === undefined) {
      shown = name;
      display.set(key, name);
    }
    customers.push(shown);
    amounts.push(table.number(i, amountRole));
    rows++;
  }
  return { customers, amounts, rows };
}

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(12))} %`;
}

export function buildMigrationReport(
  sources: { readonly sales: SourceTable; readonly compare?: SourceTable },
  options: MigrationOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: MigrationSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const basis = options.basis ?? "sales";
  if (basis !== "sales" && basis !== "profit") {
    throw inputError("bad_option_basis", `The basis must be "sales" or "profit", got "${String(basis)}"`, `依据必须是“sales”（销售额）或“profit”（利润），而不是“${String(basis)}”`);
  }
  const amountRole: ColumnRole = basis === "sales" ? "amount" : "profit";
  const t = validateThresholds(options.a ?? settings.abc.a, options.b ?? settings.abc.b);
  if (!t.ok) throw inputError(t.error.code, `ABC thresholds: ${t.error.msg.en}`, `ABC 阈值：${t.error.msg.zh}`);
  const months = readMonths(options.months);
  const cols = options.columns ?? {};
  const chosen: ChosenColumn[] = [];
  const display = new Map<string, string>();
  const warnings: Msg[] = [];

  let p1: Period;
  let p2: Period;
  let label1: string;
  let label2: string;
  if (sources.compare) {
    const earlier = openTable(sources.compare, { required: ["customer", amountRole] }, cols.compare);
    earlier.requireRows();
    const later = openTable(sources.sales, { required: ["customer", amountRole] }, cols.sales);
    later.requireRows();
    chosen.push(...earlier.chosen, ...later.chosen);
    p1 = collect(earlier, amountRole, display);
    p2 = collect(later, amountRole, display);
    label1 = options.labels?.period1 ?? sources.compare.sheet;
    label2 = options.labels?.period2 ?? sources.sales.sheet;
  } else {
    const table = openTable(sources.sales, { required: ["customer", "date", amountRole] }, cols.sales);
    table.requireRows();
    chosen.push(...table.chosen);
    const dates = new Float64Array(table.source.rows.length);
    let latest = -Infinity;
    for (const i of table.rows) {
      const d = table.date(i, "date");
      dates[i] = d;
      if (d > latest) latest = d;
    }
    let asOf: number;
    if (options.asOf === undefined || options.asOf === null || options.asOf === "") {
      // The month of the latest sale is taken as complete: historical files end where the data ends.
      const { y, m } = serialToYmd(latest);
      asOf = ymdToSerial(y, m, daysInMonth(y, m));
    } else {
      const d = parseDate(options.asOf);
      if (!d.ok) throw inputError(d.error.code, `As-of date: ${d.error.msg.en}`, `截止日期：${d.error.msg.zh}`);
      asOf = d.value;
    }
    const w2 = monthWindowEnding(asOf, months);
    const first1 = w2.first - months;
    const periodOf = (i: number): 1 | 2 | 0 => {
      const m = monthIndex(dates[i]);
      if (m >= w2.first && m < w2.first + months) return 2;
      if (m >= first1 && m < w2.first) return 1;
      return 0;
    };
    p1 = collect(table, amountRole, display, (i) => periodOf(i) === 1);
    p2 = collect(table, amountRole, display, (i) => periodOf(i) === 2);
    label1 = options.labels?.period1 ?? `${monthText(first1)} – ${monthText(w2.first - 1)}`;
    label2 = options.labels?.period2 ?? `${monthText(w2.first)} – ${monthText(w2.first + months - 1)}`;
    if (p1.rows === 0) {
      warnings.push({
        en: `No sales between ${monthText(first1)} and ${monthText(w2.first - 1)}: every customer of period 2 counts as new`,
        zh: `${monthText(first1)} 至 ${monthText(w2.first - 1)} 之间没有销售：第 2 期的所有客户都计为新增`,
      });
    }
  }

  const m = abcMigration(p1, p2, t.value);
  const rows = m.rows;
  const withoutSales = m.withoutSales;
  const total1 = m.period1.total;
  const total2 = m.period2.total;
  const count1 = m.period1.rows.filter((r) => r.amount > 0).length;
  const count2 = m.period2.rows.filter((r) => r.amount > 0).length;

  // ── Sheet.
  const sheet = new SheetBuilder(MIGRATION_SHEET_KEY, tr(T.sheet, lang), COLORS.tab);
  sheet.title(0, 0, tr(T.title, lang));
  const c = m.counts;
  const noteText =
    lang === "en"
      ? `Period 1: ${label1} (${count1} customers). Period 2: ${label2} (${count2} customers). Each period classed on its own: A below ${pct(t.value.a)}, B below ${pct(t.value.a + t.value.b)} of the cumulative share. Moved up ${c.up}, moved down ${c.down}, unchanged ${c.unchanged}, new ${c.new}, lost ${c.lost}.`
      : `第 1 期：${label1}（${count1} 个客户）。第 2 期：${label2}（${count2} 个客户）。各期分别分类：累计占比低于 ${pct(t.value.a)} 为 A 类，低于 ${pct(t.value.a + t.value.b)} 为 B 类。上升 ${c.up}，下降 ${c.down}，不变 ${c.unchanged}，新增 ${c.new}，流失 ${c.lost}。`;
  sheet.note(1, 0, noteText);

  const top = 3;
  const matrixBlock = (col: number, title: Msg, pick: (cell: MatrixCell) => number, format: string): void => {
    sheet.heading(top, col, tr(title, lang));
    const header: CellValue[] = [tr(T.fromTo, lang), ...ABC_CLASSES, tr(T.lostCol, lang), tr(T.total, lang)];
    const values: CellValue[][] = [header];
    const colTotals = [0, 0, 0, 0, 0];
    ABC_CLASSES.forEach((from, i) => {
      const line = [...m.matrix[i].map(pick), pick(m.lostByClass[from])];
      const sum = line.reduce((x, y) => x + y, 0);
      line.forEach((v, k) => (colTotals[k] += v));
      colTotals[4] += sum;
      values.push([from, ...line, sum]);
    });
    const newLine = [...ABC_CLASSES.map((to) => pick(m.newByClass[to])), 0];
    const newSum = newLine.reduce((x, y) => x + y, 0);
    newLine.forEach((v, k) => (colTotals[k] += v));
    colTotals[4] += newSum;
    values.push([tr(T.newRow, lang), ...newLine.slice(0, 3), null, newSum]);
    values.push([tr(T.total, lang), ...colTotals]);
    const rect = sheet.block(top + 1, col, values, [null, format, format, format, format, format]);
    sheet.headerStyle(rect);
    sheet.format({ row: top + 2, col, rows: values.length - 1, cols: 6 }, { border: true });
    sheet.format({ row: top + 2, col, rows: values.length - 1, cols: 1 }, { bold: true });
    sheet.format({ row: top + 1 + values.length - 1, col, rows: 1, cols: 6 }, { bold: true });
    // Diagonal: unchanged (grey); above it: moved down (red); below: moved up (green); new green, lost red.
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const tone = i === j ? COLORS.grey : j < i ? COLORS.green : COLORS.red;
        sheet.format({ row: top + 2 + i, col: col + 1 + j, rows: 1, cols: 1 }, { fill: tone.fill, fontColor: tone.font });
      }
      sheet.format({ row: top + 2 + i, col: col + 4, rows: 1, cols: 1 }, { fill: COLORS.red.fill, fontColor: COLORS.red.font });
      sheet.format({ row: top + 5, col: col + 1 + i, rows: 1, cols: 1 }, { fill: COLORS.green.fill, fontColor: COLORS.green.font });
    }
  };
  matrixBlock(0, T.customers, (x) => x.customers, FMT.integer);
  matrixBlock(7, T.amount1, (x) => x.amount1, FMT.amount);
  matrixBlock(14, T.amount2, (x) => x.amount2, FMT.amount);

  const lr = top + 10;
  sheet.heading(lr, 0, tr(T.lists, lang));
  const listed = rows.filter((r) => r.move !== "unchanged");
  const classText = (x: AbcClass | null): CellValue => (x === null ? null : tr(ABC_CLASS_LABELS[x], lang));
  if (listed.length === 0) sheet.note(lr + 1, 0, tr(T.none, lang));
  else {
    const header = [tr(T.customer, lang), tr(T.move, lang), tr(T.class1, lang), tr(T.class2, lang), tr(T.amount1, lang), tr(T.amount2, lang), tr(T.change, lang)];
    const body: CellValue[][] = listed.map((r) => [r.customer, tr(MOVE_LABELS[r.move], lang), classText(r.from), classText(r.to), r.amount1, r.amount2, r.amount2 - r.amount1]);
    const rect = sheet.block(lr + 1, 0, [header, ...body], [null, null, null, null, FMT.amount, FMT.amount, FMT.amount]);
    sheet.table("KamAbcMigration", rect);
    sheet.conditionalFormat(
      { row: lr + 2, col: 1, rows: body.length, cols: 1 },
      equalRules([
        { value: tr(MOVE_LABELS.up, lang), tone: "green" },
        { value: tr(MOVE_LABELS.new, lang), tone: "green" },
        { value: tr(MOVE_LABELS.down, lang), tone: "red" },
        { value: tr(MOVE_LABELS.lost, lang), tone: "red" },
      ]),
    );
    sheet.conditionalFormat({ row: lr + 2, col: 6, rows: body.length, cols: 1 }, [{ op: "lessThan", value: 0, fill: COLORS.red.fill, fontColor: COLORS.red.font }]);
    sheet.width(0, fitWidth([header[0], ...body.slice(0, 2000).map((r) => r[0])], 14, 40));
  }
  for (let k = 1; k <= 19; k++) sheet.width(k, k === 7 || k === 14 ? 10 : 14);
  sheet.freeze(top + 1);

  if (withoutSales.length > 0) {
    const head = withoutSales.slice(0, 10);
    const more = withoutSales.length - head.length;
    warnings.push({
      en: `${withoutSales.length} customer(s) had no sales (a net amount of 0 or below) in either period and are left out: ${head.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
      zh: `${withoutSales.length} 个客户在两期均无销售（净金额不大于 0），未列入：${head.join("、")}${more > 0 ? ` 等另外 ${more} 个` : ""}`,
    });
  }
  warnings.push(...m.period1.warnings.map((w) => ({ en: `Period 1: ${w.en}`, zh: `第 1 期：${w.zh}` })), ...m.period2.warnings.map((w) => ({ en: `Period 2: ${w.en}`, zh: `第 2 期：${w.zh}` })));

  const plan: ReportPlan = {
    report: MIGRATION_SHEET_KEY,
    sheets: [sheet.build()],
    activate: MIGRATION_SHEET_KEY,
    ...(warnings.length > 0 ? { warnings: warnings.map((w) => ({ en: w.en, zh: w.zh })) } : {}),
  };
  const summary: MigrationSummary = {
    period1: { label: label1, customers: count1, total: total1, rows: p1.rows },
    period2: { label: label2, customers: count2, total: total2, rows: p2.rows },
    thresholds: t.value,
    counts: m.counts,
    matrix: m.matrix,
    newByClass: m.newByClass,
    lostByClass: m.lostByClass,
    rows,
    withoutSales,
    warnings,
  };
  return { plan, summary, columns: chosen };
}
