/**
 * Reading user data out of an .xlsx file for the CLI: one worksheet → a SourceTable, the list of
 * sheets, and the plain cell grid of a template sheet (account cards look for their placeholders
 * in it). Every failure is a KamInputException naming the file and the sheet, in both languages.
 */
import type { SourceTable } from "../../reports/source";
import { fileErrors } from "./input-errors";
import { openPackage, pickSheet } from "./open-package";
import { streamSheetRows } from "./sheet-stream";
import { TableCollector, type Cell } from "./table-collector";

export interface ReadXlsxOptions {
  /** Sheet name (exact, else ignoring case); default: the first visible worksheet. */
  readonly sheet?: string;
}

export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** Set on sheets this add-in wrote: the report sheet's key (its KAM_REPORT mark). */
  readonly reportKey?: string;
}

/** The worksheets of a workbook, in tab order, with hidden state and report marks. */
export async function listSheetInfo(file: string): Promise<SheetInfo[]> {
  const pkg = await openPackage(file);
  return pkg.sheets.map((s) => ({ name: s.name, hidden: s.hidden, ...(s.reportKey !== undefined ? { reportKey: s.reportKey } : {}) }));
}

/** The names of the worksheets of a workbook, in tab order. */
export async function listSheets(file: string): Promise<string[]> {
  return (await listSheetInfo(file)).map((s) => s.name);
}

/**
 * Read one worksheet into a SourceTable: the header is the first non-empty row, the data rows
 * follow it down to the last row with a value.
 */
export async function readXlsxTable(file: string, options: ReadXlsxOptions = {}): Promise<SourceTable> {
  const pkg = await openPackage(file);
  const sheet = pickSheet(pkg, options.sheet);
  const collector = new TableCollector();
  await streamSheetRows(pkg, sheet, (row, cells) => collector.push(row, cells));
  if (collector.empty) throw fileErrors.sheetEmpty(file, sheet.name);
  return collector.finish(sheet.name);
}

export interface SheetGrid {
  readonly sheet: string;
  /** values[r][c] is cell (r, c) from A1 to the last used row and column; "" when empty. */
  readonly values: readonly (readonly Cell[])[];
}

/** Every value of a (small) sheet as a dense grid from A1, e.g. a card template with its placeholders. */
export async function readSheetGrid(file: string, sheetName?: string): Promise<SheetGrid> {
  const pkg = await openPackage(file);
  const sheet = pickSheet(pkg, sheetName);
  const rows: Cell[][] = [];
  let width = 0;
  await streamSheetRows(pkg, sheet, (row, cells) => {
    rows[row] = cells;
    if (cells.length > width) width = cells.length;
  });
  const values: Cell[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r] ?? [];
    const out: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = src[c] ?? "";
    values[r] = out;
  }
  return { sheet: sheet.name, values };
}
