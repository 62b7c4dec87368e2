/** Range and everything hanging off it: format, font, fill, borders, merged areas, conditional formats. */
import { MAX_COLS, MAX_ROWS, Rect, cellIn, contains, intersect, parseAddress, quoteSheet, rectA1 } from "./address";
import { AnyProxy, CollectionBase, NULL, PropDef, ProxyBase, RequestContextDouble, Res } from "./client";
import { apiError } from "./errors";
import { Borders, BorderSpec, Cell, CfEntity, CfRule, Font, RangeRef, SheetEntity, WorkbookModel, formatText, hasFormat } from "./model";
import { TableScopedCollectionDouble, WorksheetDouble } from "./workbook";

/** The double does not model formatting more cells than this at once (a host never needs to). */
const FORMAT_CELL_CAP = 2_000_000;

function model(ctx: RequestContextDouble): WorkbookModel {
  return ctx.host.model;
}

function live(ref: RangeRef, location: string): RangeRef {
  if (ref.sheet.deleted) throw apiError("ItemNotFound", "The worksheet has been deleted.", location);
  return ref;
}

function grid<T>(ref: RangeRef, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ref.rect.rows; i++) {
    const row: T[] = new Array<T>(ref.rect.cols);
    for (let j = 0; j < ref.rect.cols; j++) row[j] = f(ref.rect.r + i, ref.rect.c + j);
    out.push(row);
  }
  return out;
}

function checkShape(ref: RangeRef, v: unknown, location: string): asserts v is unknown[][] {
  if (v === null || v === undefined) {
    throw apiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", location);
  }
  const ok = Array.isArray(v) && v.length === ref.rect.rows && v.every((row) => Array.isArray(row) && row.length === ref.rect.cols);
  if (!ok) {
    throw apiError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", location);
  }
}

function eachCell(ref: RangeRef, location: string, f: (cell: Cell, r: number, c: number) => void): void {
  if (ref.rect.rows * ref.rect.cols > FORMAT_CELL_CAP) {
    throw apiError("NotImplemented", `The Excel double does not model formatting ${ref.rect.rows * ref.rect.cols} cells at once.`, location);
  }
  for (let r = ref.rect.r; r < ref.rect.r + ref.rect.rows; r++) {
    for (let c = ref.rect.c; c < ref.rect.c + ref.rect.cols; c++) f(ref.sheet.ensure(r, c), r, c);
  }
}

