/**
 * SPEC §5 — risk alerts and care tasks (seeds 001 and 002): who needs attention this week. Each
 * alert carries its rule id, its text in both languages and the data behind it, so a report, the
 * task pane and the CLI can show it, sort it and explain it without recomputing anything.
 *
 * Risks: no follow-up for 30 days; on the red list 12 months or more (SPEC §2); overdue
 * receivables; late payments; falling order frequency; main contact changed without a hand-over
 * visit. Care tasks (not risks): a stakeholder's birthday or a contract anniversary coming up.
 */
import { redListRevoked } from "./credit";
import { addMonths, daysInMonth, monthsBetween, serialToIso, serialToYmd, ymdToSerial } from "./dates";
import type { Msg } from "./errors";
import type { ParseableLabel } from "./labels";
import type { Settings } from "./settings";
import type { VisitRecord } from "./cadence";
import type { SaleRecord } from "./xyz";

export type AlertRule = "noFollowUp" | "redList" | "overdueReceivable" | "latePayment" | "orderDrop" | "contactChanged" | "birthday" | "anniversary";

export const ALERT_RULES: readonly AlertRule[] = ["overdueReceivable", "redList", "noFollowUp", "contactChanged", "latePayment", "orderDrop", "birthday", "anniversary"];

export type AlertKind = "risk" | "care";

export const ALERT_KIND: Readonly<Record<AlertRule, AlertKind>> = {
  noFollowUp: "risk",
  redList: "risk",
  overdueReceivable: "risk",
  latePayment: "risk",
  orderDrop: "risk",
  contactChanged: "risk",
  birthday: "care",
  anniversary: "care",
};

export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, ParseableLabel>> = {
  risk: { en: "Risk", zh: "风险" },
  care: { en: "Care task", zh: "关怀" },
};

export const ALERT_RULE_LABELS: Readonly<Record<AlertRule, ParseableLabel>> = {
  noFollowUp: { en: "No follow-up", zh: "未跟进", aliases: ["No contact", "长期未跟进"] },
  redList: { en: "Red list 12 months", zh: "红名单满 12 个月", aliases: ["Red list", "红名单"] },
  overdueReceivable: { en: "Overdue receivable", zh: "逾期应收款", aliases: ["Overdue", "逾期"] },
  latePayment: { en: "Late payment", zh: "付款延迟", aliases: ["Paid late", "延迟付款"] },
  orderDrop: { en: "Orders falling", zh: "订单频次下降", aliases: ["Order drop", "订单下降"] },
  contactChanged: { en: "Contact changed", zh: "联系人变更", aliases: ["Main contact changed", "对接人变更"] },
  birthday: { en: "Birthday", zh: "生日" },
  anniversary: { en: "Contract anniversary", zh: "签约周年", aliases: ["Anniversary", "周年"] },
};

/**
 * How much each rule weighs when accounts are ranked by urgency [chosen, issue 8]: money at risk
 * and the SPEC §2 red-list revocation first, then lost touch, then early warnings; care tasks
 * count for little.
 */
export const ALERT_WEIGHT: Readonly<Record<AlertRule, number>> = {
  overdueReceivable: 5,
  redList: 5,
  noFollowUp: 4,
  contactChanged: 4,
  latePayment: 3,
  orderDrop: 3,
  birthday: 1,
  anniversary: 1,
};

interface AlertOf<R extends AlertRule, D> {
  readonly rule: R;
  readonly kind: AlertKind;
  readonly customer: string;
  /** When the risk arose (risks) or the day to act on (care tasks), as a serial. */
  readonly date: number;
  readonly text: Msg;
  readonly data: D;
}

export interface PaymentItem {
  readonly due: number;
  readonly paid: number | null;
  readonly amount: number | null;
  /** Where the payment came from (e.g. a worksheet row), for callers that point back to it. */
  readonly ref?: string;
}

