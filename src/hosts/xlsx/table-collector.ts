/**
 * Turns the rows a reader streams (xlsx or CSV) into a SourceTable the way a user sees the sheet:
 * the header is the first row with anything in it; the table starts at the leftmost used column
 * and is as wide as the widest used row; rows keep their worksheet positions (an empty row in the
 * middle stays, as a row of ""), so `table.row + 1 + i` is always the worksheet row of `rows[i]`;
 * empty rows after the last value are dropped.
 */
import type { SourceTable } from "../../reports/source";

export type Cell = string | number | boolean;

function isEmpty(v: Cell | undefined): boolean {
  return v === undefined || v === "";
}

export class TableCollector {
  private headerRow = -1;
  private header: Cell[] = [];
  private readonly rows: Cell[][] = [];
  /** Index in `rows` after the last row with a value. */
  private usedRows = 0;
  private minCol = Number.POSITIVE_INFINITY;
  private maxCol = -1;
  private lastRow = -1;

  /**
   * Add worksheet row `row` (0-based, increasing). `cells[c]` is the value of column c; holes and
   * "" are empty. The array is kept, so callers hand over a fresh one per row.
   */
  push(row: number, cells: Cell[]): void {
    if (row <= this.lastRow) throw new Error(`rows must arrive in order: ${row} after ${this.lastRow}`);
    this.lastRow = row;
    let first = -1;
    let last = -1;
    for (let c = 0; c < cells.length; c++) {
      if (!isEmpty(cells[c])) {
        if (first < 0) first = c;
        last = c;
      }
    }
    if (first < 0) {
      if (this.headerRow >= 0) this.rows.length = Math.max(this.rows.length, row - this.headerRow);
      return;
    }
    if (first < this.minCol) this.minCol = first;
    if (last > this.maxCol) this.maxCol = last;
    if (this.headerRow < 0) {
      this.headerRow = row;
      this.header = cells;
      return;
    }
    const i = row - this.headerRow - 1;
    this.rows[i] = cells;
    this.usedRows = i + 1;
  }

  get empty(): boolean {
    return this.headerRow < 0;
  }

  finish(sheet: string, name?: string): SourceTable {
    if (this.headerRow < 0) return { sheet, row: 0, col: 0, header: [], rows: [], ...(name ? { name } : {}) };
    const col = this.minCol;
    const width = this.maxCol - col + 1;
    const shape = (cells: Cell[] | undefined): Cell[] => {
      const out = cells ?? [];
      if (col > 0) out.splice(0, col);
      if (out.length > width) out.length = width;
      for (let c = 0; c < width; c++) if (out[c] === undefined) out[c] = "";
      return out;
    };
    const header = shape(this.header);
    const rows: Cell[][] = new Array(this.usedRows);
    for (let i = 0; i < this.usedRows; i++) rows[i] = shape(this.rows[i]);
    return { sheet, row: this.headerRow, col, header, rows, ...(name ? { name } : {}) };
  }
}