/** The value shared by every cell, or null when the cells differ (BN). */
function uniform<T>(ref: RangeRef, f: (cell: Cell | undefined) => T): T | null {
  let first: T | undefined;
  let seen = false;
  const cap = Math.min(ref.rect.rows * ref.rect.cols, FORMAT_CELL_CAP);
  let n = 0;
  for (let r = ref.rect.r; r < ref.rect.r + ref.rect.rows && n < cap; r++) {
    for (let c = ref.rect.c; c < ref.rect.c + ref.rect.cols && n < cap; c++, n++) {
      const v = f(ref.sheet.get(r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

const COLOR_NAMES = /^[A-Za-z]+$/;
function color(v: unknown, location: string): string {
  if (typeof v !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(v) || COLOR_NAMES.test(v))) {
    throw apiError("InvalidArgument", `"${String(v)}" is not a colour: use #RRGGBB or an HTML colour name.`, location);
  }
  return v.startsWith("#") ? v.toUpperCase() : v;
}

function offsetRect(ref: RangeRef, r: number, c: number, rows: number, cols: number, location: string): RangeRef {
  if (rows < 1 || cols < 1 || r < 0 || c < 0 || r + rows > MAX_ROWS || c + cols > MAX_COLS) {
    throw apiError("InvalidArgument", "The range would extend outside the worksheet grid.", location);
  }
  return { sheet: ref.sheet, rect: { r, c, rows, cols } };
}

export class RangeDouble extends ProxyBase<RangeRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "Range");
  }

  protected override _cellCount(e: RangeRef): number {
    return e.rect.rows * e.rect.cols;
  }

  protected override _props(): Record<string, PropDef<RangeRef>> {
    const m = model(this.context);
    return {
      address: { get: (e) => m.addressOf(e) },
      addressLocal: { get: (e) => m.addressOf(e) },
      rowCount: { get: (e) => e.rect.rows },
      columnCount: { get: (e) => e.rect.cols },
      rowIndex: { get: (e) => e.rect.r },
      columnIndex: { get: (e) => e.rect.c },
      cellCount: { get: (e) => e.rect.rows * e.rect.cols },
      values: { cells: true, get: (e) => grid(e, (r, c) => e.sheet.valueAt(r, c)) },
      formulas: {
        cells: true,
        get: (e) => grid(e, (r, c) => (e.sheet.mergeAt(r, c) && !isTopLeft(e.sheet, r, c) ? "" : (e.sheet.get(r, c)?.formula ?? e.sheet.valueAt(r, c)))),
      },
      numberFormat: { cells: true, get: (e) => grid(e, (r, c) => e.sheet.numberFormatAt(r, c)) },
      text: {
        cells: true,
        get: (e) =>
          grid(e, (r, c) => {
            const cell = e.sheet.get(r, c);
            if (!cell || (e.sheet.merges.length && !isTopLeft(e.sheet, r, c) && e.sheet.mergeAt(r, c))) return "";
            return formatText(cell.value, cell.type, cell.numberFormat ?? "General");
          }),
      },
      valueTypes: {
        cells: true,
        get: (e) => grid(e, (r, c) => (e.sheet.merges.length && e.sheet.mergeAt(r, c) && !isTopLeft(e.sheet, r, c) ? "Empty" : (e.sheet.get(r, c)?.type ?? "Empty"))),
      },
      numberFormatCategories: { notInAll: true, cells: true, version: "1.12", get: (e) => grid(e, () => "General") },
    };
  }

  protected override _navs(): Record<string, () => AnyProxy> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  // ---- scalar properties ----
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  /** Not part of a no-argument load() (AM). */
  get numberFormatCategories(): string[][] {
    return this._get("numberFormatCategories", "1.12");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, (e) => this._writeGrid(e, v, "values"));
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (e) => this._writeGrid(e, v, "formulas"));
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (e) => {
      live(e, "Range.numberFormat");
      checkShape(e, v, "Range.numberFormat");
      const m = model(this.context);
      v.forEach((row, i) => row.forEach((nf, j) => m.writeNumberFormat(e.sheet, e.rect.r + i, e.rect.c + j, nf, "Range.numberFormat")));
      m.record(e.sheet, e.rect, "numberFormat");
    });
  }

  private _writeGrid(e: RangeRef, v: unknown, mode: "values" | "formulas"): void {
    const location = `Range.${mode}`;
    live(e, location);
    checkShape(e, v, location);
    const m = model(this.context);
    v.forEach((row, i) => row.forEach((x, j) => m.writeCell(e.sheet, e.rect.r + i, e.rect.c + j, x, mode, location)));
    m.record(e.sheet, e.rect, mode);
  }

  // ---- navigation ----
  get format(): RangeFormatDouble {
    return this._nav("format", () => new RangeFormatDouble(this.context, () => this._resolve()));
  }

  get worksheet(): WorksheetDouble {
    return this._nav("worksheet", () => new WorksheetDouble(this.context, () => {
      const e = this._resolve();
      return e === NULL ? NULL : e.sheet;
    }));
  }

  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return this._nav("conditionalFormats", () => new ConditionalFormatCollectionDouble(this.context, () => this._resolve()), "1.6");
  }

  private _range(method: string, args: unknown[], f: (e: RangeRef) => Res<RangeRef>, opts: { version?: string; orNull?: boolean } = {}): RangeDouble {
    return this._child(method, args, (res) => new RangeDouble(this.context, res), (e: RangeRef) => f(live(e, `Range.${method}`)), opts);
  }

  getCell(row: number, column: number): RangeDouble {
    return this._range("getCell", [row, column], (e) => offsetRect(e, e.rect.r + row, e.rect.c + column, 1, 1, "Range.getCell"));
  }
  getRow(row: number): RangeDouble {
    return this._range("getRow", [row], (e) => offsetRect(e, e.rect.r + row, e.rect.c, 1, e.rect.cols, "Range.getRow"));
  }
  getColumn(column: number): RangeDouble {
    return this._range("getColumn", [column], (e) => offsetRect(e, e.rect.r, e.rect.c + column, e.rect.rows, 1, "Range.getColumn"));
  }
  getEntireRow(): RangeDouble {
    return this._range("getEntireRow", [], (e) => offsetRect(e, e.rect.r, 0, e.rect.rows, MAX_COLS, "Range.getEntireRow"));
  }
  getEntireColumn(): RangeDouble {
    return this._range("getEntireColumn", [], (e) => offsetRect(e, 0, e.rect.c, MAX_ROWS, e.rect.cols, "Range.getEntireColumn"));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeDouble {
    return this._range("getOffsetRange", [rowOffset, columnOffset], (e) =>
      offsetRect(e, e.rect.r + rowOffset, e.rect.c + columnOffset, e.rect.rows, e.rect.cols, "Range.getOffsetRange"),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeDouble {
    return this._range(
      "getResizedRange",
      [deltaRows, deltaColumns],
      (e) => offsetRect(e, e.rect.r, e.rect.c, e.rect.rows + deltaRows, e.rect.cols + deltaColumns, "Range.getResizedRange"),
      { version: "1.7" },
    );
  }
  getIntersection(other: RangeDouble | string): RangeDouble {
    return this._range("getIntersection", [other], (e) => {
      const hit = this._intersect(e, other);
      if (!hit) throw apiError("ItemNotFound", "The ranges do not intersect.", "Range.getIntersection");
      return hit;
    });
  }
  getIntersectionOrNullObject(other: RangeDouble | string): RangeDouble {
    return this._range("getIntersectionOrNullObject", [other], (e) => this._intersect(e, other) ?? NULL, { version: "1.4", orNull: true });
  }
  private _intersect(e: RangeRef, other: RangeDouble | string): RangeRef | null {
    let o: RangeRef;
    if (typeof other === "string") o = { sheet: e.sheet, rect: parseAddress(other).rect };
    else {
      const r = other._resolve();
      if (r === NULL) return null;
      o = r;
    }
    if (o.sheet !== e.sheet) return null;
    const rect = intersect(e.rect, o.rect);
    return rect ? { sheet: e.sheet, rect } : null;
  }
  getSurroundingRegion(): RangeDouble {
    return this._range(
      "getSurroundingRegion",
      [],
      (e) => ({ sheet: e.sheet, rect: model(this.context).surroundingRegion(e.sheet, { r: e.rect.r, c: e.rect.c, rows: 1, cols: 1 }) }),
      { version: "1.7" },
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeDouble {
    if (valuesOnly !== undefined) this._gate("getUsedRange(valuesOnly)", "1.2");
    return this._range("getUsedRange", [valuesOnly ?? false], (e) => {
      const used = this._used(e, valuesOnly ?? false);
      if (!used) throw apiError("ItemNotFound", "The range has no used cells.", "Range.getUsedRange");
      return used;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    return this._range("getUsedRangeOrNullObject", [valuesOnly ?? false], (e) => this._used(e, valuesOnly ?? false) ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  private _used(e: RangeRef, valuesOnly: boolean): RangeRef | null {
    const u = model(this.context).usedRect(e.sheet, valuesOnly);
    const rect = u && intersect(u, e.rect);
    return rect ? { sheet: e.sheet, rect } : null;
  }

  /** EXCEL-BEHAVIOUR §11: misses areas whose top-left cell lies outside the range (oj#3611); fails above 512 areas. */
  getMergedAreasOrNullObject(): RangeAreasDouble {
    return this._child(
      "getMergedAreasOrNullObject",
      [],
      (res) => new RangeAreasDouble(this.context, res),
      (e: RangeRef) => {
        const found = e.sheet.merges.filter((m) => cellIn(e.rect, m.r, m.c));
        if (found.length > 512) throw apiError("GeneralException", "Too many merged areas.", "Range.getMergedAreasOrNullObject");
        return found.length ? { sheet: e.sheet, rects: found } : NULL;
      },
      { version: "1.13", orNull: true },
    );
  }

  getTables(fullyContained?: boolean): TableScopedCollectionDouble {
    return this._child(
      "getTables",
      [fullyContained ?? false],
      (res) => new TableScopedCollectionDouble(this.context, res),
      (e: RangeRef) => ({
        tables: model(this.context)
          .liveTables()
          .filter((t) => t.sheet === e.sheet && (fullyContained ? contains(e.rect, t.rect) : intersect(e.rect, t.rect) !== null)),
      }),
      { version: "1.9" },
    );
  }

  merge(across?: boolean): void {
    this._call("merge", [across ?? false], (e) => {
      live(e, "Range.merge");
      const m = model(this.context);
      if (m.liveTables().some((t) => t.sheet === e.sheet && intersect(t.rect, e.rect))) {
        throw apiError("InvalidOperation", "Cells in a table can't be merged.", "Range.merge");
      }
      const areas: Rect[] = across
        ? Array.from({ length: e.rect.rows }, (_, i) => ({ r: e.rect.r + i, c: e.rect.c, rows: 1, cols: e.rect.cols }))
        : [e.rect];
      for (const a of areas) {
        if (a.rows * a.cols < 2) continue;
        for (const old of e.sheet.merges) {
          if (intersect(old, a) && !contains(a, old)) {
            throw apiError("MergedRangeConflict", "The range partly overlaps a merged area.", "Range.merge");
          }
        }
        e.sheet.merges = e.sheet.merges.filter((old) => !contains(a, old));
        // Excel keeps the upper-left value of a merged area; the others are lost.
        for (let r = a.r; r < a.r + a.rows; r++) {
          for (let c = a.c; c < a.c + a.cols; c++) {
            if (r === a.r && c === a.c) continue;
            const cell = e.sheet.get(r, c);
            if (cell && cell.type !== "Empty") {
              m.lostWrites.push({ sheet: e.sheet.name, address: rectA1({ r, c, rows: 1, cols: 1 }), value: cell.value });
              cell.value = "";
              cell.type = "Empty";
              delete cell.formula;
            }
          }
        }
        e.sheet.merges.push(a);
      }
      m.record(e.sheet, e.rect, "merge");
    }, { version: "1.2" });
  }

  /** Makes the range the selection, activating its sheet (Range.select, ExcelApi 1.1); a hidden sheet cannot be selected. */
  select(): void {
    this._call("select", [], (e) => {
      live(e, "Range.select");
      if (e.sheet.visibility !== "Visible") throw apiError("InvalidOperation", "A range on a hidden worksheet cannot be selected.", "Range.select");
      const m = model(this.context);
      m.activeSheet = e.sheet;
      m.selection = { sheet: e.sheet, rect: e.rect };
    }, { undo: "read" });
  }

  unmerge(): void {
    this._call("unmerge", [], (e) => {
      live(e, "Range.unmerge");
      e.sheet.merges = e.sheet.merges.filter((m) => !intersect(m, e.rect));
      model(this.context).record(e.sheet, e.rect, "unmerge");
    }, { version: "1.2" });
  }

  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void {
    const what = applyTo ?? "All";
    this._call("clear", [what], (e) => {
      live(e, "Range.clear");
      if (what === "Hyperlinks" || what === "RemoveHyperlinks") return;
      if (what !== "All" && what !== "Formats" && what !== "Contents") throw apiError("InvalidArgument", `Unknown clear type ${String(what)}.`, "Range.clear");
      const m = model(this.context);
      m.clearRect(e.sheet, e.rect, what);
      // Merging is formatting: clearing formats unmerges.
      if (what !== "Contents") e.sheet.merges = e.sheet.merges.filter((x) => !intersect(x, e.rect));
      m.record(e.sheet, e.rect, `clear(${what})`);
    });
  }

  /**
   * EXCEL-BEHAVIOUR: undoable (unlike Worksheet.copy). The source's size decides the destination,
   * anchored at this range's top-left cell. Formats = number formats, fonts, fills, alignment,
   * borders, merged areas and conditional formats inside the source; never column widths.
   */
  copyFrom(source: RangeDouble | string, copyType?: "All" | "Formulas" | "Values" | "Formats" | "Link", skipBlanks?: boolean, transpose?: boolean): void {
    const type = copyType ?? "All";
    this._call("copyFrom", [source, type, skipBlanks ?? false, transpose ?? false], (e) => {
      live(e, "Range.copyFrom");
      const m = model(this.context);
      let src: RangeRef;
      if (typeof source === "string") {
        const p = parseAddress(source);
        const sheet = p.sheet ? m.findSheet(p.sheet) : e.sheet;
        if (!sheet) throw apiError("InvalidArgument", `No sheet ${p.sheet ?? ""}.`, "Range.copyFrom");
        src = { sheet, rect: p.rect };
      } else {
        const r = source._resolve();
        if (r === NULL) throw apiError("InvalidArgument", "The source range is a null object.", "Range.copyFrom");
        src = r;
      }
      if (transpose || type === "Link") throw apiError("NotImplemented", "The Excel double does not model transpose or link copies.", "Range.copyFrom");
      const dest: Rect = { r: e.rect.r, c: e.rect.c, rows: src.rect.rows, cols: src.rect.cols };
      if (dest.r + dest.rows > MAX_ROWS || dest.c + dest.cols > MAX_COLS) throw apiError("InvalidArgument", "The copy does not fit.", "Range.copyFrom");
      if (src.rect.rows * src.rect.cols > FORMAT_CELL_CAP) throw apiError("NotImplemented", "The Excel double does not model copying this many cells.", "Range.copyFrom");
      const dr = dest.r - src.rect.r;
      const dc = dest.c - src.rect.c;
      const copies: { r: number; c: number; cell: Cell | undefined }[] = [];
      for (let r = src.rect.r; r < src.rect.r + src.rect.rows; r++) {
        for (let c = src.rect.c; c < src.rect.c + src.rect.cols; c++) {
          const cell = src.sheet.get(r, c);
          copies.push({ r: r + dr, c: c + dc, cell: cell && structuredClone(cell) });
        }
      }
      const withFormats = type === "All" || type === "Formats";
      const withValues = type !== "Formats";
      for (const { r, c, cell } of copies) {
        if (skipBlanks && (!cell || cell.type === "Empty")) continue;
        const target = e.sheet.ensure(r, c);
        if (withValues) {
          target.value = cell?.value ?? "";
          target.type = cell?.type ?? "Empty";
          if (cell?.formula && type !== "Values") target.formula = cell.formula;
          else delete target.formula;
        }
        if (withFormats) {
          for (const k of ["numberFormat", "font", "fill", "hAlign", "wrap", "borders"] as const) {
            if (cell && cell[k] !== undefined) (target as unknown as Record<string, unknown>)[k] = cell[k];
            else delete target[k];
          }
        }
      }
      if (withFormats) {
        const moved = src.sheet.merges.filter((mg) => contains(src.rect, mg)).map((mg) => ({ ...mg, r: mg.r + dr, c: mg.c + dc }));
        e.sheet.merges = e.sheet.merges.filter((mg) => !intersect(mg, dest)).concat(moved);
        const cfs = src.sheet.cfs
          .filter((cf) => contains(src.rect, cf.rect))
          .map((cf) => ({ ...structuredClone({ ...cf, rect: cf.rect }), id: m.newCfId(), rect: { ...cf.rect, r: cf.rect.r + dr, c: cf.rect.c + dc } }));
        e.sheet.cfs = [...cfs, ...e.sheet.cfs.filter((cf) => !contains(dest, cf.rect))];
      }
      m.record(e.sheet, dest, `copyFrom(${type})`);
    }, { version: "1.9" });
  }
}

function isTopLeft(sheet: SheetEntity, r: number, c: number): boolean {
  const m = sheet.mergeAt(r, c);
  return !m || (m.r === r && m.c === c);
}

// ---------- format ----------

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

export class RangeFormatDouble extends ProxyBase<RangeRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "RangeFormat");
  }

  protected override _props(): Record<string, PropDef<RangeRef>> {
    return {
      columnWidth: {
        version: "1.2",
        get: (e) => {
          const first = e.sheet.colWidth(e.rect.c);
          for (let c = e.rect.c; c < e.rect.c + e.rect.cols; c++) if (e.sheet.colWidth(c) !== first) return null;
          return first;
        },
      },
      rowHeight: {
        version: "1.2",
        get: (e) => {
          const first = e.sheet.rowHeight(e.rect.r);
          const last = Math.min(e.rect.r + e.rect.rows, e.rect.r + 100_000);
          for (let r = e.rect.r; r < last; r++) if (e.sheet.rowHeight(r) !== first) return null;
          return first;
        },
      },
      horizontalAlignment: { get: (e) => uniform(e, (c) => c?.hAlign ?? "General") },
      wrapText: { get: (e) => uniform(e, (c) => c?.wrap ?? false) },
    };
  }

  protected override _navs(): Record<string, () => AnyProxy> {
    return { font: () => this.font, fill: () => this.fill };
  }

  get font(): RangeFontDouble {
    return this._nav("font", () => new RangeFontDouble(this.context, () => this._resolve()));
  }
  get fill(): RangeFillDouble {
    return this._nav("fill", () => new RangeFillDouble(this.context, () => this._resolve()));
  }
  get borders(): RangeBorderCollectionDouble {
    return this._nav("borders", () => new RangeBorderCollectionDouble(this.context, () => this._resolve()));
  }

  get columnWidth(): number {
    return this._get("columnWidth", "1.2");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (e) => {
      if (typeof v !== "number" || !(v >= 0) || v > 255 * 7.5) throw apiError("InvalidArgument", "Column width out of range.", "RangeFormat.columnWidth");
      for (let c = e.rect.c; c < e.rect.c + e.rect.cols; c++) e.sheet.colWidths.set(c, v);
      model(this.context).record(e.sheet, e.rect, "columnWidth");
    }, { version: "1.2" });
  }

  get rowHeight(): number {
    return this._get("rowHeight", "1.2");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, (e) => {
      if (typeof v !== "number" || !(v >= 0) || v > 409) throw apiError("InvalidArgument", "Row height out of range.", "RangeFormat.rowHeight");
      for (let r = e.rect.r; r < e.rect.r + e.rect.rows; r++) e.sheet.rowHeights.set(r, v);
      model(this.context).record(e.sheet, e.rect, "rowHeight");
    }, { version: "1.2" });
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, (e) => {
      if (!H_ALIGN.includes(v)) throw apiError("InvalidArgument", `Unknown alignment ${v}.`, "RangeFormat.horizontalAlignment");
      eachCell(e, "RangeFormat.horizontalAlignment", (cell) => (cell.hAlign = v));
      model(this.context).record(e.sheet, e.rect, "horizontalAlignment");
    });
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (e) => {
      if (typeof v !== "boolean") throw apiError("InvalidArgument", "wrapText must be a boolean.", "RangeFormat.wrapText");
      eachCell(e, "RangeFormat.wrapText", (cell) => (cell.wrap = v));
      model(this.context).record(e.sheet, e.rect, "wrapText");
    });
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (e) => {
      const m = model(this.context);
      const used = m.usedRect(e.sheet, true);
      for (let c = e.rect.c; c < e.rect.c + e.rect.cols; c++) {
        let longest = 0;
        if (used && c >= used.c && c < used.c + used.cols) {
          const r0 = Math.max(used.r, e.rect.r);
          const r1 = Math.min(used.r + used.rows, e.rect.r + e.rect.rows);
          for (let r = r0; r < r1; r++) {
            const cell = e.sheet.get(r, c);
            if (cell) longest = Math.max(longest, formatText(cell.value, cell.type, cell.numberFormat ?? "General").length);
          }
        }
        // Calibri 11: about 7 px a character plus 5 px padding; 0.75 pt a pixel.
        e.sheet.colWidths.set(c, longest === 0 ? e.sheet.colWidth(c) : (longest * 7 + 5) * 0.75);
      }
      m.record(e.sheet, e.rect, "autofitColumns");
    }, { version: "1.2" });
  }

  autofitRows(): void {
    this._call("autofitRows", [], (e) => model(this.context).record(e.sheet, e.rect, "autofitRows"), { version: "1.2" });
  }
}

