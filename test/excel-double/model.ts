/**
 * The workbook state behind the double: what Excel itself would hold. The proxy layer
 * (client.ts and friends) only ever changes this state while a batch is being applied at sync().
 *
 * Choices where EXCEL-BEHAVIOUR.md says "unconfirmed" (each is pessimistic for a host):
 *  - A string written through `values`/`formulas` that starts with "=", "+", "-" or "@" becomes a
 *    formula (a leading "@" is Excel's old Lotus-style formula prefix) and is logged in `formulaLog`,
 *    unless the cell's number format is "@" (Text), where any string is stored verbatim.
 *  - A leading apostrophe is kept as a literal character: the double does not treat "'" as the
 *    typed-input text prefix, so a host cannot rely on it to keep "=x" as text.
 *  - Other strings written into a non-Text cell are parsed like typed input in en-US:
 *    TRUE/FALSE → booleans, "#N/A" etc. → errors, "1,234.5" → number, "12%" → 0.12 (format "0%"),
 *    "2025-01-31" → date serial (format "yyyy-mm-dd").
 *  - Formulas are not evaluated: a formula that is a numeric literal ("=-2") reads back its number,
 *    any other reads back as the error "#NAME?".
 *  - In a merged area only the top-left cell holds a value; other cells read "" and writes into
 *    them are dropped and recorded in `lostWrites`.
 *  - Changing a number format never re-parses a value already in the cell.
 */
import { MAX_COLS, MAX_ROWS, Rect, cellIn, colLetters, intersect, quoteSheet, rectA1 } from "./address";
import { apiError } from "./errors";

export type CellType = "Empty" | "String" | "Double" | "Boolean" | "Error";
export type Scalar = string | number | boolean;

export interface Font {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  name?: string;
}

export interface BorderSpec {
  style: string;
  color: string;
  weight: string;
}

export interface Borders {
  top?: BorderSpec;
  bottom?: BorderSpec;
  left?: BorderSpec;
  right?: BorderSpec;
}

export interface Cell {
  value: Scalar;
  type: CellType;
  formula?: string;
  numberFormat?: string;
  font?: Font;
  fill?: string;
  hAlign?: string;
  wrap?: boolean;
  borders?: Borders;
}

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;

export interface NameEntity {
  name: string;
  /** Formula text, always starting with "=". */
  formula: string;
  comment: string;
  visible: boolean;
  /** null = workbook scope */
  sheet: SheetEntity | null;
}

export interface TableEntity {
  id: string;
  name: string;
  sheet: SheetEntity;
  rect: Rect;
  style: string;
  showTotals: boolean;
  showHeaders: boolean;
  deleted: boolean;
}

export interface RangeRef {
  sheet: SheetEntity;
  rect: Rect;
}

export interface AxisEntity {
  type: "Category" | "Value";
  group: "Primary" | "Secondary";
  minimum: number | "";
  maximum: number | "";
  numberFormat: string;
  title: string;
  visible: boolean;
}

export interface SeriesEntity {
  name: string;
  chartType: string | null;
  axisGroup: "Primary" | "Secondary";
  values: RangeRef | null;
  xValues: RangeRef | null;
  fillColor: string | null;
  lineColor: string | null;
  lineStyle: string;
  deleted: boolean;
}

export interface ChartEntity {
  id: string;
  name: string;
  type: string;
  sheet: SheetEntity;
  series: SeriesEntity[];
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  axes: AxisEntity[];
  top: number;
  left: number;
  width: number;
  height: number;
  startCell: string | null;
  endCell: string | null;
  deleted: boolean;
}

export type CfRule =
  | { kind: "CellValue"; operator: string; formula1: string; formula2?: string }
  | { kind: "ContainsText"; operator: string; text: string };

