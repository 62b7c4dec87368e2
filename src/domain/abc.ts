/**
 * SPEC §3 — ABC classification (ABC分析法): customers sorted by amount, classed by the cumulative
 * share before them. `abcFromColumns` runs on whole worksheet columns (up to 1,048,576 rows), so it
 * aggregates in one pass into typed arrays, allocates nothing per row on the common path and sorts
 * customers, not rows.
 */
import { atRow, fail, ok, type KamError, type Msg, type Result } from "./errors";
import type { ParseableLabel } from "./labels";
import { describeValue, formatNumber, isBlank, toNumber } from "./values";

export type AbcClass = "A" | "B" | "C";

export const ABC_CLASSES: readonly AbcClass[] = ["A", "B", "C"];

export const ABC_CLASS_LABELS: Readonly<Record<AbcClass, ParseableLabel>> = {
  A: { en: "A", zh: "A类", aliases: ["Class A", "A 类", "A级"] },
  B: { en: "B", zh: "B类", aliases: ["Class B", "B 类", "B级"] },
  C: { en: "C", zh: "C类", aliases: ["Class C", "C 类", "C级"] },
};

export interface AbcThresholds {
  /** Share of the total that class A covers (default 0.55). */
  a: number;
  /** Share of the total that class B covers after A (default 0.30, so the B line is at a + b). */
  b: number;
}

export interface AbcRow {
  rank: number;
  customer: string;
  amount: number;
  share: number;
  cumulativeShare: number;
  class: AbcClass;
}

export interface AbcSummaryRow {
  class: AbcClass;
  customers: number;
  amount: number;
  customerShare: number;
  amountShare: number;
}

export interface AbcResult {
  /** One row per customer, in rank order. */
  rows: AbcRow[];
  /** Always three rows: A, B, C. */
  summary: AbcSummaryRow[];
  /** The total the shares are taken of: the sum of the positive customer amounts (SPEC §3.6). */
  total: number;
  warnings: Msg[];
}

/**
 * A prior share computed as a running sum of amounts may land a hair off a line it sits on
 * exactly; within this distance it counts as on the line, i.e. in the lower class.
 */
const LINE_TOLERANCE = 1e-12;

/** How many names or rows a warning lists before "and N more". */
const WARNING_LIST_LIMIT = 10;

const CLASS_OF_CODE: readonly AbcClass[] = ["A", "B", "C"];
const CODE_A = 0;
const CODE_B = 1;
const CODE_C = 2;

const AMOUNT: Msg = { en: "amount", zh: "金额" };
const CUSTOMER: Msg = { en: "customer", zh: "客户" };

// ───────────────────────────── thresholds ─────────────────────────────

function pct(x: number): string {
  return `${formatNumber(x * 100)} %`;
}

/**
 * SPEC §3.7: 0 < a < a + b ≤ 1, given as fractions (0.55) or percent text ("55%"). A whole number
 * such as 55 is rejected with a hint rather than guessed to mean 55 %.
 */
export function validateThresholds(a: unknown, b: unknown): Result<AbcThresholds> {
  const A: Msg = { en: "the A share", zh: "A 类占比" };
  const B: Msg = { en: "the B share", zh: "B 类占比" };
  const hint = { en: "write 55 % as 0.55 or 55%", zh: "55% 请写作 0.55 或 55%" };
  const ra = toNumber(a, A);
  if (!ra.ok) return ra;
  const rb = toNumber(b, B);
  if (!rb.ok) return rb;
  const x = ra.value;
  const y = rb.value;
  if (!(x > 0)) {
    return fail("abc_a_range", "invalid", `${A.en} must be above 0 %, got ${formatNumber(x)}`, `${A.zh}必须大于 0%，而不是 ${formatNumber(x)}`);
  }
  if (!(x < 1)) {
    return fail(
      "abc_a_range",
      "invalid",
      `${A.en} must be below 100 %, got ${formatNumber(x)} (${hint.en})`,
      `${A.zh}必须小于 100%，而不是 ${formatNumber(x)}（${hint.zh}）`,
    );
  }
  if (!(y > 0)) {
    return fail("abc_b_range", "invalid", `${B.en} must be above 0 %, got ${formatNumber(y)}`, `${B.zh}必须大于 0%，而不是 ${formatNumber(y)}`);
  }
  if (x + y > 1 + LINE_TOLERANCE) {
    return fail(
      "abc_sum_range",
      "invalid",
      `A + B must not exceed 100 %, got ${pct(x)} + ${pct(y)} = ${pct(x + y)}${y >= 1 ? ` (${hint.en})` : ""}`,
      `A + B 不能超过 100%，实际为 ${pct(x)} + ${pct(y)} = ${pct(x + y)}${y >= 1 ? `（${hint.zh}）` : ""}`,
    );
  }
  return ok({ a: x, b: y });
}

// ───────────────────────────── ranking core ─────────────────────────────

