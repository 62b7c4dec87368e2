/**
 * SPEC §1 — the six-criteria key-account score (大客户评判标准), its tiers, the account scope and
 * the "won" marker.
 */
import { fail, failWith, ok, type KamError, type Msg, type Result } from "./errors";
import { choices, labelIndex, parseLabel, type ParseableLabel } from "./labels";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import { checkRange, describeValue, isBlank, toNumber } from "./values";

export const CRITERIA = ["strategicFit", "profit", "scale", "influence", "brand", "potential"] as const;
export type CriterionKey = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Readonly<Record<CriterionKey, ParseableLabel>> = {
  strategicFit: { en: "Strategic fit", zh: "战略契合度", aliases: ["Strategy fit", "战略契合", "战略匹配度"] },
  profit: { en: "Profit contribution", zh: "利润贡献", aliases: ["利润贡献度"] },
  scale: { en: "Business scale", zh: "业务规模", aliases: ["Scale"] },
  influence: { en: "Industry influence", zh: "行业影响力", aliases: ["Influence", "影响力"] },
  brand: { en: "Market & brand effect", zh: "市场和品牌效应", aliases: ["Market and brand effect", "Brand effect", "市场与品牌效应", "品牌效应"] },
  potential: { en: "Growth potential", zh: "发展潜力", aliases: ["Development potential", "潜力"] },
};

export type ScoreTier = "keyAccount" | "potential" | "general";

export const SCORE_TIER_LABELS: Readonly<Record<ScoreTier, ParseableLabel>> = {
  keyAccount: { en: "Key account", zh: "大客户" },
  potential: { en: "Potential key account", zh: "潜在大客户" },
  general: { en: "General account", zh: "一般客户", aliases: ["General", "General customer"] },
};

/**
 * Totals are sums of decimals (3.3 + 3.3 + 3.4); binary rounding must not drop an 80 to
 * 79.999999…, so a total this close below a cut-off counts as on it.
 */
export const CUTOFF_TOLERANCE = 1e-9;

/** Lower-case first letter for use inside an English sentence ("profit contribution 25 is…"). */
function inSentence(label: ParseableLabel): Msg {
  return { en: label.en.charAt(0).toLowerCase() + label.en.slice(1), zh: label.zh };
}

/** Drop the float noise of a sum of decimals (80.00000000000001 → 80) without changing real digits. */
function cleanSum(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

export interface ScoreRowValue {
  total: number;
  points: Record<CriterionKey, number>;
}

/**
 * Validate one row of six criterion points (in CRITERIA order) and add them up. A blank criterion
 * is a "missing" error, never a silent 0; an explicit 0 is valid [chosen, SPEC §1].
 */
export function scoreRow(points: readonly unknown[], s: Settings): Result<ScoreRowValue> {
  if (!Array.isArray(points) || points.length !== CRITERIA.length) {
    const got = Array.isArray(points) ? points.length : 0;
    const en = CRITERIA.map((k) => inSentence(CRITERION_LABELS[k]).en).join(", ");
    const zh = CRITERIA.map((k) => CRITERION_LABELS[k].zh).join("、");
    return fail(
      "criteria_count",
      "invalid",
      `expected 6 criterion values (${en}), got ${got}`,
      `需要 6 项评分（${zh}），实际为 ${got} 项`,
    );
  }
  const out = {} as Record<CriterionKey, number>;
  let total = 0;
  for (let i = 0; i < CRITERIA.length; i++) {
    const key = CRITERIA[i];
    const what = inSentence(CRITERION_LABELS[key]);
    const n = toNumber(points[i], what);
    if (!n.ok) return n;
    const r = checkRange(n.value, what, 0, s.score.max[key]);
    if (!r.ok) return r;
    out[key] = r.value;
    total += r.value;
  }
  return ok({ total: cleanSum(total), points: out });
}

/** SPEC §1: ≥ key-account cut-off → key account, ≥ potential cut-off → potential, else general [chosen: "80分以上" includes 80]. */
export function scoreTier(total: number, s: Settings): ScoreTier {
  if (total >= s.score.keyAccount - CUTOFF_TOLERANCE) return "keyAccount";
  if (total >= s.score.potential - CUTOFF_TOLERANCE) return "potential";
  return "general";
}

export type AccountScope = "company" | "region";

export const SCOPE_LABELS: Readonly<Record<AccountScope, ParseableLabel>> = {
  company: {
    en: "Company-level",
    zh: "公司级",
    aliases: ["Company level", "Company", "Corporate", "公司级大客户", "公司"],
  },
  region: {
    en: "Region-level",
    zh: "区域级",
    aliases: ["Region level", "Regional", "Region", "区域级大客户", "区域"],
  },
};

const SCOPE_INDEX = labelIndex(SCOPE_LABELS);

/** Scope is an input attribute (SPEC §1), parsed from either language. */
export function parseScope(v: unknown): Result<AccountScope> {
  const labels = Object.values(SCOPE_LABELS);
  if (isBlank(v)) return fail("missing_scope", "missing", "scope is missing", "缺少大客户级别");
  const key = parseLabel(v, SCOPE_INDEX);
  if (key !== undefined) return ok(key);
  const err: KamError = {
    code: "unknown_scope",
    kind: "invalid",
    msg: {
      en: `scope must be ${choices(labels, "en")}, got "${describeValue(v)}"`,
      zh: `大客户级别必须是${choices(labels, "zh")}，而不是"${describeValue(v)}"`,
    },
  };
  return failWith(err);
}

/**
 * SPEC §1: an account is won when we hold more than the won share (default 60 %) of its purchases.
 * `s` is optional so callers written against the first API draft keep compiling; pass it so the
 * workbook's own line is used.
 */
export function isWon(shareOfWallet: number, s: Settings = DEFAULT_SETTINGS): boolean {
  return shareOfWallet > s.score.wonShare;
}