export interface CfEntity {
  id: number;
  type: string;
  rect: Rect;
  rule: CfRule | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export class SheetEntity {
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  names: NameEntity[] = [];
  charts: ChartEntity[] = [];
  /** Index 0 has the highest priority. */
  cfs: CfEntity[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze = { rows: 0, cols: 0 };
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(SheetEntity.key(r, c));
  }

  ensure(r: number, c: number): Cell {
    const k = SheetEntity.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: "", type: "Empty" };
      this.cells.set(k, cell);
    }
    return cell;
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => cellIn(m, r, c));
  }

  /** Read a value as Excel returns it: "" for empty cells and for merged cells other than the top-left one. */
  valueAt(r: number, c: number): Scalar {
    const m = this.merges.length ? this.mergeAt(r, c) : undefined;
    if (m && (m.r !== r || m.c !== c)) return "";
    return this.get(r, c)?.value ?? "";
  }

  numberFormatAt(r: number, c: number): string {
    return this.get(r, c)?.numberFormat ?? "General";
  }

  colWidth(c: number): number {
    return this.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  }
}

export interface WriteRecord {
  readonly sheetId: string;
  readonly sheet: string;
  /** A1 address on that sheet, or "*" for a sheet-level change (tab colour, freeze, names, creation). */
  readonly address: string;
  readonly what: string;
}

export interface FormulaLogEntry {
  readonly sheet: string;
  readonly address: string;
  readonly input: string;
  readonly formula: string;
}

/** Settings are stored the way the client library carries them: JSON text, Dates as "Date(ms)". */
export function encodeSetting(value: unknown): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? `Date(${raw.getTime()})` : v;
  });
  if (text === undefined) throw apiError("InvalidArgument", "The setting value cannot be serialized.", "SettingCollection.add");
  return text;
}

export function decodeSetting(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (typeof v === "string") {
      const m = /^Date\((-?\d+)\)$/.exec(v);
      if (m) return new Date(Number(m[1]));
    }
    return v;
  });
}

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

export function dateToSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - EPOCH_1899) / DAY_MS;
}