/**
 * Customer totals rounded to 15 significant digits (what Excel displays) [chosen, SPEC §3.5], so
 * that amounts a user sees as equal are equal (0.1 + 0.2 = 0.3) and share a class, and sums do not
 * depend on the order of the rows. Integers are exact already and skip the work.
 */
function roundTotal(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const ax = Math.abs(x);
  const decimals = 15 - (Math.floor(Math.log10(ax)) + 1);
  if (decimals <= 0) return x;
  if (decimals > 22) return Number(x.toPrecision(15));
  const f = Math.pow(10, decimals);
  const r = Math.round(ax * f) / f;
  return x < 0 ? -r : r;
}

function listed(items: readonly string[], total: number): Msg {
  const head = items.slice(0, WARNING_LIST_LIMIT);
  const more = total - head.length;
  return {
    en: head.join(", ") + (more > 0 ? ` and ${more} more` : ""),
    zh: head.join("、") + (more > 0 ? ` 等另外 ${more} 个` : ""),
  };
}

/**
 * Working memory kept from one call to the next, by role. A recalculation then writes into memory
 * it has touched before instead of fresh memory, which costs a page fault per 4 KB on first touch
 * (at 100,000 rows that was a quarter of the time). Only arrays that no result keeps are pooled,
 * nothing here is read before it is written (or zeroed), and nothing larger than POOL_LIMIT is
 * kept. The classification is synchronous and never re-entered, so one set suffices.
 */
const POOL_LIMIT = 16 * 1024 * 1024;
const POOL_SLOTS = 0;
const POOL_RECORDS = 1;
const POOL_HI = 2;
const POOL_LO = 3;
const POOL_SPARE = 4;
const pool: (ArrayBuffer | null)[] = [null, null, null, null, null];

/** An ArrayBuffer of at least `bytes` for `role`: the kept one if big enough, else a new one (kept if small enough). */
function pooled(role: number, bytes: number): ArrayBuffer {
  const kept = pool[role];
  if (kept !== null && kept.byteLength >= bytes) return kept;
  return replacement(role, bytes);
}

/** The size of the buffer kept for `role` (0 if none). */
function pooledBytes(role: number): number {
  return pool[role]?.byteLength ?? 0;
}

/** A new ArrayBuffer for `role` (its pooled one was too small), kept in the pool's place if small enough. */
function replacement(role: number, bytes: number): ArrayBuffer {
  const fresh = new ArrayBuffer(bytes);
  if (bytes <= POOL_LIMIT) pool[role] = fresh;
  return fresh;
}

/** A pooled Int32Array of `length` (zeroed if asked: pooled memory holds the last call's values). */
function pooledInt32(role: number, length: number, zero: boolean): Int32Array {
  const a = new Int32Array(pooled(role, 4 * length), 0, length);
  if (zero) a.fill(0);
  return a;
}

function pooledUint32(role: number, length: number): Uint32Array {
  return new Uint32Array(pooled(role, 4 * length), 0, length);
}

/** Runs of equal amounts up to this length are ordered by insertion sort. */
const SMALL_RUN = 16;

/**
 * Whether a customer's total counts towards the total the shares are taken of (SPEC §3.6): positive
 * and finite. The classes, the total, the cumulative shares and the late tie ordering all ask this.
 */
function countsToTotal(x: number): boolean {
  return x > 0 && x !== Infinity;
}

/** Whether typed arrays store the low half of a double first (true on every platform Excel runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Customer indices in rank order: amount descending, ties by name in code-unit order (or by index).
 * An LSD radix sort over the bits of each amount (8 passes of one byte; passes where every key has
 * the same byte are skipped) ranks 50,000 customers in a fraction of what a comparison sort takes;
 * only runs of equal amounts are then sorted by name (with `allTies` false, only those `orderTies`
 * must order; `tiesLeft` says whether any were left). Non-finite totals (absurd inputs such as
 * 1e308 + 1e308) rank last.
 */
