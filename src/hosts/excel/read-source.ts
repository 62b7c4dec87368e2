/**
 * Read user data (a table, a named range, or what the selection stands for) into a SourceTable.
 *
 * Round trips: a table or a named range is read in ONE sync when it fits the limits (its values are
 * loaded together with its position). The selection takes one sync to learn what it touches (a
 * table? which region?) and one to read that. Data above the limits is read in row chunks sized
 * from the column count, each response under ~4 MB (Excel on the web refuses 5 MB) and each read
 * under 5,000,000 cells, so syncs grow with the size of the data, not with its rows.
 *
 * Every problem with the input (empty selection, a single row, no header row, a merged header)
 * is a KamInputException naming the sheet, the column and the cell; nothing is ever written.
 */
import { KamError, KamInputException } from "../../domain/errors";
import { columnLetter } from "../../reports/plan";
import type { SourceTable } from "../../reports/source";
import { Place, msg } from "./messages";
import { OPTIONAL_EXCEL_API, excelApiSupported } from "./requirements";

export type SourceSpec =
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "selection" };

export interface ReadSourceOptions {
  readonly source: SourceSpec;
  /** Largest response one read may bring back (Excel on the web: 5 MB). */
  readonly maxResponseBytes?: number;
  /** Largest number of cells one read may ask for (all platforms: 5,000,000). */
  readonly maxCells?: number;
}

export const DEFAULT_READ_BYTES = 4_000_000;
export const DEFAULT_READ_CELLS = 5_000_000;
/** Before anything is measured, assume this many response bytes a cell. */
const FIRST_BYTES_PER_CELL = 40;

interface Box {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly name?: string;
}

type Grid = unknown[][];