export class RangeFontDouble extends ProxyBase<RangeRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "RangeFont");
  }
  protected override _props(): Record<string, PropDef<RangeRef>> {
    return {
      bold: { get: (e) => uniform(e, (c) => c?.font?.bold ?? false) },
      italic: { get: (e) => uniform(e, (c) => c?.font?.italic ?? false) },
      size: { get: (e) => uniform(e, (c) => c?.font?.size ?? 11) },
      color: { get: (e) => uniform(e, (c) => c?.font?.color ?? "#000000") },
      name: { get: (e) => uniform(e, (c) => c?.font?.name ?? "Calibri") },
    };
  }
  private _font<K extends keyof Font>(k: K, v: Font[K], check: (v: unknown) => Font[K]): void {
    this._set(k, v, (e) => {
      const value = check(v);
      eachCell(e, `RangeFont.${k}`, (cell) => (cell.font = { ...cell.font, [k]: value }));
      model(this.context).record(e.sheet, e.rect, `font.${k}`);
    });
  }
  private static bool(k: string): (v: unknown) => boolean {
    return (v) => {
      if (typeof v !== "boolean") throw apiError("InvalidArgument", `${k} must be a boolean.`, `RangeFont.${k}`);
      return v;
    };
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._font("bold", v, RangeFontDouble.bool("bold"));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._font("italic", v, RangeFontDouble.bool("italic"));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._font("size", v, (x) => {
      if (typeof x !== "number" || x < 1 || x > 409) throw apiError("InvalidArgument", "Font size out of range.", "RangeFont.size");
      return x;
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._font("color", v, (x) => color(x, "RangeFont.color"));
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._font("name", v, (x) => {
      if (typeof x !== "string" || x === "") throw apiError("InvalidArgument", "Font name must be a string.", "RangeFont.name");
      return x;
    });
  }
}

export class RangeFillDouble extends ProxyBase<RangeRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "RangeFill");
  }
  protected override _props(): Record<string, PropDef<RangeRef>> {
    return { color: { get: (e) => uniform(e, (c) => c?.fill ?? "#FFFFFF") } };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e) => {
      const c = color(v, "RangeFill.color");
      eachCell(e, "RangeFill.color", (cell) => (cell.fill = c));
      model(this.context).record(e.sheet, e.rect, "fill.color");
    });
  }
  clear(): void {
    this._call("clear", [], (e) => {
      eachCell(e, "RangeFill.clear", (cell) => delete cell.fill);
      model(this.context).record(e.sheet, e.rect, "fill.clear");
    });
  }
}

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
const BORDER_INDEXES: BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

