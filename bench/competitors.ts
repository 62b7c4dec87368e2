/**
 * The engines the ABC classification is compared with. Each delivers what the engine's two functions
 * return, from the same 2-D arrays: the per-row class column of KAM.ABC and the ABC table of
 * KAM.ABCTABLE (rank, customer, amount, share, cumulative share, class), so the bench compares like
 * with like and checks that all agree. The rules are SPEC §3's: amounts summed per customer; negative
 * totals are C and left out of the total; sorted by amount descending then name; class by the
 * cumulative share before the customer (prior < a → A, prior < a + b → B, else C); equal amounts
 * take the class of the first of them; zero is C.
 */
import { DuckDBConnection, DuckDBDataChunk, DOUBLE, VARCHAR } from "@duckdb/node-api";
import * as aq from "arquero";
import { ABC_CLASSES } from "../src/domain/abc";

const EPS = 1e-12;

/** The single-column 2-D arrays Excel hands a function. */
type Column2D = readonly (readonly unknown[])[];

/** The least work any correct implementation does: sum per customer into a Map, sort the totals. */
export function floor(customers: Column2D, amounts: Column2D): number {
  const totals = new Map<string, number>();
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i][0] as string;
    totals.set(c, (totals.get(c) ?? 0) + (amounts[i][0] as number));
  }
  const sorted = Float64Array.from(totals.values()).sort();
  return sorted.length;
}

const ODD: readonly unknown[] = ["A"];
const EVEN: readonly unknown[] = ["B"];

/**
 * Not a classification: what reading the input and writing a per-row column cost on their own. It
 * reads every amount and every character of every customer, and writes a column of shared one-cell
 * rows chosen by a running checksum (so no read can be skipped), without grouping anything. No
 * engine that returns KAM.ABC's column can take less; on this machine most of it is page faults
 * (the input moved by the collector, the fresh result array).
 */
export function readAndWrite(customers: Column2D, amounts: Column2D): unknown[][] {
  const n = amounts.length;
  const out: (readonly unknown[])[] = new Array(n);
  let h = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = customers[i][0] as string;
    sum += amounts[i][0] as number;
    for (let j = 0; j < c.length; j++) h = (h + c.charCodeAt(j)) | 0;
    out[i] = h & 1 ? ODD : EVEN;
  }
  if (sum !== sum) out[0] = [h];
  return out as unknown[][];
}

