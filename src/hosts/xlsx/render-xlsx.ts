/**
 * The file host's writer: ReportPlans → a new .xlsx file.
 *
 * ExcelJS's streaming writer writes the cells, styles, merges, conditional formats, widths, panes
 * and tab colours, row by row, so memory stays flat however many rows a report has (its in-memory
 * workbook needed 1.3 GB for 100,000 rows of 8 columns). finish-package.ts then adds what ExcelJS
 * cannot write: native charts, Excel tables, the sheet marks and the texts of "contains" rules.
 * The result goes to disk through writeFileAtomic.
 *
 * Plans are trusted to be well-formed (they come from report builders); a malformed plan (a block
 * outside the sheet, overlapping tables, a bad colour) throws a plain Error naming the problem,
 * before anything is written. What a user can cause (an existing output file, a missing template
 * sheet, a text longer than a cell can hold) is a KamInputException in both languages.
 */
import { PassThrough } from "stream";
import ExcelJS from "exceljs";
import type { Msg } from "../../domain/errors";
import type { Block, CellStyle, CellValue, ConditionalRule, FormatPlan, Rect, ReportPlan, SheetPlan } from "../../reports/plan";
import { columnLetter, rectAddress } from "../../reports/plan";
import { checkChartPlan, type ChartSource } from "./charts";
import { finishPackage, REPORT_MARK, type SheetFinish } from "./finish-package";
import { fileErrors } from "./input-errors";
import { safeSheetName, safeTableName, tableHeaders } from "./names";
import { checkOutputPath, writeFileAtomic } from "./write-file";

export { REPORT_MARK };

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_TEXT = 32_767;

export interface RenderOptions {
  /** Replace an existing output file. Without it, an existing file is an error and stays untouched. */
  readonly force?: boolean;
  /**
   * Sheets that `SheetPlan.formatsFrom` may name, by sheet name (matched exactly, then ignoring case).
   * The CLI passes the user's template sheets, e.g. from `loadTemplateSheets(file, templateNames(plans))`.
   */
  readonly templates?: ReadonlyMap<string, ExcelJS.Worksheet>;
  /** Workbook author shown in File > Info. */
  readonly creator?: string;
}

export interface WrittenSheet {
  readonly report: string;
  readonly key: string;
  /** The name the sheet got (may differ from the plan's: made legal and unique). */
  readonly name: string;
  /** The names the tables got. */
  readonly tables: readonly string[];
  readonly charts: number;
}

export interface RenderResult {
  readonly file: string;
  readonly sheets: readonly WrittenSheet[];
  /** The plans' warnings, in plan order. */
  readonly warnings: readonly Msg[];
}

function argb(hex: string, what: string): string {
  const h = hex.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`${what}: colour must be "#RRGGBB", got ${JSON.stringify(hex)}`);
  return `FF${h.toUpperCase()}`;
}

