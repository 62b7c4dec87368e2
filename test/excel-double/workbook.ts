/** Workbook, application, worksheets, tables, names and settings. */
import { MAX_COLS, Rect, contains, intersect, parseAddress, quoteSheet, rectA1 } from "./address";
import { ChartCollectionDouble } from "./chart";
import { AnyProxy, ClientResultDouble, CollectionBase, NULL, PropDef, ProxyBase, RequestContextDouble, Res } from "./client";
import { apiError } from "./errors";
import { NameEntity, RangeRef, SheetEntity, TableEntity, WorkbookModel, decodeSetting, encodeSetting, hasFormat } from "./model";
import { RangeDouble } from "./range";

function model(ctx: RequestContextDouble): WorkbookModel {
  return ctx.host.model;
}

function rangeOf(ctx: RequestContextDouble, f: () => Res<RangeRef>): RangeDouble {
  return new RangeDouble(ctx, f);
}

/** Resolve a Range proxy or an address string; a string without a sheet means the active sheet (REF tablecollection). */
function resolveTarget(ctx: RequestContextDouble, target: RangeDouble | string, location: string): RangeRef {
  const m = model(ctx);
  if (typeof target === "string") {
    const p = parseAddress(target);
    const sheet = p.sheet ? m.findSheet(p.sheet) : m.activeSheet;
    if (!sheet) throw apiError("InvalidArgument", `The address ${target} names no worksheet.`, location);
    return { sheet, rect: p.rect };
  }
  const r = target._resolve();
  if (r === NULL) throw apiError("InvalidArgument", "The range is a null object.", location);
  return r;
}

// ---------- workbook & application ----------

export class WorkbookDouble extends ProxyBase<WorkbookModel> {
  constructor(ctx: RequestContextDouble) {
    super(ctx, () => ctx.host.model, "Workbook");
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { worksheets: () => this.worksheets, tables: () => this.tables, names: () => this.names, settings: () => this.settings };
  }
  get worksheets(): WorksheetCollectionDouble {
    return this._nav("worksheets", () => new WorksheetCollectionDouble(this.context));
  }
  get tables(): TableCollectionDouble {
    return this._nav("tables", () => new TableCollectionDouble(this.context, () => ({ sheet: null })));
  }
  get names(): NamedItemCollectionDouble {
    return this._nav("names", () => new NamedItemCollectionDouble(this.context, () => ({ sheet: null })));
  }
  get settings(): SettingCollectionDouble {
    return this._nav("settings", () => new SettingCollectionDouble(this.context), "1.4");
  }
  get application(): ApplicationDouble {
    return this._nav("application", () => new ApplicationDouble(this.context));
  }
  getSelectedRange(): RangeDouble {
    return this._child("getSelectedRange", [], (res) => rangeOf(this.context, res), (m: WorkbookModel) => {
      if (!m.selection) throw apiError("InvalidSelection", "The current selection is invalid for this operation.", "Workbook.getSelectedRange");
      return { sheet: m.selection.sheet, rect: m.selection.rect };
    });
  }
  getActiveCell(): RangeDouble {
    return this._child("getActiveCell", [], (res) => rangeOf(this.context, res), (m: WorkbookModel) => {
      if (!m.selection) throw apiError("InvalidSelection", "There is no active cell.", "Workbook.getActiveCell");
      return { sheet: m.selection.sheet, rect: { ...m.selection.rect, rows: 1, cols: 1 } };
    }, { version: "1.7" });
  }
}

