/**
 * Render a ReportPlan in Excel with as few round trips as the payload allows:
 *  - ONE sync reads what the plan needs: the worksheets with their report marks, tables and charts,
 *    the workbook's table and defined names, and the template ranges of `formatsFrom`;
 *  - then every write is queued and flushed when the next command would take the request past the
 *    byte budget (4 MB; Excel on the web refuses 5 MB), so a small report is written in ONE sync and
 *    a large one in as many as its bytes need. Each write sync suspends calculation and screen updating.
 *
 * The user's data is sacred:
 *  - A report sheet carries a worksheet-scoped name KAM_REPORT whose value is its SheetPlan.key. A re-run
 *    finds the sheet by that mark (even if the user renamed it), clears it and reuses it. No
 *    Worksheet.delete / Worksheet.copy (they clear the user's undo stack), no renaming.
 *  - A user sheet that happens to have the wanted name is never touched: the report takes "Name (2)".
 *  - Strings stay text (see text-cells.ts).
 *  - With ExcelApi 1.20 the whole run is one undo step ({ mergeUndoGroup: true }); every API used is undoable.
 *  - `formatsFrom` copies the template range's formats onto the same cells of the report sheet.
 */
import { KamInputException } from "../../domain/errors";
import type { AxisPlan, Block, CellStyle, ChartPlan, ConditionalRule, Rect, ReportPlan, SheetPlan } from "../../reports/plan";
import { rectAddress } from "../../reports/plan";
import { msg } from "./messages";
import { OPTIONAL_EXCEL_API, excelApiSupported } from "./requirements";
import { columnFormatWrites, needsTextFormat } from "./text-cells";

export const MARK_NAME = "KAM_REPORT";
export const DEFAULT_REQUEST_BYTES = 4_000_000;
/** A block is cut into pieces of at most this many bytes, so syncs can be filled close to the budget. */
const PIECE_BYTES = 500_000;
/** What one command costs in the request besides its data (object path, method, ids). */
const COMMAND_BYTES = 160;

export interface RenderOptions {
  /** Largest request one sync may send (Excel on the web refuses 5 MB). */
  readonly maxRequestBytes?: number;
}

export interface RenderResult {
  /** The sheet each SheetPlan was written to, by key. */
  readonly sheets: readonly { readonly key: string; readonly name: string }[];
  /** Round trips the render made (the read included). */
  readonly syncs: number;
}

interface Op {
  readonly bytes: number;
  readonly run: () => void;
}

interface Target {
  readonly plan: SheetPlan;
  readonly name: string;
  readonly reuse: { readonly tables: readonly string[]; readonly charts: readonly string[] } | null;
  /** A report sheet the user hid stays hidden: changing visibility is not undoable on the desktop. */
  readonly visible: boolean;
  ws?: Excel.Worksheet;
}

