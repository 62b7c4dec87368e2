/**
 * SPEC §5 — contact cadence: when the next contact of each kind is due. The visit cadence of seed
 * 000 §三.3 (executive and technical yearly, account manager and service monthly) is tightened by
 * the life-cycle stage where the stage asks for more (seed 001 二): initial stage weekly in month 1
 * then every two weeks, deep binding (and value symbiosis) an executive meeting every half year.
 */
import { addMonths, serialToIso } from "./dates";
import { fail, ok, type Msg, type Result } from "./errors";
import { choices, labelIndex, parseLabel, type ParseableLabel } from "./labels";
import { lifeStage, type Stage, type VisitRole } from "./segment";
import type { Settings } from "./settings";
import { describeValue, isBlank } from "./values";

/** The four kinds of contact of SPEC §5 (the same keys as segment.ts's VisitRole). */
export type VisitType = VisitRole;

export const VISIT_TYPES: readonly VisitType[] = ["executive", "technical", "accountManager", "service"];

export const VISIT_TYPE_LABELS: Readonly<Record<VisitType, ParseableLabel>> = {
  executive: {
    en: "Executive visit",
    zh: "高层拜访",
    aliases: ["Executive", "Executive formal visit", "Executive meeting", "Top management visit", "高层", "高层正式拜访", "高层会晤", "高管拜访"],
  },
  technical: {
    en: "Technical exchange",
    zh: "技术交流",
    aliases: ["Technical", "Technical visit", "Technical workshop", "Tech exchange", "技术", "技术拜访", "技术交流会"],
  },
  accountManager: {
    en: "Account manager visit",
    zh: "客户经理拜访",
    aliases: ["Account manager", "AM", "AM visit", "KAM visit", "Sales visit", "客户经理", "大客户经理拜访", "大客户经理定期拜访", "销售拜访"],
  },
  service: {
    en: "Service callback",
    zh: "服务回访",
    aliases: ["Service", "Service call", "Service visit", "Callback", "服务", "回访", "售后回访", "客服回访"],
  },
};

const TYPE_INDEX = labelIndex(VISIT_TYPE_LABELS);

/** A visit type in either language; blank → missing, anything else unknown → invalid listing the types. */
export function parseVisitType(v: unknown): Result<VisitType> {
  const list = { en: choices(VISIT_TYPES.map((t) => VISIT_TYPE_LABELS[t]), "en"), zh: choices(VISIT_TYPES.map((t) => VISIT_TYPE_LABELS[t]), "zh") };
  if (isBlank(v)) return fail("visit_type_missing", "missing", `the visit type is missing; expected ${list.en}`, `缺少拜访类型；应为${list.zh}`);
  const t = parseLabel(v, TYPE_INDEX);
  if (t !== undefined) return ok(t);
  const got = describeValue(v);
  return fail("visit_type_unknown", "invalid", `unknown visit type "${got}"; expected ${list.en}`, `未知的拜访类型“${got}”；应为${list.zh}`);
}

export type Interval = { readonly unit: "months" | "days"; readonly n: number };

export function after(serial: number, interval: Interval): number {
  return interval.unit === "months" ? addMonths(serial, interval.n) : Math.floor(serial) + interval.n;
}

function baseMonths(type: VisitType, s: Settings): number {
  const c = s.cadence;
  switch (type) {
    case "executive":
      return c.executiveMonths;
    case "technical":
      return c.technicalMonths;
    case "accountManager":
      return c.accountManagerMonths;
    case "service":
      return c.serviceMonths;
  }
}

export type CadenceBasis = "visit" | "initialFirstMonth" | "initialLater" | "deepExecutive";

export interface NextContact {
  readonly due: number;
  readonly interval: Interval;
  /** Which rule set the interval: the visit cadence, or a stricter life-cycle cadence. */
  readonly basis: CadenceBasis;
  /** The rule in words, e.g. "Account manager visit every month" / "初步合作期第 1 个月：每周 1 次". */
  readonly text: Msg;
}

function intervalText(i: Interval): Msg {
  if (i.unit === "days") {
    if (i.n === 7) return { en: "every week", zh: "每周 1 次" };
    if (i.n === 14) return { en: "every two weeks", zh: "每两周 1 次" };
    return { en: `every ${i.n} days`, zh: `每 ${i.n} 天 1 次` };
  }
  if (i.n === 1) return { en: "every month", zh: "每月 1 次" };
  if (i.n === 6) return { en: "every half year", zh: "每半年 1 次" };
  if (i.n === 12) return { en: "every year", zh: "每年 1 次" };
  return { en: `every ${i.n} months`, zh: `每 ${i.n} 个月 1 次` };
}

/**
 * The next contact of a type after the last one, for an account in `stage` (null = unknown).
 * [chosen, SPEC §5] The stage cadences tighten one kind of contact each:
 *  - initial: account manager contact weekly while the last contact falls in the first month after
 *    signing, every two weeks after that. Without a signing date (KAM.NEXTCONTACT) month 1 cannot
 *    be told from months 2–3, so the stricter weekly cadence is used;
 *  - stable: the quarterly value review is looser than the monthly account manager visit, so it
 *    changes nothing;
 *  - deep binding and value symbiosis: executive contact every half year instead of every year.
 * Where both apply, the earlier due date wins.
 */