function serialToIso(serial: number): string {
  const d = new Date(EPOCH_1899 + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

interface Parsed {
  value: Scalar;
  type: CellType;
  format?: string;
}

/** Typed-input parsing for a string written into a cell that is not formatted as Text (en-US). */
export function parseInput(s: string): Parsed {
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE", type: "Boolean" };
  if (ERROR_VALUES.includes(t.toUpperCase())) return { value: t.toUpperCase(), type: "Error" };
  const num = /^(\d{1,3}(,\d{3})+(\.\d+)?|\d*\.?\d+([eE][+-]?\d+)?)(%?)$/.exec(t);
  if (num) {
    const n = Number(num[1].replace(/,/g, ""));
    if (Number.isFinite(n)) {
      if (num[5] === "%") return { value: n / 100, type: "Double", format: num[1].includes(".") ? "0.00%" : "0%" };
      return { value: n, type: "Double" };
    }
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    const d = Number(iso[3]);
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900) {
      return { value: dateToSerial(y, m, d), type: "Double", format: "yyyy-mm-dd" };
    }
  }
  return { value: s, type: "String" };
}

function formulaValue(formula: string): Parsed {
  const body = formula.slice(1).trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { value: Number(body), type: "Double" };
  return { value: "#NAME?", type: "Error" };
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Display text of a value under a number format (the formats report builders use; others fall back to General). */
export function formatText(value: Scalar, type: CellType, nf: string): string {
  if (type === "Empty") return "";
  if (type === "Boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (nf === "@") return String(value);
  const pct = /^0(\.(0+))?%$/.exec(nf);
  if (pct) return `${(value * 100).toFixed(pct[2]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(\.(0+))?$/.exec(nf);
  if (fixed) {
    const s = value.toFixed(fixed[3]?.length ?? 0);
    if (!fixed[1]) return s;
    const [i, f] = s.split(".");
    const neg = i.startsWith("-");
    const g = groupThousands(neg ? i.slice(1) : i);
    return `${neg ? "-" : ""}${g}${f !== undefined ? `.${f}` : ""}`;
  }
  if (/^yyyy-mm-dd$/i.test(nf)) return serialToIso(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export type WriteMode = "values" | "formulas";

export class WorkbookModel {
  sheets: SheetEntity[] = [];
  tables: TableEntity[] = [];
  names: NameEntity[] = [];
  readonly settings = new Map<string, string>();
  activeSheet: SheetEntity | null = null;
  selection: RangeRef | null = null;
  readonly formulaLog: FormulaLogEntry[] = [];
  readonly lostWrites: { sheet: string; address: string; value: unknown }[] = [];
  /** Writes of the batch being applied; the context moves them into its sync record. */
  pendingWrites: WriteRecord[] = [];
  calculations = 0;
  private nextSheet = 1;
  private nextTable = 1;
  private nextChart = 1;
  private nextCf = 1;
  private nextId = 1;

  // ---- fixtures for tests (not part of the Office.js surface) ----

  addSheet(name?: string): SheetEntity {
    const n = name ?? this.defaultSheetName();
    this.validateSheetName(n, "WorksheetCollection.add");
    const s = new SheetEntity(`{${String(this.nextId++).padStart(8, "0")}}`, n);
    this.sheets.push(s);
    if (!this.activeSheet) {
      this.activeSheet = s;
      this.selection = { sheet: s, rect: { r: 0, c: 0, rows: 1, cols: 1 } };
    }
    return s;
  }

  sheet(name: string): SheetEntity {
    const s = this.findSheet(name);
    if (!s) throw new Error(`double fixture: no sheet ${name}`);
    return s;
  }

  findSheet(name: string): SheetEntity | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === lower);
  }

  liveSheets(): SheetEntity[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  liveTables(): TableEntity[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }

  defaultSheetName(): string {
    for (;;) {
      const n = `Sheet${this.nextSheet++}`;
      if (!this.findSheet(n)) return n;
    }
  }

  newTableId(): string {
    return String(this.nextTable);
  }

  defaultTableName(): string {
    for (;;) {
      const n = `Table${this.nextTable++}`;
      if (!this.tableNameTaken(n)) return n;
    }
  }

  newChartName(): string {
    return `Chart ${this.nextChart++}`;
  }

  newChartId(): string {
    return `{C${String(this.nextId++).padStart(7, "0")}}`;
  }

  newCfId(): number {
    return this.nextCf++;
  }

  tableNameTaken(name: string, except?: TableEntity): boolean {
    const lower = name.toLowerCase();
    return (
      this.liveTables().some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.names.some((n) => n.name.toLowerCase() === lower)
    );
  }

  /** EXCEL-BEHAVIOUR §4: ≤ 31 chars, none of / \ ? * : [ ], no apostrophe at either end, not "History", unique regardless of case. */
  validateSheetName(name: string, location: string, except?: SheetEntity): void {
    if (
      typeof name !== "string" ||
      name.trim() === "" ||
      name.length > 31 ||
      /[/\\?*:[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw apiError("InvalidArgument", `The worksheet name "${name}" is not valid.`, location);
    }
    const other = this.findSheet(name);
    if (other && other !== except) {
      throw apiError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`, location);
    }
  }

  /** Fixture writer: behaves like typing, i.e. like `range.values`, but records no write. */
  setCells(sheet: SheetEntity, r0: number, c0: number, rows: readonly (readonly unknown[])[]): void {
    const saved = this.pendingWrites;
    rows.forEach((row, i) => row.forEach((v, j) => this.writeCell(sheet, r0 + i, c0 + j, v, "values", "fixture")));
    this.pendingWrites = saved;
  }

  addressOf(ref: RangeRef): string {
    return `${quoteSheet(ref.sheet.name)}!${rectA1(ref.rect)}`;
  }

  record(sheet: SheetEntity, rect: Rect | null, what: string): void {
    this.pendingWrites.push({ sheetId: sheet.id, sheet: sheet.name, address: rect ? rectA1(rect) : "*", what });
  }

  // ---- cell semantics ----

  writeCell(sheet: SheetEntity, r: number, c: number, input: unknown, mode: WriteMode, location: string): void {
    if (input === null || input === undefined) return; // null leaves the cell unchanged (BN)
    const merge = sheet.merges.length ? sheet.mergeAt(r, c) : undefined;
    if (merge && (merge.r !== r || merge.c !== c)) {
      if (input !== "") this.lostWrites.push({ sheet: sheet.name, address: `${colLetters(c)}${r + 1}`, value: input });
      return;
    }
    if (input === "") {
      const cell = sheet.get(r, c);
      if (cell) {
        cell.value = "";
        cell.type = "Empty";
        delete cell.formula;
      }
      return;
    }
    const cell = sheet.ensure(r, c);
    delete cell.formula;
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw apiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", location);
      cell.value = input;
      cell.type = "Double";
      return;
    }
    if (typeof input === "boolean") {
      cell.value = input;
      cell.type = "Boolean";
      return;
    }
    if (typeof input !== "string") {
      throw apiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", location);
    }
    if (cell.numberFormat === "@") {
      cell.value = input;
      cell.type = "String";
      return;
    }
    const first = input[0];
    if (first === "=" || first === "+" || first === "-" || (first === "@" && input.length > 1)) {
      const formula = first === "=" ? input : first === "@" ? `=${input.slice(1)}` : `=${input}`;
      cell.formula = formula;
      const v = formulaValue(formula);
      cell.value = v.value;
      cell.type = v.type;
      this.formulaLog.push({ sheet: sheet.name, address: `${colLetters(c)}${r + 1}`, input, formula });
      return;
    }
    if (mode === "formulas" || mode === "values") {
      const p = parseInput(input);
      cell.value = p.value;
      cell.type = p.type;
      if (p.format && (cell.numberFormat === undefined || cell.numberFormat === "General")) cell.numberFormat = p.format;
    }
  }

  writeNumberFormat(sheet: SheetEntity, r: number, c: number, nf: unknown, location: string): void {
    if (nf === null || nf === undefined) return;
    if (typeof nf !== "string") throw apiError("InvalidArgument", "A number format must be a string.", location);
    const cell = sheet.ensure(r, c);
    if (nf === "" || nf === "General") delete cell.numberFormat;
    else cell.numberFormat = nf;
  }

  // ---- regions ----

  /** Bounding box of cells holding values (valuesOnly) or anything at all. */
  usedRect(sheet: SheetEntity, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly ? cell.type === "Empty" : cell.type === "Empty" && !hasFormat(cell)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    if (r1 < 0) return null;
    return { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Excel's current region: grow the rectangle while any cell touching it (diagonals included) holds a value. */
  surroundingRegion(sheet: SheetEntity, start: Rect): Rect {
    const filled = (r: number, c: number): boolean =>
      r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLS && (sheet.get(r, c)?.type ?? "Empty") !== "Empty";
    let { r, c, rows, cols } = start;
    const used = this.usedRect(sheet, true);
    if (!used) return { r, c, rows, cols };
    for (let changed = true; changed; ) {
      changed = false;
      const colFilled = (cc: number): boolean => {
        for (let rr = Math.max(r - 1, used.r); rr <= Math.min(r + rows, used.r + used.rows - 1); rr++) if (filled(rr, cc)) return true;
        return false;
      };
      const rowFilled = (rr: number): boolean => {
        for (let cc = Math.max(c - 1, used.c); cc <= Math.min(c + cols, used.c + used.cols - 1); cc++) if (filled(rr, cc)) return true;
        return false;
      };
      while (r > 0 && rowFilled(r - 1)) {
        r--;
        rows++;
        changed = true;
      }
      while (r + rows < MAX_ROWS && r + rows <= used.r + used.rows - 1 && rowFilled(r + rows)) {
        rows++;
        changed = true;
      }
      while (c > 0 && colFilled(c - 1)) {
        c--;
        cols++;
        changed = true;
      }
      while (c + cols < MAX_COLS && c + cols <= used.c + used.cols - 1 && colFilled(c + cols)) {
        cols++;
        changed = true;
      }
    }
    return { r, c, rows, cols };
  }

  /** For tests: the fill a cell shows through its conditional formats (first matching rule by priority). */
  conditionalFill(sheet: SheetEntity, r: number, c: number): { fill: string | null; fontColor: string | null } | null {
    const v = sheet.valueAt(r, c);
    for (const cf of sheet.cfs) {
      if (!cellIn(cf.rect, r, c) || !cf.rule) continue;
      if (cfMatches(cf.rule, v)) return { fill: cf.fill, fontColor: cf.fontColor };
    }
    return null;
  }

  clearRect(sheet: SheetEntity, rect: Rect, what: "All" | "Formats" | "Contents"): void {
    const huge = rect.rows * rect.cols > sheet.cells.size * 4;
    const visit = (k: number, cell: Cell): void => {
      if (what !== "Formats") {
        cell.value = "";
        cell.type = "Empty";
        delete cell.formula;
      }
      if (what !== "Contents") {
        delete cell.numberFormat;
        delete cell.font;
        delete cell.fill;
        delete cell.hAlign;
        delete cell.wrap;
        delete cell.borders;
      }
      if (cell.type === "Empty" && !hasFormat(cell)) sheet.cells.delete(k);
    };
    if (huge) {
      for (const [k, cell] of [...sheet.cells]) {
        if (cellIn(rect, Math.floor(k / MAX_COLS), k % MAX_COLS)) visit(k, cell);
      }
    } else {
      for (let r = rect.r; r < rect.r + rect.rows; r++) {
        for (let c = rect.c; c < rect.c + rect.cols; c++) {
          const k = SheetEntity.key(r, c);
          const cell = sheet.cells.get(k);
          if (cell) visit(k, cell);
        }
      }
    }
    if (what !== "Contents") {
      // Clearing formats also removes conditional formats that touch the range (choice: whole rules, not trimmed).
      sheet.cfs = sheet.cfs.filter((cf) => !intersect(cf.rect, rect));
    }
  }
}

export function hasFormat(cell: Cell): boolean {
  return (
    cell.numberFormat !== undefined ||
    cell.font !== undefined ||
    cell.fill !== undefined ||
    cell.hAlign !== undefined ||
    cell.wrap !== undefined ||
    cell.borders !== undefined
  );
}

function cfOperand(formula: string): Scalar {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  const str = /^"((?:[^"]|"")*)"$/.exec(f);
  if (str) return str[1].replace(/""/g, '"');
  const n = Number(f);
  if (f.trim() !== "" && Number.isFinite(n)) return n;
  throw new Error(`double: conditional-format formula ${formula} is not a literal`);
}