export type Alert =
  | AlertOf<"noFollowUp", { lastContact: number | null; days: number | null; limitDays: number }>
  | AlertOf<"redList", { since: number; months: number; limitMonths: number }>
  | AlertOf<"overdueReceivable", { count: number; amount: number; oldestDue: number; daysOverdue: number; items: readonly PaymentItem[] }>
  | AlertOf<"latePayment", { count: number; maxDaysLate: number; lastPaid: number; withinDays: number; items: readonly PaymentItem[] }>
  | AlertOf<"orderDrop", { recent: number; previous: number; ratio: number; months: number; share: number }>
  | AlertOf<"contactChanged", { person: string; previous: string; since: number; graceDays: number; handoverHours: number }>
  | AlertOf<"birthday", { person: string; on: number; daysAway: number; age: number | null }>
  | AlertOf<"anniversary", { on: number; years: number; daysAway: number; signed: number }>;

function money(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function days(n: number): Msg {
  return { en: `${n} day${n === 1 ? "" : "s"}`, zh: `${n} 天` };
}

function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

// ───────────────────────────── no follow-up ─────────────────────────────

export interface FollowUpAccount {
  readonly customer: string;
  readonly signed: number | null;
}

/**
 * No contact of any kind for `noFollowUpDays` (30) days or more [chosen: "for 30 days" includes
 * the 30th day]. Every visit type counts as a follow-up; visits after as-of have not happened. An
 * account with no visit on record counts from its signing date, or is flagged at once without one.
 */
export function noFollowUpAlerts(accounts: readonly FollowUpAccount[], visits: readonly VisitRecord[], asOfSerial: number, s: Settings): Alert[] {
  const asOf = Math.floor(asOfSerial);
  const limit = s.alerts.noFollowUpDays;
  const last = new Map<string, number>();
  for (const v of visits) {
    const d = Math.floor(v.date);
    if (d > asOf) continue;
    const p = last.get(v.customer);
    if (p === undefined || d > p) last.set(v.customer, d);
  }
  const out: Alert[] = [];
  const seen = new Set<string>();
  for (const a of accounts) {
    if (seen.has(a.customer)) continue;
    seen.add(a.customer);
    const l = last.get(a.customer);
    if (l !== undefined) {
      const n = asOf - l;
      if (n < limit) continue;
      out.push({
        rule: "noFollowUp",
        kind: "risk",
        customer: a.customer,
        date: l + limit,
        text: { en: `No follow-up for ${days(n).en} (last contact ${serialToIso(l)})`, zh: `${days(n).zh}未跟进（最近一次联系 ${serialToIso(l)}）` },
        data: { lastContact: l, days: n, limitDays: limit },
      });
    } else if (a.signed === null || asOf - Math.floor(a.signed) >= limit) {
      const since = a.signed === null ? null : Math.floor(a.signed);
      out.push({
        rule: "noFollowUp",
        kind: "risk",
        customer: a.customer,
        date: since === null ? asOf : since + limit,
        text:
          since === null
            ? { en: "No contact on record", zh: "没有联系记录" }
            : { en: `No contact on record since signing on ${serialToIso(since)}`, zh: `自 ${serialToIso(since)} 签约以来没有联系记录` },
        data: { lastContact: null, days: since === null ? null : asOf - since, limitDays: limit },
      });
    }
  }
  return out;
}

// ───────────────────────────── red list ─────────────────────────────

export interface RedListAccount {
  readonly customer: string;
  readonly onRedList: boolean;
  readonly redListSince: number | null;
}

/** SPEC §2: on the red list `redListMonths` (12) whole months or more — key-account status is revoked. */
export function redListAlerts(accounts: readonly RedListAccount[], asOfSerial: number, s: Settings): Alert[] {
  const out: Alert[] = [];
  const limit = s.credit.redListMonths;
  for (const a of accounts) {
    if (!a.onRedList || a.redListSince === null || a.redListSince > asOfSerial) continue;
    if (!redListRevoked(a.redListSince, asOfSerial, s)) continue;
    const months = monthsBetween(a.redListSince, asOfSerial);
    const since = serialToIso(a.redListSince);
    out.push({
      rule: "redList",
      kind: "risk",
      customer: a.customer,
      date: addMonths(a.redListSince, limit),
      text: {
        en: `On the red list for ${months} months (since ${since}): key-account status is revoked`,
        zh: `已在红名单上 ${months} 个月（自 ${since}）：取消大客户资格`,
      },
      data: { since: Math.floor(a.redListSince), months, limitMonths: limit },
    });
  }
  return out;
}

// ───────────────────────────── payments ─────────────────────────────

export interface PaymentRecord extends PaymentItem {
  readonly customer: string;
}

/**
 * Per customer, one alert for its overdue receivables (due before as-of and not paid by as-of; due
 * today is not overdue) and one for its late payments (paid after the due date, paid within the
 * last `recentDays` days) [chosen, issue 8: older late payments are history, not an alert].
 */
export function paymentAlerts(payments: readonly PaymentRecord[], asOfSerial: number, s: Settings): Alert[] {
  const asOf = Math.floor(asOfSerial);
  const window = s.alerts.recentDays;
  const open = new Map<string, PaymentRecord[]>();
  const late = new Map<string, PaymentRecord[]>();
  for (const p of payments) {
    const due = Math.floor(p.due);
    const paid = p.paid === null ? null : Math.floor(p.paid);
    if ((paid === null || paid > asOf) && due < asOf) {
      const list = open.get(p.customer) ?? [];
      list.push(p);
      open.set(p.customer, list);
    } else if (paid !== null && paid <= asOf && paid > due && asOf - paid <= window) {
      const list = late.get(p.customer) ?? [];
      list.push(p);
      late.set(p.customer, list);
    }
  }
  const out: Alert[] = [];
  for (const [customer, list] of open) {
    const items = [...list].sort((a, b) => a.due - b.due);
    const oldest = Math.floor(items[0].due);
    const amount = items.reduce((sum, p) => sum + (p.amount ?? 0), 0);
    const n = items.length;
    const overdue = asOf - oldest;
    const total = items.some((p) => p.amount !== null) ? { en: ` totalling ${money(amount)}`, zh: `，合计 ${money(amount)}` } : { en: "", zh: "" };
    out.push({
      rule: "overdueReceivable",
      kind: "risk",
      customer,
      date: oldest + 1,
      text: {
        en: `${n} overdue receivable${n === 1 ? "" : "s"}${total.en}; ${n === 1 ? "due" : "the oldest was due"} ${serialToIso(oldest)} (${days(overdue).en} overdue)`,
        zh: `${n} 笔逾期应收款${total.zh}；${n === 1 ? "" : "最早一笔 "}${serialToIso(oldest)} 到期（逾期 ${days(overdue).zh}）`,
      },
      data: { count: n, amount, oldestDue: oldest, daysOverdue: overdue, items },
    });
  }
  for (const [customer, list] of late) {
    const items = [...list].sort((a, b) => (a.paid ?? 0) - (b.paid ?? 0));
    const n = items.length;
    let maxLate = 0;
    for (const p of items) maxLate = Math.max(maxLate, Math.floor(p.paid ?? 0) - Math.floor(p.due));
    const lastPaid = Math.floor(items[n - 1].paid ?? 0);
    out.push({
      rule: "latePayment",
      kind: "risk",
      customer,
      date: lastPaid,
      text: {
        en: `Paid late: ${n} payment${n === 1 ? "" : "s"} in the last ${window} days, up to ${days(maxLate).en} late (latest paid ${serialToIso(lastPaid)})`,
        zh: `付款延迟：近 ${window} 天内 ${n} 笔付款晚于到期日，最长 ${days(maxLate).zh}（最近一次 ${serialToIso(lastPaid)} 付款）`,
      },
      data: { count: n, maxDaysLate: maxLate, lastPaid, withinDays: window, items },
    });
  }
  return out;
}

// ───────────────────────────── order frequency ─────────────────────────────

export interface OrderCounts {
  /** Order days in the last `orderWindowMonths` months up to as-of. */
  readonly recent: number;
  /** Order days in the same number of months before that. */
  readonly previous: number;
}

/**
 * Orders per customer in the two windows. An order is a day with at least one sales row of
 * positive amount for the customer [chosen, issue 8: sales tables list order lines, and a day's
 * lines are one order far more often than not; returns are not orders]. The windows are
 * (as-of − w months, as-of] and the w months before it.
 */
export class OrderCounter {
  private readonly recentFrom: number;
  private readonly previousFrom: number;
  private readonly asOf: number;
  private readonly days = new Map<string, Set<number>>();

  constructor(asOfSerial: number, s: Settings) {
    this.asOf = Math.floor(asOfSerial);
    const w = s.alerts.orderWindowMonths;
    this.recentFrom = addMonths(this.asOf, -w);
    this.previousFrom = addMonths(this.asOf, -2 * w);
  }

  add(customer: string, dateSerial: number, amount: number): void {
    if (!(amount > 0)) return;
    const d = Math.floor(dateSerial);
    if (d <= this.previousFrom || d > this.asOf) return;
    let set = this.days.get(customer);
    if (set === undefined) {
      set = new Set();
      this.days.set(customer, set);
    }
    set.add(d);
  }

  counts(): Map<string, OrderCounts> {
    const out = new Map<string, OrderCounts>();
    for (const [customer, set] of this.days) {
      let recent = 0;
      let previous = 0;
      for (const d of set) {
        if (d > this.recentFrom) recent++;
        else previous++;
      }
      out.set(customer, { recent, previous });
    }
    return out;
  }
}

export function orderCounts(sales: Iterable<SaleRecord>, asOfSerial: number, s: Settings): Map<string, OrderCounts> {
  const c = new OrderCounter(asOfSerial, s);
  for (const r of sales) c.add(r.customer, r.date, r.amount);
  return c.counts();
}

/** Orders in the last window below `orderDropShare` (50 %) of the window before; a customer that had none before is not falling. */
export function orderDropAlerts(counts: ReadonlyMap<string, OrderCounts>, asOfSerial: number, s: Settings): Alert[] {
  const { orderDropShare: share, orderWindowMonths: w } = s.alerts;
  const out: Alert[] = [];
  for (const [customer, c] of counts) {
    if (c.previous === 0 || !(c.recent < share * c.previous)) continue;
    const ratio = c.recent / c.previous;
    out.push({
      rule: "orderDrop",
      kind: "risk",
      customer,
      date: Math.floor(asOfSerial),
      text: {
        en: `Orders falling: ${c.recent} in the last ${w} months vs ${c.previous} in the ${w} months before (${pct(ratio)}, alert below ${pct(share)})`,
        zh: `订单频次下降：近 ${w} 个月 ${c.recent} 次，之前 ${w} 个月 ${c.previous} 次（${pct(ratio)}，低于 ${pct(share)} 即预警）`,
      },
      data: { recent: c.recent, previous: c.previous, ratio, months: w, share },
    });
  }
  return out;
}

// ───────────────────────────── main contact ─────────────────────────────

export interface ContactRecord {
  readonly customer: string;
  readonly person: string;
  /** The day this person became the account's main contact. */
  readonly since: number;
}

/** Days a hand-over visit may come after the change: dates carry no time, so 24 h = the change day or the next [chosen]. */
export function handoverDays(s: Settings): number {
  return Math.ceil(s.alerts.handoverHours / 24);
}

/**
 * The latest main-contact change of each account (a row naming a different person than the row
 * before it), within the last `recentDays` days, with no visit of any kind from the change day to
 * the end of the hand-over period. Until that period is over there is no alert: the hand-over can
 * still happen.
 */
export function contactChangeAlerts(contacts: readonly ContactRecord[], visits: readonly VisitRecord[], asOfSerial: number, s: Settings): Alert[] {
  const asOf = Math.floor(asOfSerial);
  const grace = handoverDays(s);
  const byAccount = new Map<string, ContactRecord[]>();
  for (const c of contacts) {
    if (Math.floor(c.since) > asOf) continue;
    const list = byAccount.get(c.customer) ?? [];
    list.push(c);
    byAccount.set(c.customer, list);
  }
  const visitDays = new Map<string, number[]>();
  for (const v of visits) {
    const list = visitDays.get(v.customer) ?? [];
    list.push(Math.floor(v.date));
    visitDays.set(v.customer, list);
  }
  const out: Alert[] = [];
  for (const [customer, list] of byAccount) {
    const sorted = [...list].sort((a, b) => a.since - b.since);
    let change: { to: ContactRecord; from: ContactRecord } | null = null;
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].person.trim() !== sorted[i - 1].person.trim()) change = { to: sorted[i], from: sorted[i - 1] };
    }
    if (change === null) continue;
    const since = Math.floor(change.to.since);
    const end = since + grace;
    if (asOf <= end || asOf - since > s.alerts.recentDays) continue;
    const handedOver = (visitDays.get(customer) ?? []).some((d) => d >= since && d <= end);
    if (handedOver) continue;
    const h = s.alerts.handoverHours;
    out.push({
      rule: "contactChanged",
      kind: "risk",
      customer,
      date: end + 1,
      text: {
        en: `Main contact changed to ${change.to.person} on ${serialToIso(since)} (was ${change.from.person}) with no hand-over visit within ${h} hours`,
        zh: `主要联系人于 ${serialToIso(since)} 由${change.from.person}变更为${change.to.person}，${h} 小时内未安排交接拜访`,
      },
      data: { person: change.to.person, previous: change.from.person, since, graceDays: grace, handoverHours: h },
    });
  }
  return out;
}