export class ApplicationDouble extends ProxyBase<WorkbookModel> {
  constructor(ctx: RequestContextDouble) {
    super(ctx, () => ctx.host.model, "Application");
  }
  protected override _props(): Record<string, PropDef<WorkbookModel>> {
    return { calculationMode: { get: () => "Automatic" } };
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], (m) => {
      m.calculations++;
    }, { undo: "read" });
  }
  /** Only until the next sync: the flag is reported on that sync's record. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined, { version: "1.6", undo: "read" });
    this.context.suspendCalculation();
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined, { version: "1.9", undo: "read" });
    this.context.suspendScreen();
  }
}

// ---------- worksheets ----------

export class WorksheetCollectionDouble extends CollectionBase<WorkbookModel, WorksheetDouble> {
  constructor(ctx: RequestContextDouble) {
    super(ctx, () => ctx.host.model, "WorksheetCollection");
  }
  protected _entities(m: WorkbookModel): unknown[] {
    return m.liveSheets();
  }
  protected _itemProxy(entity: unknown): WorksheetDouble {
    const s = entity as SheetEntity;
    const p = new WorksheetDouble(this.context, () => s);
    p._memo = s;
    return p;
  }
  protected _sampleItem(): WorksheetDouble {
    return new WorksheetDouble(this.context, () => NULL);
  }

  /** New sheets go at the end and are not activated (REF worksheetcollection). */
  add(name?: string): WorksheetDouble {
    let created: SheetEntity | undefined;
    const proxy = new WorksheetDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The worksheet was not created.", "WorksheetCollection.add");
      return created;
    });
    this.context.enqueue({
      location: "WorksheetCollection.add",
      payload: { o: this._id, m: "add", a: [name ?? null], r: proxy._id },
      undo: "undoable",
      target: this,
      exec: () => {
        const m = model(this.context);
        const active = m.activeSheet;
        const selection = m.selection;
        created = m.addSheet(name);
        m.activeSheet = active ?? created;
        m.selection = selection ?? m.selection;
        proxy._memo = created;
        m.record(created, null, "worksheets.add");
      },
    });
    return proxy;
  }

  private _find(m: WorkbookModel, key: string): SheetEntity | undefined {
    return m.findSheet(key) ?? m.liveSheets().find((s) => s.id === key);
  }

  getItem(key: string): WorksheetDouble {
    return this._child("getItem", [key], (res) => new WorksheetDouble(this.context, res), (m: WorkbookModel) => {
      const s = this._find(m, key);
      if (!s) throw apiError("ItemNotFound", `The requested resource doesn't exist: worksheet "${key}".`, "WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetDouble {
    return this._child("getItemOrNullObject", [key], (res) => new WorksheetDouble(this.context, res), (m: WorkbookModel) => this._find(m, key) ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  getActiveWorksheet(): WorksheetDouble {
    return this._child("getActiveWorksheet", [], (res) => new WorksheetDouble(this.context, res), (m: WorkbookModel) => {
      if (!m.activeSheet) throw apiError("ItemNotFound", "No active worksheet.", "WorksheetCollection.getActiveWorksheet");
      return m.activeSheet;
    });
  }
  getFirst(visibleOnly?: boolean): WorksheetDouble {
    return this._child("getFirst", [visibleOnly ?? false], (res) => new WorksheetDouble(this.context, res), (m: WorkbookModel) => {
      const s = m.liveSheets().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw apiError("ItemNotFound", "No worksheet.", "WorksheetCollection.getFirst");
      return s;
    }, { version: "1.5" });
  }
  getCount(visibleOnly?: boolean): ClientResultDouble<number> {
    return this._result("getCount", [visibleOnly ?? false], (m) => m.liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible").length, "1.4");
  }
}

export class WorksheetDouble extends ProxyBase<SheetEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SheetEntity>) {
    super(ctx, resolver, "Worksheet");
  }

  private _live(location: string): (s: SheetEntity) => SheetEntity {
    return (s) => {
      if (s.deleted) throw apiError("ItemNotFound", "The worksheet has been deleted.", location);
      return s;
    };
  }

  protected override _props(): Record<string, PropDef<SheetEntity>> {
    const m = model(this.context);
    return {
      id: { get: (s) => s.id },
      name: { get: (s) => s.name },
      position: { get: (s) => m.liveSheets().indexOf(s) },
      visibility: { get: (s) => s.visibility },
      tabColor: { version: "1.7", get: (s) => s.tabColor },
      standardWidth: { version: "1.7", get: () => 8.43 },
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { names: () => this.names, tables: () => this.tables, charts: () => this.charts };
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      model(this.context).validateSheetName(v, "Worksheet.name", s);
      s.name = v;
      model(this.context).record(s, null, "name");
    }, { undo: "notOnDesktop" });
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s) => {
      const m = model(this.context);
      const live = m.liveSheets();
      if (!Number.isInteger(v) || v < 0 || v >= live.length) throw apiError("InvalidArgument", "Position out of range.", "Worksheet.position");
      const rest = live.filter((x) => x !== s);
      rest.splice(v, 0, s);
      m.sheets = [...rest, ...m.sheets.filter((x) => x.deleted)];
      m.record(s, null, "position");
    }, { undo: "notOnDesktop" });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw apiError("InvalidArgument", `Unknown visibility ${v}.`, "Worksheet.visibility");
      const m = model(this.context);
      if (v !== "Visible" && !m.liveSheets().some((x) => x !== s && x.visibility === "Visible")) {
        throw apiError("InvalidOperation", "A workbook must keep at least one visible worksheet.", "Worksheet.visibility");
      }
      s.visibility = v;
      m.record(s, null, "visibility");
    }, { undo: "notOnDesktop" });
  }
  get tabColor(): string {
    return this._get("tabColor", "1.7");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => {
      if (v !== "" && !(typeof v === "string" && (/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v)))) {
        throw apiError("InvalidArgument", `"${String(v)}" is not a colour.`, "Worksheet.tabColor");
      }
      s.tabColor = v.startsWith("#") ? v.toUpperCase() : v;
      model(this.context).record(s, null, "tabColor");
    }, { version: "1.7" });
  }

  get names(): NamedItemCollectionDouble {
    return this._nav("names", () => new NamedItemCollectionDouble(this.context, () => {
      const s = this._resolve();
      return s === NULL ? NULL : { sheet: s };
    }), "1.4");
  }
  get tables(): TableCollectionDouble {
    return this._nav("tables", () => new TableCollectionDouble(this.context, () => {
      const s = this._resolve();
      return s === NULL ? NULL : { sheet: s };
    }));
  }
  get charts(): ChartCollectionDouble {
    return this._nav("charts", () => new ChartCollectionDouble(this.context, () => this._resolve()));
  }
  get freezePanes(): FreezePanesDouble {
    return this._nav("freezePanes", () => new FreezePanesDouble(this.context, () => this._resolve()), "1.7");
  }

  getRange(address?: string): RangeDouble {
    return this._child("getRange", [address ?? null], (res) => rangeOf(this.context, res), (s: SheetEntity) => {
      this._live("Worksheet.getRange")(s);
      if (address === undefined || address === "") return { sheet: s, rect: { r: 0, c: 0, rows: 1_048_576, cols: MAX_COLS } };
      const p = parseAddress(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw apiError("InvalidArgument", `The address ${address} is not on worksheet ${s.name}.`, "Worksheet.getRange");
      }
      return { sheet: s, rect: p.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeDouble {
    return this._child("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (res) => rangeOf(this.context, res), (s: SheetEntity) => {
      this._live("Worksheet.getRangeByIndexes")(s);
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1;
      if (!ok || startRow + rowCount > 1_048_576 || startColumn + columnCount > MAX_COLS) {
        throw apiError("InvalidArgument", "The range would extend outside the worksheet grid.", "Worksheet.getRangeByIndexes");
      }
      return { sheet: s, rect: { r: startRow, c: startColumn, rows: rowCount, cols: columnCount } };
    }, { version: "1.7" });
  }
  /** On a blank sheet the used range is the top-left cell (REF worksheet). */
  getUsedRange(valuesOnly?: boolean): RangeDouble {
    if (valuesOnly !== undefined) this._gate("getUsedRange(valuesOnly)", "1.2");
    return this._child("getUsedRange", [valuesOnly ?? false], (res) => rangeOf(this.context, res), (s: SheetEntity) => ({
      sheet: s,
      rect: model(this.context).usedRect(s, valuesOnly ?? false) ?? { r: 0, c: 0, rows: 1, cols: 1 },
    }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    return this._child("getUsedRangeOrNullObject", [valuesOnly ?? false], (res) => rangeOf(this.context, res), (s: SheetEntity) => {
      const rect = model(this.context).usedRect(s, valuesOnly ?? false);
      return rect ? { sheet: s, rect } : NULL;
    }, { version: "1.4", orNull: true });
  }

  activate(): void {
    this._call("activate", [], (s) => {
      this._live("Worksheet.activate")(s);
      if (s.visibility !== "Visible") throw apiError("InvalidOperation", "A hidden worksheet cannot be activated.", "Worksheet.activate");
      const m = model(this.context);
      m.activeSheet = s;
      m.selection = { sheet: s, rect: { r: 0, c: 0, rows: 1, cols: 1 } };
    }, { undo: "read" });
  }

  /** Never undoable: clears the user's undo stack, or fails inside an undo group. */
  delete(): void {
    this._call("delete", [], (s) => {
      this._live("Worksheet.delete")(s);
      const m = model(this.context);
      if (s.visibility === "VeryHidden") throw apiError("InvalidOperation", "A very hidden worksheet cannot be deleted.", "Worksheet.delete");
      if (!m.liveSheets().some((x) => x !== s && x.visibility === "Visible")) {
        throw apiError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      }
      s.deleted = true;
      m.record(s, null, "delete");
      if (m.activeSheet === s) {
        m.activeSheet = m.liveSheets().find((x) => x.visibility === "Visible") ?? null;
        m.selection = m.activeSheet ? { sheet: m.activeSheet, rect: { r: 0, c: 0, rows: 1, cols: 1 } } : null;
      }
    }, { undo: "never" });
  }

  copy(positionType?: string, relativeTo?: WorksheetDouble): WorksheetDouble {
    let created: SheetEntity | undefined;
    this._gate("copy", "1.9");
    const proxy = new WorksheetDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The worksheet was not copied.", "Worksheet.copy");
      return created;
    });
    this._call("copy", [positionType ?? "None", relativeTo ?? null], (s) => {
      const m = model(this.context);
      let n = 2;
      let name = `${s.name} (${n})`;
      while (m.findSheet(name)) name = `${s.name} (${++n})`;
      const c = m.addSheet(name.slice(0, 31));
      for (const [k, cell] of s.cells) c.cells.set(k, structuredClone(cell));
      c.merges = s.merges.map((x) => ({ ...x }));
      c.names = s.names.map((x) => ({ ...x, sheet: c }));
      for (const [k, w] of s.colWidths) c.colWidths.set(k, w);
      created = c;
      proxy._memo = c;
      m.record(c, null, "copy");
    }, { version: "1.9", undo: "never" });
    return proxy;
  }
}

export class FreezePanesDouble extends ProxyBase<SheetEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SheetEntity>) {
    super(ctx, resolver, "WorksheetFreezePanes");
  }
  private _freeze(method: string, args: unknown[], f: (s: SheetEntity) => { rows: number; cols: number }): void {
    this._call(method, args, (s) => {
      s.freeze = f(s);
      model(this.context).record(s, null, `freezePanes.${method}`);
    }, { version: "1.7" });
  }
  freezeRows(count?: number): void {
    this._freeze("freezeRows", [count ?? 1], () => ({ rows: count ?? 1, cols: 0 }));
  }
  freezeColumns(count?: number): void {
    this._freeze("freezeColumns", [count ?? 1], () => ({ rows: 0, cols: count ?? 1 }));
  }
  freezeAt(frozenRange: RangeDouble | string): void {
    this._freeze("freezeAt", [frozenRange], (s) => {
      const ref = typeof frozenRange === "string" ? { sheet: s, rect: parseAddress(frozenRange).rect } : resolveTarget(this.context, frozenRange, "WorksheetFreezePanes.freezeAt");
      if (ref.sheet !== s || ref.rect.r !== 0 || ref.rect.c !== 0) {
        throw apiError("InvalidArgument", "The frozen range must start at the top-left cell of this worksheet.", "WorksheetFreezePanes.freezeAt");
      }
      return { rows: ref.rect.rows >= 1_048_576 ? 0 : ref.rect.rows, cols: ref.rect.cols >= MAX_COLS ? 0 : ref.rect.cols };
    });
  }
  unfreeze(): void {
    this._freeze("unfreeze", [], () => ({ rows: 0, cols: 0 }));
  }
}

