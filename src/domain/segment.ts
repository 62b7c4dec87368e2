/**
 * SPEC §5 — segmentation and life cycle (seed 001, seed 000 §三.3): the value × potential matrix,
 * spending tiers, the life-cycle stage with its contact cadence, and the visit cadence.
 */
import { fail, failWith, ok, type Result } from "./errors";
import type { Label, ParseableLabel } from "./labels";
import { addMonths, parseDate, serialToIso } from "./dates";
import type { Settings } from "./settings";
import { checkRange, toNumber } from "./values";

// ---------------------------------------------------------------------------------------------
// Value × potential matrix

export type Quadrant = "coreValue" | "highPotential" | "maintain" | "optimise";

export const QUADRANT_LABELS: Readonly<Record<Quadrant, ParseableLabel>> = {
  coreValue: { en: "Core value", zh: "核心价值客户", aliases: ["Core", "Core value customer", "核心价值"] },
  highPotential: { en: "High potential", zh: "高潜力客户", aliases: ["High-potential", "High potential customer", "高潜力"] },
  maintain: { en: "Maintain", zh: "维持型客户", aliases: ["Maintenance", "Maintain customer", "维持型"] },
  optimise: { en: "To optimise", zh: "待优化客户", aliases: ["Optimise", "Optimize", "To optimize", "待优化"] },
};

/** What each quadrant gets (seed 001 一(一)). */
export const QUADRANT_ACTION_LABELS: Readonly<Record<Quadrant, Label>> = {
  coreValue: {
    en: "Dedicated account manager and a tailored service plan; face-to-face meeting every month",
    zh: "配置专属客户经理 + 定制化服务方案，每月 1 次面对面沟通",
  },
  highPotential: {
    en: "Named contact and a quarterly needs review; first access to new products and industry solutions",
    zh: "指定专属对接人 + 季度需求复盘，优先提供新品试用、行业解决方案",
  },
  maintain: {
    en: "Standard service and a callback every half year; protect service quality to avoid losing the account",
    zh: "标准化服务 + 半年 1 次回访，重点保障服务质量，减少流失风险",
  },
  optimise: {
    en: "Show value with industry cases first, then deepen step by step; avoid over-investing",
    zh: "先通过行业案例展示价值，再逐步推进深度合作，避免过度资源浪费",
  },
};

/**
 * [chosen, SPEC §5] The quadrant from the revenue rank share r (0 = the largest account; the share
 * of accounts with more revenue) and the yearly growth g (0.2 = +20 %), first match wins:
 *  1. core value: r < coreTopShare (top 10 %) and demand is stable or growing, g > −stableGrowth;
 *  2. high potential: g ≥ fastGrowth (fast-growing and not core, whatever its revenue today);
 *  3. maintain: r < mediumTopShare (top half), not fast-growing — incl. a top account whose
 *     demand is shrinking, where keeping service quality up is the point;
 *  4. optimise: the rest (low revenue, not fast-growing).
 * A better rank or faster growth never moves an account from core value / high potential down to
 * maintain / optimise.
 */
export function quadrant(revenueRankShare: number, growth: number, s: Settings): Quadrant {
  const g = s.segment;
  if (revenueRankShare < g.coreTopShare && growth > -g.stableGrowth) return "coreValue";
  if (growth >= g.fastGrowth) return "highPotential";
  if (revenueRankShare < g.mediumTopShare) return "maintain";
  return "optimise";
}

/** Cell input for `quadrant`: rank share 0–1 (or "35%"), growth any number (or "-5%"). */
export function quadrantOf(revenueRankShare: unknown, growth: unknown, s: Settings): Result<Quadrant> {
  const rw = { en: "revenue rank share", zh: "营收排名占比" };
  const r = toNumber(revenueRankShare, rw);
  if (!r.ok) return r;
  const inRange = checkRange(r.value, rw, 0, 1);
  if (!inRange.ok) return failWith(inRange.error);
  const gr = toNumber(growth, { en: "growth", zh: "增长率" });
  if (!gr.ok) return gr;
  return ok(quadrant(r.value, gr.value, s));
}

/**
 * The revenue rank share of each account: the share of accounts with strictly more revenue, so the
 * largest is 0 and equal revenues share a rank.
 */
export function revenueRankShares(revenues: readonly number[]): number[] {
  const n = revenues.length;
  const sorted = [...revenues].sort((a, b) => b - a);
  const above = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!above.has(v)) above.set(v, i);
  });
  return revenues.map((v) => (above.get(v) ?? 0) / n);
}

// ---------------------------------------------------------------------------------------------
// Spending tiers

export type SpendingTier = "strategic" | "key" | "basic" | "other";

export const SPENDING_TIER_LABELS: Readonly<Record<SpendingTier, ParseableLabel>> = {
  strategic: { en: "Strategic", zh: "战略级" },
  key: { en: "Key", zh: "重点级" },
  basic: { en: "Basic", zh: "基础级" },
  other: { en: "Below basic", zh: "基础级以下", aliases: ["Other", "其他"] },
};