function checkRect(r: Rect, what: string): void {
  const ok =
    [r.row, r.col, r.rows, r.cols].every((n) => Number.isInteger(n)) &&
    r.row >= 0 &&
    r.col >= 0 &&
    r.rows >= 1 &&
    r.cols >= 1 &&
    r.row + r.rows <= MAX_ROWS &&
    r.col + r.cols <= MAX_COLS;
  if (!ok) throw new Error(`${what}: ${JSON.stringify(r)} is not a range inside the sheet`);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

function covers(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** "B3:D10" → Rect (0-based). */
function parseRange(a1: string): Rect | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1.toUpperCase());
  if (!m) return undefined;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function findTemplate(templates: ReadonlyMap<string, ExcelJS.Worksheet> | undefined, name: string): ExcelJS.Worksheet | undefined {
  if (!templates) return undefined;
  const exact = templates.get(name);
  if (exact) return exact;
  const folded = name.toLocaleUpperCase("en-US");
  for (const [n, ws] of templates) if (n.toLocaleUpperCase("en-US") === folded) return ws;
  return undefined;
}

/**
 * Text as Excel stores it in a cell: characters XML cannot carry (control characters, and CR, which
 * XML would turn into LF) are written as _xHHHH_, and a literal "_xHHHH_" in the text gets its
 * underscore escaped (_x005F_) so Excel does not decode it into a character.
 */
export function excelText(v: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return v.replace(/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (m) =>
    m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

function writeValue(cell: ExcelJS.Cell, v: CellValue, sheet: string, row: number, col: number): void {
  if (v === null) return;
  if (typeof v === "string") {
    if (v.length > MAX_TEXT) throw fileErrors.textTooLong(sheet, `${columnLetter(col)}${row + 1}`, v.length);
    // A string is always stored as a string cell (shared string), never parsed: "=HYPERLINK(…)",
    // "+1", "-2" and "@SUM(A1)" stay text. ExcelJS writes formulas only for { formula } objects.
    cell.value = excelText(v);
  } else if (typeof v === "number") {
    // NaN and ±Infinity cannot be stored; Excel's own answer for them is #NUM!.
    cell.value = Number.isFinite(v) ? v : { error: "#NUM!" };
  } else if (typeof v === "boolean") {
    cell.value = v;
  } else {
    throw new Error(`sheet "${sheet}" cell ${columnLetter(col)}${row + 1}: unsupported value ${JSON.stringify(v)}`);
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor, "fontColor") };
    cell.font = font;
  }
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill, "fill") } };
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  if (style.hAlign !== undefined || style.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (style.hAlign !== undefined) alignment.horizontal = style.hAlign;
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    cell.alignment = alignment;
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/** A number in a conditional-format formula. */
function formulaNumber(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new Error(`${what}: ${n} is not a finite number`);
  return String(n).toUpperCase();
}

/** A text constant in a formula: quoted, quotes doubled. */
function formulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** SEARCH treats * ? ~ as wildcards; "contains" means the literal text, so they are escaped with ~. */
function searchLiteral(s: string): string {
  return s.replace(/[~*?]/g, "~$&").replace(/"/g, '""');
}

function cfRule(rule: ConditionalRule, priority: number, what: string): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {
    // In a differential format a solid fill's colour is read from bgColor; fgColor is set too for other readers.
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill, what) }, fgColor: { argb: argb(rule.fill, what) } },
    ...(rule.fontColor ? { font: { color: { argb: argb(rule.fontColor, what) } } } : {}),
  };
  switch (rule.op) {
    case "equal":
      return {
        type: "cellIs",
        operator: "equal",
        priority,
        formulae: [typeof rule.value === "number" ? formulaNumber(rule.value, what) : formulaText(rule.value)],
        style,
      };
    case "greaterThanOrEqual":
    case "lessThan":
      return {
        type: "cellIs",
        // ExcelJS writes the operator as given; its typings list only some of the schema's operators.
        operator: rule.op as ExcelJS.CellIsOperators,
        priority,
        formulae: [formulaNumber(rule.value, what)],
        style,
      };
    case "between":
      return {
        type: "cellIs",
        operator: "between",
        priority,
        formulae: [formulaNumber(Math.min(rule.min, rule.max), what), formulaNumber(Math.max(rule.min, rule.max), what)],
        style,
      };
    case "contains":
      // ExcelJS builds NOT(ISERROR(SEARCH("<text>",TopLeft))) from `text` verbatim, so it gets the escaped form;
      // the literal text is added as the rule's text attribute when the package is finished.
      return { type: "containsText", operator: "containsText", priority, text: searchLiteral(rule.value), style };
  }
}