interface BorderRef {
  ref: RangeRef;
  index: BorderIndex;
}

/** The cell edges one border index covers. */
function borderEdges(b: BorderRef): { r: number; c: number; side: keyof Borders }[] {
  const { rect } = b.ref;
  const out: { r: number; c: number; side: keyof Borders }[] = [];
  const rows = (r: number, side: keyof Borders): void => {
    for (let c = rect.c; c < rect.c + rect.cols; c++) out.push({ r, c, side });
  };
  const cols = (c: number, side: keyof Borders): void => {
    for (let r = rect.r; r < rect.r + rect.rows; r++) out.push({ r, c, side });
  };
  switch (b.index) {
    case "EdgeTop":
      rows(rect.r, "top");
      break;
    case "EdgeBottom":
      rows(rect.r + rect.rows - 1, "bottom");
      break;
    case "EdgeLeft":
      cols(rect.c, "left");
      break;
    case "EdgeRight":
      cols(rect.c + rect.cols - 1, "right");
      break;
    case "InsideHorizontal":
      for (let r = rect.r; r < rect.r + rect.rows - 1; r++) {
        rows(r, "bottom");
        rows(r + 1, "top");
      }
      break;
    case "InsideVertical":
      for (let c = rect.c; c < rect.c + rect.cols - 1; c++) {
        cols(c, "right");
        cols(c + 1, "left");
      }
      break;
    default:
      break;
  }
  return out;
}

