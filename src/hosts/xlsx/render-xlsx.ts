/**
 * The file host's writer: ReportPlans → a new .xlsx file.
 *
 * ExcelJS writes cells, styles, merges, tables, conditional formats, widths, panes and tab colours;
 * we then open the package with JSZip to add what ExcelJS cannot write: native charts (charts.ts),
 * the sheet marks (a sheet-scoped defined name KAM_REPORT whose value is the sheet's plan key) and
 * the `text` attribute of "contains" rules. The result goes to disk through writeFileAtomic.
 *
 * Plans are trusted to be well-formed (they come from report builders); a malformed plan (a block
 * outside the sheet, overlapping tables, a bad colour) throws a plain Error naming the problem.
 * What a user can cause (an existing output file, a missing template sheet, a text longer than a
 * cell can hold) is a KamInputException in both languages.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellStyle, CellValue, ConditionalRule, Rect, ReportPlan, SheetPlan } from "../../reports/plan";
import { columnLetter, rectAddress } from "../../reports/plan";
import type { Msg } from "../../domain/errors";
import { addChartsToPackage, sheetParts, type ChartSource, type SheetCharts } from "./charts";
import { fileErrors } from "./input-errors";
import { safeSheetName, safeTableName, tableHeaders } from "./names";
import { decodeExcelText } from "./sheet-stream";
import { checkOutputPath, writeFileAtomic } from "./write-file";
import { esc, findTags, unesc } from "./xml";

/** Name of the sheet-scoped defined name that marks a report sheet; its value is the plan key as a text constant. */
export const REPORT_MARK = "KAM_REPORT";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_TEXT = 32_767;

export interface RenderOptions {
  /** Replace an existing output file. Without it, an existing file is an error and stays untouched. */
  readonly force?: boolean;
  /**
   * Sheets that `SheetPlan.formatsFrom` may name, by sheet name (matched exactly, then ignoring case).
   * The CLI passes the user's template sheets, e.g. from `loadTemplateSheets(file, names)`.
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

/** Copy cell styles, row heights, column widths and the merges inside `rect` from the template. */
function copyTemplate(ws: ExcelJS.Worksheet, tpl: ExcelJS.Worksheet, rect: Rect): Rect[] {
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const trow = tpl.findRow(r + 1);
    if (!trow) continue;
    if (trow.height) ws.getRow(r + 1).height = trow.height;
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const tc = trow.findCell(c + 1);
      if (tc && tc.style && Object.keys(tc.style).length > 0) ws.getCell(r + 1, c + 1).style = structuredClone(tc.style);
    }
  }
  for (let c = rect.col; c < rect.col + rect.cols; c++) {
    const w = tpl.getColumn(c + 1).width;
    if (w) ws.getColumn(c + 1).width = w;
  }
  const merges: Rect[] = [];
  for (const m of tpl.model.merges ?? []) {
    const r = parseRange(String(m));
    if (r && inside(r, rect) && (r.rows > 1 || r.cols > 1)) merges.push(r);
  }
  return merges;
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

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, what: string): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor, what) };
    cell.font = font;
  }
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill, what) } };
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
      // the literal text is added as the rule's text attribute afterwards (patchContainsText).
      return { type: "containsText", operator: "containsText", priority, text: searchLiteral(rule.value), style };
  }
}

interface Placed {
  readonly report: string;
  readonly plan: SheetPlan;
  readonly ws: ExcelJS.Worksheet;
  readonly tables: string[];
  readonly hasContains: boolean;
}