/** Every colour of a sheet plan, checked before anything is written. */
function checkColours(plan: SheetPlan, what: (s: string) => string): void {
  if (plan.tabColor) argb(plan.tabColor, what("tabColor"));
  for (const [i, f] of (plan.formats ?? []).entries()) {
    if (f.style.fill) argb(f.style.fill, what(`format ${i} fill`));
    if (f.style.fontColor) argb(f.style.fontColor, what(`format ${i} fontColor`));
  }
  for (const [i, c] of (plan.conditional ?? []).entries()) {
    for (const r of c.rules) {
      argb(r.fill, what(`conditional ${i}`));
      if (r.fontColor) argb(r.fontColor, what(`conditional ${i}`));
    }
  }
}

/**
 * What the plan puts in each cell, answered without building a grid: the value (later blocks
 * win, null leaves a cell alone; table headers as renamed) and the number format (formats, then
 * block column formats, then the template).
 */
class PlanCells {
  constructor(
    private readonly blocks: readonly Block[],
    private readonly formats: readonly FormatPlan[],
    private readonly template: { readonly ws: ExcelJS.Worksheet; readonly rect: Rect } | undefined,
    private readonly headers: ReadonlyMap<string, string>,
  ) {}

  value(row: number, col: number): CellValue {
    const h = this.headers.get(`${row},${col}`);
    if (h !== undefined) return h;
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      const r = row - b.row;
      const c = col - b.col;
      if (r >= 0 && c >= 0 && r < b.values.length && c < (b.values[0]?.length ?? 0)) {
        const v = b.values[r][c];
        if (v !== null) return v;
      }
    }
    return null;
  }

  numFmt(row: number, col: number): string | undefined {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.style.numberFormat !== undefined && covers(f.rect, row, col)) return f.style.numberFormat;
    }
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      const fmt = b.columnFormats?.[col - b.col];
      if (fmt && row >= b.row && row < b.row + b.values.length && col >= b.col) return fmt;
    }
    if (this.template && covers(this.template.rect, row, col)) return this.template.ws.findCell(row + 1, col + 1)?.numFmt || undefined;
    return undefined;
  }
}

interface TableLayout {
  readonly name: string;
  /** Header row plus at least one data row. */
  readonly rect: Rect;
  /** Column names as shown (decoded); written to the header cells. */
  readonly headers: readonly string[];
  readonly style: string;
}

interface SheetLayout {
  readonly report: string;
  readonly plan: SheetPlan;
  readonly name: string;
  readonly template?: { readonly ws: ExcelJS.Worksheet; readonly rect: Rect };
  readonly merges: readonly Rect[];
  readonly tables: readonly TableLayout[];
  readonly cells: PlanCells;
  readonly hasContains: boolean;
}

