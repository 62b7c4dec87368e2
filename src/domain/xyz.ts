/**
 * XYZ analysis (SPEC §3, "going beyond the source"): how steady a customer's monthly amounts are,
 * measured by the coefficient of variation (population standard deviation / mean), combined with
 * the ABC class into AX … CZ. Also the helper that turns transaction rows into per-customer monthly
 * series over a window of calendar months.
 */
import type { AbcClass } from "./abc";
import { serialToYmd } from "./dates";
import { at, ok, type Msg, type Result } from "./errors";
import type { Label, ParseableLabel } from "./labels";
import type { Settings } from "./settings";
import { formatNumber, isBlank, toNumber } from "./values";

export type XyzClass = "X" | "Y" | "Z";

export const XYZ_CLASSES: readonly XyzClass[] = ["X", "Y", "Z"];

export const XYZ_CLASS_LABELS: Readonly<Record<XyzClass, ParseableLabel>> = {
  X: { en: "X", zh: "X类", aliases: ["Class X", "X 类", "X级"] },
  Y: { en: "Y", zh: "Y类", aliases: ["Class Y", "Y 类", "Y级"] },
  Z: { en: "Z", zh: "Z类", aliases: ["Class Z", "Z 类", "Z级"] },
};

/** What each class means for planning. */
export const XYZ_MEANING_LABELS: Readonly<Record<XyzClass, Label>> = {
  X: { en: "Steady demand: plan and stock ahead", zh: "需求稳定：可提前计划和备货" },
  Y: { en: "Fluctuating demand: review monthly", zh: "需求有波动：按月复核" },
  Z: { en: "Irregular demand: plan order by order", zh: "需求不规则：逐单计划" },
};

export const NOT_ENOUGH_HISTORY_LABEL: Label = { en: "Not enough history", zh: "历史数据不足" };

/** A coefficient computed from sums may land a hair off a line it sits on exactly; on the line counts as inside. */
const LINE_TOLERANCE = 1e-12;

export type XyzOutcome =
  | {
      readonly kind: "class";
      readonly class: XyzClass;
      /** Coefficient of variation: population standard deviation / mean. */
      readonly cv: number;
      readonly mean: number;
      readonly sd: number;
      /** Months the coefficient was taken over. */
      readonly months: number;
    }
  | {
      readonly kind: "notEnoughHistory";
      readonly reason: "fewMonths" | "noPositiveMean";
      readonly months: number;
      readonly mean: number;
      /** Why, in both languages, e.g. "not enough history: 4 months of sales, at least 6 needed". */
      readonly msg: Msg;
    };

function notEnough(reason: "fewMonths" | "noPositiveMean", months: number, mean: number, s: Settings): XyzOutcome {
  const need = s.xyz.minMonths;
  const msg: Msg =
    reason === "fewMonths"
      ? months === 0
        ? { en: "not enough history: no sales yet", zh: "历史数据不足：尚无销售" }
        : {
            en: `not enough history: ${months} month${months === 1 ? "" : "s"} since the first sale, at least ${need} needed`,
            zh: `历史数据不足：自首次销售起仅 ${months} 个月，至少需要 ${need} 个月`,
          }
      : {
          en: `not enough history: the monthly mean is ${formatNumber(mean)}, so variability cannot be measured`,
          zh: `历史数据不足：月均金额为 ${formatNumber(mean)}，无法衡量波动`,
        };
  return { kind: "notEnoughHistory", reason, months, mean, msg };
}

/**
 * X / Y / Z of monthly amounts (a month without sales is 0). The history starts at `historyStart`
 * (the index of the customer's first month with sales; default: the first positive amount), so the
 * months before a new customer's first order do not count as months without sales [chosen, issue 8].
 * Fewer than `minMonths` months of history, or a mean ≤ 0, is "not enough history", not a class.
 * CV ≤ x → X, ≤ y → Y, above → Z.
 */
export function xyzOf(amounts: ArrayLike<number>, s: Settings, historyStart?: number): XyzOutcome {
  const n = amounts.length;
  let start = historyStart;
  if (start === undefined) {
    start = n;
    for (let i = 0; i < n; i++) {
      if (amounts[i] > 0) {
        start = i;
        break;
      }
    }
  }
  start = Math.max(0, Math.min(n, Math.floor(start)));
  const months = n - start;
  if (months < s.xyz.minMonths) {
    let sum = 0;
    for (let i = start; i < n; i++) sum += amounts[i];
    return notEnough("fewMonths", months, months > 0 ? sum / months : 0, s);
  }
  let sum = 0;
  for (let i = start; i < n; i++) sum += amounts[i];
  const mean = sum / months;
  if (!(mean > 0) || !Number.isFinite(mean)) return notEnough("noPositiveMean", months, mean, s);
  let sq = 0;
  for (let i = start; i < n; i++) {
    const d = amounts[i] - mean;
    sq += d * d;
  }
  const sd = Math.sqrt(sq / months);
  const cv = sd / mean;
  const cls: XyzClass = cv <= s.xyz.x + LINE_TOLERANCE ? "X" : cv <= s.xyz.y + LINE_TOLERANCE ? "Y" : "Z";
  return { kind: "class", class: cls, cv, mean, sd, months };
}

const MONTH: Msg = { en: "monthly amount", zh: "月度金额" };

/**
 * One row of monthly amounts as a worksheet hands it over (KAM.XYZ): a blank cell is a month
 * without sales; anything that is not a number is an error naming the month's column (1-based).
 */
