/**
 * Keeping text as text.
 *
 * Excel parses every string written through `range.values` as if typed: a string starting with
 * "=", "+" or "-" becomes a formula (REF range `values`; a customer called `=HYPERLINK(…)` would
 * become a live link), "@SUM(A1)" is read as a formula too, "#N/A" becomes an error, "00123" a
 * number, "2025-01-31" a date, "TRUE" a boolean. No documented API writes literal text
 * (EXCEL-BEHAVIOUR §3), and a leading apostrophe is not documented for the API either.
 *
 * Method [chosen]: give exactly the cells that receive such a string the number format "@" (Text),
 * in the same batch and BEFORE the values command. A Text-formatted cell stores what is entered
 * verbatim, the same rule as typing into it; the batch runs its commands in order, so the format
 * is in place when the value arrives. Cells that receive ordinary text or numbers keep their own
 * format, and the format travels with the cell, so re-entering the text later keeps it text too.
 * `valuesAsJson` (1.16) would avoid touching formats but would raise the host's minimum API.
 */

/** True when Excel would not keep `s` verbatim if it were typed into a General cell. */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  // Formula prefixes (= + -), Lotus "@", the apostrophe prefix and error literals (#N/A …).
  if ("=+-@'#".includes(s[0])) return true;
  // Numbers, dates, times, fractions, percentages and amounts all contain a digit.
  if (/\d/.test(s)) return true;
  return /^\s*(true|false)\s*$/i.test(s);
}

/** One column's number formats for a run of rows: the column format, "@" where text must stay text. */
export interface ColumnFormatWrite {
  /** Row offset inside the chunk. */
  readonly row: number;
  readonly formats: readonly (readonly [string | null])[];
}

const COMMAND_BYTES = 160;

/**
 * The numberFormat writes one column of a chunk needs. With a column format, the whole column is
 * written (text cells get "@"). Without one, only the text cells are: as runs of consecutive rows,
 * or as one array with null ("leave unchanged") elsewhere, whichever is smaller.
 */
export function columnFormatWrites(values: readonly unknown[], columnFormat: string | null | undefined): ColumnFormatWrite[] {
  const text = values.map((v) => typeof v === "string" && needsTextFormat(v));
  if (columnFormat) return [{ row: 0, formats: values.map((_, i) => [text[i] ? "@" : columnFormat] as const) }];
  if (!text.includes(true)) return [];
  const runs: { row: number; length: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!text[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last.row + last.length === i) last.length++;
    else runs.push({ row: i, length: 1 });
  }
  const runBytes = runs.reduce((n, r) => n + COMMAND_BYTES + r.length * 6, 0);
  const fullBytes = COMMAND_BYTES + values.length * 6 + text.filter((t) => !t).length * 3;
  if (fullBytes < runBytes) return [{ row: 0, formats: text.map((t) => [t ? "@" : null] as const) }];
  return runs.map((r) => ({ row: r.row, formats: Array.from({ length: r.length }, () => ["@"] as const) }));
}