/** Check one sheet plan and decide everything about it before writing: names, merges, tables. */
function layoutSheet(report: string, plan: SheetPlan, name: string, usedTableNames: Set<string>, options: RenderOptions): SheetLayout {
  const what = (s: string): string => `report "${report}", sheet "${plan.key}": ${s}`;
  checkColours(plan, what);

  let template: SheetLayout["template"];
  let templateMerges: Rect[] = [];
  if (plan.formatsFrom) {
    checkRect(plan.formatsFrom.rect, what("formatsFrom"));
    const ws = findTemplate(options.templates, plan.formatsFrom.sheet);
    if (!ws) throw fileErrors.templateMissing(plan.formatsFrom.sheet, plan.key, [...(options.templates?.keys() ?? [])]);
    template = { ws, rect: plan.formatsFrom.rect };
    for (const m of ws.model.merges ?? []) {
      const r = parseRange(String(m));
      if (r && inside(r, plan.formatsFrom.rect) && (r.rows > 1 || r.cols > 1)) templateMerges.push(r);
    }
  }

  for (const [bi, b] of plan.blocks.entries()) {
    const width = b.values[0]?.length ?? 0;
    if (b.values.length === 0 || width === 0) continue;
    checkRect({ row: b.row, col: b.col, rows: b.values.length, cols: width }, what(`block ${bi}`));
    for (const [i, vals] of b.values.entries()) {
      if (vals.length !== width) throw new Error(what(`block ${bi} row ${i} has ${vals.length} values, expected ${width}`));
    }
  }
  for (const [fi, f] of (plan.formats ?? []).entries()) checkRect(f.rect, what(`format ${fi}`));

  const planMerges = (plan.merges ?? []).filter((m, mi) => {
    checkRect(m, what(`merge ${mi}`));
    return m.rows > 1 || m.cols > 1;
  });
  planMerges.forEach((m, i) => {
    for (let k = 0; k < i; k++) if (overlaps(m, planMerges[k])) throw new Error(what(`merges ${rectAddress(planMerges[k])} and ${rectAddress(m)} overlap`));
  });
  // The plan's merges win over the template's.
  templateMerges = templateMerges.filter((t) => !planMerges.some((m) => overlaps(m, t)));
  const merges = [...templateMerges, ...planMerges];

  const blocks = plan.blocks.filter((b) => b.values.length > 0 && (b.values[0]?.length ?? 0) > 0);
  const noHeaders = new Map<string, string>();
  const plain = new PlanCells(blocks, plan.formats ?? [], template, noHeaders);
  const tables: TableLayout[] = [];
  const headerCells = new Map<string, string>();
  const tablePlans = plan.tables ?? [];
  for (const [ti, t] of tablePlans.entries()) {
    checkRect(t.rect, what(`table "${t.name}"`));
    for (let k = 0; k < ti; k++) if (overlaps(t.rect, tablePlans[k].rect)) throw new Error(what(`tables "${tablePlans[k].name}" and "${t.name}" overlap`));
    for (const m of merges) if (overlaps(t.rect, m)) throw new Error(what(`table "${t.name}" overlaps merged cells ${rectAddress(m)}`));
    const tableName = safeTableName(t.name, usedTableNames);
    usedTableNames.add(tableName);
    const headers = tableHeaders(Array.from({ length: t.rect.cols }, (_, j) => plain.value(t.rect.row, t.rect.col + j)));
    headers.forEach((h, j) => headerCells.set(`${t.rect.row},${t.rect.col + j}`, h));
    // A table needs at least one data row; Excel adds an empty one to a header-only table too.
    const rect = t.rect.rows >= 2 ? t.rect : { ...t.rect, rows: 2 };
    checkRect(rect, what(`table "${t.name}"`));
    tables.push({ name: tableName, rect, headers, style: t.style ?? "TableStyleMedium2" });
  }

  for (const [ci, cf] of (plan.conditional ?? []).entries()) checkRect(cf.rect, what(`conditional ${ci}`));
  for (const cw of plan.columnWidths ?? []) {
    if (!(Number.isInteger(cw.col) && cw.col >= 0 && cw.col < MAX_COLS && cw.width >= 0 && cw.width <= 255)) {
      throw new Error(what(`column width ${JSON.stringify(cw)}`));
    }
  }
  if (plan.freeze && !(Number.isInteger(plan.freeze.rows) && Number.isInteger(plan.freeze.cols) && plan.freeze.rows >= 0 && plan.freeze.cols >= 0)) {
    throw new Error(what(`freeze ${JSON.stringify(plan.freeze)}`));
  }
  for (const chart of plan.charts ?? []) {
    checkRect(chart.position, what(`chart "${chart.title}" position`));
    checkChartPlan(chart);
  }
  const hasContains = (plan.conditional ?? []).some((c) => c.rules.some((r) => r.op === "contains"));
  return { report, plan, name, template, merges, tables, cells: new PlanCells(blocks, plan.formats ?? [], template, headerCells), hasContains };
}

/** The rows that carry anything, as [first, last] (inclusive, 0-based), or undefined. */
function rowSpan(l: SheetLayout): [number, number] | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  const add = (row: number, rows: number): void => {
    first = Math.min(first, row);
    last = Math.max(last, row + rows - 1);
  };
  for (const b of l.plan.blocks) if (b.values.length > 0 && (b.values[0]?.length ?? 0) > 0) add(b.row, b.values.length);
  for (const f of l.plan.formats ?? []) add(f.rect.row, f.rect.rows);
  if (l.template) add(l.template.rect.row, l.template.rect.rows);
  for (const t of l.tables) add(t.rect.row, 1);
  return last >= 0 ? [first, last] : undefined;
}