function rankOrder(
  totals: Float64Array,
  count: number,
  names: readonly string[],
  tieByIndex: boolean,
  records: Int32Array | null,
  allTies: boolean,
): { order: Uint32Array; tiesLeft: boolean } {
  // Map each double to an unsigned 64-bit key (hi, lo) whose ascending order is descending amount.
  const hi = pooledUint32(POOL_HI, count);
  const lo = pooledUint32(POOL_LO, count);
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  for (let i = 0; i < count; i++) {
    const x = totals[i];
    f[0] = x - x === 0 ? x + 0 : -Infinity; // + 0 turns -0 into 0
    let h = u[H];
    let l = u[L];
    // IEEE order → unsigned order: negatives flip every bit, positives flip the sign bit;
    // then every bit is flipped once more for descending order.
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }

  // All eight byte histograms in one read of the keys.
  const hist = new Uint32Array(8 * 256);
  for (let i = 0; i < count; i++) {
    const l = lo[i];
    const h = hi[i];
    hist[l & 255]++;
    hist[256 + ((l >>> 8) & 255)]++;
    hist[512 + ((l >>> 16) & 255)]++;
    hist[768 + (l >>> 24)]++;
    hist[1024 + (h & 255)]++;
    hist[1280 + ((h >>> 8) & 255)]++;
    hist[1536 + ((h >>> 16) & 255)]++;
    hist[1792 + (h >>> 24)]++;
  }
  // `order` is the caller's to keep; `spare` is pooled, and the result is copied back into `order`
  // if it ends up there.
  const result = new Uint32Array(count);
  let order: Uint32Array = result;
  for (let i = 0; i < count; i++) order[i] = i;
  let spare = pooledUint32(POOL_SPARE, count);
  for (let pass = 0; pass < 8 && count > 1; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    const base = pass * 256;
    if (hist[base + ((word[0] >>> shift) & 255)] === count) continue; // every key has this byte
    let sum = 0;
    for (let b = base; b < base + 256; b++) {
      const c = hist[b];
      hist[b] = sum;
      sum += c;
    }
    for (let r = 0; r < count; r++) {
      const i = order[r];
      spare[hist[base + ((word[i] >>> shift) & 255)]++] = i;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  if (order !== result) {
    result.set(order);
    order = result;
  }

  // The radix sort is stable, so equal amounts are already in index order.
  let tiesLeft = false;
  if (!tieByIndex) {
    tiesLeft = orderTies(order, hi, lo, totals, names, records, allTies ? "all" : "notPositive");
  }
  return { order, tiesLeft };
}

/**
 * Which runs of equal amounts `orderTies` puts in name order. "notPositive": only runs of amounts
 * that are not above zero (or not finite): the warnings name customers from those, while a run of
 * equal positive amounts shares one class and its cumulative shares by rank (SPEC §3.5), so its
 * order matters only to a caller that lists the rows. "positive": the rest, later, for such a
 * caller.
 */
type TieRuns = "all" | "notPositive" | "positive";

/**
 * Orders the chosen runs of equal amounts in `order` by name, and returns whether runs of positive
 * amounts were left in index order.
 */
function orderTies(
  order: Uint32Array,
  hi: Uint32Array | null,
  lo: Uint32Array | null,
  totals: Float64Array,
  names: readonly string[],
  records: Int32Array | null,
  runs: TieRuns,
): boolean {
  const byName = (p: number, q: number): number => nameOrder(names, records, p, q);
  const count = order.length;
  let left = false;
  let start = 0;
  for (let r = 1; r <= count; r++) {
    if (r < count) {
      // Equal keys (hi, lo) when the radix keys are at hand, else equal totals (only positive
      // totals are ordered then, and for those the two agree).
      const p = order[r];
      const q = order[start];
      if (hi !== null && lo !== null ? hi[p] === hi[q] && lo[p] === lo[q] : totals[p] === totals[q]) continue;
    }
    const run = r - start;
    const x = totals[order[start]];
    const positive = countsToTotal(x);
    if (run > 1 && runs !== "all" && (runs === "positive") !== positive) {
      // Not one of the runs asked for.
      if (positive) left = true;
    } else if (run > SMALL_RUN) order.subarray(start, r).sort(byName);
    else if (run > 1) {
      // Insertion sort: runs of equal amounts are mostly two or three customers long.
      for (let j = start + 1; j < r; j++) {
        const v = order[j];
        let k = j - 1;
        while (k >= start && nameOrder(names, records, order[k], v) > 0) {
          order[k + 1] = order[k];
          k--;
        }
        order[k + 1] = v;
      }
    }
    start = r;
  }
  return left;
}

/**
 * The order of customers p and q by name in code-unit order, then by index. Read from the name
 * records where there are records and both names fit in them (no string compared), else from the
 * strings. Records pack two code units to an int, the first in the high half, so unsigned words
 * compare in code-unit order.
 */
function nameOrder(names: readonly string[], records: Int32Array | null, p: number, q: number): number {
  if (records !== null) {
    const bp = p * RECORD;
    const bq = q * RECORD;
    const lp = records[bp];
    const lq = records[bq];
    if (lp <= RECORD_CHARS && lq <= RECORD_CHARS) {
      const words = (Math.min(lp, lq) + 1) >> 1;
      for (let w = 1; w <= words; w++) {
        const a = records[bp + w] >>> 0;
        const b = records[bq + w] >>> 0;
        if (a !== b) return a < b ? -1 : 1;
      }
      return lp !== lq ? lp - lq : p - q;
    }
  }
  const np = names[p];
  const nq = names[q];
  return np < nq ? -1 : np > nq ? 1 : p - q;
}

/**
 * Rank `count` customers and class them (SPEC §3.2–3.6). `tieByIndex` breaks ties of equal
 * amounts by customer index instead of by name: used when customers are rows named by their row
 * number, where index order is numeric order ("9" before "10"). With `allTies` false, runs of
 * equal positive amounts are put in name order only when the result's rows are first read.
 */
function rankAndClass(
  names: readonly string[],
  totals: Float64Array,
  count: number,
  t: AbcThresholds,
  tieByIndex: boolean,
  records: Int32Array | null = null,
  allTies = true,
): { result: AbcResult; classCode: Uint8Array } {
  for (let i = 0; i < count; i++) totals[i] = roundTotal(totals[i]);

  const { order, tiesLeft } = rankOrder(totals, count, names, tieByIndex, records, allTies);

  // The total of the shares: positive amounts only, added in rank order so the last
  // cumulative share is exactly 1.
  let total = 0;
  for (let r = 0; r < count; r++) {
    const x = totals[order[r]];
    if (!countsToTotal(x)) break;
    total += x;
  }
  const usable = total > 0 && Number.isFinite(total);

  const classCode = new Uint8Array(count);
  const ab = t.a + t.b;
  const counts = [0, 0, 0];
  const amounts = [0, 0, 0];
  // Indices only: a warning names a handful, so only those get formatted.
  const negatives: number[] = [];
  const broken: number[] = [];
  let running = 0;
  let prevAmount = NaN;
  let prevCode = CODE_C;
  for (let r = 0; r < count; r++) {
    const i = order[r];
    const x = totals[i];
    let code: number;
    if (!countsToTotal(x) || !usable) {
      code = CODE_C; // SPEC §3.6: zero and net-negative amounts are C
    } else if (x === prevAmount) {
      code = prevCode; // SPEC §3.5: equal amounts share the class of the first of them
    } else {
      const prior = running / total;
      // SPEC §3.4 [chosen]: class by the share before the customer; the largest is always A.
      code = prior <= 0 || prior < t.a - LINE_TOLERANCE ? CODE_A : prior < ab - LINE_TOLERANCE ? CODE_B : CODE_C;
    }
    if (countsToTotal(x)) running += x;
    prevAmount = x;
    prevCode = code;
    classCode[i] = code;
    const finite = x - x === 0;
    counts[code]++;
    if (finite) amounts[code] += x;
    else broken.push(i);
    if (x < 0 && finite) negatives.push(i);
  }
  const warnings: Msg[] = [];
  if (negatives.length > 0) {
    // Largest returns first: they are the ones worth a look.
    const shown = negatives
      .slice(-WARNING_LIST_LIMIT)
      .reverse()
      .map((i) => `${names[i]} (${formatNumber(totals[i])})`);
    const l = listed(shown, negatives.length);
    warnings.push({
      en: `${negatives.length} customer(s) have a net negative amount (returns exceed sales); they are class C and left out of the total the shares are taken of: ${l.en}`,
      zh: `${negatives.length} 个客户的净金额为负（退货超过销售），归为 C 类，且不计入计算占比的总额：${l.zh}`,
    });
  }
  if (broken.length > 0) {
    const l = listed(
      broken.slice(0, WARNING_LIST_LIMIT).map((i) => names[i]),
      broken.length,
    );
    warnings.push({
      en: `${broken.length} customer(s) have an amount too large to add up; they are class C and left out of the total: ${l.en}`,
      zh: `${broken.length} 个客户的金额过大，无法求和，归为 C 类且不计入总额：${l.zh}`,
    });
  }
  if (count > 0 && !usable) {
    warnings.push(
      total === 0
        ? { en: "no customer has a positive amount, so every customer is class C", zh: "没有客户的金额为正，所有客户均为 C 类" }
        : {
            en: "the amounts add up to more than a number can hold, so every customer is class C",
            zh: "金额总和超出数值范围，所有客户均为 C 类",
          },
    );
  }

  const summary: AbcSummaryRow[] = ABC_CLASSES.map((c, k) => ({
    class: c,
    customers: counts[k],
    // Net amount of the class, so it reconciles with the table; may include net returns in C.
    amount: roundTotal(amounts[k]),
    customerShare: count > 0 ? counts[k] / count : 0,
    amountShare: usable ? amounts[k] / total : 0,
  }));

  const result = new RankedAbc(names, totals, order, tiesLeft, classCode, usable ? total : 0, summary, warnings);
  return { result, classCode };
}

/**
 * An AbcResult whose `rows` are built on first read from the typed arrays of the ranking, their
 * cumulative shares included: KAM.ABC wants the class per customer and never reads them. A class,
 * not an object literal with a getter, so every result has the same shape and compiled code that
 * reads one stays valid for the next.
 */
class RankedAbc implements AbcResult {
  private ranked: AbcRow[] | null = null;

  constructor(
    private readonly names: readonly string[],
    private readonly totals: Float64Array,
    private readonly order: Uint32Array,
    /** Whether runs of equal positive amounts in `order` still wait to be put in name order. */
    private tiesLeft: boolean,
    private readonly classCode: Uint8Array,
    readonly total: number,
    readonly summary: AbcSummaryRow[],
    readonly warnings: Msg[],
  ) {}

  get rows(): AbcRow[] {
    if (this.ranked === null) {
      if (this.tiesLeft) {
        // The name records of the classification may have been reused since: compare the names.
        orderTies(this.order, null, null, this.totals, this.names, null, "positive");
        this.tiesLeft = false;
      }
      const { names, totals, order, classCode, total } = this;
      const count = order.length;
      const rows = new Array<AbcRow>(count);
      // The running share after each rank, summed in rank order as the classes were (ties are
      // runs of equal amounts, so ordering them by name changes no running sum).
      let running = 0;
      for (let r = 0; r < count; r++) {
        const i = order[r];
        const x = totals[i];
        if (countsToTotal(x)) running += x;
        // A net-negative customer does not pull the cumulative share back (SPEC §3.6 [chosen]).
        const cumulative = total > 0 ? Math.min(running / total, 1) : 0;
        rows[r] = {
          rank: r + 1,
          customer: names[i],
          amount: x,
          share: total > 0 && x - x === 0 ? x / total : 0,
          cumulativeShare: cumulative,
          class: CLASS_OF_CODE[classCode[i]],
        };
      }
      this.ranked = rows;
    }
    return this.ranked;
  }
}

/**
 * ABC over customers with their amounts. Amounts of a name given more than once are added up
 * (SPEC §3.1), so the result has one row per distinct name. A non-finite amount makes its
 * customer class C with a warning.
 */
export function abcClassify(customers: readonly string[], amounts: readonly number[], t: AbcThresholds): AbcResult {
  const n = Math.min(customers.length, amounts.length);
  const index = new Map<string, number>();
  const names: string[] = [];
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const name = String(customers[i]);
    let k = index.get(name);
    if (k === undefined) {
      k = names.length;
      index.set(name, k);
      names.push(name);
    }
    totals[k] += amounts[i];
  }
  return rankAndClass(names, totals, names.length, t, false).result;
}

// ───────────────────────────── worksheet columns ─────────────────────────────

/** JS whitespace (what String.prototype.trim removes), tested on one code unit. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A customer cell → its name, or the row's error. Off the hot path: plain names never get here. */
function customerNameOf(v: unknown): string | KamError {
  if (typeof v === "string") {
    const name = v.trim();
    if (name !== "") return name;
  } else if (typeof v === "number" && Number.isFinite(v)) {
    return String(v); // customer numbers are common ids
  }
  if (isBlank(v)) return { code: "missing_customer", kind: "missing", msg: { en: `${CUSTOMER.en} is missing`, zh: `缺少${CUSTOMER.zh}` } };
  const got = describeValue(v);
  return {
    code: "invalid_customer",
    kind: "invalid",
    msg: { en: `${CUSTOMER.en} must be a name or a number, got "${got}"`, zh: `${CUSTOMER.zh}必须是名称或编号，而不是"${got}"` },
  };
}

/**
 * A string hash computed in JavaScript, two UTF-16 code units per step (murmur3's mixing and
 * finaliser). The names Excel hands a function arrive as fresh strings whose hash V8 has not
 * computed; a Map would compute it through a runtime call for every row, which at a million rows
 * costs more than everything else the classification does.
 */
export function nameHash(s: string): number {
  return hashName(s, null);
}

/**
 * `nameHash`, also leaving the name's code units packed two to an int (as in a record) in `words`
 * when the name fits in a record, so the lookup compares ints instead of reading the string again.
 */
function hashName(s: string, words: Int32Array | null): number {
  const len = s.length;
  const keep = words !== null && len <= RECORD_CHARS;
  let h = len ^ 0x9747b28c;
  let j = 0;
  let q = 0;
  for (; j + 1 < len; j += 2) {
    let w = (s.charCodeAt(j) << 16) | s.charCodeAt(j + 1);
    if (keep) (words as Int32Array)[q++] = w;
    w = Math.imul(w, 0xcc9e2d51);
    w = (w << 15) | (w >>> 17);
    h ^= Math.imul(w, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (j < len) {
    let w = s.charCodeAt(j) << 16;
    if (keep) (words as Int32Array)[q] = w;
    w = Math.imul(w, 0xcc9e2d51);
    w = (w << 15) | (w >>> 17);
    h ^= Math.imul(w, 0x1b873593);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Ints per customer record: the name's length, up to 18 UTF-16 code units two to an int, the total. */
const RECORD = 12;
/** The longest name whose code units a record holds; longer names are compared as strings. */
const RECORD_CHARS = 18;
/** Where a record's total sits, counted in doubles. */
const TOTAL_AT = 5;

/**
 * Customer names → dense indices, with a running total per index: an open-addressing table of
 * 4-byte slots kept at most three quarters full, and a 48-byte record per customer with the name's
 * length, its code units and the total. A slot holds index + 1 in its low bits and the top bits of
 * the name's hash as a tag, so a probe passes over other names without reading their records, and
 * the table is a quarter of the size of (hash, index) pairs at half load: at 50,000 customers
 * 256 KB, which stays in cache while a million rows stream past. A lookup reads the slot and the
 * record; customers are numbered as first seen, so the busiest, which come early, have their
 * records side by side. The state lives in local variables of `abcFromColumns` (fields that are
 * replaced as the table grows would make the compiled loop give way to the interpreter each time);
 * these helpers are the cold paths.
 */

/**
 * How many low bits of a slot hold index + 1 for `rows` rows (a customer per row at most): 21 up
 * to 2,097,151 rows (Excel's 1,048,576 included), leaving 11 bits of tag; more only for longer
 * inputs, where the tag shrinks (a zero-bit tag matches every name and the record decides).
 */
export function indexBits(rows: number): number {
  let bits = 21;
  while (bits < 32 && rows > 2 ** bits - 1) bits++;
  return bits;
}

/**
 * Whether record k holds `name`, whose packed code units `hashName` left in `words`; names longer
 * than a record holds are compared as strings.
 */
function recordIs(records: Int32Array, k: number, name: string, words: Int32Array, names: readonly string[]): boolean {
  const base = k * RECORD;
  const len = name.length;
  if (records[base] !== len) return false;
  if (len > RECORD_CHARS) return names[k] === name;
  const end = base + 1 + ((len + 1) >> 1);
  for (let q = base + 1, w = 0; q < end; q++, w++) if (records[q] !== words[w]) return false;
  return true;
}

/** Fills record k for `name` from the packed code units in `words` (the total is set by the caller). */
function writeRecord(records: Int32Array, k: number, name: string, words: Int32Array): void {
  const base = k * RECORD;
  const len = name.length;
  records[base] = len;
  if (len > RECORD_CHARS) return;
  const end = base + 1 + ((len + 1) >> 1);
  for (let q = base + 1, w = 0; q < end; q++, w++) records[q] = words[w];
}

/**
 * The records in four times the room, but never more than `rows` records (a customer per row at
 * most): room never touched costs nothing, while each copy touches fresh memory again.
 */
function grownRecords(records: Int32Array, rows: number, role: number): Int32Array {
  const grown = new Int32Array(replacement(role, 4 * Math.min(4 * records.length, RECORD * Math.max(rows, 16))));
  grown.set(records);
  return grown;
}

/**
 * The slots, rehashed into twice as many (the new mask is 2 · mask + 1), in a new buffer for the
 * pool's `role`. Slots keep only a tag of the hash, so each name's hash is computed again (the
 * table grows a few times at most, and never when an earlier call left a big enough one).
 */
function grownSlots(old: Int32Array, oldMask: number, role: number, names: readonly string[], indexMask: number): Int32Array {
  const mask = 2 * oldMask + 1;
  const slots = new Int32Array(replacement(role, 4 * (mask + 1)));
  for (let q = 0; q < old.length; q++) {
    const e = old[q];
    if (e === 0) continue;
    let p = nameHash(names[(e & indexMask) - 1]) & mask;
    while (slots[p] !== 0) p = (p + 1) & mask;
    slots[p] = e;
  }
  return slots;
}

export interface AbcColumnsResult {
  result: AbcResult;
  /**
   * One entry per amount row: its customer's class, or why the row was left out. The per-row
   * views are built on first read (and kept): a million-entry array costs as much as the whole
   * classification, and a caller that only wants the table, or only the codes, never pays for it.
   */
  readonly rowClass: (AbcClass | KamError)[];
  /** The same per row as a compact code: 0 = A, 1 = B, 2 = C, ROW_ERROR = left out (see `rowError`). */
  readonly rowCode: Uint8Array;
  /** Why row i (0-based) was left out, or undefined if it was classified; builds nothing else. */
  rowError(i: number): KamError | undefined;
  /**
   * What the per-row views are built from, for a caller that makes its own per-row output in one
   * pass: row i's customer index into `customerCode` (≥ 0), or < 0 if the row was left out.
   */
  readonly rowCustomer: Int32Array;
  /** Class code (0 = A, 1 = B, 2 = C) by customer index. */
  readonly customerCode: Uint8Array;
  /**
   * 1 for rows whose amount and customer are both the number 0 (what Excel desktop passes for
   * the empty cells of a range, EXCEL-BEHAVIOUR §12); null when there are none.
   */
  readonly zeroRows: Uint8Array | null;
  /**
   * How many amount rows, and customer rows, were not one cell wide (only the first cell was
   * read). A caller that passed ranges on unchecked reports these as a shape error.
   */
  readonly wideAmountRows: number;
  readonly wideCustomerRows: number;
}

/** The per-row views of `abcFromColumns`, built on first read (a class: one shape for every result). */
class ColumnsAbc implements AbcColumnsResult {
  private codes: Uint8Array | null = null;
  private classes: (AbcClass | KamError)[] | null = null;

  constructor(
    readonly result: AbcResult,
    readonly rowCustomer: Int32Array,
    readonly customerCode: Uint8Array,
    readonly zeroRows: Uint8Array | null,
    private readonly rowErrors: ReadonlyMap<number, KamError>,
    readonly wideAmountRows: number,
    readonly wideCustomerRows: number,
  ) {}

  get rowCode(): Uint8Array {
    if (this.codes === null) {
      const { rowCustomer, customerCode: classCode } = this;
      const n = rowCustomer.length;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const k = rowCustomer[i];
        out[i] = k >= 0 ? classCode[k] : ROW_ERROR;
      }
      this.codes = out;
    }
    return this.codes;
  }

  get rowClass(): (AbcClass | KamError)[] {
    if (this.classes === null) {
      const { rowCustomer, customerCode: classCode } = this;
      const n = rowCustomer.length;
      const out = new Array<AbcClass | KamError>(n);
      for (let i = 0; i < n; i++) {
        const k = rowCustomer[i];
        out[i] = k >= 0 ? CLASS_OF_CODE[classCode[k]] : this.errorOf(i, k);
      }
      this.classes = out;
    }
    return this.classes;
  }

  rowError(i: number): KamError | undefined {
    if (!(i >= 0 && i < this.rowCustomer.length)) return undefined;
    const k = this.rowCustomer[i];
    return k >= 0 ? undefined : this.errorOf(i, k);
  }

  private errorOf(i: number, k: number): KamError {
    return k === EMPTY_ROW ? atRow(BLANK_AMOUNT, i + 1) : (this.rowErrors.get(i) as KamError);
  }
}

/** Why a row without an amount was left out (before its row number is added). */
const BLANK_AMOUNT: KamError = (toNumber(null, AMOUNT) as { ok: false; error: KamError }).error;

/**
 * One result of each class, kept for good. Compiled code that reads results is specialised to
 * their hidden classes, which V8 keeps only while some instance lives; without these, a garbage
 * collection between two calls drops them, and the next call runs interpreted until recompiled.
 */
export const KEPT_SHAPES: readonly object[] = [
  new ColumnsAbc(
    new RankedAbc([], new Float64Array(0), new Uint32Array(0), false, new Uint8Array(0), 0, [], []),
    new Int32Array(0),
    new Uint8Array(0),
    new Uint8Array(0),
    new Map(),
    0,
    0,
  ),
];

export interface AbcOptions {
  /**
   * false: the caller wants classes, not the ranked rows (KAM.ABC). Customers of equal positive
   * amounts are then put in name order only if `result.rows` is read after all, which costs more
   * then (the names are compared as strings). Default true.
   */
  rows?: boolean;
}

/** `rowCode` value of a row that was left out. */
export const ROW_ERROR = 3;

/** Per-row state while aggregating: ≥ 0 customer index; EMPTY_ROW or ERROR_ROW otherwise. */
const EMPTY_ROW = -1;
const ERROR_ROW = -2;

function isEmptyCell(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && isBlank(v));
}

/**
 * ABC on the single-column 2-D ranges Excel hands a function (SPEC §3). Rows of one customer are
 * summed; customer names match exactly once surrounding spaces are trimmed [chosen: no case or
 * width folding, so "ACME" and "Acme" are two customers, as in the name tie-break]. A blank or
 * non-numeric amount, or a blank customer, is an error for that row only (named by its 1-based row
 * in the range) and leaves the row out. Rows with neither amount nor customer are empty rows
 * (a whole-column reference has a million of them): their error is "amount is missing" like any
 * blank amount, but the warning about rows left out counts only rows with something in them
 * [chosen]. Without customers every row is its own customer, named by its row number, and equal
 * amounts are tied by row order. Never throws.
 */
export function abcFromColumns(
  amounts: readonly (readonly unknown[])[],
  customers: readonly (readonly unknown[])[] | null,
  t: AbcThresholds,
  options: AbcOptions = {},
): AbcColumnsResult {
  const amountRows: readonly unknown[] = Array.isArray(amounts) ? amounts : [];
  const customerRows: readonly unknown[] | null = customers === null || customers === undefined ? null : Array.isArray(customers) ? customers : [];
  const n = amountRows.length;
  const rowCustomer = new Int32Array(n);
  const rowErrors = new Map<number, KamError>();
  let zeroRows: Uint8Array | null = null;
  let wideAmountRows = 0;
  let wideCustomerRows = 0;
  const names: string[] = [];
  let totals: Float64Array;
  let count = 0;
  let nameRecords: Int32Array | null = null;

  // Cells are read inline, not through a shared helper: one helper's property load would see
  // both number and text rows and box every amount (an allocation per row).
  if (customerRows === null) {
    totals = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ar = amountRows[i];
      let v: unknown = ar;
      if (Array.isArray(ar)) {
        v = ar[0];
        if (ar.length !== 1) wideAmountRows++;
      }
      let x: number;
      if (typeof v === "number" && v - v === 0) x = v;
      else if (isEmptyCell(v)) {
        rowCustomer[i] = EMPTY_ROW;
        continue;
      } else {
        const r = toNumber(v, AMOUNT);
        if (!r.ok) {
          rowErrors.set(i, atRow(r.error, i + 1));
          rowCustomer[i] = ERROR_ROW;
          continue;
        }
        x = r.value;
      }
      totals[count] = x;
      names.push(String(i + 1));
      rowCustomer[i] = count++;
    }
  } else {
    // Sized from the row count and from what an earlier call left in the pool (never more than
    // the rows can fill), so the table rarely grows: fresh memory costs a page fault per 4 KB on
    // first touch, and records never touched cost nothing.
    const rows = Math.max(n, 16);
    const recordCount = Math.min(rows, Math.max(1 << 15, pooledBytes(POOL_RECORDS) / (4 * RECORD)));
    let records: Int32Array = pooledInt32(POOL_RECORDS, RECORD * recordCount, false);
    let recordTotals = new Float64Array(records.buffer);
    let slotCount = n >= 1 << 14 ? 1 << 15 : 4096;
    while (4 * rows > 3 * slotCount && 4 * 2 * slotCount <= pooledBytes(POOL_SLOTS)) slotCount *= 2;
    let slots: Int32Array = pooledInt32(POOL_SLOTS, slotCount, true);
    let mask = slotCount - 1;
    const bits = indexBits(rows);
    const indexMask = bits === 32 ? -1 : 2 ** bits - 1;
    const tagMask = ~indexMask;
    const words = new Int32Array(RECORD_CHARS / 2);
    const customerCount = customerRows.length;
    for (let i = 0; i < n; i++) {
      const ar = amountRows[i];
      let v: unknown = ar;
      if (Array.isArray(ar)) {
        v = ar[0];
        if (ar.length !== 1) wideAmountRows++;
      }
      const cr = i < customerCount ? customerRows[i] : undefined;
      let c: unknown = cr;
      if (Array.isArray(cr)) {
        c = cr[0];
        if (cr.length !== 1) wideCustomerRows++;
      }
      let x: number;
      if (typeof v === "number" && v - v === 0) x = v;
      else if (isEmptyCell(v) && isEmptyCell(c)) {
        rowCustomer[i] = EMPTY_ROW;
        continue;
      } else {
        const r = toNumber(v, AMOUNT);
        if (!r.ok) {
          rowErrors.set(i, atRow(r.error, i + 1));
          rowCustomer[i] = ERROR_ROW;
          continue;
        }
        x = r.value;
      }
      let name: string;
      if (typeof c === "string" && c.length > 0 && !isSpace(c.charCodeAt(0)) && !isSpace(c.charCodeAt(c.length - 1))) name = c;
      else {
        const got = customerNameOf(c);
        if (typeof got !== "string") {
          rowErrors.set(i, atRow(got, i + 1));
          rowCustomer[i] = ERROR_ROW;
          continue;
        }
        name = got;
      }
      // Linear probing; a slot whose tag matches is confirmed by the name.
      const h = hashName(name, words);
      const tag = h & tagMask;
      let p = h & mask;
      let k = -1;
      for (;;) {
        const e = slots[p];
        if (e === 0) break;
        if ((e & tagMask) === tag && recordIs(records, (e & indexMask) - 1, name, words, names)) {
          k = (e & indexMask) - 1;
          break;
        }
        p = (p + 1) & mask;
      }
      if (k < 0) {
        k = names.length;
        names.push(name);
        if (k * RECORD === records.length) {
          records = grownRecords(records, n, POOL_RECORDS);
          recordTotals = new Float64Array(records.buffer);
        }
        writeRecord(records, k, name, words);
        recordTotals[k * (RECORD / 2) + TOTAL_AT] = 0;
        slots[p] = tag | (k + 1);
        if (4 * (k + 1) > 3 * slotCount) {
          slots = grownSlots(slots, mask, POOL_SLOTS, names, indexMask);
          slotCount *= 2;
          mask = slotCount - 1;
        }
      }
      recordTotals[k * (RECORD / 2) + TOTAL_AT] += x;
      rowCustomer[i] = k;
      if (x === 0 && c === 0) (zeroRows ??= new Uint8Array(n))[i] = 1;
    }
    count = names.length;
    nameRecords = records;
    totals = new Float64Array(Math.max(count, 1));
    for (let k = 0; k < count; k++) totals[k] = recordTotals[k * (RECORD / 2) + TOTAL_AT];
  }

  const { result, classCode } = rankAndClass(names, totals, count, t, customerRows === null, nameRecords, options.rows !== false);

  if (rowErrors.size > 0) {
    const first: string[] = [];
    for (const i of rowErrors.keys()) {
      if (first.length === WARNING_LIST_LIMIT) break;
      first.push(String(i + 1));
    }
    const l = listed(first, rowErrors.size);
    result.warnings.push({
      en: `${rowErrors.size} row(s) were left out because of an input error: rows ${l.en}`,
      zh: `${rowErrors.size} 行因输入错误未参与计算：第 ${l.zh} 行`,
    });
  }
  if (customerRows !== null && customerRows.length !== n) {
    result.warnings.push({
      en: `the customer range has ${customerRows.length} rows but the amount range has ${n}; rows are matched by position`,
      zh: `客户区域有 ${customerRows.length} 行，金额区域有 ${n} 行；按位置逐行对应`,
    });
  }

  return new ColumnsAbc(result, rowCustomer, classCode, zeroRows, rowErrors, wideAmountRows, wideCustomerRows);
}