function cellName(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function place(sheet: string, row: number, col: number): Place {
  return { sheet, column: columnLetter(col), cell: cellName(row, col) };
}

function fail(error: KamError): never {
  throw new KamInputException(error);
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

function loadBox(r: Excel.Range, withValues: boolean): void {
  r.load(withValues ? "rowIndex,columnIndex,rowCount,columnCount,values" : "rowIndex,columnIndex,rowCount,columnCount");
}

/** Parse the cell parts of a RangeAreas address ("Data!A1:B1,Data!D1:E1"). */
function mergedAreas(address: string | undefined): { row: number; col: number; text: string }[] {
  if (!address) return [];
  const out: { row: number; col: number; text: string }[] = [];
  const re = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    out.push({ row: Number(m[2]) - 1, col: col - 1, text: m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}` });
  }
  return out;
}

class Reader {
  private bytesPerCell = FIRST_BYTES_PER_CELL;
  private readonly maxBytes: number;
  private readonly maxCells: number;
  private readonly mergesSupported = excelApiSupported(OPTIONAL_EXCEL_API["Range.getMergedAreasOrNullObject"]);

  /** Whether header merges can be read with the region (ExcelApi 1.13). */
  get mergesInRegion(): boolean {
    return this.mergesSupported;
  }

  constructor(
    private readonly context: Excel.RequestContext,
    options: ReadSourceOptions,
  ) {
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_READ_BYTES;
    this.maxCells = options.maxCells ?? DEFAULT_READ_CELLS;
  }

  /** Header-row merged areas, queued on the same batch as the read. */
  private headerMerges(r: Excel.Range): Excel.RangeAreas | null {
    if (!this.mergesSupported) return null;
    const areas = r.getRow(0).getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  }

  /**
   * Try to read `range` with its position in the sync that locates it; if the answer is too large
   * (null values past the cell limit, or a payload error on the web), locate it again without
   * values and read it in chunks.
   */
  async readLocated(locate: () => { range: Excel.Range; sheet: Excel.Worksheet; check?: () => void; name?: string }): Promise<SourceTable> {
    let first = locate();
    loadBox(first.range, true);
    first.sheet.load("name");
    let merges = this.headerMerges(first.range);
    let values: Grid | null = null;
    try {
      await this.context.sync();
      first.check?.();
      values = first.range.values;
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      first = locate();
      loadBox(first.range, false);
      first.sheet.load("name");
      merges = this.headerMerges(first.range);
      await this.context.sync();
      first.check?.();
    }
    const box: Box = {
      sheet: first.sheet.name,
      row: first.range.rowIndex,
      col: first.range.columnIndex,
      rows: first.range.rowCount,
      cols: first.range.columnCount,
      name: first.name,
    };
    const grid = values ?? (await this.readChunks(box));
    return toSource(box, grid, mergeAddress(merges));
  }

  /** Read a box whose size is known: in one sync if it fits, else in row chunks. */
  async readBox(box: Box, tryWhole = true): Promise<SourceTable> {
    const ws = this.context.workbook.worksheets.getItem(box.sheet);
    let merges: Excel.RangeAreas | null = null;
    const queueMerges = (): void => {
      merges = this.headerMerges(ws.getRangeByIndexes(box.row, box.col, 1, box.cols));
    };
    const cells = box.rows * box.cols;
    // Optimistic: one sync for the whole box whenever the cell limit allows. Only a response that
    // really passes the payload limit costs one refused round trip before the chunked read.
    if (tryWhole && cells <= this.maxCells) {
      const range = ws.getRangeByIndexes(box.row, box.col, box.rows, box.cols);
      range.load("values");
      queueMerges();
      try {
        await this.context.sync();
        return toSource(box, range.values, mergeAddress(merges));
      } catch (e) {
        if (!isPayloadError(e)) throw e;
      }
    }
    const grid = await this.readChunks(box, queueMerges);
    return toSource(box, grid, mergeAddress(merges));
  }

  /** Rows per chunk from the column count: under the byte budget (as measured so far) and the cell limit. */
  private rowsPerChunk(cols: number): number {
    const byBytes = Math.floor(this.maxBytes / (cols * this.bytesPerCell));
    const byCells = Math.floor(this.maxCells / cols);
    return Math.max(1, Math.min(byBytes, byCells));
  }

  /** `withFirst` queues what must travel with the first chunk (the header's merged areas). */
  private async readChunks(box: Box, withFirst?: () => void): Promise<Grid> {
    const ws = this.context.workbook.worksheets.getItem(box.sheet);
    const out: Grid = [];
    let done = 0;
    while (done < box.rows) {
      const rows = Math.min(this.rowsPerChunk(box.cols), box.rows - done);
      const range = ws.getRangeByIndexes(box.row + done, box.col, rows, box.cols);
      range.load("values");
      if (done === 0) withFirst?.();
      try {
        await this.context.sync();
      } catch (e) {
        if (!isPayloadError(e) || rows === 1) throw e;
        // Denser data than measured: double the estimate and ask for fewer rows.
        this.bytesPerCell *= 2;
        continue;
      }
      const chunk = range.values;
      const measured = JSON.stringify(chunk).length / (rows * box.cols);
      this.bytesPerCell = Math.max(4, measured * 1.2);
      for (const row of chunk) out.push(row);
      done += rows;
    }
    return out;
  }
}

function mergeAddress(areas: Excel.RangeAreas | null): string | undefined {
  return areas && !areas.isNullObject ? areas.address : undefined;
}

function toSource(box: Box, values: Grid, mergeAddress: string | undefined): SourceTable {
  const { sheet } = box;
  const empty = values.every((row) => row.every((v) => v === "" || v === null));
  if (empty) fail(msg.emptySelection(place(sheet, box.row, box.col)));
  if (values.length < 2) fail(msg.oneRow(place(sheet, box.row, box.col)));
  // A merged header cell: report the area's first cell inside the header row.
  for (const area of mergedAreas(mergeAddress)) {
    if (area.row === box.row && area.col >= box.col && area.col < box.col + box.cols) {
      fail(msg.headerMerged(place(sheet, area.row, area.col), area.text));
    }
  }
  const header = values[0];
  header.forEach((v, j) => {
    if (v === "" || v === null || (typeof v === "string" && v.trim() === "")) fail(msg.headerBlank(place(sheet, box.row, box.col + j)));
    if (typeof v !== "string") fail(msg.headerNotText(place(sheet, box.row, box.col + j), v));
  });
  return { sheet, row: box.row, col: box.col, header, rows: values.slice(1), ...(box.name ? { name: box.name } : {}) };
}

/**
 * Read a table, a named range, or the selection into a SourceTable. For the selection: if it lies
 * in one table, that table; a single cell stands for its current region; a larger selection is
 * taken as it is, trimmed to the used cells [chosen].
 */
export async function readSource(context: Excel.RequestContext, options: ReadSourceOptions): Promise<SourceTable> {
  const reader = new Reader(context, options);
  const { source } = options;
  const wb = context.workbook;
  if (source.kind === "table") return readTable(reader, wb, source.name);
  if (source.kind === "name") {
    return reader.readLocated(() => {
      const item = wb.names.getItemOrNullObject(source.name);
      item.load("type");
      const range = item.getRangeOrNullObject();
      return {
        range,
        sheet: range.worksheet,
        name: source.name,
        check: () => {
          if (item.isNullObject) fail(msg.nameNotFound(source.name));
          if (range.isNullObject) fail(msg.nameNotRange(source.name));
        },
      };
    });
  }

  // The usual case, one cell of a plain list, is read in this one sync: the current region's values
  // travel with the facts that say what the selection stands for. Only when that answer is too large
  // is the selection located again without values, and the data read in chunks.
  const locate = (withValues: boolean) => {
    const sel = wb.getSelectedRange();
    sel.load("rowIndex,columnIndex,rowCount,columnCount");
    const ws = sel.worksheet;
    ws.load("name");
    const tables = sel.getTables(false);
    tables.load("items/name");
    const region = sel.getSurroundingRegion();
    loadBox(region, withValues);
    const used = ws.getUsedRangeOrNullObject(true);
    loadBox(used, false);
    const merges = withValues && reader.mergesInRegion ? region.getRow(0).getMergedAreasOrNullObject() : null;
    merges?.load("address");
    return { sel, ws, tables, region, used, merges };
  };
  let found = locate(true);
  let regionValues: Grid | null = null;
  let tooLarge = false;
  try {
    await context.sync();
    regionValues = found.region.values;
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    tooLarge = true;
    found = locate(false);
    await context.sync();
  }
  const { sel, ws, tables, region, used } = found;

  const sheet = ws.name;
  const at = place(sheet, sel.rowIndex, sel.columnIndex);
  if (tables.items.length > 1) fail(msg.manyTables(at, tables.items.map((t) => t.name)));
  if (tables.items.length === 1) return readTable(reader, wb, tables.items[0].name);
  if (used.isNullObject) fail(msg.emptySelection(at));
  const single = sel.rowCount === 1 && sel.columnCount === 1;
  const target = single
    ? { row: region.rowIndex, col: region.columnIndex, rows: region.rowCount, cols: region.columnCount }
    : { row: sel.rowIndex, col: sel.columnIndex, rows: sel.rowCount, cols: sel.columnCount };
  const r0 = Math.max(target.row, used.rowIndex);
  const c0 = Math.max(target.col, used.columnIndex);
  const r1 = Math.min(target.row + target.rows, used.rowIndex + used.rowCount);
  const c1 = Math.min(target.col + target.cols, used.columnIndex + used.columnCount);
  if (r1 <= r0 || c1 <= c0) fail(msg.emptySelection(at));
  const box: Box = { sheet, row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
  if (single && regionValues && r0 === region.rowIndex && c0 === region.columnIndex && box.rows === region.rowCount && box.cols === region.columnCount) {
    return toSource(box, regionValues, mergeAddress(found.merges));
  }
  // A region already refused as too large is not asked for whole a second time.
  return reader.readBox(box, !(tooLarge && single));
}

function readTable(reader: Reader, wb: Excel.Workbook, name: string): Promise<SourceTable> {
  return reader.readLocated(() => {
    const table = wb.tables.getItemOrNullObject(name);
    table.load("name");
    const range = table.getRange();
    return {
      range,
      sheet: table.worksheet,
      name,
      check: () => {
        if (table.isNullObject) fail(msg.tableNotFound(name));
      },
    };
  });
}