// ---------- tables ----------

const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|[Rr]|[Cc])$/;
/** Table and defined names: start with a letter, "_" or "\", no spaces, not a cell reference. */
export function validName(name: unknown): name is string {
  return typeof name === "string" && name.length <= 255 && /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !CELL_LIKE.test(name);
}

interface TableScope {
  sheet: SheetEntity | null;
}

export class TableCollectionDouble extends CollectionBase<TableScope, TableDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<TableScope>) {
    super(ctx, resolver, "TableCollection");
  }
  protected _entities(e: TableScope): unknown[] {
    return model(this.context)
      .liveTables()
      .filter((t) => !e.sheet || t.sheet === e.sheet);
  }
  protected _itemProxy(entity: unknown): TableDouble {
    const p = new TableDouble(this.context, () => entity as TableEntity);
    p._memo = entity as TableEntity;
    return p;
  }
  protected _sampleItem(): TableDouble {
    return new TableDouble(this.context, () => NULL);
  }

  /**
   * REF tablecollection: a string address without a sheet uses the ACTIVE sheet, even on
   * `worksheet.tables`; a Range argument needs 1.3; overlap → InvalidArgument; merged cells → MergedRangeConflict;
   * hasHeaders=false inserts a generated header row and shifts the data down one row.
   */
  add(address: RangeDouble | string, hasHeaders: boolean): TableDouble {
    if (typeof address !== "string") this._gate("add(Range)", "1.3");
    this.context.own(address, "TableCollection.add");
    let created: TableEntity | undefined;
    const proxy = new TableDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The table was not created.", "TableCollection.add");
      return created;
    });
    this.context.enqueue({
      location: "TableCollection.add",
      payload: { o: this._id, m: "add", a: [typeof address === "string" ? address : { ref: address._id }, hasHeaders], r: proxy._id },
      undo: "undoable",
      target: this,
      exec: () => {
        const scope = this._resolve();
        if (scope === NULL) return;
        const m = model(this.context);
        const ref = resolveTarget(this.context, address, "TableCollection.add");
        let rect: Rect = ref.rect;
        const sheet = ref.sheet;
        if (rect.rows * rect.cols > 2_000_000) throw apiError("NotImplemented", "The Excel double does not model tables this large.", "TableCollection.add");
        if (!hasHeaders) rect = { ...rect, rows: rect.rows + 1 };
        if (rect.rows === 1) rect = { ...rect, rows: 2 };
        if (m.liveTables().some((t) => t.sheet === sheet && intersect(t.rect, rect))) {
          throw apiError("InvalidArgument", "A table can't overlap a range that contains a PivotTable report, query results, protected cells or another table.", "TableCollection.add");
        }
        if (sheet.merges.some((mg) => intersect(mg, rect))) {
          throw apiError("MergedRangeConflict", "Cannot complete the operation. A table can't overlap with merged cells.", "TableCollection.add");
        }
        if (!hasHeaders) {
          for (let r = rect.r + rect.rows - 1; r > rect.r; r--) {
            for (let c = rect.c; c < rect.c + rect.cols; c++) {
              const above = sheet.get(r - 1, c);
              if (above) sheet.cells.set(SheetEntity.key(r, c), above);
              else sheet.cells.delete(SheetEntity.key(r, c));
            }
          }
          for (let c = rect.c; c < rect.c + rect.cols; c++) sheet.cells.delete(SheetEntity.key(rect.r, c));
        }
        // Header cells become unique text; blanks get ColumnN.
        const seen = new Set<string>();
        for (let j = 0; j < rect.cols; j++) {
          const cell = sheet.ensure(rect.r, rect.c + j);
          let text = cell.type === "Empty" ? `Column${j + 1}` : String(cell.value);
          const base = text;
          for (let n = 2; seen.has(text.toLowerCase()); n++) text = `${base}${n}`;
          seen.add(text.toLowerCase());
          cell.value = text;
          cell.type = "String";
          delete cell.formula;
        }
        const name = m.defaultTableName();
        created = { id: name.replace("Table", ""), name, sheet, rect, style: "TableStyleMedium2", showTotals: false, showHeaders: true, deleted: false };
        m.tables.push(created);
        proxy._memo = created;
        m.record(sheet, rect, "tables.add");
      },
    });
    return proxy;
  }

  private _find(e: TableScope, key: string): TableEntity | undefined {
    const lower = key.toLowerCase();
    return model(this.context)
      .liveTables()
      .find((t) => (!e.sheet || t.sheet === e.sheet) && (t.name.toLowerCase() === lower || t.id === key));
  }
  getItem(key: string): TableDouble {
    return this._child("getItem", [key], (res) => new TableDouble(this.context, res), (e: TableScope) => {
      const t = this._find(e, key);
      if (!t) throw apiError("ItemNotFound", `The requested resource doesn't exist: table "${key}".`, "TableCollection.getItem");
      return t;
    });
  }
  getItemOrNullObject(key: string): TableDouble {
    return this._child("getItemOrNullObject", [key], (res) => new TableDouble(this.context, res), (e: TableScope) => this._find(e, key) ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (e) => this._entities(e).length, "1.4");
  }
}

