/**
 * Names Excel accepts for sheets and tables. A plan asks for a name; the file host turns it into one
 * Excel will open without a repair prompt, and makes it unique in the workbook (Excel compares
 * names without regard to case).
 */

const SHEET_MAX = 31;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
const FORBIDDEN_SHEET_CHARS = /[/\\?*:[\]\u0000-\u001F]/g;

function fold(s: string): string {
  return s.toLocaleUpperCase("en-US");
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

/**
 * A legal, unused sheet name close to `desired`: forbidden characters (/ \ ? * : [ ]) become "_",
 * apostrophes at either end are dropped, "History" (reserved by Excel) and blanks are replaced,
 * at most 31 characters, and " (2)", " (3)"… is appended when the name is taken.
 */
export function safeSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, fold));
  let base = desired.replace(FORBIDDEN_SHEET_CHARS, "_").trim().replace(/^'+|'+$/g, "").trim();
  if (base === "") base = "Sheet";
  if (fold(base) === "HISTORY") base = "History_";
  base = cut(base, SHEET_MAX).replace(/'+$/, "");
  if (!used.has(fold(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cut(base, SHEET_MAX - suffix.length).replace(/'+$/, "") + suffix;
    if (!used.has(fold(candidate))) return candidate;
  }
}

const TABLE_MAX = 255;

/** Looks like a cell address in A1 (A1, XFD1048576) or R1C1 (R, C, R1C1, RC2) style: Excel refuses such names. */
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/**
 * A legal, unused table name close to `desired`: letters (any script), digits, "_" and "." only,
 * starting with a letter or "_", not a cell reference, at most 255 characters; "_2", "_3"… when taken.
 * `taken` must include defined names too: tables and names share one namespace.
 */
export function safeTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, fold));
  let base = desired.normalize("NFKC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (base === "" || !/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (looksLikeReference(base)) base = `_${base}`;
  base = cut(base, TABLE_MAX);
  if (!used.has(fold(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = cut(base, TABLE_MAX - suffix.length) + suffix;
    if (!used.has(fold(candidate))) return candidate;
  }
}

/**
 * Header texts for an Excel table: every header must be non-empty text and unique within the table
 * (ignoring case), as Excel itself enforces — it renames "Amount", "Amount" to "Amount", "Amount2"
 * and fills blanks with "Column1"… Line breaks become spaces because the table's column name must
 * equal the cell text exactly.
 */
export function tableHeaders(values: readonly unknown[]): string[] {
  const used = new Set<string>();
  return values.map((v, i) => {
    let base = v === null || v === undefined ? "" : String(v).replace(/[\r\n\t]+/g, " ").trim();
    if (base === "") base = `Column${i + 1}`;
    let name = base;
    for (let n = 2; used.has(fold(name)); n++) name = `${base}${n}`;
    used.add(fold(name));
    return name;
  });
}
