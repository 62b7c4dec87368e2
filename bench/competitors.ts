/**
 * The engines the ABC classification is compared with. Each returns the class per customer so the
 * bench can check that all agree. The rules are SPEC §3's: amounts summed per customer; negative
 * totals are C and left out of the total; sorted by amount descending then name; class by the
 * cumulative share before the customer (prior < a → A, prior < a + b → B, else C); equal amounts
 * take the class of the first of them; zero is C.
 */
import { DuckDBConnection, DuckDBDataChunk, DOUBLE, VARCHAR } from "@duckdb/node-api";
import * as aq from "arquero";

export type ClassMap = Map<string, string>;

const EPS = 1e-12;

/** The least work any correct implementation does: sum per customer into a Map, sort the totals. */
export function floor(customers: readonly (readonly unknown[])[], amounts: readonly (readonly unknown[])[]): number {
  const totals = new Map<string, number>();
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i][0] as string;
    totals.set(c, (totals.get(c) ?? 0) + (amounts[i][0] as number));
  }
  const sorted = Float64Array.from(totals.values()).sort();
  return sorted.length;
}

export async function duckdbAbc(
  conn: DuckDBConnection,
  customers: readonly (readonly unknown[])[],
  amounts: readonly (readonly unknown[])[],
  a: number,
  b: number,
): Promise<ClassMap> {
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
  const reader = await conn.runAndReadAll(`
    WITH t AS (SELECT customer, SUM(amount) AS amount FROM sales GROUP BY customer),
    tot AS (SELECT SUM(amount) FILTER (WHERE amount > 0) AS total FROM t),
    ranked AS (
      SELECT customer, amount,
        COALESCE(SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) OVER (
          ORDER BY amount DESC, customer ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS prior
      FROM t),
    tied AS (SELECT customer, amount, MIN(prior) OVER (PARTITION BY amount) AS prior FROM ranked)
    SELECT customer,
      CASE WHEN amount <= 0 THEN 'C'
           WHEN prior / total < ${a} - ${EPS} THEN 'A'
           WHEN prior / total < ${a + b} - ${EPS} THEN 'B'
           ELSE 'C' END AS class
    FROM tied, tot
    ORDER BY amount DESC, customer`);
  const rows = reader.getRows();
  const out: ClassMap = new Map();
  for (const r of rows) out.set(r[0] as string, r[1] as string);
  return out;
}

export function arqueroAbc(
  customers: readonly (readonly unknown[])[],
  amounts: readonly (readonly unknown[])[],
  a: number,
  b: number,
): ClassMap {
  const n = customers.length;
  const cust: string[] = new Array(n);
  const amt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cust[i] = customers[i][0] as string;
    amt[i] = amounts[i][0] as number;
  }
  const grouped = aq
    .table({ customer: cust, amount: amt })
    .groupby("customer")
    .rollup({ amount: aq.op.sum("amount") })
    .orderby(aq.desc("amount"), "customer");
  const total = grouped.filter((d: { amount: number }) => d.amount > 0).rollup({ t: aq.op.sum("amount") }).get("t", 0) as number;
  const classed = grouped
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
  const out: ClassMap = new Map();
  const cs = classed.array("customer") as string[];
  const ks = classed.array("class") as string[];
  for (let i = 0; i < cs.length; i++) out.set(cs[i], ks[i]);
  return out;
}
