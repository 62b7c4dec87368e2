/**
 * Streaming a worksheet out of an opened package: the part is inflated chunk by chunk (zlib) and
 * tokenized (xml-scan), and each row is handed on as soon as it closes, so a sheet of 1,048,576
 * rows never exists as one string or one DOM. The shared-string table is the one thing held whole
 * (cells refer to it by index).
 *
 * Values come out as Excel hands them to an add-in: numbers (dates as serial numbers), text,
 * booleans, error texts such as "#N/A", and nothing for empty cells. A formula gives its cached value.
 */
import type { OpenedPackage, SheetEntry } from "./open-package";
import { fileErrors } from "./input-errors";
import type { Cell } from "./table-collector";
import { attrEnd, attrStart, attrText, findAttr, nameIs, parseIndex, parseNumber, readText, XmlByteScanner, type TagSink } from "./xml-scan";

function message(e: unknown): string {
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/** Scan one part of the package as it inflates; `label` says what the part is in error messages. */
function scanPart(pkg: OpenedPackage, part: string, sink: TagSink, label: string = part): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      reject(fileErrors.notXlsx(pkg.file, `${label}: ${message(e)}`));
    };
    let stream: NodeJS.ReadableStream;
    try {
      stream = pkg.zip.stream(part);
    } catch (e) {
      fail(e);
      return;
    }
    const scanner = new XmlByteScanner(sink);
    stream.on("data", (chunk: Buffer) => {
      if (failed) return;
      try {
        scanner.write(chunk);
      } catch (e) {
        fail(e);
      }
    });
    stream.on("error", (e: unknown) => fail(e));
    stream.on("end", () => {
      if (failed) return;
      try {
        scanner.end();
        resolve();
      } catch (e) {
        fail(e);
      }
    });
  });
}

/** Excel escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function decodeExcelText(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The shared-string table (rich text runs joined; phonetic guides left out). */
export async function readSharedStrings(pkg: OpenedPackage): Promise<string[]> {
  if (!pkg.sharedStringsPart || !pkg.zip.has(pkg.sharedStringsPart)) return [];
  const out: string[] = [];
  let cur = "";
  let phonetic = 0;
  await scanPart(pkg, pkg.sharedStringsPart, {
    tag(buf, close, selfClosing, ns, ne, _start, end) {
      if (nameIs(buf, ns, ne, "t")) {
        if (!close && !selfClosing && phonetic === 0) cur += readText(buf, end).text;
      } else if (nameIs(buf, ns, ne, "si")) {
        if (close || selfClosing) {
          out.push(decodeExcelText(cur));
          cur = "";
        } else cur = "";
      } else if (nameIs(buf, ns, ne, "rPh")) {
        if (!selfClosing) phonetic += close ? -1 : 1;
      }
    },
  });
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date or time (quoted text, escapes and [colour] tags ignored). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/_.|\*./g, "");
  if (/general/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare.split(";")[0]);
}

/** Which cell style indexes (the `s` of a cell) carry a date format. Needed only for 1904 workbooks. */
export async function readDateStyles(pkg: OpenedPackage): Promise<Set<number>> {
  const out = new Set<number>();
  if (!pkg.stylesPart || !pkg.zip.has(pkg.stylesPart)) return out;
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await scanPart(pkg, pkg.stylesPart, {
    tag(buf, close, selfClosing, ns, ne, _start, end) {
      if (nameIs(buf, ns, ne, "numFmt") && !close) {
        const id = attrText(buf, ne, end, "numFmtId");
        if (id !== undefined) custom.set(Number(id), attrText(buf, ne, end, "formatCode") ?? "");
      } else if (nameIs(buf, ns, ne, "cellXfs")) {
        inCellXfs = !close && !selfClosing;
      } else if (nameIs(buf, ns, ne, "xf") && inCellXfs && !close) {
        xfFormats.push(Number(attrText(buf, ne, end, "numFmtId") ?? 0));
      }
    },
  });
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}