function bytes(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

function sheetOf(t: Target): Excel.Worksheet {
  if (!t.ws) throw new Error(`render-plan: sheet ${t.name} used before it was opened`);
  return t.ws;
}

function cells(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

function checkPlan(plan: ReportPlan): void {
  const keys = new Set<string>();
  for (const s of plan.sheets) {
    if (keys.has(s.key)) throw new Error(`render-plan: two sheets share the key ${s.key}`);
    keys.add(s.key);
    for (const b of s.blocks) {
      const width = b.values[0]?.length ?? 0;
      if (b.values.some((row) => row.length !== width)) throw new Error(`render-plan: a block of ${s.key} at row ${b.row} has rows of different lengths`);
    }
    for (const c of s.charts ?? []) {
      if (c.series.length === 0) throw new Error(`render-plan: chart "${c.title}" of ${s.key} has no series`);
      for (const r of [c.categories, ...c.series.map((x) => x.values)]) {
        if (r.rows !== 1 && r.cols !== 1) throw new Error(`render-plan: chart "${c.title}" of ${s.key} uses a 2-D range ${rectAddress(r)}`);
      }
    }
  }
}

// ---------- names ----------

/** A sheet name Excel accepts: ≤ 31 characters, none of / \ ? * : [ ], no apostrophe at either end, not "History". */
export function cleanSheetName(name: string): string {
  let n = name.replace(/[/\\?*:[\]]/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  if (n === "" || n.toLowerCase() === "history") n = n === "" ? "KAM" : `${n} 1`;
  return n.slice(0, 31).replace(/'+$/, "");
}

/** The wanted name, or "Name (2)", "Name (3)"… when another sheet has it (names compare regardless of case). */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name Excel accepts and nothing in the workbook uses: letters, digits, "_" and "."; not a cell reference. */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted.normalize("NFKC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (/^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/.test(base)) base = `${base}_`;
  base = base.slice(0, 250);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** The mark's formula: a text constant holding the key. */
function markFormula(key: string): string {
  return `="${key.replace(/"/g, '""')}"`;
}

/** Excel measures column widths in points; a plan in characters of the default font (7 px each + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// ---------- the writes ----------

function blockOps(t: Target, b: Block): Op[] {
  const ops: Op[] = [];
  const width = b.values[0]?.length ?? 0;
  if (width === 0) return ops;
  let start = 0;
  while (start < b.values.length) {
    let end = start;
    let size = 0;
    while (end < b.values.length && (end === start || size + bytes(b.values[end]) + width * 8 <= PIECE_BYTES)) {
      size += bytes(b.values[end]) + width * 8;
      end++;
    }
    const rows = b.values.slice(start, end);
    const row0 = b.row + start;
    const formatWrites = Array.from({ length: width }, (_, j) =>
      columnFormatWrites(
        rows.map((r) => r[j]),
        b.columnFormats?.[j],
      ),
    );
    // Non-finite numbers cannot be written; a plan never holds them, so they become empty cells.
    const values = rows.map((r) => r.map((v) => (typeof v === "number" && !Number.isFinite(v) ? null : v)));
    const formatBytes = formatWrites.reduce((n, ws) => n + ws.reduce((m, w) => m + COMMAND_BYTES + bytes(w.formats), 0), 0);
    ops.push({
      bytes: formatBytes + bytes(values) + COMMAND_BYTES,
      run: () => {
        const ws = sheetOf(t);
        formatWrites.forEach((writes, j) => {
          for (const w of writes) ws.getRangeByIndexes(row0 + w.row, b.col + j, w.formats.length, 1).numberFormat = w.formats.map((f) => [f[0]]);
        });
        ws.getRangeByIndexes(row0, b.col, rows.length, width).values = values;
      },
    });
    start = end;
  }
  return ops;
}

function styleOps(t: Target, rect: Rect, style: CellStyle): Op[] {
  const ops: Op[] = [];
  const small = style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor || style.fill || style.hAlign || style.wrap !== undefined || style.border;
  if (small) {
    ops.push({
      bytes: COMMAND_BYTES * 12,
      run: () => {
        const f = cells(sheetOf(t), rect).format;
        if (style.bold !== undefined) f.font.bold = style.bold;
        if (style.italic !== undefined) f.font.italic = style.italic;
        if (style.fontSize !== undefined) f.font.size = style.fontSize;
        if (style.fontColor) f.font.color = style.fontColor;
        if (style.fill) f.fill.color = style.fill;
        if (style.hAlign) f.horizontalAlignment = style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
        if (style.wrap !== undefined) f.wrapText = style.wrap;
        if (style.border) {
          const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
          for (const e of edges) {
            if ((e === "InsideHorizontal" && rect.rows < 2) || (e === "InsideVertical" && rect.cols < 2)) continue;
            const border = f.borders.getItem(e);
            border.style = "Continuous";
            border.weight = "Thin";
          }
        }
      },
    });
  }
  const nf = style.numberFormat;
  if (nf) {
    const perRow = rect.cols * (nf.length + 3) + 2;
    const rowsPerPiece = Math.max(1, Math.floor(PIECE_BYTES / perRow));
    for (let r = 0; r < rect.rows; r += rowsPerPiece) {
      const n = Math.min(rowsPerPiece, rect.rows - r);
      ops.push({
        bytes: COMMAND_BYTES + n * perRow,
        run: () => {
          cells(sheetOf(t), { row: rect.row + r, col: rect.col, rows: n, cols: rect.cols }).numberFormat = Array.from({ length: n }, () =>
            Array.from({ length: rect.cols }, () => nf),
          );
        },
      });
    }
  }
  return ops;
}

function literal(v: string | number): string {
  return typeof v === "number" ? `=${v}` : `="${v.replace(/"/g, '""')}"`;
}

function addRule(range: Excel.Range, rule: ConditionalRule): void {
  const paint = (format: Excel.ConditionalRangeFormat): void => {
    format.fill.color = rule.fill;
    if (rule.fontColor) format.font.color = rule.fontColor;
  };
  if (rule.op === "contains") {
    const cf = range.conditionalFormats.add("ContainsText");
    paint(cf.textComparison.format);
    cf.textComparison.rule = { operator: "Contains", text: rule.value };
    return;
  }
  const cf = range.conditionalFormats.add("CellValue");
  paint(cf.cellValue.format);
  if (rule.op === "between") cf.cellValue.rule = { operator: "Between", formula1: literal(rule.min), formula2: literal(rule.max) };
  else if (rule.op === "equal") cf.cellValue.rule = { operator: "EqualTo", formula1: literal(rule.value) };
  else cf.cellValue.rule = { operator: rule.op === "lessThan" ? "LessThan" : "GreaterThanOrEqual", formula1: literal(rule.value) };
}

function setAxis(axis: Excel.ChartAxis, plan: AxisPlan): void {
  if (plan.min !== undefined) axis.minimum = plan.min;
  if (plan.max !== undefined) axis.maximum = plan.max;
  if (plan.numberFormat) axis.numberFormat = plan.numberFormat;
  if (plan.title) axis.title.text = plan.title;
}

function seriesBy(r: Rect): "Rows" | "Columns" {
  return r.cols === 1 ? "Columns" : "Rows";
}

/**
 * Combo: the chart starts as the first series' type over that series' values; every other series is
 * added, given values first (a series without values draws nothing), then its type and axis.
 * Radar: RadarMarkers with one series per polygon.
 */
function drawChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const first = plan.series[0];
  const typeOf = (kind: "column" | "line" | "radar"): "ColumnClustered" | "Line" | "RadarMarkers" =>
    plan.type === "radar" ? "RadarMarkers" : kind === "line" ? "Line" : "ColumnClustered";
  const chartType = typeOf(first.kind);
  const chart = ws.charts.add(chartType, cells(ws, first.values), seriesBy(first.values));
  chart.title.text = plan.title;
  if (plan.legend === "none") chart.legend.visible = false;
  else if (plan.legend) {
    chart.legend.visible = true;
    chart.legend.position = plan.legend === "bottom" ? "Bottom" : "Right";
  }
  const categories = cells(ws, plan.categories);
  plan.series.forEach((sp, i) => {
    const s = i === 0 ? chart.series.getItemAt(0) : chart.series.add(sp.name);
    if (i === 0) s.name = sp.name;
    else s.setValues(cells(ws, sp.values));
    s.setXAxisValues(categories);
    if (plan.type === "combo") {
      if (typeOf(sp.kind) !== chartType) s.chartType = typeOf(sp.kind);
      if (sp.axis === "secondary") s.axisGroup = "Secondary";
    }
    if (sp.color) {
      if (plan.type === "combo" && sp.kind === "column") s.format.fill.setSolidColor(sp.color);
      else s.format.line.color = sp.color;
    }
    if (sp.dashed) s.format.line.lineStyle = "Dash";
  });
  if (plan.type === "radar") {
    // Which axes a radar chart exposes is unconfirmed; the primary value axis is the one every chart has.
    if (plan.primaryAxis) setAxis(chart.axes.valueAxis, plan.primaryAxis);
  } else {
    if (plan.primaryAxis) setAxis(chart.axes.getItem("Value", "Primary"), plan.primaryAxis);
    if (plan.secondaryAxis && plan.series.some((s) => s.axis === "secondary")) setAxis(chart.axes.getItem("Value", "Secondary"), plan.secondaryAxis);
  }
  const p = plan.position;
  chart.setPosition(ws.getRangeByIndexes(p.row, p.col, 1, 1), ws.getRangeByIndexes(p.row + p.rows - 1, p.col + p.cols - 1, 1, 1));
}

/**
 * Where a sheet's `formatsFrom` copies from: a sheet already in the workbook (loaded in the read),
 * or a sheet of the same plan written before it (`inPlan`: its key), such as the default card
 * template created together with the cards, which saves the round trips of writing it first.
 */
interface Template {
  readonly sheet: string;
  readonly rect: Rect;
  readonly inPlan?: string;
  ws?: Excel.Worksheet;
  widths?: Excel.RangeFormat[];
}

function sheetOps(
  t: Target,
  templates: ReadonlyMap<string, Template>,
  targets: readonly Target[],
  tableNames: Set<string>,
  addSheet: (name: string) => Excel.Worksheet,
  getSheet: (name: string) => Excel.Worksheet,
): Op[] {
  const p = t.plan;
  const ops: Op[] = [];
  ops.push({
    bytes: COMMAND_BYTES * (4 + (t.reuse ? t.reuse.tables.length + t.reuse.charts.length + 6 : 0)),
    run: () => {
      if (!t.reuse) {
        const ws = addSheet(t.name);
        ws.names.add(MARK_NAME, markFormula(p.key));
        t.ws = ws;
        return;
      }
      const ws = getSheet(t.name);
      t.ws = ws;
      for (const name of t.reuse.tables) ws.tables.getItem(name).delete();
      for (const name of t.reuse.charts) ws.charts.getItem(name).delete();
      const all = ws.getRange();
      all.conditionalFormats.clearAll();
      all.unmerge();
      all.clear("All");
      ws.freezePanes.unfreeze();
      if (!p.tabColor) ws.tabColor = "";
    },
  });
  if (p.formatsFrom) {
    const tpl = templates.get(templateKey(p.formatsFrom));
    const ff = p.formatsFrom;
    ops.push({
      bytes: COMMAND_BYTES * (2 + ff.rect.cols * 2),
      run: () => {
        if (!tpl) return;
        const ws = sheetOf(t);
        const source = tpl.inPlan !== undefined ? targets.find((x) => x.plan.key === tpl.inPlan) : undefined;
        // copyFrom is undoable, unlike Worksheet.copy; formats only, so the template's text stays behind.
        if (source) {
          cells(ws, ff.rect).copyFrom(cells(sheetOf(source), ff.rect), "Formats");
          for (const w of source.plan.columnWidths ?? []) {
            if (w.col >= ff.rect.col && w.col < ff.rect.col + ff.rect.cols) ws.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(w.width);
          }
          return;
        }
        if (!tpl.ws) return;
        cells(ws, ff.rect).copyFrom(cells(tpl.ws, ff.rect), "Formats");
        (tpl.widths ?? []).forEach((w, j) => {
          if (typeof w.columnWidth === "number") ws.getRangeByIndexes(0, ff.rect.col + j, 1, 1).getEntireColumn().format.columnWidth = w.columnWidth;
        });
      },
    });
  }
  for (const b of p.blocks) ops.push(...blockOps(t, b));
  for (const f of p.formats ?? []) ops.push(...styleOps(t, f.rect, f.style));
  for (const m of p.merges ?? []) ops.push({ bytes: COMMAND_BYTES * 2, run: () => cells(sheetOf(t), m).merge(false) });
  for (const tb of p.tables ?? []) {
    const name = freeTableName(tb.name, tableNames);
    tableNames.add(name.toLowerCase());
    ops.push({
      bytes: COMMAND_BYTES * 5,
      run: () => {
        const ws = sheetOf(t);
        const table = ws.tables.add(cells(ws, tb.rect), true);
        table.name = name;
        if (tb.style) table.style = tb.style;
        table.showTotals = false;
      },
    });
  }
  for (const c of p.conditional ?? []) {
    ops.push({
      bytes: COMMAND_BYTES * 6 * c.rules.length,
      run: () => {
        const range = cells(sheetOf(t), c.rect);
        // Each new format goes on top: add the last rule first so the plan's first rule wins.
        for (const rule of [...c.rules].reverse()) addRule(range, rule);
      },
    });
  }
  if (p.columnWidths?.length) {
    ops.push({
      bytes: COMMAND_BYTES * 3 * p.columnWidths.length,
      run: () => {
        const ws = sheetOf(t);
        for (const w of p.columnWidths ?? []) ws.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(w.width);
      },
    });
  }
  const freeze = p.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    ops.push({
      bytes: COMMAND_BYTES * 2,
      run: () => {
        const ws = sheetOf(t);
        if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
        else ws.freezePanes.freezeColumns(freeze.cols);
      },
    });
  }
  if (p.tabColor) {
    const color = p.tabColor;
    ops.push({ bytes: COMMAND_BYTES, run: () => void (sheetOf(t).tabColor = color) });
  }
  for (const c of p.charts ?? []) ops.push({ bytes: COMMAND_BYTES * (12 + 8 * c.series.length), run: () => drawChart(sheetOf(t), c) });
  return ops;
}

function templateKey(ff: { readonly sheet: string; readonly rect: Rect }): string {
  return `${ff.sheet.toLowerCase()}!${rectAddress(ff.rect)}`;
}

/** Render `plan` into the workbook; see the file comment for the guarantees. */
export async function renderPlan(plan: ReportPlan, options: RenderOptions = {}): Promise<RenderResult> {
  checkPlan(plan);
  const budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BYTES;
  const grouped = excelApiSupported(OPTIONAL_EXCEL_API["Excel.run(mergeUndoGroup)"]);
  const batch = async (context: Excel.RequestContext): Promise<RenderResult> => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      await context.sync();
      syncs++;
    };
    const wb = context.workbook;

    // ---- the read ----
    // One request for every sheet's marks, tables and charts: collection paths ("items/names/items/value")
    // expand navigation collections in the same load, so no per-sheet round trip is needed.
    const sheets = wb.worksheets;
    sheets.load("items/name,items/visibility,items/names/items/name,items/names/items/value,items/tables/items/name,items/charts/items/name");
    wb.tables.load("items/name");
    wb.names.load("items/name");
    const templates = new Map<string, Template>();
    for (const s of plan.sheets) {
      const ff = s.formatsFrom;
      if (!ff || templates.has(templateKey(ff))) continue;
      const earlier = plan.sheets.slice(0, plan.sheets.indexOf(s)).find((o) => o.name === ff.sheet);
      if (earlier) {
        templates.set(templateKey(ff), { sheet: ff.sheet, rect: ff.rect, inPlan: earlier.key });
        continue;
      }
      const ws = sheets.getItemOrNullObject(ff.sheet);
      const widths = Array.from({ length: ff.rect.cols }, (_, j) => ws.getRangeByIndexes(ff.rect.row, ff.rect.col + j, 1, 1).format.load("columnWidth"));
      templates.set(templateKey(ff), { sheet: ff.sheet, rect: ff.rect, ws, widths });
    }
    await sync();

    for (const tpl of templates.values()) {
      if (tpl.ws?.isNullObject) throw new KamInputException(msg.templateMissing(tpl.sheet, rectAddress(tpl.rect)));
    }

    // ---- decide where each sheet goes ----
    const existing = sheets.items.map((ws) => ({
      name: ws.name,
      visible: ws.visibility === "Visible",
      mark: ws.names.items.find((n) => n.name.toUpperCase() === MARK_NAME)?.value as unknown,
      tables: ws.tables.items.map((x) => x.name),
      charts: ws.charts.items.map((x) => x.name),
    }));
    const taken = new Set(existing.map((e) => e.name.toLowerCase()));
    const claimed = new Set<string>();
    const targets: Target[] = plan.sheets.map((sp) => {
      const mine = existing.find((e) => !claimed.has(e.name) && typeof e.mark === "string" && e.mark === sp.key);
      if (mine) {
        claimed.add(mine.name);
        return { plan: sp, name: mine.name, visible: mine.visible, reuse: { tables: mine.tables, charts: mine.charts } };
      }
      const name = freeSheetName(sp.name, taken);
      taken.add(name.toLowerCase());
      return { plan: sp, name, visible: true, reuse: null };
    });
    const reusedTables = new Set(targets.flatMap((t) => (t.reuse ? t.reuse.tables.map((n) => n.toLowerCase()) : [])));
    const tableNames = new Set([...wb.tables.items.map((x) => x.name.toLowerCase()).filter((n) => !reusedTables.has(n)), ...wb.names.items.map((x) => x.name.toLowerCase())]);

    // ---- the writes ----
    const ops: Op[] = [];
    const addSheet = (name: string): Excel.Worksheet => wb.worksheets.add(name);
    const getSheet = (name: string): Excel.Worksheet => wb.worksheets.getItem(name);
    for (const t of targets) ops.push(...sheetOps(t, templates, targets, tableNames, addSheet, getSheet));
    const active = plan.activate ? targets.find((t) => t.plan.key === plan.activate) : undefined;
    if (active?.visible) ops.push({ bytes: COMMAND_BYTES, run: () => sheetOf(active).activate() });

    let open = false;
    let used = 0;
    for (const op of ops) {
      if (open && used + op.bytes > budget) {
        await sync();
        open = false;
      }
      if (!open) {
        // Per sync: suspension lasts until the next sync only.
        wb.application.suspendApiCalculationUntilNextSync();
        wb.application.suspendScreenUpdatingUntilNextSync();
        open = true;
        used = 2 * COMMAND_BYTES;
      }
      op.run();
      used += op.bytes;
    }
    if (open) await sync();
    return { sheets: targets.map((t) => ({ key: t.plan.key, name: t.name })), syncs };
  };
  return grouped ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
}

export { needsTextFormat };