export class RangeBorderCollectionDouble extends ProxyBase<RangeRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "RangeBorderCollection");
  }
  getItem(index: BorderIndex): RangeBorderDouble {
    return this._child(
      "getItem",
      [index],
      (res) => new RangeBorderDouble(this.context, res),
      (e: RangeRef) => {
        if (!BORDER_INDEXES.includes(index)) throw apiError("InvalidArgument", `Unknown border index ${String(index)}.`, "RangeBorderCollection.getItem");
        return { ref: e, index };
      },
    );
  }
}

export class RangeBorderDouble extends ProxyBase<BorderRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<BorderRef>) {
    super(ctx, resolver, "RangeBorder");
  }
  protected override _props(): Record<string, PropDef<BorderRef>> {
    const read = (k: keyof BorderSpec, dflt: string) => (b: BorderRef) => {
      const edges = borderEdges(b);
      let first: string | undefined;
      for (const { r, c, side } of edges) {
        const v = b.ref.sheet.get(r, c)?.borders?.[side]?.[k] ?? dflt;
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
      return first ?? dflt;
    };
    return { style: { get: read("style", "None") }, color: { get: read("color", "#000000") }, weight: { get: read("weight", "Thin") } };
  }
  private _edge(k: keyof BorderSpec, v: string, check: (v: string) => string): void {
    this._set(k, v, (b) => {
      const value = check(v);
      const edges = borderEdges(b);
      if (edges.length > FORMAT_CELL_CAP) throw apiError("NotImplemented", "The Excel double does not model borders on this many cells.", `RangeBorder.${k}`);
      for (const { r, c, side } of edges) {
        const cell = b.ref.sheet.ensure(r, c);
        const old: BorderSpec = cell.borders?.[side] ?? { style: "None", color: "#000000", weight: "Thin" };
        cell.borders = { ...cell.borders, [side]: { ...old, [k]: value } };
      }
      this.context.host.model.record(b.ref.sheet, b.ref.rect, `border.${b.index}.${k}`);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._edge("style", v, (x) => {
      if (!BORDER_STYLES.includes(x)) throw apiError("InvalidArgument", `Unknown border style ${x}.`, "RangeBorder.style");
      return x;
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._edge("color", v, (x) => color(x, "RangeBorder.color"));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._edge("weight", v, (x) => {
      if (!BORDER_WEIGHTS.includes(x)) throw apiError("InvalidArgument", `Unknown border weight ${x}.`, "RangeBorder.weight");
      return x;
    });
  }
}

// ---------- merged areas ----------

interface AreasRef {
  sheet: SheetEntity;
  rects: Rect[];
}

export class RangeAreasDouble extends ProxyBase<AreasRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<AreasRef>) {
    super(ctx, resolver, "RangeAreas");
  }
  protected override _props(): Record<string, PropDef<AreasRef>> {
    return {
      address: { get: (e) => e.rects.map((r) => `${quoteSheet(e.sheet.name)}!${rectA1(r)}`).join(",") },
      areaCount: { get: (e) => e.rects.length },
      cellCount: { get: (e) => e.rects.reduce((n, r) => n + r.rows * r.cols, 0) },
    };
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
}

// ---------- conditional formats ----------

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const CELL_OPS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
const TEXT_OPS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

export class ConditionalFormatCollectionDouble extends CollectionBase<RangeRef, ConditionalFormatDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<RangeRef>) {
    super(ctx, resolver, "ConditionalFormatCollection");
  }
  protected _entities(e: RangeRef): unknown[] {
    return e.sheet.cfs.filter((cf) => intersect(cf.rect, e.rect));
  }
  protected _itemProxy(entity: unknown): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this.context, () => entity as CfEntity, null);
  }
  protected _sampleItem(): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this.context, () => NULL, null);
  }

  /** A new format goes to the top of the priority list (REF conditionalformatcollection). */
  add(type: string): ConditionalFormatDouble {
    this._gate("add", "1.6");
    let created: CfEntity | undefined;
    const proxy = new ConditionalFormatDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The conditional format was not created.", "ConditionalFormatCollection.add");
      return created;
    }, null);
    this.context.enqueue({
      location: "ConditionalFormatCollection.add",
      payload: { o: this._id, m: "add", a: [type], r: proxy._id },
      undo: "undoable",
      target: this,
      exec: () => {
        const e = this._resolve();
        if (e === NULL) return;
        if (!CF_TYPES.includes(type)) throw apiError("InvalidArgument", `Unknown conditional format type ${type}.`, "ConditionalFormatCollection.add");
        const m = this.context.host.model;
        created = { id: m.newCfId(), type, rect: e.rect, rule: null, fill: null, fontColor: null, stopIfTrue: false };
        e.sheet.cfs.unshift(created);
        proxy._memo = created;
        m.record(e.sheet, e.rect, "conditionalFormats.add");
      },
    });
    return proxy;
  }

  clearAll(): void {
    this._call("clearAll", [], (e) => {
      e.sheet.cfs = e.sheet.cfs.filter((cf) => !intersect(cf.rect, e.rect));
      this.context.host.model.record(e.sheet, e.rect, "conditionalFormats.clearAll");
    }, { version: "1.6" });
  }

  getCount(): { value: number } {
    return this._result("getCount", [], (e) => this._entities(e).length, "1.6");
  }
}