/** The sales rows into DuckDB's table `sales` through the data-chunk appender. */
async function duckdbLoad(conn: DuckDBConnection, customers: Column2D, amounts: Column2D): Promise<void> {
  await conn.run("CREATE OR REPLACE TABLE sales (customer VARCHAR, amount DOUBLE)");
  const appender = await conn.createAppender("sales");
  const CHUNK = 2048;
  const n = customers.length;
  const cust: string[] = new Array(CHUNK);
  const amt: number[] = new Array(CHUNK);
  for (let start = 0; start < n; start += CHUNK) {
    const len = Math.min(CHUNK, n - start);
    cust.length = len;
    amt.length = len;
    for (let j = 0; j < len; j++) {
      cust[j] = customers[start + j][0] as string;
      amt[j] = amounts[start + j][0] as number;
    }
    const chunk = DuckDBDataChunk.create([VARCHAR, DOUBLE], len);
    chunk.setColumns([cust, amt]);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

/**
 * SPEC §3 in SQL over `sales`: GROUP BY, a window cumulative sum, CASE for the class. The common
 * table expressions end in `classed` (customer, amount, cum: the running positive sum through the
 * customer, rank, class code 0/1/2 for A/B/C) and `tot` (the total of the positive amounts).
 */
function duckdbClassedSql(a: number, b: number): string {
  return `
    WITH t AS (SELECT customer, SUM(amount) AS amount FROM sales GROUP BY customer),
    tot AS (SELECT SUM(amount) FILTER (WHERE amount > 0) AS total FROM t),
    ranked AS (
      SELECT customer, amount,
        SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) OVER w AS cum,
        ROW_NUMBER() OVER w AS rank
      FROM t WINDOW w AS (ORDER BY amount DESC, customer)),
    tied AS (
      SELECT customer, amount, cum, rank,
        MIN(cum - CASE WHEN amount > 0 THEN amount ELSE 0 END) OVER (PARTITION BY amount) AS prior
      FROM ranked),
    classed AS (
      SELECT customer, amount, cum, rank,
        (CASE WHEN amount <= 0 THEN 2
              WHEN prior / total < ${a} - ${EPS} THEN 0
              WHEN prior / total < ${a + b} - ${EPS} THEN 1
              ELSE 2 END)::UTINYINT AS code
      FROM tied, tot)`;
}

/** The class letters by code (0/1/2 in the SQL above), the add-in's own. */
const CLASS_OF_CODE = ABC_CLASSES;

/** DuckDB: the rows loaded, classified in SQL, and each row's class (what KAM.ABC returns). */
export async function duckdbColumn(conn: DuckDBConnection, customers: Column2D, amounts: Column2D, a: number, b: number): Promise<unknown[][]> {
  await duckdbLoad(conn, customers, amounts);
  // The classes joined back to the rows in SQL and read in row order as small codes: faster than
  // reading the classes per customer and looking each row's name up in a JavaScript Map (medians
  // of 11: 0.98 s against 1.02 s at 1,048,576 rows, 120 ms against 143 ms at 100,000).
  const reader = await conn.runAndReadAll(`${duckdbClassedSql(a, b)}
    SELECT classed.code FROM sales JOIN classed USING (customer) ORDER BY sales.rowid`);
  const codes = reader.getColumns()[0] as number[];
  const byCode = CLASS_OF_CODE.map((k) => [k]);
  const n = codes.length;
  const out: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = byCode[codes[i]];
  return out;
}

/**
 * DuckDB: the rows loaded and the ABC table KAM.ABCTABLE returns (rank, customer, amount, share,
 * cumulative share, class) computed in SQL, as rows.
 */
export async function duckdbTable(conn: DuckDBConnection, customers: Column2D, amounts: Column2D, a: number, b: number): Promise<unknown[][]> {
  await duckdbLoad(conn, customers, amounts);
  const reader = await conn.runAndReadAll(`${duckdbClassedSql(a, b)}
    SELECT rank::INTEGER, customer, amount, amount / total, LEAST(cum / total, 1), ['A', 'B', 'C'][code + 1]
    FROM classed, tot ORDER BY rank`);
  return reader.getRows() as unknown[][];
}

/**
 * Arquero: the same pipeline with its verbs — the ABC table (customer, amount, group: the
 * customer's groupby index, cum: the running positive sum through the row, prior: the tie group's
 * sum before it, class) in rank order, the total of the positive amounts, and each sales row's
 * group index.
 */
function arqueroClassed(customers: Column2D, amounts: Column2D, a: number, b: number): { table: aq.ColumnTable; total: number; groupOfRow: ArrayLike<number> } {
  const n = customers.length;
  const cust: string[] = new Array(n);
  const amt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cust[i] = customers[i][0] as string;
    amt[i] = amounts[i][0] as number;
  }
  const byCustomer = aq.table({ customer: cust, amount: amt }).groupby("customer");
  // Each row's group (customer) index, and each group's index kept through the ordering (rollup
  // lists the groups in index order), so the classes go back to the rows without a lookup by name.
  const groupOfRow = byCustomer.groups().keys;
  const grouped = byCustomer
    .rollup({ amount: aq.op.sum("amount") })
    .derive({ group: () => aq.op.row_number() - 1 })
    .orderby(aq.desc("amount"), "customer");
  const total = grouped.filter((d: { amount: number }) => d.amount > 0).rollup({ t: aq.op.sum("amount") }).get("t", 0) as number;
  const table = grouped
    .derive({ pos: (d: { amount: number }) => (d.amount > 0 ? d.amount : 0) })
    // A running sum including the current row, minus the row: arquero's [-Infinity, -1] frame does
    // not exclude the current row from an aggregate, as a check against DuckDB showed.
    .derive({ cum: aq.rolling((d: { pos: number }) => aq.op.sum(d.pos)) })
    .derive({ prior: (d: { cum: number; pos: number }) => d.cum - d.pos })
    .groupby("amount")
    .derive({ prior: (d: { prior: number }) => aq.op.min(d.prior) })
    .ungroup()
    .params({ total, a: a - EPS, ab: a + b - EPS })
    .derive({
      class: (d: { amount: number; prior: number }, $: { total: number; a: number; ab: number }) =>
        d.amount <= 0 ? "C" : d.prior / $.total < $.a ? "A" : d.prior / $.total < $.ab ? "B" : "C",
    });
  return { table, total, groupOfRow };
}

/** Arquero: each row's class (what KAM.ABC returns). */
export function arqueroColumn(customers: Column2D, amounts: Column2D, a: number, b: number): unknown[][] {
  const { table, groupOfRow } = arqueroClassed(customers, amounts, a, b);
  // Back to the rows through the groupby's per-row group indices: faster than Arquero's lookup
  // verb or a Map from names.
  const byClass = new Map<string, unknown[]>(CLASS_OF_CODE.map((k) => [k, [k]]));
  const gs = table.array("group") as ArrayLike<number>;
  const ks = table.array("class") as string[];
  const rowOfGroup: unknown[][] = new Array(gs.length);
  for (let i = 0; i < gs.length; i++) rowOfGroup[gs[i]] = byClass.get(ks[i]) as unknown[];
  const n = groupOfRow.length;
  const out: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rowOfGroup[groupOfRow[i]];
  return out;
}

/** Arquero: the ABC table KAM.ABCTABLE returns, as rows. */
export function arqueroTable(customers: Column2D, amounts: Column2D, a: number, b: number): unknown[][] {
  const { table, total } = arqueroClassed(customers, amounts, a, b);
  const cs = table.array("customer") as string[];
  const xs = table.array("amount") as ArrayLike<number>;
  const cum = table.array("cum") as ArrayLike<number>;
  const ks = table.array("class") as string[];
  const out: unknown[][] = new Array(cs.length);
  for (let i = 0; i < cs.length; i++) out[i] = [i + 1, cs[i], xs[i], xs[i] / total, Math.min(cum[i] / total, 1), ks[i]];
  return out;
}