function renderSheet(wb: ExcelJS.Workbook, report: string, plan: SheetPlan, name: string, usedNames: Set<string>, options: RenderOptions): Placed {
  const ws = wb.addWorksheet(name);
  const what = (s: string): string => `report "${report}", sheet "${plan.key}": ${s}`;

  let templateMerges: Rect[] = [];
  if (plan.formatsFrom) {
    checkRect(plan.formatsFrom.rect, what("formatsFrom"));
    const tpl = findTemplate(options.templates, plan.formatsFrom.sheet);
    if (!tpl) throw fileErrors.templateMissing(plan.formatsFrom.sheet, plan.key, [...(options.templates?.keys() ?? [])]);
    templateMerges = copyTemplate(ws, tpl, plan.formatsFrom.rect);
  }

  for (const [bi, b] of plan.blocks.entries()) {
    const width = b.values[0]?.length ?? 0;
    if (b.values.length === 0 || width === 0) continue;
    checkRect({ row: b.row, col: b.col, rows: b.values.length, cols: width }, what(`block ${bi}`));
    for (const [i, vals] of b.values.entries()) {
      if (vals.length !== width) throw new Error(what(`block ${bi} row ${i} has ${vals.length} values, expected ${width}`));
      const row = ws.getRow(b.row + i + 1);
      for (let j = 0; j < width; j++) {
        const v = vals[j];
        const fmt = b.columnFormats?.[j];
        if (v === null && !fmt) continue;
        const cell = row.getCell(b.col + j + 1);
        writeValue(cell, v, name, b.row + i, b.col + j);
        if (fmt) cell.numFmt = fmt;
      }
    }
  }

  for (const [fi, f] of (plan.formats ?? []).entries()) {
    checkRect(f.rect, what(`format ${fi}`));
    for (let r = f.rect.row; r < f.rect.row + f.rect.rows; r++) {
      const row = ws.getRow(r + 1);
      for (let c = f.rect.col; c < f.rect.col + f.rect.cols; c++) applyStyle(row.getCell(c + 1), f.style, what(`format ${fi}`));
    }
  }

  const merges = plan.merges ?? [];
  for (const [mi, m] of merges.entries()) {
    checkRect(m, what(`merge ${mi}`));
    for (let k = 0; k < mi; k++) if (overlaps(m, merges[k])) throw new Error(what(`merges ${k} and ${mi} overlap`));
  }
  // The plan's merges win over the template's.
  for (const t of templateMerges) if (!merges.some((m) => overlaps(m, t))) ws.mergeCells(t.row + 1, t.col + 1, t.row + t.rows, t.col + t.cols);
  for (const m of merges) if (m.rows > 1 || m.cols > 1) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);

  const tables: string[] = [];
  const tablePlans = plan.tables ?? [];
  for (const [ti, t] of tablePlans.entries()) {
    checkRect(t.rect, what(`table "${t.name}"`));
    for (let k = 0; k < ti; k++) if (overlaps(t.rect, tablePlans[k].rect)) throw new Error(what(`tables "${tablePlans[k].name}" and "${t.name}" overlap`));
    for (const m of [...merges, ...templateMerges]) if (overlaps(t.rect, m)) throw new Error(what(`table "${t.name}" overlaps merged cells ${rectAddress(m)}`));
    const tableName = safeTableName(t.name, usedNames);
    usedNames.add(tableName);
    const headerRow = ws.getRow(t.rect.row + 1);
    const headers = tableHeaders(Array.from({ length: t.rect.cols }, (_, j) => cellValue(headerRow.getCell(t.rect.col + j + 1))));
    // A table needs at least one data row; Excel adds an empty one to a header-only table too.
    const dataRows = Math.max(1, t.rect.rows - 1);
    const rows: ExcelJS.CellValue[][] = [];
    for (let i = 0; i < dataRows; i++) {
      const row = ws.getRow(t.rect.row + 2 + i);
      rows.push(Array.from({ length: t.rect.cols }, (_, j) => row.getCell(t.rect.col + j + 1).value));
    }
    ws.addTable({
      name: tableName,
      displayName: tableName,
      ref: `${columnLetter(t.rect.col)}${t.rect.row + 1}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      // ExcelJS writes each column name into its header cell too: escaped the same way as any cell text.
      columns: headers.map((h) => ({ name: excelText(h), filterButton: true })),
      rows,
    });
    tables.push(tableName);
  }

  let priority = 1;
  let hasContains = false;
  for (const [ci, cf] of (plan.conditional ?? []).entries()) {
    checkRect(cf.rect, what(`conditional ${ci}`));
    if (cf.rules.length === 0) continue;
    ws.addConditionalFormatting({
      ref: rectAddress(cf.rect),
      rules: cf.rules.map((r) => {
        if (r.op === "contains") hasContains = true;
        return cfRule(r, priority++, what(`conditional ${ci}`));
      }),
    });
  }

  for (const cw of plan.columnWidths ?? []) {
    if (!(Number.isInteger(cw.col) && cw.col >= 0 && cw.col < MAX_COLS && cw.width >= 0 && cw.width <= 255)) {
      throw new Error(what(`column width ${JSON.stringify(cw)}`));
    }
    ws.getColumn(cw.col + 1).width = cw.width;
  }

  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    const { rows, cols } = plan.freeze;
    ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: `${columnLetter(cols)}${rows + 1}` }];
  }
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor, what("tabColor")) };
  for (const chart of plan.charts ?? []) {
    checkRect(chart.position, what(`chart "${chart.title}" position`));
  }
  return { report, plan, ws, tables, hasContains };
}

/** A cell's value as a plan value (what a chart cache and a table header need): text decoded as Excel shows it. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return decodeExcelText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return null;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return String(v.error);
  return null;
}

function chartSource(ws: ExcelJS.Worksheet): ChartSource {
  return {
    sheet: ws.name,
    valueAt: (r, c) => {
      const cell = ws.findCell(r + 1, c + 1);
      return cell ? cellValue(cell) : null;
    },
    formatAt: (r, c) => ws.findCell(r + 1, c + 1)?.numFmt || undefined,
  };
}

/** Add <definedName name="KAM_REPORT" localSheetId="i">"key"</definedName> for each report sheet. */
export function addSheetMarks(workbookXml: string, marks: readonly { sheetIndex: number; key: string }[]): string {
  if (marks.length === 0) return workbookXml;
  const items = marks
    .map((m) => `<definedName name="${REPORT_MARK}" localSheetId="${m.sheetIndex}">${esc(`"${m.key.replace(/"/g, '""')}"`)}</definedName>`)
    .join("");
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${items}</definedNames>`);
  const close = workbookXml.indexOf("</definedNames>");
  if (close >= 0) return workbookXml.slice(0, close) + items + workbookXml.slice(close);
  // CT_Workbook: … sheets, functionGroups, externalReferences, definedNames, calcPr …
  const after = /<\/sheets>(\s*<functionGroups[^>]*\/>|\s*<functionGroups[\s\S]*?<\/functionGroups>)?(\s*<externalReferences[\s\S]*?<\/externalReferences>)?/.exec(workbookXml);
  if (!after) throw new Error("workbook.xml has no </sheets>");
  const at = after.index + after[0].length;
  return `${workbookXml.slice(0, at)}<definedNames>${items}</definedNames>${workbookXml.slice(at)}`;
}

/** The literal text a "contains" rule searches for, from the formula we had ExcelJS write. */
function containsTextOf(formula: string): string | undefined {
  const m = /^NOT\(ISERROR\(SEARCH\("((?:[^"]|"")*)",/.exec(formula);
  return m ? m[1].replace(/""/g, '"').replace(/~([~*?])/g, "$1") : undefined;
}

/** Give each containsText rule the `operator` and `text` attributes Excel writes for it (ExcelJS omits them). */
export function patchContainsText(sheetXml: string): string {
  return sheetXml.replace(/<cfRule([^>]*\stype="containsText"[^>]*)>\s*<formula>([^<]*)<\/formula>/g, (all, attrs: string, f: string) => {
    if (/\stext=/.test(attrs)) return all;
    const text = containsTextOf(unesc(f));
    if (text === undefined) return all;
    const operator = /\soperator=/.test(attrs) ? "" : ' operator="containsText"';
    return `<cfRule${attrs}${operator} text="${esc(text)}"><formula>${f}</formula>`;
  });
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
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "KAM for Excel";
  wb.created = new Date();

  const usedSheetNames = new Set<string>();
  const usedTableNames = new Set<string>([REPORT_MARK]);
  const keys = new Set<string>();
  const placed: Placed[] = [];
  for (const plan of list) {
    for (const sp of plan.sheets) {
      if (keys.has(sp.key)) throw new Error(`two report sheets have the key "${sp.key}"`);
      keys.add(sp.key);
      const name = safeSheetName(sp.name, usedSheetNames);
      usedSheetNames.add(name);
      placed.push(renderSheet(wb, plan.report, sp, name, usedTableNames, options));
    }
  }
  if (placed.length === 0) throw new Error("nothing to write: the plans have no sheets");

  const activateKey = list.find((p) => p.activate !== undefined)?.activate;
  const active = Math.max(0, activateKey === undefined ? 0 : placed.findIndex((p) => p.plan.key === activateKey));
  placed.forEach((p, i) => {
    // ExcelJS writes sheetView/@tabSelected from the view model; its typings omit the field.
    const view: Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean } = p.ws.views[0] ?? { state: "normal" };
    view.tabSelected = i === active;
    p.ws.views = [view];
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];

  const raw = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);

  const sheetCharts: SheetCharts[] = placed.map((p) => ({ charts: p.plan.charts ?? [], source: chartSource(p.ws) }));
  await addChartsToPackage(zip, sheetCharts);

  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const order = findTags(wbXml, "sheet").map((t) => t.attrs.name);
  const marks = placed.map((p) => ({ sheetIndex: order.indexOf(p.ws.name), key: p.plan.key }));
  if (marks.some((m) => m.sheetIndex < 0)) throw new Error("a written sheet is missing from workbook.xml");
  zip.file("xl/workbook.xml", addSheetMarks(wbXml, marks));

  if (placed.some((p) => p.hasContains)) {
    const parts = await sheetParts(zip);
    for (const p of placed.filter((x) => x.hasContains)) {
      const part = parts.get(p.ws.name);
      const xml = part ? await zip.file(part)?.async("string") : undefined;
      if (part && xml !== undefined) zip.file(part, patchContainsText(xml));
    }
  }

  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  const sheets = placed.map((p) => ({ report: p.report, key: p.plan.key, name: p.ws.name, tables: p.tables, charts: p.plan.charts?.length ?? 0 }));
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