function cfMatches(rule: CfRule, v: Scalar): boolean {
  if (rule.kind === "ContainsText") {
    if (typeof v !== "string") return false;
    const hay = v.toLowerCase();
    const needle = rule.text.toLowerCase();
    switch (rule.operator) {
      case "Contains":
        return hay.includes(needle);
      case "NotContains":
        return !hay.includes(needle);
      case "BeginsWith":
        return hay.startsWith(needle);
      case "EndsWith":
        return hay.endsWith(needle);
      default:
        return false;
    }
  }
  const a = cfOperand(rule.formula1);
  const cmp = (x: Scalar, y: Scalar): number | null => {
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "string" && typeof y === "string") return x.toLowerCase().localeCompare(y.toLowerCase());
    return null;
  };
  const d = cmp(v, a);
  switch (rule.operator) {
    case "EqualTo":
      return d === 0;
    case "NotEqualTo":
      return d !== 0;
    case "GreaterThan":
      return d !== null && d > 0;
    case "GreaterThanOrEqual":
      return d !== null && d >= 0;
    case "LessThan":
      return d !== null && d < 0;
    case "LessThanOrEqual":
      return d !== null && d <= 0;
    case "Between":
    case "NotBetween": {
      const b = cfOperand(rule.formula2 ?? "");
      const lo = cmp(v, a);
      const hi = cmp(v, b);
      const inside = lo !== null && hi !== null && lo >= 0 && hi <= 0;
      return rule.operator === "Between" ? inside : !inside;
    }
    default:
      return false;
  }
}
