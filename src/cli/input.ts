/**
 * The CLI's view of an input file: its sheets, and the table a report reads from it. When the user
 * names no sheet, the report's table is the first sheet whose header has the columns the report
 * needs, so `kam credit book.xlsx` works on a workbook whose first sheet holds sales.
 *
 * Reading is the file host's (hosts/xlsx); this module only chooses what to read. Tables are not
 * kept after a run unless asked (the demo reuses them), so a big file is held once.
 */
import * as path from "path";
import { COLUMN_ALIASES, detectColumns, resolveColumn, type ColumnRole } from "../domain/columns";
import { kamError, KamInputException } from "../domain/errors";
import { readCsvTable } from "../hosts/xlsx/read-csv";
import { listSheetInfo, readSheetGrid, readXlsxTable, type SheetGrid, type SheetInfo } from "../hosts/xlsx/read-xlsx";
import type { ColumnOverrides } from "../reports/inputs";
import type { SourceTable } from "../reports/source";

const CSV = /\.(csv|tsv|txt)$/i;

export class InputFile {
  private readonly cache = new Map<string, SourceTable>();

  private constructor(
    /** The path as given to the reader (and shown in its messages). */
    readonly file: string,
    readonly sheets: readonly SheetInfo[],
    readonly csv: boolean,
  ) {}

  /**
   * Open `given` (relative to `cwd`). The file host checks it (exists, not empty, not encrypted, a
   * real workbook) and throws KamInputException naming the file otherwise.
   */
  static async open(given: string, cwd: string): Promise<InputFile> {
    const file = displayPath(given, cwd);
    if (CSV.test(file)) {
      // A CSV is one table; it is read once, here, so a bad file fails before anything else.
      const input = new InputFile(file, [{ name: path.basename(file), hidden: false }], true);
      input.cache.set(path.basename(file), await readCsvTable(file));
      return input;
    }
    return new InputFile(file, await listSheetInfo(file), false);
  }

  /** Sheets that can hold user data: visible and not a report sheet kam wrote. */
  get dataSheets(): readonly SheetInfo[] {
    return this.sheets.filter((s) => !s.hidden && s.reportKey === undefined);
  }

  /** Read a sheet (exact name, else ignoring case; the host lists the sheets when there is none). */
  async table(sheet: string | undefined, keep = false): Promise<SourceTable> {
    if (this.csv) return [...this.cache.values()][0];
    const name = sheet ?? this.dataSheets[0]?.name;
    const hit = name !== undefined ? this.cache.get(name) : undefined;
    if (hit) return hit;
    const t = await readXlsxTable(this.file, name !== undefined ? { sheet: name } : {});
    if (keep) this.cache.set(t.sheet, t);
    return t;
  }

  async grid(sheet: string): Promise<SheetGrid> {
    if (this.csv) {
      throw new KamInputException(
        kamError("template_in_csv", "invalid", `File "${this.file}" is a CSV file and has no template sheet "${sheet}"`, `文件“${this.file}”是 CSV 文件，没有模板工作表“${sheet}”`),
      );
    }
    return readSheetGrid(this.file, sheet);
  }
}

/** The path relative to the working folder when it is inside it (short messages), else absolute. */
export function displayPath(given: string, cwd: string): string {
  const abs = path.resolve(cwd, given);
  const rel = path.relative(process.cwd(), abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

/**
 * What a report needs from a table: each entry lists alternatives, one of which must be present
 * (credit needs volume points or annual sales).
 */
export type TableNeed = readonly (readonly ColumnRole[])[];

function roleNames(need: TableNeed): { en: string; zh: string } {
  const en = need.map((alts) => alts.map((r) => `'${COLUMN_ALIASES[r].en}'`).join(" or ")).join(", ");
  const zh = need.map((alts) => alts.map((r) => `“${COLUMN_ALIASES[r].zh}”`).join(" 或 ")).join("、");
  return { en, zh };
}

/** Whether a header row has the columns of `need` (an override counts when it names a column). */
export function headerMeets(header: readonly unknown[], need: TableNeed, overrides: ColumnOverrides): boolean {
  const byOverride = new Set<ColumnRole>();
  for (const [role, spec] of Object.entries(overrides) as [ColumnRole, string | undefined][]) {
    if (spec !== undefined && spec.trim() !== "" && resolveColumn(header, spec.trim()) !== undefined) byOverride.add(role);
  }
  const roles = [...new Set(need.flat())].filter((r) => !byOverride.has(r));
  const { found } = detectColumns(header, roles);
  return need.every((alts) => alts.some((r) => byOverride.has(r) || found[r] !== undefined));
}

/**
 * The first data sheet (other than `exclude`) whose header meets `need`, or undefined. Used for the
 * optional tables of the account cards (transactions, visits, complaints).
 */
export async function findTable(input: InputFile, need: TableNeed, overrides: ColumnOverrides, exclude: readonly string[] = [], keep = false): Promise<SourceTable | undefined> {
  if (input.csv) return undefined;
  for (const s of input.dataSheets) {
    if (exclude.includes(s.name)) continue;
    let t: SourceTable;
    try {
      t = await input.table(s.name, keep);
    } catch (e) {
      // An empty sheet cannot be the one; any other problem (a damaged part) is the user's to know.
      if (e instanceof KamInputException && e.error.code === "sheet-empty") continue;
      throw e;
    }
    if (headerMeets(t.header, need, overrides)) return t;
  }
  return undefined;
}

/**
 * The table a report reads: the named sheet, else the only data sheet, else the first data sheet
 * whose header meets `need`. Nothing matching is an error that lists the sheets and what is needed.
 */
export async function chooseTable(
  input: InputFile,
  sheet: string | undefined,
  need: TableNeed,
  overrides: ColumnOverrides,
  what: { en: string; zh: string },
  keep = false,
): Promise<SourceTable> {
  if (sheet !== undefined || input.csv) return input.table(sheet, keep);
  const candidates = input.dataSheets;
  if (candidates.length <= 1) return input.table(candidates[0]?.name, keep);
  const found = await findTable(input, need, overrides, [], keep);
  if (found) return found;
  const names = candidates.map((s) => s.name);
  const cols = roleNames(need);
  throw new KamInputException(
    kamError(
      "no_sheet_with_columns",
      "missing",
      `File "${input.file}": no sheet has the columns the ${what.en} needs (${cols.en}). Sheets: ${names.map((n) => `"${n}"`).join(", ")}. Choose one with --sheet (and its columns with the column options).`,
      `文件“${input.file}”：没有哪个工作表包含${what.zh}所需的列（${cols.zh}）。现有工作表：${names.map((n) => `“${n}”`).join("、")}。请用 --sheet 指定工作表（并用列选项指定列）。`,
    ),
  );
}
