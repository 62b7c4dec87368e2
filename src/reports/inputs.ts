/**
 * Input readers: a user's table (SourceTable) → validated values, where every problem is a
 * KamInputException whose message (English and Chinese) names the sheet, the column (header and
 * letter) and the cell, e.g.
 *   Sheet 'Sales', column 'Amount' (C), cell C17: "abc" is not a number
 *   工作表“Sales”，列“Amount”（C），单元格 C17：“abc” 不是数字
 * A report reads all its input first, so any problem stops it before anything is written.
 *
 * API
 *   openTable(source, { required, optional? }, overrides?) → InputTable
 *       Finds the columns of each role (detectColumns; an override is header text or a letter).
 *       Missing required column → message listing the headers found and the names accepted.
 *   InputTable
 *       .rows            indices of the data rows that are not entirely blank (in the chosen columns)
 *       .has(role)       whether the table has a column for the role
 *       .chosen          ChosenColumn[] (role → header + letter), for the task pane and the CLI
 *       .number(i, role) / .optNumber / .text / .optText / .date / .optDate / .value / .raw / .isBlank
 *       .check(i, role, result)   unwrap a domain Result, naming the cell on failure
 *       .checkCells(i, roles, rule)  run a rule over several cells of a row, naming the failing cell
 *       .fail(i, role, error)     throw a domain error located at the cell
 *       .failRow(i, error)        throw an error located at the row
 *   missingColumnsError(source, roles) → KamError  (none of the alternatives is present)
 *   describeColumns(chosen, lang) → ["Amount → Sales (C)", …]
 *   inputError(code, en, zh) → KamInputException   (for option errors)
 *   selectByName(names, wanted, fallback, what) → indices   (accounts chosen for charts or cards)
 */
import { COLUMN_ALIASES, detectColumns, resolveColumn, type ColumnRole } from "../domain/columns";
import { parseDate } from "../domain/dates";
import { at, kamError, KamInputException, type KamError, type Lang, type Msg, type Result } from "../domain/errors";
import { normalize } from "../domain/labels";
import { describeValue, isBlank, toNumber } from "../domain/values";
import { columnLetter } from "./plan";
import type { SourceTable } from "./source";

/** Role → header text (either language) or column letter ("C", "AA"), given by the user. */
export type ColumnOverrides = Partial<Record<ColumnRole, string>>;

export interface ChosenColumn {
  readonly role: ColumnRole;
  readonly sheet: string;
  /** Header text as it appears in the sheet. */
  readonly header: string;
  /** Worksheet column letter. */
  readonly letter: string;
  /** 0-based index within the SourceTable's columns. */
  readonly index: number;
  /** True when the user chose the column (override), false when it was detected from its header. */
  readonly overridden: boolean;
}

export interface TableSpec {
  readonly required: readonly ColumnRole[];
  readonly optional?: readonly ColumnRole[];
}

export function inputError(code: string, en: string, zh: string): KamInputException {
  return new KamInputException(kamError(code, "invalid", en, zh));
}

/** Excel error values as hosts hand them to us ("#N/A", "#VALUE!", …). */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#BUSY!", "#CONNECT!", "#PYTHON!"]);

function isExcelError(v: unknown): v is string {
  // Cheap test first: this runs on every text cell of tables with up to a million rows.
  return typeof v === "string" && v.includes("#") && EXCEL_ERRORS.has(v.trim().toUpperCase());
}

/** A value as a user would recognise it in a message: text quoted and shortened. */
export function showValue(v: unknown): Msg {
  const d = describeValue(v);
  return typeof v === "string" ? { en: `"${d}"`, zh: `“${d}”` } : { en: d, zh: d };
}

/** isBlank without trimming the common case of text that starts with a visible character. */
function quickBlank(v: unknown): boolean {
  if (typeof v === "number") return false;
  if (typeof v === "string" && v.length > 0) {
    const c = v.charCodeAt(0);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff && (c < 0x2000 || c > 0x200a)) return false;
  }
  return isBlank(v);
}

function headerText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

