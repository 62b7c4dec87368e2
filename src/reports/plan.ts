/**
 * ReportPlan: the one contract between report builders (pure) and hosts (Excel, .xlsx file).
 * A plan says what a report looks like; a host decides how to write it. All coordinates are
 * 0-based (row 0 = worksheet row 1, col 0 = column A) and refer to the sheet the item belongs to.
 *
 * Rules every host keeps:
 *  - A string value is ALWAYS literal text, never a formula (a customer called "=HYPERLINK(…)",
 *    "+1", "-2" or "@SUM(A1)" must appear verbatim). Plans contain no formulas.
 *  - `null` is an empty cell.
 *  - A host writes only into sheets it created for a report (found again by `SheetPlan.key`)
 *    and never into a user sheet that happens to have the same name.
 */

export type CellValue = string | number | boolean | null;

/** A rectangle of cells. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** "#RRGGBB" */
  readonly fontColor?: string;
  /** "#RRGGBB" background */
  readonly fill?: string;
  /** Excel number format code, e.g. "0.0%", "#,##0.00", "yyyy-mm-dd", "@" */
  readonly numberFormat?: string;
  readonly hAlign?: "left" | "center" | "right";
  readonly wrap?: boolean;
  /** Thin border around every cell of the range. */
  readonly border?: boolean;
}

/** A rectangular block of values written at (row, col). Every row of `values` has the same length. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
  /** Optional number format per column of the block (null/undefined = General). */
  readonly columnFormats?: readonly (string | null | undefined)[];
}

export interface FormatPlan {
  readonly rect: Rect;
  readonly style: CellStyle;
}

/** An Excel table over `rect`, whose first row is the header row. */
export interface TablePlan {
  /** Workbook-unique table name the report would like; a host makes it unique if needed. */
  readonly name: string;
  readonly rect: Rect;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  readonly style?: string;
  readonly showTotals?: false;
}

/** Conditional colours: a cell whose value matches a rule gets that rule's colours. */
export type ConditionalRule =
  | { readonly op: "equal"; readonly value: string | number; readonly fill: string; readonly fontColor?: string }
  | { readonly op: "greaterThanOrEqual" | "lessThan"; readonly value: number; readonly fill: string; readonly fontColor?: string }
  | { readonly op: "between"; readonly min: number; readonly max: number; readonly fill: string; readonly fontColor?: string }
  /** Text cells that contain `value`. */
  | { readonly op: "contains"; readonly value: string; readonly fill: string; readonly fontColor?: string };

export interface ConditionalPlan {
  readonly rect: Rect;
  readonly rules: readonly ConditionalRule[];
}

export interface AxisPlan {
  readonly min?: number;
  readonly max?: number;
  readonly numberFormat?: string;
  readonly title?: string;
}

export interface SeriesPlan {
  readonly name: string;
  /** One row or one column of numbers on this sheet. */
  readonly values: Rect;
  /** "column" and "line" for combo charts; "radar" for radar charts. */
  readonly kind: "column" | "line" | "radar";
  readonly axis?: "primary" | "secondary";
  /** "#RRGGBB" */
  readonly color?: string;
  readonly dashed?: boolean;
}

export interface ChartPlan {
  /**
   * "combo": clustered columns and lines, optionally a secondary value axis (the Pareto chart).
   * "radar": a radar (spider) chart with markers, one polygon per series.
   */
  readonly type: "combo" | "radar";
  readonly title: string;
  /** Cells the chart covers (top-left to bottom-right). */
  readonly position: Rect;
  /** One row or one column of category labels on this sheet. */
  readonly categories: Rect;
  readonly series: readonly SeriesPlan[];
  readonly primaryAxis?: AxisPlan;
  readonly secondaryAxis?: AxisPlan;
  readonly legend?: "bottom" | "right" | "none";
}

export interface SheetPlan {
  /**
   * Stable identity of the report sheet, e.g. "abc", "score", "card:Acme". A host marks the sheet
   * it creates with this key and, on a re-run, clears and reuses the sheet with the same key.
   */
  readonly key: string;
  /** Desired sheet name (≤ 31 chars, no / \ ? * : [ ]); a host picks a free variant when a user sheet has it. */
  readonly name: string;
  readonly tabColor?: string;
  /**
   * Copy formats and column widths of this template range (on the named user sheet) before writing
   * the blocks; used by account cards so the user's restyled template is kept. In the Excel host the
   * named sheet may also be an earlier sheet of the same plan (the default card template written
   * together with the cards); the file host takes templates from the input workbook only.
   */
  readonly formatsFrom?: { readonly sheet: string; readonly rect: Rect };
  readonly blocks: readonly Block[];
  readonly formats?: readonly FormatPlan[];
  readonly merges?: readonly Rect[];
  readonly tables?: readonly TablePlan[];
  readonly conditional?: readonly ConditionalPlan[];
  /** Column widths in characters (Excel's unit). */
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly charts?: readonly ChartPlan[];
  /**
   * 0-based columns to hide (helper values a chart draws from, e.g. the A and B lines of the Pareto
   * chart). Charts on this sheet must still plot them: Office.js `chart.plotVisibleOnly = false`,
   * xlsx `<c:plotVisOnly val="0"/>`.
   */
  readonly hiddenColumns?: readonly number[];
}

export interface ReportPlan {
  /** "abc", "score", "credit", "profile-external", "profile-internal", "stakeholders", "cards", … */
  readonly report: string;
  readonly sheets: readonly SheetPlan[];
  /** Sheet key to activate after writing. */
  readonly activate?: string;
  /** Non-fatal findings to show the user (both languages). */
  readonly warnings?: readonly { readonly en: string; readonly zh: string }[];
}

/** A1-style column letters for a 0-based column index (0 → "A", 26 → "AA"). */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3:D10" for a rect. */
export function rectAddress(r: Rect): string {
  const tl = `${columnLetter(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${columnLetter(r.col + r.cols - 1)}${r.row + r.rows}`;
}

export function rect(row: number, col: number, rows: number, cols: number): Rect {
  return { row, col, rows, cols };
}