export class ConditionalFormatDouble extends ProxyBase<CfEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<CfEntity>, private readonly sheetOf: SheetEntity | null) {
    super(ctx, resolver, "ConditionalFormat");
  }
  protected override _props(): Record<string, PropDef<CfEntity>> {
    return {
      type: { get: (e) => e.type },
      stopIfTrue: { get: (e) => e.stopIfTrue },
      id: { get: (e) => String(e.id) },
      priority: { get: (e) => this._sheet(e)?.cfs.indexOf(e) ?? 0 },
    };
  }
  private _sheet(e: CfEntity): SheetEntity | undefined {
    return this.sheetOf ?? this.context.host.model.liveSheets().find((s) => s.cfs.includes(e));
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (e) => (e.stopIfTrue = v), { version: "1.6" });
  }
  get cellValue(): CfRuleDouble {
    return this._nav("cellValue", () => new CfRuleDouble(this.context, () => this._resolve(), "CellValue"));
  }
  get textComparison(): CfRuleDouble {
    return this._nav("textComparison", () => new CfRuleDouble(this.context, () => this._resolve(), "ContainsText"));
  }
  delete(): void {
    this._call("delete", [], (e) => {
      const s = this._sheet(e);
      if (s) s.cfs = s.cfs.filter((x) => x !== e);
    });
  }
}