function sheetMsg(sheet: string): Msg {
  return { en: `Sheet '${sheet}'`, zh: `工作表“${sheet}”` };
}

function headersFound(source: SourceTable): Msg {
  const list = source.header
    .map((h, i) => ({ h: headerText(h), letter: columnLetter(source.col + i) }))
    .filter((x) => x.h !== "")
    .map((x) => `${x.h} (${x.letter})`);
  if (list.length === 0) return { en: "the header row is empty", zh: "标题行为空" };
  return { en: `headers found: ${list.join(", ")}`, zh: `找到的标题：${list.join("、")}` };
}

function roleName(role: ColumnRole): Msg {
  const l = COLUMN_ALIASES[role];
  return { en: l.en, zh: l.zh };
}

function acceptedNames(role: ColumnRole): string {
  const l = COLUMN_ALIASES[role];
  const names: string[] = [];
  for (const n of [l.en, l.zh, ...(l.aliases ?? [])]) if (!names.includes(n)) names.push(n);
  return names.map((n) => `"${n}"`).join(", ");
}

/** Error for a table that lacks every one of `roles` (one role, or alternatives such as volume / annual sales). */
export function missingColumnsError(source: SourceTable, roles: readonly ColumnRole[]): KamError {
  const found = headersFound(source);
  const where = sheetMsg(source.sheet);
  const en = roles.map((r) => `'${roleName(r).en}' (accepted headers: ${acceptedNames(r)})`).join(" or ");
  const zh = roles.map((r) => `“${roleName(r).zh}”（可用的标题：${acceptedNames(r)}）`).join(" 或 ");
  return kamError(
    "missing_column",
    "missing",
    `${where.en}: no column for ${en}; ${found.en}. Add the column or choose it in the options.`,
    `${where.zh}：找不到 ${zh} 列；${found.zh}。请添加该列，或在选项中指定。`,
  );
}

export function describeColumns(chosen: readonly ChosenColumn[], lang: Lang): string[] {
  return chosen.map((c) => `${roleName(c.role)[lang]} → ${c.header || "?"} (${c.letter})`);
}

export class InputTable {
  /** Indices (into source.rows) of data rows with at least one non-blank cell in a chosen column. */
  readonly rows: readonly number[];
  readonly chosen: readonly ChosenColumn[];

  constructor(
    readonly source: SourceTable,
    private readonly cols: Partial<Record<ColumnRole, number>>,
    chosen: readonly ChosenColumn[],
  ) {
    this.chosen = chosen;
    const used = Object.values(cols) as number[];
    const rows: number[] = [];
    const data = source.rows;
    for (let i = 0; i < data.length; i++) {
      const r = data[i];
      for (let k = 0; k < used.length; k++) {
        if (!quickBlank(r[used[k]])) {
          rows.push(i);
          break;
        }
      }
    }
    this.rows = rows;
  }

  has(role: ColumnRole): boolean {
    return this.cols[role] !== undefined;
  }

  private index(role: ColumnRole): number {
    const c = this.cols[role];
    if (c === undefined) throw new Error(`report bug: column role ${role} was not opened`);
    return c;
  }

  header(role: ColumnRole): string {
    return headerText(this.source.header[this.index(role)]);
  }

  letter(role: ColumnRole): string {
    return columnLetter(this.source.col + this.index(role));
  }

  /** A1 address of data row i's cell in the role's column. */
  cell(i: number, role: ColumnRole): string {
    return `${this.letter(role)}${this.source.row + 2 + i}`;
  }

  /** 1-based worksheet row number of data row i. */
  sheetRow(i: number): number {
    return this.source.row + 2 + i;
  }

  where(i: number, role: ColumnRole): Msg {
    const s = sheetMsg(this.source.sheet);
    const h = this.header(role) || roleName(role).en;
    const l = this.letter(role);
    const c = this.cell(i, role);
    return { en: `${s.en}, column '${h}' (${l}), cell ${c}`, zh: `${s.zh}，列“${this.header(role) || roleName(role).zh}”（${l}），单元格 ${c}` };
  }

