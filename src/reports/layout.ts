/**
 * Shared building blocks of the report builders: a sheet builder that refuses overlapping
 * content, A1 helpers, safe sheet and table names, and the colours and number formats every
 * report uses so the reports look like one product.
 *
 * API
 *   new SheetBuilder(key, name)    .block / .format / .table / .conditional / .chart / .width /
 *                                   .hide / .freeze / .merge / .build() → SheetPlan
 *   cellA1(row, col) → "C17"
 *   safeSheetName(name) → a name Excel accepts (≤ 31 chars, none of / \ ? * : [ ], no edge ')
 *   safeTableName(base) → a name Excel accepts for a table
 *   tr(label, lang) → the label's text in the language
 *   FMT, COLORS, classRules(...)
 */
import type { Lang } from "../domain/errors";
import type {
  Block,
  CellStyle,
  CellValue,
  ChartPlan,
  ConditionalRule,
  Rect,
  SheetPlan,
  TablePlan,
  ConditionalPlan,
  FormatPlan,
} from "./plan";
import { columnLetter } from "./plan";

export interface Text {
  readonly en: string;
  readonly zh: string;
}

export function tr(label: Text, lang: Lang): string {
  return label[lang];
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Number formats used across reports. */
export const FMT = {
  amount: "#,##0.00",
  percent: "0.0%",
  percent0: "0%",
  integer: "0",
  points: "0.##",
  date: "yyyy-mm-dd",
} as const;

/** Fill and font colours of the usual "good / neutral / bad" Excel palette. */
export const COLORS = {
  green: { fill: "#C6EFCE", font: "#006100" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  red: { fill: "#FFC7CE", font: "#9C0006" },
  grey: { fill: "#E7E6E6", font: "#3A3838" },
  headerFill: "#1F4E78",
  headerFont: "#FFFFFF",
  title: "#1F4E78",
  note: "#595959",
  tab: "#2E75B6",
  series: ["#2E75B6", "#C00000", "#70AD47", "#7030A0", "#ED7D31", "#00B0F0", "#FFC000", "#264478"],
} as const;

export type Tone = "green" | "amber" | "red" | "grey";

/** Conditional rules that colour cells equal to each text. */
export function equalRules(entries: readonly { value: string; tone: Tone }[]): ConditionalRule[] {
  return entries.map(({ value, tone }) => ({ op: "equal" as const, value, fill: COLORS[tone].fill, fontColor: COLORS[tone].font }));
}

const FORBIDDEN_SHEET_CHARS = /[/\\?*:[\]]/g;

/** A sheet name Excel accepts: ≤ 31 characters, no / \ ? * : [ ], no apostrophe at either end, not blank, not "History". */
export function safeSheetName(name: string): string {
  // Control characters (a tab or line break pasted into a customer name) become spaces.
  // eslint-disable-next-line no-control-regex
  let s = name.replace(FORBIDDEN_SHEET_CHARS, "_").replace(/[\u0000-\u001f]/g, " ").trim();
  s = Array.from(s).slice(0, 31).join("");
  s = s.replace(/^'+/, "").replace(/'+$/, "").trim();
  if (s === "") s = "Sheet";
  if (s.toLowerCase() === "history") s = "History_";
  return s;
}

/** A table name Excel accepts: starts with a letter or "_", then letters, digits, "_" or "."; ≤ 255 chars. */
export function safeTableName(base: string): string {
  let s = base.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  // Names that look like cell references (A1, R1C1) are rejected by Excel.
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]\d*$/.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Describe a rect for an internal error. */
function show(r: Rect): string {
  return `${cellA1(r.row, r.col)}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/**
 * Collects one sheet's content. Blocks and charts may not overlap one another: a builder that
 * lays out content badly fails loudly in tests instead of writing one block over another.
 */
export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly blockRects: Rect[] = [];
  private readonly formats: FormatPlan[] = [];
  private readonly tables: TablePlan[] = [];
  private readonly conditional: ConditionalPlan[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly merges: Rect[] = [];
  private readonly widths = new Map<number, number>();
  private readonly hidden = new Set<number>();
  private frozen: { rows: number; cols: number } | undefined;
  private formatsFrom: SheetPlan["formatsFrom"];

  constructor(
    readonly key: string,
    readonly name: string,
    private readonly tabColor?: string,
  ) {}

  private claim(r: Rect, what: string): void {
    for (const other of this.blockRects) {
      if (overlaps(r, other)) throw new Error(`report layout: ${what} ${show(r)} overlaps ${show(other)} on sheet ${this.key}`);
    }
    for (const c of this.charts) {
      if (overlaps(r, c.position)) throw new Error(`report layout: ${what} ${show(r)} overlaps a chart at ${show(c.position)} on sheet ${this.key}`);
    }
  }

  /** Write a block of values at (row, col); rows are padded with empty cells to the same length. Returns its rect. */
  block(row: number, col: number, values: readonly (readonly CellValue[])[], columnFormats?: readonly (string | null | undefined)[]): Rect {
    // A loop, not Math.max(...rows): spreading a block of 100,000+ rows overflows the call stack.
    let cols = Math.max(1, columnFormats?.length ?? 0);
    for (const r of values) if (r.length > cols) cols = r.length;
    const padded = values.map((r) => (r.length === cols ? r : [...r, ...new Array<CellValue>(cols - r.length).fill(null)]));
    const r: Rect = { row, col, rows: padded.length, cols };
    if (padded.length === 0) return { row, col, rows: 0, cols };
    this.claim(r, "block");
    this.blockRects.push(r);
    this.blocks.push(columnFormats ? { row, col, values: padded, columnFormats } : { row, col, values: padded });
    return r;
  }

  format(rect: Rect, style: CellStyle): void {
    if (rect.rows > 0 && rect.cols > 0) this.formats.push({ rect, style });
  }

  table(name: string, rect: Rect, style = "TableStyleMedium2"): void {
    this.tables.push({ name: safeTableName(name), rect, style, showTotals: false });
  }

  conditionalFormat(rect: Rect, rules: readonly ConditionalRule[]): void {
    if (rect.rows > 0 && rules.length > 0) this.conditional.push({ rect, rules });
  }

  chart(plan: ChartPlan): void {
    this.claim(plan.position, "chart");
    this.charts.push(plan);
  }

  merge(rect: Rect): void {
    this.merges.push(rect);
  }

  width(col: number, width: number): void {
    this.widths.set(col, Math.max(this.widths.get(col) ?? 0, width));
  }

  hide(col: number): void {
    this.hidden.add(col);
  }

  freeze(rows: number, cols = 0): void {
    this.frozen = { rows, cols };
  }

  copyFormatsFrom(sheet: string, rect: Rect): void {
    this.formatsFrom = { sheet, rect };
  }

  /** A heading line: bold, larger, title colour. */
  title(row: number, col: number, text: string): Rect {
    const r = this.block(row, col, [[text]]);
    this.format(r, { bold: true, fontSize: 14, fontColor: COLORS.title });
    return r;
  }

  /** A small grey note line. */
  note(row: number, col: number, text: string): Rect {
    const r = this.block(row, col, [[text]]);
    this.format(r, { italic: true, fontColor: COLORS.note });
    return r;
  }

  /** A section heading (bold). */
  heading(row: number, col: number, text: string): Rect {
    const r = this.block(row, col, [[text]]);
    this.format(r, { bold: true, fontSize: 12, fontColor: COLORS.title });
    return r;
  }

  /** Bold header row with the report's header colours (for blocks that are not Excel tables). */
  headerStyle(rect: Rect): void {
    this.format({ ...rect, rows: 1 }, { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, border: true });
  }

  build(): SheetPlan {
    const columnWidths = [...this.widths.entries()].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width }));
    return {
      key: this.key,
      name: this.name,
      ...(this.tabColor ? { tabColor: this.tabColor } : {}),
      ...(this.formatsFrom ? { formatsFrom: this.formatsFrom } : {}),
      blocks: this.blocks,
      formats: this.formats,
      merges: this.merges,
      tables: this.tables,
      conditional: this.conditional,
      columnWidths,
      ...(this.hidden.size > 0 ? { hiddenColumns: [...this.hidden].sort((a, b) => a - b) } : {}),
      ...(this.frozen ? { freeze: this.frozen } : {}),
      charts: this.charts,
    };
  }
}

/** Width in characters for a column holding these values (CJK characters count double), clamped. */
export function fitWidth(values: readonly CellValue[], min = 8, max = 50): number {
  let w = min;
  for (const v of values) {
    if (v === null) continue;
    const s = typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(v);
    let n = 0;
    for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    w = Math.max(w, n + 2);
    if (w >= max) return max;
  }
  return w;
}

/** Lay out `count` charts of size h×w in a grid starting at (row, col), `perRow` across, one cell apart. */
export function chartGrid(row: number, col: number, count: number, perRow: number, w = 8, h = 16): Rect[] {
  const out: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / perRow);
    const c = i % perRow;
    out.push({ row: row + r * (h + 1), col: col + c * (w + 1), rows: h, cols: w });
  }
  return out;
}

export interface RadarSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Reference lines (baseline, tier lines, ideal) are drawn dashed. */
  readonly reference?: boolean;
}

export interface RadarData {
  readonly rect: Rect;
  /** The category labels (one column). */
  readonly categories: Rect;
  /** One column per series, in the order given. */
  readonly series: readonly { readonly name: string; readonly values: Rect; readonly reference: boolean }[];
}

/**
 * The helper block a radar chart draws from: a header row (`corner`, series names), then one row
 * per category. Charts must reference cells, so the data is written beside the report's table.
 */
export function radarData(
  sheet: SheetBuilder,
  row: number,
  col: number,
  corner: string,
  categories: readonly string[],
  series: readonly RadarSeries[],
  numberFormat: string | null,
): RadarData {
  const values: CellValue[][] = [[corner, ...series.map((s) => s.name)]];
  categories.forEach((c, i) => values.push([c, ...series.map((s) => s.values[i] ?? null)]));
  const rect = sheet.block(row, col, values, [null, ...series.map(() => numberFormat)]);
  sheet.headerStyle(rect);
  sheet.format({ row: row + 1, col, rows: categories.length, cols: series.length + 1 }, { border: true });
  return {
    rect,
    categories: { row: row + 1, col, rows: categories.length, cols: 1 },
    series: series.map((s, k) => ({ name: s.name, values: { row: row + 1, col: col + 1 + k, rows: categories.length, cols: 1 }, reference: s.reference ?? false })),
  };
}

/** A radar chart over some series of a radar data block; reference series dashed, others solid. */
export function radarChart(
  title: string,
  position: Rect,
  data: RadarData,
  pick: readonly number[],
  axis: { min?: number; max?: number; numberFormat?: string },
): ChartPlan {
  let colour = 0;
  const refColours = ["#548235", "#BF9000", "#C00000", "#7F7F7F"];
  let ref = 0;
  return {
    type: "radar",
    title,
    position,
    categories: data.categories,
    series: pick.map((k) => {
      const s = data.series[k];
      const color = s.reference ? refColours[ref++ % refColours.length] : COLORS.series[colour++ % COLORS.series.length];
      return { name: s.name, values: s.values, kind: "radar" as const, color, ...(s.reference ? { dashed: true } : {}) };
    }),
    primaryAxis: axis,
    legend: pick.length > 1 ? "bottom" : "none",
  };
}