/** `cf.cellValue` / `cf.textComparison`: a rule and the format it applies. */
export class CfRuleDouble extends ProxyBase<CfEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<CfEntity>, private readonly kind: "CellValue" | "ContainsText") {
    super(ctx, resolver, kind === "CellValue" ? "CellValueConditionalFormat" : "TextConditionalFormat");
  }
  private _check(e: CfEntity, where: string): void {
    if (e.type !== this.kind) throw apiError("InvalidArgument", `The conditional format is of type ${e.type}, not ${this.kind}.`, `${this._type}.${where}`);
  }
  protected override _props(): Record<string, PropDef<CfEntity>> {
    return { rule: { get: (e) => (e.rule ? { ...e.rule, kind: undefined } : null) } };
  }
  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._set("rule", v, (e) => {
      this._check(e, "rule");
      if (!v || typeof v !== "object") throw apiError("InvalidArgument", "A rule is required.", `${this._type}.rule`);
      const o = v as Record<string, unknown>;
      let rule: CfRule;
      if (this.kind === "CellValue") {
        if (typeof o.operator !== "string" || !CELL_OPS.includes(o.operator)) throw apiError("InvalidArgument", `Unknown operator ${String(o.operator)}.`, `${this._type}.rule`);
        if (typeof o.formula1 !== "string" || o.formula1 === "") throw apiError("InvalidArgument", "formula1 is required.", `${this._type}.rule`);
        if ((o.operator === "Between" || o.operator === "NotBetween") && (typeof o.formula2 !== "string" || o.formula2 === "")) {
          throw apiError("InvalidArgument", "formula2 is required for Between.", `${this._type}.rule`);
        }
        rule = { kind: "CellValue", operator: o.operator, formula1: o.formula1, formula2: typeof o.formula2 === "string" ? o.formula2 : undefined };
      } else {
        if (typeof o.operator !== "string" || !TEXT_OPS.includes(o.operator)) throw apiError("InvalidArgument", `Unknown operator ${String(o.operator)}.`, `${this._type}.rule`);
        if (typeof o.text !== "string") throw apiError("InvalidArgument", "text is required.", `${this._type}.rule`);
        rule = { kind: "ContainsText", operator: o.operator, text: o.text };
      }
      e.rule = rule;
    }, { version: "1.6" });
  }
  get format(): CfFormatDouble {
    return this._nav("format", () => new CfFormatDouble(this.context, () => {
      const e = this._resolve();
      if (e !== NULL) this._check(e, "format");
      return e;
    }));
  }
}

export class CfFormatDouble extends ProxyBase<CfEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<CfEntity>) {
    super(ctx, resolver, "ConditionalRangeFormat");
  }
  get fill(): CfColorDouble {
    return this._nav("fill", () => new CfColorDouble(this.context, () => this._resolve(), "fill"));
  }
  get font(): CfColorDouble {
    return this._nav("font", () => new CfColorDouble(this.context, () => this._resolve(), "fontColor"));
  }
}

export class CfColorDouble extends ProxyBase<CfEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<CfEntity>, private readonly which: "fill" | "fontColor") {
    super(ctx, resolver, which === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont");
  }
  protected override _props(): Record<string, PropDef<CfEntity>> {
    return { color: { get: (e) => e[this.which] } };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e) => (e[this.which] = color(v, `${this._type}.color`)), { version: "1.6" });
  }
}

export { hasFormat };