  rowWhere(i: number): Msg {
    const s = sheetMsg(this.source.sheet);
    const r = this.sheetRow(i);
    return { en: `${s.en}, row ${r}`, zh: `${s.zh}，第 ${r} 行` };
  }

  raw(i: number, role: ColumnRole): unknown {
    if (!this.has(role)) return null;
    return this.source.rows[i]?.[this.index(role)] ?? null;
  }

  /** The raw cell, after refusing Excel error values (#N/A, #VALUE!, …) with the cell named. */
  value(i: number, role: ColumnRole): unknown {
    const v = this.raw(i, role);
    this.rejectExcelError(i, role, v);
    return v;
  }

  isBlank(i: number, role: ColumnRole): boolean {
    return isBlank(this.raw(i, role));
  }

  fail(i: number, role: ColumnRole, error: KamError): never {
    throw new KamInputException(at(error, this.where(i, role)));
  }

  failRow(i: number, error: KamError): never {
    throw new KamInputException(at(error, this.rowWhere(i)));
  }

  check<T>(i: number, role: ColumnRole, r: Result<T>): T {
    if (r.ok) return r.value;
    return this.fail(i, role, r.error);
  }

  /**
   * Validate cells of row i with a domain rule that takes them together (e.g. scoreRow). On failure
   * the message names the first cell that fails on its own, the others replaced by `neutral`; a
   * failure no single cell explains (weights that do not add up) names the row.
   */
  checkCells<T>(i: number, roles: readonly ColumnRole[], rule: (values: unknown[]) => Result<T>, neutral: unknown = 0): T {
    const values = roles.map((r) => this.raw(i, r));
    roles.forEach((r, k) => this.rejectExcelError(i, r, values[k]));
    const res = rule(values);
    if (res.ok) return res.value;
    for (let k = 0; k < roles.length; k++) {
      const alone = rule(values.map((v, j) => (j === k ? v : neutral)));
      if (!alone.ok) return this.fail(i, roles[k], alone.error);
    }
    return this.failRow(i, res.error);
  }

  private rejectExcelError(i: number, role: ColumnRole, v: unknown): void {
    if (isExcelError(v)) {
      this.fail(i, role, kamError("excel_error_value", "invalid", `the cell holds the Excel error ${v.trim()}`, `单元格是 Excel 错误值 ${v.trim()}`));
    }
  }

  private missing(i: number, role: ColumnRole, what: Msg): never {
    return this.fail(i, role, kamError("missing_value", "missing", `the cell is empty; ${what.en} is needed`, `单元格为空，需要${what.zh}`));
  }

  number(i: number, role: ColumnRole): number {
    const v = this.raw(i, role);
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.rejectExcelError(i, role, v);
    const r = toNumber(v, roleName(role));
    if (r.ok) return r.value;
    if (r.error.kind === "missing") return this.missing(i, role, { en: "a number", zh: "一个数字" });
    const sv = showValue(v);
    return this.fail(i, role, { ...r.error, msg: { en: `${sv.en} is not a number`, zh: `${sv.zh} 不是数字` } });
  }

  optNumber(i: number, role: ColumnRole): number | null {
    return this.has(role) && !this.isBlank(i, role) ? this.number(i, role) : null;
  }

