/**
 * Benchmark data: transaction rows of (customer, amount) drawn with a fixed seed from about 50,000
 * customers with a skewed (Zipf-like) distribution and about 2 % negative amounts (returns).
 * Amounts are whole currency units so every engine's sums are exact and classes can be compared
 * exactly, whatever order an engine adds in.
 */
export const CUSTOMERS = 50_000;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SalesData {
  readonly rows: number;
  /** Customer id per row (0-based). */
  readonly customerIds: Int32Array;
  readonly amounts: Float64Array;
}

export function makeSales(rows: number, seed = 20261123): SalesData {
  const rnd = mulberry32(seed);
  // Zipf-like weights 1 / (k + 10)^1.1, sampled through a cumulative table and binary search.
  const cum = new Float64Array(CUSTOMERS);
  let acc = 0;
  for (let k = 0; k < CUSTOMERS; k++) {
    acc += 1 / Math.pow(k + 10, 1.1);
    cum[k] = acc;
  }
  const customerIds = new Int32Array(rows);
  const amounts = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = rnd() * acc;
    let lo = 0;
    let hi = CUSTOMERS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    // Shuffle ids so the largest customers are not the first names alphabetically.
    customerIds[i] = (lo * 7919) % CUSTOMERS;
    const base = Math.round(100 + Math.exp(rnd() * 9));
    amounts[i] = rnd() < 0.02 ? -base : base;
  }
  return { rows, customerIds, amounts };
}

/**
 * The 2-D arrays Excel hands a custom function: one row array per cell row. Excel's runtime delivers
 * arguments as JSON, so the arrays are made the same way, afresh for each call: every customer string
 * is a new flat string whose hash no engine has computed yet (no run profits from a run before it).
 */
export function excelColumns(d: SalesData): { customers: string[][]; amounts: number[][] } {
  const CHUNK = 65536;
  const customers: string[][] = [];
  for (let start = 0; start < d.rows; start += CHUNK) {
    const end = Math.min(d.rows, start + CHUNK);
    const parts: string[] = new Array(end - start);
    for (let i = start; i < end; i++) parts[i - start] = `["${customerName(d.customerIds[i])}"]`;
    const rows = JSON.parse(`[${parts.join(",")}]`) as string[][];
    for (const r of rows) customers.push(r);
  }
  const amounts: number[][] = new Array(d.rows);
  for (let i = 0; i < d.rows; i++) amounts[i] = [d.amounts[i]];
  return { customers, amounts };
}

export function customerName(id: number): string {
  return `Customer ${String(id).padStart(5, "0")}`;
}
