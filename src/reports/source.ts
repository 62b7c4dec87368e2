/**
 * A table of user data as a host hands it to the report layer: the header row and the data rows
 * as 2-D values exactly as Excel returns them ("" for empty cells, numbers, booleans, error strings),
 * plus where it came from, so every message can name the sheet, the column and the cell.
 */
export interface SourceTable {
  /** Worksheet name (or file name for a CSV). */
  readonly sheet: string;
  /** 0-based worksheet row of the header row. */
  readonly row: number;
  /** 0-based worksheet column of the first column. */
  readonly col: number;
  readonly header: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  /** Excel table or named range it was read from, if any. */
  readonly name?: string;
}
