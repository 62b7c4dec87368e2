/**
 * What Excel hands a custom function, made predictable. A range argument arrives as a 2-D array
 * (one inner array per row), an omitted optional argument as null, an empty cell as "" or null —
 * and as 0 inside a range on some Excel builds (EXCEL-BEHAVIOUR §12). Range arguments are declared
 * `any[][]`, so in practice (and in tests) anything can arrive; these helpers turn it into rows
 * without copying when it already is rows, because a range can hold 1,048,576 of them.
 */
import { ok, failWith, type Msg, type Result } from "../domain/errors";
import { argumentEmpty, argumentMissing, notOneColumn, notSingleValue } from "./messages";

export type Rows = readonly (readonly unknown[])[];

/**
 * Looked up once: a global looked up inside a loop over a million rows is slow wherever the
 * global object is a proxy (node's vm contexts, hence jest), and costs nothing to avoid.
 */
const isArray = Array.isArray;

/** An optional argument the user left out. */
export function isOmitted(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** A range argument as rows: a lone value is a 1×1 range, a flat list is one row. */
export function asRows(v: unknown, arg: Msg): Result<Rows> {
  if (isOmitted(v)) return failWith(argumentMissing(arg));
  if (!Array.isArray(v)) return ok([[v]]);
  if (v.length === 0) return failWith(argumentEmpty(arg));
  let arrays = 0;
  for (let i = 0; i < v.length; i++) if (isArray(v[i])) arrays++;
  if (arrays === v.length) return ok(v as Rows);
  if (arrays === 0) return ok([v]);
  return ok(v.map((e: unknown) => (Array.isArray(e) ? e : [e])));
}

/** The widest row (Excel ranges are rectangular; a hand-made array may not be). */
export function width(rows: Rows): number {
  let w = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i].length > w) w = rows[i].length;
  return w;
}

export interface Column {
  /** One value per row, each row an array of one cell — the shape Excel passes for a column. */
  readonly cells: Rows;
  /** How the user laid the values out, so a result can be laid out the same way. */
  readonly orientation: "column" | "row";
}

/**
 * `asColumn` for a caller that reads every row anyway: a range that looks like a column (more than
 * one row, the first one cell wide) is passed on without a look at the other rows, and the caller
 * checks each row's width as it reads it, answering a wide one with `notOneColumn`. At a million
 * rows that saves a pass over the range.
 */
export function asColumnCheckedByCaller(v: unknown, arg: Msg): Result<Column> {
  if (Array.isArray(v) && v.length > 1) {
    const first: unknown = v[0];
    if (isArray(first) && first.length === 1) return ok({ cells: v as Rows, orientation: "column" });
  }
  return asColumn(v, arg);
}

/** An argument that must be one column; a single row is read as a column. */
export function asColumn(v: unknown, arg: Msg): Result<Column> {
  // The common case, a column range of any height, is checked in one pass and passed on as it is.
  if (Array.isArray(v) && v.length > 1) {
    let i = 0;
    for (; i < v.length; i++) {
      const row: unknown = v[i];
      if (!isArray(row) || row.length !== 1) break;
    }
    if (i === v.length) return ok({ cells: v as Rows, orientation: "column" });
  }
  const r = asRows(v, arg);
  if (!r.ok) return r;
  const rows = r.value;
  if (rows.length === 1) {
    const only = rows[0];
    if (only.length === 0) return failWith(argumentEmpty(arg));
    if (only.length === 1) return ok({ cells: rows, orientation: "column" });
    return ok({ cells: only.map((x) => [x]), orientation: "row" });
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== 1) return failWith(notOneColumn(arg, rows.length, width(rows)));
  }
  return ok({ cells: rows, orientation: "column" });
}

/** A single row or a single column as a flat list (small arguments such as weights). */
export function asList(v: unknown, arg: Msg): Result<readonly unknown[]> {
  const r = asRows(v, arg);
  if (!r.ok) return r;
  const rows = r.value;
  if (rows.length === 1) return rows[0].length === 0 ? failWith(argumentEmpty(arg)) : ok(rows[0]);
  const list: unknown[] = [];
  for (const row of rows) {
    if (row.length !== 1) return failWith(notOneColumn(arg, rows.length, width(rows)));
    list.push(row[0]);
  }
  return ok(list);
}

/**
 * A single-value argument. Excel passes a value, but a 1×1 range may arrive as [[v]]; a bigger
 * range is a mistake worth naming. An omitted argument gives undefined.
 */
export function asScalar(v: unknown, arg: Msg): Result<unknown> {
  if (isOmitted(v)) return ok(undefined);
  if (!Array.isArray(v)) return ok(v);
  const r = asRows(v, arg);
  if (!r.ok) return r;
  const rows = r.value;
  if (rows.length === 1 && rows[0].length === 1) return ok(isOmitted(rows[0][0]) ? undefined : rows[0][0]);
  return failWith(notSingleValue(arg, rows.length, width(rows)));
}