export function nextContact(lastSerial: number, type: VisitType, stage: Stage | null, signedSerial: number | null, s: Settings): NextContact {
  const last = Math.floor(lastSerial);
  const base: Interval = { unit: "months", n: baseMonths(type, s) };
  let best: NextContact = {
    due: after(last, base),
    interval: base,
    basis: "visit",
    text: { en: `${VISIT_TYPE_LABELS[type].en} ${intervalText(base).en}`, zh: `${VISIT_TYPE_LABELS[type].zh}：${intervalText(base).zh}` },
  };
  const consider = (interval: Interval, basis: CadenceBasis, text: Msg) => {
    const due = after(last, interval);
    if (due < best.due) best = { due, interval, basis, text };
  };
  const c = s.cadence;
  if (stage === "initial" && type === "accountManager") {
    const firstMonth = signedSerial === null || last < addMonths(signedSerial, 1);
    if (firstMonth) {
      const i: Interval = { unit: "days", n: c.initialFirstMonthDays };
      consider(i, "initialFirstMonth", { en: `Initial cooperation, month 1: ${intervalText(i).en}`, zh: `初步合作期第 1 个月：${intervalText(i).zh}` });
    } else {
      const i: Interval = { unit: "days", n: c.initialLaterDays };
      consider(i, "initialLater", { en: `Initial cooperation, months 2–3: ${intervalText(i).en}`, zh: `初步合作期第 2–3 个月：${intervalText(i).zh}` });
    }
  }
  if ((stage === "deep" || stage === "symbiosis") && type === "executive") {
    const i: Interval = { unit: "months", n: c.deepExecutiveMonths };
    const name = stage === "deep" ? { en: "Deep binding", zh: "深度绑定期" } : { en: "Value symbiosis", zh: "价值共生期" };
    consider(i, "deepExecutive", { en: `${name.en}: executive meeting ${intervalText(i).en}`, zh: `${name.zh}：高层会晤${intervalText(i).zh}` });
  }
  return best;
}

// ───────────────────────────── per account ─────────────────────────────

export interface VisitRecord {
  readonly customer: string;
  readonly date: number;
  readonly type: VisitType;
}

export interface CadenceAccount {
  readonly customer: string;
  /** Contract signing date (serial), or null when unknown. */
  readonly signed: number | null;
}

export interface ContactDue {
  readonly customer: string;
  readonly type: VisitType;
  /** Last visit of this type on or before the as-of date, or null. */
  readonly last: number | null;
  readonly due: number;
  /** as-of − due when positive, else 0: a contact due today is not overdue. */
  readonly overdueDays: number;
  /** due − as-of: negative when overdue, 0 when due today. */
  readonly daysLeft: number;
  readonly stage: Stage | null;
  readonly basis: CadenceBasis | "noRecord";
  readonly text: Msg;
}

/**
 * The next due contact of every type for every account, as of a date. Visits after the as-of date
 * have not happened yet and are ignored; visits of accounts not in `accounts` are ignored (callers
 * report them). Without any visit of a type, the contract signing counts as the last contact; with
 * neither, the first contact is due on the as-of date itself [chosen, issue 8].
 */
export function contactsDue(accounts: readonly CadenceAccount[], visits: readonly VisitRecord[], asOfSerial: number, s: Settings): ContactDue[] {
  const asOf = Math.floor(asOfSerial);
  const last = new Map<string, Partial<Record<VisitType, number>>>();
  for (const a of accounts) if (!last.has(a.customer)) last.set(a.customer, {});
  for (const v of visits) {
    const d = Math.floor(v.date);
    if (d > asOf) continue;
    const m = last.get(v.customer);
    if (m === undefined) continue;
    const prev = m[v.type];
    if (prev === undefined || d > prev) m[v.type] = d;
  }
  const out: ContactDue[] = [];
  const seen = new Set<string>();
  for (const a of accounts) {
    if (seen.has(a.customer)) continue;
    seen.add(a.customer);
    // A contract dated after as-of counts as the initial stage (lifeStage's reading).
    const stage = a.signed !== null ? lifeStage(a.signed, asOf, s) : null;
    const m = last.get(a.customer) ?? {};
    for (const type of VISIT_TYPES) {
      const l = m[type] ?? null;
      const from = l ?? a.signed;
      let due: number;
      let basis: ContactDue["basis"];
      let text: Msg;
      if (from === null) {
        due = asOf;
        basis = "noRecord";
        text = { en: `No ${VISIT_TYPE_LABELS[type].en.toLowerCase()} on record`, zh: `没有${VISIT_TYPE_LABELS[type].zh}记录` };
      } else {
        const n = nextContact(from, type, stage, a.signed, s);
        due = n.due;
        basis = n.basis;
        text =
          l === null
            ? { en: `${n.text.en} (none since signing on ${serialToIso(from)})`, zh: `${n.text.zh}（自 ${serialToIso(from)} 签约以来尚无）` }
            : n.text;
      }
      out.push({ customer: a.customer, type, last: l, due, overdueDays: Math.max(0, asOf - due), daysLeft: due - asOf, stage, basis, text });
    }
  }
  return out;
}

/** The most urgent of an account's contacts: the earliest due date, ties in VISIT_TYPES order. */
export function mostUrgent(dues: readonly ContactDue[]): ContactDue | null {
  let best: ContactDue | null = null;
  for (const d of dues) if (best === null || d.due < best.due) best = d;
  return best;
}