// ───────────────────────────── care tasks ─────────────────────────────

/**
 * The next day on or after `fromSerial` with the month and day of `dateSerial`; 29 February falls
 * on 28 February in other years [chosen].
 */
export function nextOccurrence(dateSerial: number, fromSerial: number): number {
  const d = serialToYmd(dateSerial);
  const from = Math.floor(fromSerial);
  const f = serialToYmd(from);
  const thisYear = ymdToSerial(f.y, d.m, Math.min(d.d, daysInMonth(f.y, d.m)));
  if (thisYear >= from) return thisYear;
  return ymdToSerial(f.y + 1, d.m, Math.min(d.d, daysInMonth(f.y + 1, d.m)));
}

export interface PersonRecord {
  readonly customer: string;
  readonly person: string;
  readonly birthday: number;
}

export interface AnniversaryAccount {
  readonly customer: string;
  readonly signed: number | null;
}

function away(n: number): Msg {
  if (n === 0) return { en: "today", zh: "今天" };
  if (n === 1) return { en: "tomorrow", zh: "明天" };
  return { en: `in ${n} days`, zh: `${n} 天后` };
}

/** Birthdays and contract anniversaries from as-of to `careDays` (14) days ahead, both ends included. */
export function careAlerts(people: readonly PersonRecord[], accounts: readonly AnniversaryAccount[], asOfSerial: number, s: Settings): Alert[] {
  const asOf = Math.floor(asOfSerial);
  const ahead = s.alerts.careDays;
  const out: Alert[] = [];
  for (const p of people) {
    const on = nextOccurrence(p.birthday, asOf);
    const n = on - asOf;
    if (n > ahead) continue;
    const born = serialToYmd(p.birthday).y;
    const year = serialToYmd(on).y;
    const age = born < year ? year - born : null;
    out.push({
      rule: "birthday",
      kind: "care",
      customer: p.customer,
      date: on,
      text: { en: `Birthday of ${p.person} on ${serialToIso(on)} (${away(n).en})`, zh: `${p.person} 生日：${serialToIso(on)}（${away(n).zh}）` },
      data: { person: p.person, on, daysAway: n, age },
    });
  }
  const seen = new Set<string>();
  for (const a of accounts) {
    if (a.signed === null || seen.has(a.customer)) continue;
    seen.add(a.customer);
    const on = nextOccurrence(a.signed, asOf);
    const years = serialToYmd(on).y - serialToYmd(a.signed).y;
    const n = on - asOf;
    if (years < 1 || n > ahead) continue;
    out.push({
      rule: "anniversary",
      kind: "care",
      customer: a.customer,
      date: on,
      text: {
        en: `${ordinal(years)} contract anniversary on ${serialToIso(on)} (${away(n).en})`,
        zh: `签约 ${years} 周年：${serialToIso(on)}（${away(n).zh}）`,
      },
      data: { on, years, daysAway: n, signed: Math.floor(a.signed) },
    });
  }
  return out;
}