/** Rows written between pauses that let the zip stream take what was written. */
const ROWS_PER_TURN = 500;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Write one sheet through the streaming writer, row by row. */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, l: SheetLayout, active: boolean): Promise<void> {
  const plan = l.plan;
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : undefined;
  // ExcelJS writes sheetView/@tabSelected from the view model; its typings omit the field.
  const view: Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean } = freeze
    ? { state: "frozen", xSplit: freeze.cols, ySplit: freeze.rows, topLeftCell: `${columnLetter(freeze.cols)}${freeze.rows + 1}` }
    : { state: "normal" };
  view.tabSelected = active;
  const ws = wb.addWorksheet(l.name, {
    views: [view],
    // Reports are wide (a table beside its chart): print and PDF them one page wide,
    // instead of slicing every chart across pages.
    pageSetup: { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    ...(plan.tabColor ? { properties: { tabColor: { argb: argb(plan.tabColor, "tabColor") } } } : {}),
  });

  // Column widths are written with the first row, so they are set first: the template's, then the plan's.
  if (l.template) {
    const { ws: tpl, rect } = l.template;
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const w = tpl.getColumn(c + 1).width;
      if (w) ws.getColumn(c + 1).width = w;
    }
  }
  for (const cw of plan.columnWidths ?? []) ws.getColumn(cw.col + 1).width = cw.width;

  const slaves = new Set<number>();
  for (const m of l.merges) {
    ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) slaves.add(r * MAX_COLS + c);
  }

  let priority = 1;
  for (const cf of plan.conditional ?? []) {
    if (cf.rules.length === 0) continue;
    ws.addConditionalFormatting({ ref: rectAddress(cf.rect), rules: cf.rules.map((r) => cfRule(r, priority++, `sheet "${plan.key}" conditional`)) });
  }

  const span = rowSpan(l);
  if (span) {
    const blocks = plan.blocks.filter((b) => b.values.length > 0 && (b.values[0]?.length ?? 0) > 0);
    const formats = plan.formats ?? [];
    for (let r = span[0]; r <= span[1]; r++) {
      let row: ExcelJS.Row | undefined;
      const getRow = (): ExcelJS.Row => (row ??= ws.getRow(r + 1));
      if (l.template && r >= l.template.rect.row && r < l.template.rect.row + l.template.rect.rows) {
        const { ws: tpl, rect } = l.template;
        const trow = tpl.findRow(r + 1);
        if (trow) {
          if (trow.height) getRow().height = trow.height;
          for (let c = rect.col; c < rect.col + rect.cols; c++) {
            const tc = trow.findCell(c + 1);
            if (tc && tc.style && Object.keys(tc.style).length > 0) getRow().getCell(c + 1).style = structuredClone(tc.style);
          }
        }
      }
      for (const b of blocks) {
        const i = r - b.row;
        if (i < 0 || i >= b.values.length) continue;
        const vals = b.values[i];
        for (let j = 0; j < vals.length; j++) {
          const v = vals[j];
          const fmt = b.columnFormats?.[j];
          if (v === null && !fmt) continue;
          const c = b.col + j;
          const cell = getRow().getCell(c + 1);
          // Excel keeps only the top-left value of a merged area.
          if (!slaves.has(r * MAX_COLS + c)) writeValue(cell, v, l.name, r, c);
          if (fmt) cell.numFmt = fmt;
        }
      }
      for (const f of formats) {
        if (r < f.rect.row || r >= f.rect.row + f.rect.rows) continue;
        for (let c = f.rect.col; c < f.rect.col + f.rect.cols; c++) applyStyle(getRow().getCell(c + 1), f.style);
      }
      for (const t of l.tables) {
        if (r !== t.rect.row) continue;
        t.headers.forEach((h, j) => writeValue(getRow().getCell(t.rect.col + j + 1), h, l.name, r, t.rect.col + j));
      }
      if (row) row.commit();
      // Without a pause the loop would run to the end before the zip stream takes any of it.
      if ((r - span[0]) % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
  }
  ws.commit();
}

function chartSource(l: SheetLayout): ChartSource {
  return { sheet: l.name, valueAt: (r, c) => l.cells.value(r, c), formatAt: (r, c) => l.cells.numFmt(r, c) };
}

/** The template sheets the plans copy formats from (`formatsFrom`), each once: what to pass to loadTemplateSheets. */
export function templateNames(plans: ReportPlan | readonly ReportPlan[]): string[] {
  const list: readonly ReportPlan[] = Array.isArray(plans) ? plans : [plans as ReportPlan];
  return [...new Set(list.flatMap((p) => p.sheets.flatMap((s) => (s.formatsFrom ? [s.formatsFrom.sheet] : []))))];
}

/** Build the workbook in memory: the .xlsx bytes and what was written. */
export async function renderXlsxBuffer(
  plans: ReportPlan | readonly ReportPlan[],
  options: RenderOptions = {},
): Promise<{ buffer: Buffer; sheets: WrittenSheet[]; warnings: Msg[] }> {
  const list: readonly ReportPlan[] = Array.isArray(plans) ? plans : [plans as ReportPlan];

  const usedSheetNames = new Set<string>();
  const usedTableNames = new Set<string>([REPORT_MARK]);
  const keys = new Set<string>();
  const layouts: SheetLayout[] = [];
  for (const plan of list) {
    for (const sp of plan.sheets) {
      if (keys.has(sp.key)) throw new Error(`two report sheets have the key "${sp.key}"`);
      keys.add(sp.key);
      const name = safeSheetName(sp.name, usedSheetNames);
      usedSheetNames.add(name);
      layouts.push(layoutSheet(plan.report, sp, name, usedTableNames, options));
    }
  }
  if (layouts.length === 0) throw new Error("nothing to write: the plans have no sheets");
  const activateKey = list.find((p) => p.activate !== undefined)?.activate;
  const active = Math.max(0, activateKey === undefined ? 0 : layouts.findIndex((l) => l.plan.key === activateKey));

  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = options.creator ?? "KAM for Excel";
  wb.created = new Date();
  for (const [i, l] of layouts.entries()) await writeSheet(wb, l, i === active);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  await wb.commit();

  const finish: SheetFinish[] = layouts.map((l) => ({
    sheet: l.name,
    key: l.plan.key,
    charts: l.plan.charts ?? [],
    source: chartSource(l),
    tables: l.tables.map((t) => ({ name: t.name, rect: t.rect, columns: t.headers.map(excelText), style: t.style })),
    containsText: l.hasContains,
  }));
  const buffer = await finishPackage(Buffer.concat(chunks), finish);
  const sheets = layouts.map((l) => ({ report: l.report, key: l.plan.key, name: l.name, tables: l.tables.map((t) => t.name), charts: l.plan.charts?.length ?? 0 }));
  const warnings = list.flatMap((p) => p.warnings ?? []).map((w) => ({ en: w.en, zh: w.zh }));
  return { buffer, sheets, warnings };
}

/**
 * Render one or more plans into a new .xlsx file at `outFile`. Refuses to replace an existing file
 * unless `force`; the file appears complete or not at all.
 */
export async function renderXlsx(plans: ReportPlan | readonly ReportPlan[], outFile: string, options: RenderOptions = {}): Promise<RenderResult> {
  await checkOutputPath(outFile, options.force === true);
  const { buffer, sheets, warnings } = await renderXlsxBuffer(plans, options);
  await writeFileAtomic(outFile, buffer, { force: options.force });
  return { file: outFile, sheets, warnings };
}
