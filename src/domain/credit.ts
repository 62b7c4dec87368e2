/**
 * SPEC §2 — credit grade (信用等级): volume + performance + risk deduction, graded AAA / AA / A
 * with the green / yellow / red list, the action each list calls for, and the red-list expiry.
 */
import { monthsBetween } from "./dates";
import { fail, ok, type Msg, type Result } from "./errors";
import type { Label, ParseableLabel } from "./labels";
import { CUTOFF_TOLERANCE } from "./score";
import type { Settings } from "./settings";
import { checkRange, formatNumber, toNumber } from "./values";

export const CREDIT_COMPONENT_LABELS: Readonly<Record<"volume" | "performance" | "risk", ParseableLabel>> = {
  volume: { en: "Volume", zh: "年度项目成交量", aliases: ["成交量", "Annual volume"] },
  performance: { en: "Performance", zh: "履约程度", aliases: ["履约", "Fulfilment"] },
  risk: { en: "Risk", zh: "经营风险", aliases: ["Business risk", "风险"] },
};

const VOLUME: Msg = { en: "volume", zh: "年度项目成交量" };
const PERFORMANCE: Msg = { en: "performance", zh: "履约程度" };
const RISK: Msg = { en: "risk", zh: "经营风险" };

/** The fixed point scales of SPEC §2's three components (the amounts behind them are settings). */
const COMPONENT_MAX = 50;
const RISK_MIN = -50;
/** Points where the low band ends and the mid band ends (SPEC §2: 0–20, 20–35, 35–50). */
const LOW_BAND_TOP = 20;
const MID_BAND_TOP = 35;

/**
 * Credit score = volume (0..50) + performance (0..50) + risk (−50..0), so −50..100.
 * A positive risk is an error saying risk is a deduction [chosen, SPEC §2], rather than being
 * silently negated: a user who typed +20 may have meant a low-risk 0 as much as −20.
 */
export function creditScore(volume: unknown, performance: unknown, risk: unknown): Result<number> {
  const v = toNumber(volume, VOLUME);
  if (!v.ok) return v;
  const vr = checkRange(v.value, VOLUME, 0, COMPONENT_MAX);
  if (!vr.ok) return vr;
  const p = toNumber(performance, PERFORMANCE);
  if (!p.ok) return p;
  const pr = checkRange(p.value, PERFORMANCE, 0, COMPONENT_MAX);
  if (!pr.ok) return pr;
  const r = toNumber(risk, RISK);
  if (!r.ok) return r;
  if (r.value > 0) {
    const got = formatNumber(r.value);
    return fail(
      "risk_positive",
      "invalid",
      `risk is a deduction from ${RISK_MIN} to 0, got ${got} (enter high risk as e.g. -40)`,
      `经营风险是扣分项，取值 ${RISK_MIN} 到 0，而不是 ${got}（高风险请填如 -40）`,
    );
  }
  const rr = checkRange(r.value, RISK, RISK_MIN, 0);
  if (!rr.ok) return rr;
  return ok(Math.round((vr.value + pr.value + rr.value) * 1e10) / 1e10);
}

export type CreditGrade = "AAA" | "AA" | "A";

export const CREDIT_GRADES: readonly CreditGrade[] = ["AAA", "AA", "A"];

export const CREDIT_GRADE_LABELS: Readonly<Record<CreditGrade, ParseableLabel>> = {
  AAA: { en: "AAA", zh: "AAA级" },
  AA: { en: "AA", zh: "AA级" },
  A: { en: "A", zh: "A级" },
};

/** SPEC §2: ≥ AAA cut-off → AAA, ≥ AA cut-off → AA, else A ("80分以上" includes 80, as in §1). */
export function creditGrade(score: number, s: Settings): CreditGrade {
  if (score >= s.credit.aaa - CUTOFF_TOLERANCE) return "AAA";
  if (score >= s.credit.aa - CUTOFF_TOLERANCE) return "AA";
  return "A";
}

export type CreditList = "green" | "yellow" | "red";

export const CREDIT_LIST_LABELS: Readonly<Record<CreditList, ParseableLabel>> = {
  green: { en: "Green list", zh: "绿名单", aliases: ["Green"] },
  yellow: { en: "Yellow list", zh: "黄名单", aliases: ["Yellow"] },
  red: { en: "Red list", zh: "红名单", aliases: ["Red"] },
};

const LIST_OF_GRADE: Readonly<Record<CreditGrade, CreditList>> = { AAA: "green", AA: "yellow", A: "red" };

export function creditList(grade: CreditGrade): CreditList {
  return LIST_OF_GRADE[grade];
}

/** What each grade calls for (SPEC §2), keyed by grade. */
export const CREDIT_ACTION_LABELS: Readonly<Record<CreditGrade, Label>> = {
  AAA: { en: "Normal management", zh: "正常管理" },
  AA: { en: "Watch", zh: "需要关注" },
  A: { en: "Act now", zh: "马上采取措施" },
};

/** Policy priority AAA > AA > A; 1 is the highest. */
export const CREDIT_PRIORITY: Readonly<Record<CreditGrade, 1 | 2 | 3>> = { AAA: 1, AA: 2, A: 3 };

/**
 * Volume points from the annual sales amount [chosen, SPEC §2: the source names three bands but no
 * amounts]: 0–20 rising linearly up to volumeMid, 20–35 up to volumeHigh, 35–50 up to volumeTop,
 * 50 from there on. Zero, negative and NaN sales score 0.
 */
export function volumePoints(annualSales: number, s: Settings): number {
  const { volumeMid, volumeHigh, volumeTop } = s.credit;
  if (!(annualSales > 0)) return 0;
  if (annualSales >= volumeTop) return COMPONENT_MAX;
  let points: number;
  if (annualSales < volumeMid) points = (LOW_BAND_TOP * annualSales) / volumeMid;
  else if (annualSales < volumeHigh)
    points = LOW_BAND_TOP + ((MID_BAND_TOP - LOW_BAND_TOP) * (annualSales - volumeMid)) / (volumeHigh - volumeMid);
  else points = MID_BAND_TOP + ((COMPONENT_MAX - MID_BAND_TOP) * (annualSales - volumeHigh)) / (volumeTop - volumeHigh);
  return Math.round(points * 1e10) / 1e10;
}

/**
 * SPEC §2: an account on the red list for `redListMonths` (12) whole calendar months or more loses
 * its key-account status ("一年后仍然停留在红名单").
 */
export function redListRevoked(redSinceSerial: number, asOfSerial: number, s: Settings): boolean {
  if (!Number.isFinite(redSinceSerial) || !Number.isFinite(asOfSerial)) return false;
  return monthsBetween(redSinceSerial, asOfSerial) >= s.credit.redListMonths;
}