// ───────────────────────────── all together ─────────────────────────────

export interface AlertAccount extends FollowUpAccount, RedListAccount {}

export interface AlertInput {
  readonly asOf: number;
  readonly accounts: readonly AlertAccount[];
  /** Every visit known; left out when no visit records are kept, which skips the no-follow-up and hand-over rules. */
  readonly visits?: readonly VisitRecord[];
  readonly payments?: readonly PaymentRecord[];
  /** Order counts per customer (from OrderCounter), when sales with dates are known. */
  readonly orders?: ReadonlyMap<string, OrderCounts>;
  readonly contacts?: readonly ContactRecord[];
  readonly people?: readonly PersonRecord[];
}

/** Risks newest first, then care tasks soonest first; ties by weight, customer and rule. */
export function compareAlerts(a: Alert, b: Alert): number {
  if (a.kind !== b.kind) return a.kind === "risk" ? -1 : 1;
  const d = a.kind === "risk" ? b.date - a.date : a.date - b.date;
  if (d !== 0) return d;
  const w = ALERT_WEIGHT[b.rule] - ALERT_WEIGHT[a.rule];
  if (w !== 0) return w;
  if (a.customer !== b.customer) return a.customer < b.customer ? -1 : 1;
  return ALERT_RULES.indexOf(a.rule) - ALERT_RULES.indexOf(b.rule);
}

