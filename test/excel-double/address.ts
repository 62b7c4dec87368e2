/** A1 addresses: parsing and printing, with Excel's sheet-name quoting. */
import { apiError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based rectangle. */
export interface Rect {
  readonly r: number;
  readonly c: number;
  readonly rows: number;
  readonly cols: number;
}

export function colLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes a sheet name in a reference unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(r|c|rc)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectA1(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.r === 0 && rect.rows === MAX_ROWS) {
    return `${d}${colLetters(rect.c)}:${d}${colLetters(rect.c + rect.cols - 1)}`;
  }
  if (rect.c === 0 && rect.cols === MAX_COLS) {
    return `${d}${rect.r + 1}:${d}${rect.r + rect.rows}`;
  }
  const tl = `${d}${colLetters(rect.c)}${d}${rect.r + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${d}${colLetters(rect.c + rect.cols - 1)}${d}${rect.r + rect.rows}`;
}

export function sheetAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${rectA1(rect, absolute)}`;
}

export interface ParsedAddress {
  readonly sheet?: string;
  readonly rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function bad(address: string): never {
  throw apiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`, "Worksheet.getRange");
}

function part(p: string, address: string): { kind: "cell" | "col" | "row"; r: number; c: number } {
  let m = CELL.exec(p);
  if (m) return { kind: "cell", r: Number(m[2]) - 1, c: colIndex(m[1]) };
  m = COL.exec(p);
  if (m) return { kind: "col", r: 0, c: colIndex(m[1]) };
  m = ROW.exec(p);
  if (m) return { kind: "row", r: Number(m[1]) - 1, c: 0 };
  return bad(address);
}

/** Parse "A1", "B2:C9", "A:C", "3:5", optionally prefixed by a (quoted) sheet name. */
export function parseAddress(address: string): ParsedAddress {
  let sheet: string | undefined;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let s = rest.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    rest = rest.slice(bang + 1);
  }
  const [a, b, extra] = rest.split(":");
  if (extra !== undefined || !a) return bad(address);
  const p = part(a, address);
  const q = b === undefined ? p : part(b, address);
  if (p.kind !== q.kind) return bad(address);
  let rect: Rect;
  if (p.kind === "col") {
    const c0 = Math.min(p.c, q.c);
    rect = { r: 0, c: c0, rows: MAX_ROWS, cols: Math.abs(p.c - q.c) + 1 };
  } else if (p.kind === "row") {
    const r0 = Math.min(p.r, q.r);
    rect = { r: r0, c: 0, rows: Math.abs(p.r - q.r) + 1, cols: MAX_COLS };
  } else {
    const r0 = Math.min(p.r, q.r);
    const c0 = Math.min(p.c, q.c);
    rect = { r: r0, c: c0, rows: Math.abs(p.r - q.r) + 1, cols: Math.abs(p.c - q.c) + 1 };
  }
  if (rect.r < 0 || rect.c < 0 || rect.r + rect.rows > MAX_ROWS || rect.c + rect.cols > MAX_COLS) return bad(address);
  return { sheet, rect };
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = Math.max(a.r, b.r);
  const c = Math.max(a.c, b.c);
  const r2 = Math.min(a.r + a.rows, b.r + b.rows);
  const c2 = Math.min(a.c + a.cols, b.c + b.cols);
  if (r2 <= r || c2 <= c) return null;
  return { r, c, rows: r2 - r, cols: c2 - c };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r >= outer.r && inner.c >= outer.c && inner.r + inner.rows <= outer.r + outer.rows && inner.c + inner.cols <= outer.c + outer.cols;
}

export function cellIn(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r && r < rect.r + rect.rows && c >= rect.c && c < rect.c + rect.cols;
}
