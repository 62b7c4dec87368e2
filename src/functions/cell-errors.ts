/**
 * From a domain error to what a cell shows. Excel displays a message only for #VALUE! and #N/A
 * (EXCEL-BEHAVIOUR §12), so those are the only two codes used: a missing value is #N/A, anything
 * else the user can fix is #VALUE!. A function never throws: `guardRows` turns an unexpected failure
 * into a #VALUE! that still says what happened.
 */
import { at, atRow, type KamError, type Lang, type Msg, type Result } from "../domain/errors";
import { asRows, width } from "./cells";
import { argumentEmpty, unexpected } from "./messages";
import { getSettings } from "./settings-source";

/** A cell's value in a returned array. */
export type Cell = number | string | boolean | CustomFunctions.Error;
export type CellRows = Cell[][];

export function cellError(e: KamError, lang: Lang): CustomFunctions.Error {
  const code = e.kind === "missing" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.msg[lang]);
}

/** A whole-argument problem: one error cell instead of a spill. */
export function errorRows(e: KamError, lang: Lang): CellRows {
  return [[cellError(e, lang)]];
}

/**
 * The error of one row of a multi-row argument, prefixed "row N:" (1-based within the argument).
 * A single-row argument needs no row number: the cell is next to the formula.
 */
export function rowCellError(e: KamError, index: number, rowCount: number, lang: Lang): CustomFunctions.Error {
  return cellError(rowCount > 1 ? atRow(e, index + 1) : e, lang);
}

/**
 * The error of one cell of a range handled cell by cell: "row 2, column 3:" in a block,
 * "row 2:" in a column, "column 3:" in a row, nothing for a single cell.
 */
export function cellAtError(e: KamError, i: number, j: number, rows: number, cols: number, lang: Lang): CustomFunctions.Error {
  if (rows > 1 && cols > 1) return cellError(at(e, { en: `row ${i + 1}, column ${j + 1}`, zh: `第 ${i + 1} 行第 ${j + 1} 列` }), lang);
  if (rows > 1) return cellError(atRow(e, i + 1), lang);
  if (cols > 1) return cellError(at(e, { en: `column ${j + 1}`, zh: `第 ${j + 1} 列` }), lang);
  return cellError(e, lang);
}

function detail(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  return String(thrown);
}

function language(): Lang {
  try {
    return getSettings().language;
  } catch {
    return "en";
  }
}

/** Run a function that returns a spilled array; an exception becomes a 1×1 #VALUE! with a message. */
export function guardRows(fn: string, body: () => CellRows): CellRows {
  try {
    return body();
  } catch (thrown) {
    return errorRows(unexpected(fn, detail(thrown)), language());
  }
}

/**
 * Cell by cell: a result of the argument's shape, each cell computed on its own and a bad cell
 * answered by its own error naming its row (and column), so the other cells still compute.
 */
export function mapCells(value: unknown, arg: Msg, lang: Lang, cell: (v: unknown) => Result<Cell>): CellRows {
  const r = asRows(value, arg);
  if (!r.ok) return errorRows(r.error, lang);
  const rows = r.value;
  const cols = width(rows);
  if (cols === 0) return errorRows(argumentEmpty(arg), lang);
  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const cells: Cell[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const res = cell(row[j]);
      cells[j] = res.ok ? res.value : cellAtError(res.error, i, j, n, cols, lang);
    }
    out[i] = cells;
  }
  return out;
}