/** 0-based column of the A1 reference in `buf[s, e)` ("AB12" → 27), or -1. */
function columnAt(buf: Buffer, s: number, e: number): number {
  let n = 0;
  let p = s;
  for (; p < e; p++) {
    const c = buf[p];
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return p === s ? -1 : n - 1;
}

/** 0-based column of an A1 reference ("AB12" → 27), or -1. */
export function columnOf(ref: string): number {
  return columnAt(Buffer.from(ref, "latin1"), 0, ref.length);
}

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The 1904 system counts from 1904-01-01; the same day is serial 1462 in the 1900 system. */
const DATE1904_OFFSET = 1_462;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_INLINE = 2;
const T_STR = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function cellType(buf: Buffer, s: number, e: number): number {
  if (e - s === 1) {
    switch (buf[s]) {
      case 115 /* s */:
        return T_SHARED;
      case 98 /* b */:
        return T_BOOL;
      case 101 /* e */:
        return T_ERROR;
      case 100 /* d */:
        return T_DATE;
      default:
        return T_NUMBER;
    }
  }
  if (nameIs(buf, s, e, "str")) return T_STR;
  if (nameIs(buf, s, e, "inlineStr")) return T_INLINE;
  return T_NUMBER;
}

function isoToSerial(text: string): Cell {
  const v = text.trim();
  // A date-only ISO text parses as UTC; a date-time without a zone is made UTC too (serials have no zone).
  const ms = Date.parse(/T/.test(v) && !/([zZ]|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v);
  return Number.isFinite(ms) ? ms / DAY_MS + UNIX_EPOCH_SERIAL : v;
}

/**
 * Stream the rows of a worksheet: `onRow(row, cells)` for every <row> with values, in sheet order,
 * row 0-based and `cells[c]` the value of column c (holes = empty).
 */
export async function streamSheetRows(pkg: OpenedPackage, sheet: SheetEntry, onRow: (row: number, cells: Cell[]) => void): Promise<void> {
  const strings = await readSharedStrings(pkg);
  // Domain rules read dates as 1900-system serials; a 1904 workbook's date cells are shifted to match.
  const dateStyles = pkg.date1904 ? await readDateStyles(pkg) : undefined;

  let inSheetData = false;
  let done = false;
  let row = -1;
  let cells: Cell[] = [];
  let col = -1;
  let type = T_NUMBER;
  let style = 0;
  let value: Cell | undefined;
  let inIs = false;
  let phonetic = 0;
  let isText = "";

  await scanPart(pkg, sheet.part, {
    tag(buf, close, selfClosing, ns, ne, _start, end) {
      if (done) return;
      const len = ne - ns;
      if (!inSheetData) {
        if (len === 9 && nameIs(buf, ns, ne, "sheetData") && !close) inSheetData = !selfClosing;
        return;
      }
      if (len === 1) {
        switch (buf[ns]) {
          case 99 /* c */: {
            if (close) {
              if (value !== undefined && value !== "") cells[col] = value;
              return;
            }
            const c = findAttr(buf, ne, end, "r") ? columnAt(buf, attrStart, attrEnd) : -1;
            col = c >= 0 ? c : col + 1;
            type = findAttr(buf, ne, end, "t") ? cellType(buf, attrStart, attrEnd) : T_NUMBER;
            if (dateStyles) style = findAttr(buf, ne, end, "s") ? parseIndex(buf, attrStart, attrEnd) : 0;
            value = undefined;
            isText = "";
            return;
          }
          case 118 /* v */: {
            if (close || selfClosing) return;
            switch (type) {
              case T_NUMBER: {
                const next = buf.indexOf(60, end + 1);
                const n = parseNumber(buf, end + 1, next);
                if (Number.isFinite(n)) value = dateStyles?.has(style) ? n + DATE1904_OFFSET : n;
                else if (next > end + 1) value = readText(buf, end).text;
                return;
              }
              case T_SHARED: {
                const idx = parseIndex(buf, end + 1, buf.indexOf(60, end + 1));
                value = idx >= 0 ? strings[idx] : undefined;
                return;
              }
              case T_BOOL: {
                const text = readText(buf, end).text.trim();
                value = text === "1" || text.toLowerCase() === "true";
                return;
              }
              case T_ERROR:
                value = readText(buf, end).text.trim();
                return;
              case T_DATE:
                value = isoToSerial(readText(buf, end).text);
                return;
              default:
                value = decodeExcelText(readText(buf, end).text);
                return;
            }
          }
          case 116 /* t */:
            if (inIs && !close && !selfClosing && phonetic === 0) isText += readText(buf, end).text;
            return;
        }
        return;
      }
      if (len === 2 && nameIs(buf, ns, ne, "is")) {
        if (close) {
          inIs = false;
          if (type === T_INLINE) value = decodeExcelText(isText);
        } else inIs = !selfClosing;
        return;
      }
      if (len === 3) {
        if (nameIs(buf, ns, ne, "row")) {
          if (close || selfClosing) {
            if (!close) {
              // <row r="5"/>: an empty row still moves the position.
              const n = findAttr(buf, ne, end, "r") ? parseIndex(buf, attrStart, attrEnd) - 1 : row + 1;
              row = n > row ? n : row + 1;
            }
            if (cells.length > 0) onRow(row, cells);
            cells = [];
            return;
          }
          const n = findAttr(buf, ne, end, "r") ? parseIndex(buf, attrStart, attrEnd) - 1 : row + 1;
          row = n > row ? n : row + 1;
          cells = [];
          col = -1;
          return;
        }
        if (nameIs(buf, ns, ne, "rPh") && !selfClosing) phonetic += close ? -1 : 1;
        return;
      }
      if (len === 9 && close && nameIs(buf, ns, ne, "sheetData")) {
        inSheetData = false;
        done = true;
      }
    },
  }, `sheet "${sheet.name}" (${sheet.part})`);
}