interface ScopedTables {
  tables: TableEntity[];
}

export class TableScopedCollectionDouble extends CollectionBase<ScopedTables, TableDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ScopedTables>) {
    super(ctx, resolver, "TableScopedCollection");
  }
  protected _entities(e: ScopedTables): unknown[] {
    return e.tables.filter((t) => !t.deleted);
  }
  protected _itemProxy(entity: unknown): TableDouble {
    const p = new TableDouble(this.context, () => entity as TableEntity);
    p._memo = entity as TableEntity;
    return p;
  }
  protected _sampleItem(): TableDouble {
    return new TableDouble(this.context, () => NULL);
  }
  getFirst(): TableDouble {
    return this._child("getFirst", [], (res) => new TableDouble(this.context, res), (e: ScopedTables) => {
      const t = e.tables.find((x) => !x.deleted);
      if (!t) throw apiError("ItemNotFound", "There is no table in the range.", "TableScopedCollection.getFirst");
      return t;
    }, { version: "1.9" });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (e) => this._entities(e).length, "1.9");
  }
}

export class TableDouble extends ProxyBase<TableEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<TableEntity>) {
    super(ctx, resolver, "Table");
  }
  private _live(t: TableEntity, location: string): TableEntity {
    if (t.deleted || t.sheet.deleted) throw apiError("ItemNotFound", "The table has been deleted.", location);
    return t;
  }
  protected override _props(): Record<string, PropDef<TableEntity>> {
    return {
      id: { get: (t) => t.id },
      name: { get: (t) => t.name },
      style: { get: (t) => t.style },
      showTotals: { get: (t) => t.showTotals },
      showHeaders: { get: (t) => t.showHeaders },
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { worksheet: () => this.worksheet };
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  /** Workbook-unique (tables and defined names, regardless of case) and well-formed, else InvalidArgument (oj#551). */
  set name(v: string) {
    this._set("name", v, (t) => {
      this._live(t, "Table.name");
      const m = model(this.context);
      if (!validName(v)) throw apiError("InvalidArgument", `The table name "${String(v)}" is not valid.`, "Table.name");
      if (m.tableNameTaken(v, t)) throw apiError("InvalidArgument", `A table or name called "${v}" already exists.`, "Table.name");
      t.name = v;
      m.record(t.sheet, t.rect, "table.name");
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d+$|^$/.test(v)) throw apiError("InvalidArgument", `Unknown table style ${String(v)}.`, "Table.style");
      t.style = v;
      model(this.context).record(t.sheet, t.rect, "table.style");
    });
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(v: boolean) {
    this._set("showTotals", v, (t) => {
      if (v && !t.showTotals) throw apiError("NotImplemented", "The Excel double does not model total rows.", "Table.showTotals");
      t.showTotals = v;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get worksheet(): WorksheetDouble {
    return this._nav("worksheet", () => new WorksheetDouble(this.context, () => {
      const t = this._resolve();
      return t === NULL ? NULL : t.sheet;
    }));
  }
  private _part(method: string, f: (t: TableEntity) => Rect | null): RangeDouble {
    return this._child(method, [], (res) => rangeOf(this.context, res), (t: TableEntity) => {
      this._live(t, `Table.${method}`);
      const rect = f(t);
      if (!rect) throw apiError("ItemNotFound", "The table has no such part.", `Table.${method}`);
      return { sheet: t.sheet, rect };
    });
  }
  getRange(): RangeDouble {
    return this._part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): RangeDouble {
    return this._part("getHeaderRowRange", (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): RangeDouble {
    return this._part("getDataBodyRange", (t) => ({ ...t.rect, r: t.rect.r + 1, rows: t.rect.rows - 1 }));
  }
  /** Deletes the table and its cells' contents and formats. */
  delete(): void {
    this._call("delete", [], (t) => {
      this._live(t, "Table.delete");
      t.deleted = true;
      const m = model(this.context);
      m.clearRect(t.sheet, t.rect, "All");
      m.record(t.sheet, t.rect, "table.delete");
    });
  }
}

// ---------- names ----------

interface NameScope {
  sheet: SheetEntity | null;
}

interface NameInfo {
  type: "String" | "Double" | "Boolean" | "Range" | "Error";
  value: unknown;
  ref?: RangeRef;
}

export function nameInfo(m: WorkbookModel, n: NameEntity): NameInfo {
  const body = n.formula.slice(1).trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { type: "String", value: str[1].replace(/""/g, '"') };
  if (/^(true|false)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (body !== "" && Number.isFinite(Number(body))) return { type: "Double", value: Number(body) };
  try {
    const p = parseAddress(body);
    const sheet = p.sheet !== undefined ? m.findSheet(p.sheet) : n.sheet;
    if (sheet) {
      const ref = { sheet, rect: p.rect };
      return { type: "Range", value: `${quoteSheet(sheet.name)}!${rectA1(p.rect, true)}`, ref };
    }
  } catch {
    // not a reference
  }
  return { type: "Error", value: "#REF!" };
}

export class NamedItemCollectionDouble extends CollectionBase<NameScope, NamedItemDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<NameScope>) {
    super(ctx, resolver, "NamedItemCollection");
  }
  private _list(e: NameScope): NameEntity[] {
    return e.sheet ? e.sheet.names : model(this.context).names;
  }
  protected _entities(e: NameScope): unknown[] {
    return this._list(e);
  }
  protected _itemProxy(entity: unknown): NamedItemDouble {
    const p = new NamedItemDouble(this.context, () => entity as NameEntity);
    p._memo = entity as NameEntity;
    return p;
  }
  protected _sampleItem(): NamedItemDouble {
    return new NamedItemDouble(this.context, () => NULL);
  }

  /**
   * A Range reference is stored as an absolute reference; a string starting with "=" is a formula;
   * any other string becomes a text constant (oj#2283). A comment is not undoable on the web.
   */
  add(name: string, reference: RangeDouble | string, comment?: string): NamedItemDouble {
    this._gate("add", "1.4");
    this.context.own(reference, "NamedItemCollection.add");
    let created: NameEntity | undefined;
    const proxy = new NamedItemDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The name was not created.", "NamedItemCollection.add");
      return created;
    });
    this.context.enqueue({
      location: "NamedItemCollection.add",
      payload: { o: this._id, m: "add", a: [name, typeof reference === "string" ? reference : { ref: reference._id }, comment ?? null], r: proxy._id },
      undo: comment ? "notOnWeb" : "undoable",
      target: this,
      exec: () => {
        const scope = this._resolve();
        if (scope === NULL) return;
        const m = model(this.context);
        if (!validName(name)) throw apiError("InvalidArgument", `The name "${String(name)}" is not valid.`, "NamedItemCollection.add");
        const list = this._list(scope);
        if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw apiError("ItemAlreadyExists", `The name "${name}" already exists.`, "NamedItemCollection.add");
        }
        let formula: string;
        if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `="${reference.replace(/"/g, '""')}"`;
        else {
          const ref = resolveTarget(this.context, reference, "NamedItemCollection.add");
          formula = `=${quoteSheet(ref.sheet.name)}!${rectA1(ref.rect, true)}`;
        }
        created = { name, formula, comment: comment ?? "", visible: true, sheet: scope.sheet };
        list.push(created);
        proxy._memo = created;
        if (scope.sheet) m.record(scope.sheet, null, `names.add(${name})`);
        else m.pendingWrites.push({ sheetId: "", sheet: "(workbook)", address: "*", what: `names.add(${name})` });
      },
    });
    return proxy;
  }

  private _find(e: NameScope, key: string): NameEntity | undefined {
    return this._list(e).find((n) => n.name.toLowerCase() === key.toLowerCase());
  }
  getItem(name: string): NamedItemDouble {
    return this._child("getItem", [name], (res) => new NamedItemDouble(this.context, res), (e: NameScope) => {
      const n = this._find(e, name);
      if (!n) throw apiError("ItemNotFound", `The requested resource doesn't exist: name "${name}".`, "NamedItemCollection.getItem");
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItemDouble {
    return this._child("getItemOrNullObject", [name], (res) => new NamedItemDouble(this.context, res), (e: NameScope) => this._find(e, name) ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (e) => this._list(e).length, "1.4");
  }
}

export class NamedItemDouble extends ProxyBase<NameEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<NameEntity>) {
    super(ctx, resolver, "NamedItem");
  }
  protected override _props(): Record<string, PropDef<NameEntity>> {
    const m = model(this.context);
    return {
      name: { get: (n) => n.name },
      type: { get: (n) => nameInfo(m, n).type },
      value: { get: (n) => nameInfo(m, n).value },
      formula: { version: "1.7", get: (n) => n.formula },
      comment: { version: "1.4", get: (n) => n.comment },
      visible: { get: (n) => n.visible },
      scope: { version: "1.4", get: (n) => (n.sheet ? "Worksheet" : "Workbook") },
    };
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get formula(): string {
    return this._get("formula", "1.7");
  }
  set formula(v: string) {
    this._set("formula", v, (n) => {
      if (typeof v !== "string" || !v.startsWith("=")) throw apiError("InvalidArgument", "A name's formula starts with =.", "NamedItem.formula");
      n.formula = v;
    }, { version: "1.7" });
  }
  get comment(): string {
    return this._get("comment", "1.4");
  }
  set comment(v: string) {
    this._set("comment", v, (n) => (n.comment = v), { version: "1.4", undo: "notOnWeb" });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  get scope(): string {
    return this._get("scope", "1.4");
  }
  getRange(): RangeDouble {
    return this._child("getRange", [], (res) => rangeOf(this.context, res), (n: NameEntity) => {
      const info = nameInfo(model(this.context), n);
      if (!info.ref) throw apiError("InvalidOperation", `The name "${n.name}" does not refer to a range.`, "NamedItem.getRange");
      return info.ref;
    });
  }
  getRangeOrNullObject(): RangeDouble {
    return this._child("getRangeOrNullObject", [], (res) => rangeOf(this.context, res), (n: NameEntity) => nameInfo(model(this.context), n).ref ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  delete(): void {
    this._call("delete", [], (n) => {
      const m = model(this.context);
      if (n.sheet) {
        const s = n.sheet;
        s.names = s.names.filter((x) => x !== n);
        m.record(s, null, `names.delete(${n.name})`);
      } else m.names = m.names.filter((x) => x !== n);
    }, { version: "1.4" });
  }
}

// ---------- settings ----------

interface SettingRef {
  key: string;
}

/** workbook.settings (1.4): values round-trip through JSON, Dates as "Date(ms)" (LIB). */
export class SettingCollectionDouble extends CollectionBase<WorkbookModel, SettingDouble> {
  constructor(ctx: RequestContextDouble) {
    super(ctx, () => ctx.host.model, "SettingCollection");
  }
  protected _entities(m: WorkbookModel): unknown[] {
    return [...m.settings.keys()].map((key) => ({ key }));
  }
  protected _itemProxy(entity: unknown): SettingDouble {
    const p = new SettingDouble(this.context, () => entity as SettingRef);
    p._memo = entity as SettingRef;
    return p;
  }
  protected _sampleItem(): SettingDouble {
    return new SettingDouble(this.context, () => NULL);
  }
  add(key: string, value: unknown): SettingDouble {
    this._gate("add", "1.4");
    const encoded = encodeSetting(value);
    const proxy = new SettingDouble(this.context, () => ({ key }));
    this.context.enqueue({
      location: "SettingCollection.add",
      payload: { o: this._id, m: "add", a: [key, encoded] },
      undo: "undoable",
      target: this,
      exec: () => {
        if (typeof key !== "string" || key === "" || key.length > 255) throw apiError("InvalidArgument", "A setting key is 1 to 255 characters.", "SettingCollection.add");
        const m = model(this.context);
        m.settings.set(key, encoded);
        m.pendingWrites.push({ sheetId: "", sheet: "(settings)", address: "*", what: `settings.add(${key})` });
      },
    });
    return proxy;
  }
  getItem(key: string): SettingDouble {
    return this._child("getItem", [key], (res) => new SettingDouble(this.context, res), (m: WorkbookModel) => {
      if (!m.settings.has(key)) throw apiError("ItemNotFound", `The requested resource doesn't exist: setting "${key}".`, "SettingCollection.getItem");
      return { key };
    }, { version: "1.4" });
  }
  getItemOrNullObject(key: string): SettingDouble {
    return this._child("getItemOrNullObject", [key], (res) => new SettingDouble(this.context, res), (m: WorkbookModel) => (m.settings.has(key) ? { key } : NULL), {
      version: "1.4",
      orNull: true,
    });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (m) => m.settings.size, "1.4");
  }
}

export class SettingDouble extends ProxyBase<SettingRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SettingRef>) {
    super(ctx, resolver, "Setting");
  }
  protected override _props(): Record<string, PropDef<SettingRef>> {
    const m = model(this.context);
    return {
      key: { get: (s) => s.key },
      value: {
        get: (s) => {
          const text = m.settings.get(s.key);
          if (text === undefined) throw apiError("ItemNotFound", `The setting "${s.key}" no longer exists.`, "Setting.value");
          return decodeSetting(text);
        },
      },
    };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    const encoded = encodeSetting(v);
    this._set("value", decodeSetting(encoded), (s) => {
      const m = model(this.context);
      m.settings.set(s.key, encoded);
      m.pendingWrites.push({ sheetId: "", sheet: "(settings)", address: "*", what: `settings.value(${s.key})` });
    }, { version: "1.4" });
  }
  delete(): void {
    this._call("delete", [], (s) => {
      const m = model(this.context);
      m.settings.delete(s.key);
      m.pendingWrites.push({ sheetId: "", sheet: "(settings)", address: "*", what: `settings.delete(${s.key})` });
    }, { version: "1.4" });
  }
}

export { contains, hasFormat };