  /** Cell text, trimmed; numbers and booleans become their text. Blank → error. */
  text(i: number, role: ColumnRole): string {
    const v = this.raw(i, role);
    if (typeof v === "string" && !v.includes("#")) {
      const t = v.trim();
      if (t !== "") return t;
    }
    if (isBlank(v)) return this.missing(i, role, { en: "a value", zh: "一个值" });
    this.rejectExcelError(i, role, v);
    if (typeof v === "string") return v.trim();
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  optText(i: number, role: ColumnRole): string | null {
    return this.has(role) && !this.isBlank(i, role) ? this.text(i, role) : null;
  }

  /** Excel date serial from a date cell or date text; blank → error. */
  date(i: number, role: ColumnRole): number {
    const v = this.raw(i, role);
    if (isBlank(v)) return this.missing(i, role, { en: "a date", zh: "一个日期" });
    this.rejectExcelError(i, role, v);
    return this.check(i, role, parseDate(v));
  }

  optDate(i: number, role: ColumnRole): number | null {
    return this.has(role) && !this.isBlank(i, role) ? this.date(i, role) : null;
  }

  /** Throw when the table has no data rows at all. */
  requireRows(): void {
    if (this.rows.length > 0) return;
    const s = sheetMsg(this.source.sheet);
    const r = this.source.row + 1;
    throw new KamInputException(
      kamError("no_data", "missing", `${s.en} has no data below its header row (row ${r})`, `${s.zh} 的标题行（第 ${r} 行）下方没有数据`),
    );
  }
}

/**
 * Find the columns of a table. Overrides come first (and take their columns out of detection), then
 * the remaining roles are detected from the headers. Throws KamInputException when a required role
 * has no column or an override names no column of the table.
 */
export function openTable(source: SourceTable, spec: TableSpec, overrides: ColumnOverrides = {}): InputTable {
  const wanted = [...spec.required, ...(spec.optional ?? [])];
  const cols: Partial<Record<ColumnRole, number>> = {};
  const overridden = new Set<ColumnRole>();
  const header = source.header.map(headerText);

  for (const role of wanted) {
    const given = overrides[role];
    if (given === undefined || given.trim() === "") continue;
    const idx = resolveColumn(source.header, given.trim());
    if (idx === undefined || idx < 0 || idx >= source.header.length) {
      const s = sheetMsg(source.sheet);
      const found = headersFound(source);
      throw new KamInputException(
        kamError(
          "unknown_column",
          "invalid",
          `${s.en}: there is no column "${given}" (chosen for '${roleName(role).en}'); ${found.en}`,
          `${s.zh}：没有“${given}”列（指定为“${roleName(role).zh}”）；${found.zh}`,
        ),
      );
    }
    cols[role] = idx;
    overridden.add(role);
  }

  // Hide overridden columns from detection so one column never serves two roles.
  const taken = new Set(Object.values(cols) as number[]);
  const detectHeader = source.header.map((h, i) => (taken.has(i) ? "" : h));
  const toDetect = wanted.filter((r) => !overridden.has(r));
  if (toDetect.length > 0) {
    const { found } = detectColumns(detectHeader, toDetect);
    for (const role of toDetect) {
      const idx = found[role];
      if (idx !== undefined && !taken.has(idx)) {
        cols[role] = idx;
        taken.add(idx);
      }
    }
  }

  for (const role of spec.required) {
    if (cols[role] === undefined) throw new KamInputException(missingColumnsError(source, [role]));
  }

  const chosen: ChosenColumn[] = wanted
    .filter((role) => cols[role] !== undefined)
    .map((role) => {
      const index = cols[role] as number;
      return { role, sheet: source.sheet, header: header[index] ?? "", letter: columnLetter(source.col + index), index, overridden: overridden.has(role) };
    });
  return new InputTable(source, cols, chosen);
}

/**
 * Indices of the named entries (matched case- and width-insensitively), in the order asked for;
 * without names, `fallback`. An unknown name stops the report and lists some of the names found.
 */
export function selectByName(all: readonly string[], wanted: readonly string[] | undefined, fallback: readonly number[], what: Msg): number[] {
  if (wanted === undefined) return [...fallback];
  const index = new Map<string, number>();
  all.forEach((name, i) => {
    const k = normalize(name);
    if (!index.has(k)) index.set(k, i);
  });
  const out: number[] = [];
  for (const name of wanted) {
    const i = index.get(normalize(String(name)));
    if (i === undefined) {
      const some = all.slice(0, 10).join(", ") + (all.length > 10 ? ", …" : "");
      const someZh = all.slice(0, 10).join("、") + (all.length > 10 ? "……" : "");
      throw inputError("unknown_name", `${what.en} "${name}" is not in the table (found: ${some})`, `${what.zh}“${name}”不在表中（表中有：${someZh}）`);
    }
    if (!out.includes(i)) out.push(i);
  }
  return out;
}