/**
 * Every alert for the accounts given (alerts of other customers in the payments, orders, contacts
 * or people are left out), sorted by `compareAlerts`. Visits should hold every visit known, of any
 * account: only the accounts' own visits are used. Without visits (no visit records kept) there is
 * no contact history to judge, so the no-follow-up and hand-over rules are skipped.
 */
export function allAlerts(input: AlertInput, s: Settings): Alert[] {
  const { asOf, accounts, visits } = input;
  const known = new Set(accounts.map((a) => a.customer));
  const mine = <T extends { customer: string }>(xs: readonly T[] | undefined): T[] => (xs ?? []).filter((x) => known.has(x.customer));
  const orders = new Map<string, OrderCounts>();
  for (const [c, v] of input.orders ?? []) if (known.has(c)) orders.set(c, v);
  const out: Alert[] = [
    ...(visits ? noFollowUpAlerts(accounts, visits, asOf, s) : []),
    ...redListAlerts(accounts, asOf, s),
    ...paymentAlerts(mine(input.payments), asOf, s),
    ...orderDropAlerts(orders, asOf, s),
    ...(visits ? contactChangeAlerts(mine(input.contacts), visits, asOf, s) : []),
    ...careAlerts(mine(input.people), accounts, asOf, s),
  ];
  return out.sort(compareAlerts);
}

/** Sum of the weights of an account's risk alerts: the first key of the portfolio's urgency order. */
export function riskWeight(alerts: readonly Alert[]): number {
  let w = 0;
  for (const a of alerts) if (a.kind === "risk") w += ALERT_WEIGHT[a.rule];
  return w;
}