/** Who serves each tier (seed 001 一(一), example); "below basic" gets the standard service [chosen]. */
export const SPENDING_SERVICE_LABELS: Readonly<Record<SpendingTier, Label>> = {
  strategic: { en: "Executives deal with the account directly", zh: "高管直接对接" },
  key: { en: "Two-person team: account manager + technical support", zh: "2 人服务小组（客户经理 + 技术支持）" },
  basic: { en: "Dedicated consultant", zh: "专属顾问负责" },
  other: { en: "Standard service", zh: "标准化服务" },
};

/** By annual payment: ≥ strategic line, ≥ key line, ≥ basic line, else below basic (SPEC §5). */
export function spendingTier(annualPayment: number, s: Settings): SpendingTier {
  const g = s.segment;
  if (annualPayment >= g.spendingStrategic) return "strategic";
  if (annualPayment >= g.spendingKey) return "key";
  if (annualPayment >= g.spendingBasic) return "basic";
  return "other";
}

// ---------------------------------------------------------------------------------------------
// Life cycle

export type Stage = "initial" | "stable" | "deep" | "symbiosis";

export const STAGE_LABELS: Readonly<Record<Stage, ParseableLabel>> = {
  initial: { en: "Initial cooperation", zh: "初步合作期", aliases: ["Initial", "初步合作"] },
  stable: { en: "Stable cooperation", zh: "稳定合作期", aliases: ["Stable", "稳定合作"] },
  deep: { en: "Deep binding", zh: "深度绑定期", aliases: ["Deep", "深度绑定"] },
  symbiosis: { en: "Value symbiosis", zh: "价值共生期", aliases: ["Symbiosis", "价值共生"] },
};

/** Contact cadence per stage (seed 001 二); the source gives symbiosis no cadence, so it keeps the deep stage's [chosen]. */
export const STAGE_CADENCE_LABELS: Readonly<Record<Stage, Label>> = {
  initial: {
    en: "Weekly progress update in month 1, then a review every two weeks in months 2–3",
    zh: "前 1 个月每周 1 次进度同步，第 2–3 个月每两周 1 次问题复盘",
  },
  stable: { en: "Quarterly value review (customer value report)", zh: "每季度 1 次价值复盘（《客户价值报告》）" },
  deep: { en: "Executive meeting every half year", zh: "每半年 1 次高层会晤" },
  symbiosis: {
    en: "Executive meeting every half year; joint forums, white papers and shared projects",
    zh: "每半年 1 次高层会晤；联合举办论坛、发布白皮书、共建项目",
  },
};

/**
 * Stage by calendar time since signing, boundaries from `stageMonths` (default 3, 12, 36)
 * [chosen, SPEC §5]: before 3 months → initial; from 3 to before 12 → stable; from 12 months up
 * to and including exactly 36 → deep; after 36 months → symbiosis. A signing date after `asOf`
 * counts as initial (use lifeStageOf to reject it).
 */
export function lifeStage(signedSerial: number, asOfSerial: number, s: Settings): Stage {
  const [m0, m1, m2] = s.segment.stageMonths;
  const asOf = Math.floor(asOfSerial);
  if (asOf < addMonths(signedSerial, m0)) return "initial";
  if (asOf < addMonths(signedSerial, m1)) return "stable";
  if (asOf <= addMonths(signedSerial, m2)) return "deep";
  return "symbiosis";
}

/** Cell input for `lifeStage`: both dates as Excel dates or text; signing must not be after `asOf`. */
export function lifeStageOf(signed: unknown, asOf: unknown, s: Settings): Result<Stage> {
  const a = parseDate(signed);
  if (!a.ok) return a;
  const b = parseDate(asOf);
  if (!b.ok) return b;
  if (a.value > b.value) {
    return fail(
      "signed_after_as_of",
      "invalid",
      `the contract date ${serialToIso(a.value)} is after the as-of date ${serialToIso(b.value)}`,
      `签约日期 ${serialToIso(a.value)} 晚于截止日期 ${serialToIso(b.value)}`,
    );
  }
  return ok(lifeStage(a.value, b.value, s));
}

// ---------------------------------------------------------------------------------------------
// Visit cadence

export type VisitRole = "executive" | "technical" | "accountManager" | "service";

export interface VisitCadence {
  readonly label: Label;
  readonly cadence: Label;
  /** The longest gap between two contacts, in months. */
  readonly everyMonths: number;
}

/** Seed 000 §三.3. */
export const VISIT_CADENCE: Readonly<Record<VisitRole, VisitCadence>> = {
  executive: { label: { en: "Executive formal visit", zh: "高层正式拜访" }, cadence: { en: "Yearly", zh: "每年 1 次" }, everyMonths: 12 },
  technical: { label: { en: "Technical exchange", zh: "技术交流" }, cadence: { en: "Yearly", zh: "每年 1 次" }, everyMonths: 12 },
  accountManager: { label: { en: "Account manager visit", zh: "大客户经理定期拜访" }, cadence: { en: "Monthly", zh: "每月 1 次" }, everyMonths: 1 },
  service: { label: { en: "Service callback", zh: "服务回访" }, cadence: { en: "At least monthly", zh: "至少每月 1 次" }, everyMonths: 1 },
};