export function xyzFromCells(row: readonly unknown[], s: Settings): Result<XyzOutcome> {
  const n = row.length;
  const amounts = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = row[j];
    if (typeof v === "number" && Number.isFinite(v)) amounts[j] = v;
    else if (isBlank(v)) amounts[j] = 0;
    else {
      const r = toNumber(v, MONTH);
      if (!r.ok) return { ok: false, error: at(r.error, { en: `month ${j + 1}`, zh: `第 ${j + 1} 个月` }) };
      amounts[j] = r.value;
    }
  }
  return ok(xyzOf(amounts, s));
}

// ───────────────────────────── ABC × XYZ ─────────────────────────────

export type AbcXyz = `${AbcClass}${XyzClass}`;

/** The nine cells of the grid, row by row: AX AY AZ BX … CZ. */
export const ABC_XYZ: readonly AbcXyz[] = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"];

export function abcXyz(abc: AbcClass, xyz: XyzClass): AbcXyz {
  return `${abc}${xyz}`;
}

// ───────────────────────────── monthly series ─────────────────────────────

/** A month as one integer: year × 12 + (month − 1). */
export function monthIndex(serial: number): number {
  const { y, m } = serialToYmd(serial);
  return y * 12 + m - 1;
}

/** "2026-03" for a month index. */
export function monthText(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** A run of whole calendar months: `first` is a month index, `months` how many. */
export interface MonthWindow {
  readonly first: number;
  readonly months: number;
}

/**
 * The `months` whole calendar months that end with the as-of month when the as-of date is the last
 * day of its month, and with the month before otherwise [chosen, issue 8: a month still running
 * would look like a drop in sales].
 */
export function monthWindowEnding(asOfSerial: number, months: number): MonthWindow {
  const today = serialToYmd(asOfSerial);
  const next = serialToYmd(Math.floor(asOfSerial) + 1);
  const asOfMonth = today.y * 12 + today.m - 1;
  const last = next.m !== today.m ? asOfMonth : asOfMonth - 1;
  return { first: last - months + 1, months };
}

export interface CustomerMonths {
  readonly customer: string;
  /** One amount per month of the window; a month without sales is 0. */
  readonly amounts: Float64Array;
  /** Month index of the customer's first month with a positive amount (in or before the window), or null. */
  readonly firstSaleMonth: number | null;
  /** Sum over the window. */
  readonly total: number;
}

/**
 * Collects transaction rows into per-customer monthly series, one row at a time and without
 * allocating per row (sales tables can have a million rows). Rows outside the window only move
 * the customer's first-sale month; rows after the window are ignored.
 */
export class MonthlySeriesBuilder {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly series: Float64Array[] = [];
  private readonly first: number[] = [];
  /** Month index of the last serial looked up, so rows sorted by date skip the calendar work. */
  private cacheDay = NaN;
  private cacheMonth = 0;

  constructor(readonly window: MonthWindow) {}

  /** The customer's slot for `addAt`: callers that already know their customers skip a lookup per row. */
  slotOf(customer: string): number {
    let k = this.index.get(customer);
    if (k === undefined) {
      k = this.names.length;
      this.index.set(customer, k);
      this.names.push(customer);
      this.series.push(new Float64Array(this.window.months));
      this.first.push(Number.POSITIVE_INFINITY);
    }
    return k;
  }

  add(customer: string, dateSerial: number, amount: number): void {
    this.addAt(this.slotOf(customer), dateSerial, amount);
  }

  addAt(slot: number, dateSerial: number, amount: number): void {
    const day = Math.floor(dateSerial);
    let month: number;
    if (day === this.cacheDay) month = this.cacheMonth;
    else {
      month = monthIndex(day);
      this.cacheDay = day;
      this.cacheMonth = month;
    }
    const offset = month - this.window.first;
    if (offset >= this.window.months) return;
    if (amount > 0 && month < this.first[slot]) this.first[slot] = month;
    if (offset >= 0) this.series[slot][offset] += amount;
  }

  /** Every customer seen in or before the window, in order of first appearance. */
  build(): CustomerMonths[] {
    return this.names.map((customer, k) => {
      const amounts = this.series[k];
      let total = 0;
      for (let i = 0; i < amounts.length; i++) total += amounts[i];
      const f = this.first[k];
      return { customer, amounts, firstSaleMonth: Number.isFinite(f) ? f : null, total };
    });
  }
}

export interface SaleRecord {
  readonly date: number;
  readonly customer: string;
  readonly amount: number;
}

/** Transaction rows (date serial, customer, amount) → one monthly series per customer over the window. */
export function monthlySeries(rows: Iterable<SaleRecord>, window: MonthWindow): CustomerMonths[] {
  const b = new MonthlySeriesBuilder(window);
  for (const r of rows) b.add(r.customer, r.date, r.amount);
  return b.build();
}

/** XYZ of a customer's series: the history starts at its first month with sales, or the window's start if earlier. */
export function xyzOfSeries(series: CustomerMonths, window: MonthWindow, s: Settings): XyzOutcome {
  const start = series.firstSaleMonth === null ? window.months : series.firstSaleMonth - window.first;
  return xyzOf(series.amounts, s, start);
}

/** "12.5 %" for messages. */
export function cvText(cv: number): string {
  return `${formatNumber(Math.round(cv * 1000) / 10)} %`;
}

