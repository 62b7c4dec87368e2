/**
 * SPEC §4a / §4b — customer profiles (客户画像): scoring each dimension 0–100, the external
 * (prospecting) classification against the baseline and warning lines, and the internal
 * (account-management) tiers with the gap to the next tier. `levelPoints` is the engine behind
 * KAM.LEVEL and also scores the §4c stakeholder attributes.
 */
import { fail, failWith, ok, type Msg, type Result } from "./errors";
import { choices, labelIndex, parseLabel, type Label, type ParseableLabel } from "./labels";
import { levelTable, scoreLevel, type LevelTable } from "./levels";
import type { Settings } from "./settings";
import { STAKEHOLDER_ATTRIBUTE_LABELS, STAKEHOLDER_ATTRIBUTES, stakeholderPoints, type StakeholderAttribute } from "./stakeholder";
import { checkRange, describeValue, formatNumber, isBlank, numberInRange, toNumber } from "./values";

export const EXTERNAL_DIMENSIONS = ["market", "rnd", "quality", "regulatory", "price", "professional"] as const;
export type ExternalDimension = (typeof EXTERNAL_DIMENSIONS)[number];
export const INTERNAL_DIMENSIONS = ["sales", "profit", "quality", "credit", "relationship", "professional"] as const;
export type InternalDimension = (typeof INTERNAL_DIMENSIONS)[number];
export type ProfileDimension = ExternalDimension | InternalDimension;

export const PROFILE_DIMENSION_LABELS: Readonly<Record<ProfileDimension, ParseableLabel>> = {
  market: { en: "Market size", zh: "市场规模", aliases: ["Market", "Market scale", "市场"] },
  rnd: { en: "R&D capability", zh: "研发能力", aliases: ["R&D", "RnD", "R and D", "Research and development", "研发"] },
  quality: { en: "Quality requirement", zh: "质量要求", aliases: ["Quality", "Quality requirements", "质量"] },
  regulatory: { en: "Regulatory requirement", zh: "法规要求", aliases: ["Regulatory", "Regulation", "Regulatory requirements", "法规"] },
  price: { en: "Price type", zh: "价格类型", aliases: ["Price", "Price sensitivity", "价格"] },
  professional: { en: "Professional level", zh: "专业水平", aliases: ["Professional", "Expertise", "专业", "专业程度"] },
  sales: { en: "Sales volume", zh: "销售规模", aliases: ["Sales", "Sales scale", "销售"] },
  profit: { en: "Profit contribution", zh: "利润贡献", aliases: ["Profit", "利润"] },
  credit: { en: "Credit", zh: "信用等级", aliases: ["Credit grade", "Credit score", "信用", "信用分"] },
  relationship: { en: "Relationship", zh: "客户关系", aliases: ["Customer relationship", "Relationship health"] },
};

/** The radar's reference lines (SPEC §4a). */
export type ProfileLine = "baseline" | "warning";
export const PROFILE_LINE_LABELS: Readonly<Record<ProfileLine, Label>> = {
  baseline: { en: "Baseline", zh: "基准线" },
  warning: { en: "Warning line", zh: "警戒线" },
};

/** "quality requirement" / "质量要求": a dimension's name inside a sentence. */
function what(label: Label): Msg {
  return { en: label.en.charAt(0).toLowerCase() + label.en.slice(1), zh: label.zh };
}

// ---------------------------------------------------------------------------------------------
// Numeric dimensions

/** Units rounded down, forgiving binary noise (7e8 / 1e8 must be 7, not 6.999…). */
function wholeUnits(amount: number, unit: number): number {
  return Math.floor(amount / unit + 1e-9);
}

/**
 * Market size from annual revenue (USD) [chosen, SPEC §4a]: n = whole units (default 100 M);
 * n ≤ 1 → 10; up to the break (default 15) 5 points per unit after the first; beyond it 2 per unit;
 * at most 100. 1.2 B → 65, 1.5 B → 80, 2.5 B → 100.
 */
export function marketScore(revenueUsd: number, s: Settings): number {
  const n = wholeUnits(revenueUsd, s.external.marketUnit);
  const b = s.external.marketBreak;
  if (n <= 1) return 10;
  const points = n <= b ? 10 + 5 * (n - 1) : 10 + 5 * (b - 1) + 2 * (n - b);
  return Math.min(100, points);
}

/** R&D capability: points per product pipeline matching ours, at most 100 (SPEC §4a). */
export function rndScore(pipelines: number, s: Settings): number {
  return Math.min(100, Math.max(0, Math.floor(pipelines)) * s.external.rndPerPipeline);
}

/**
 * Sales volume from annual sales [chosen, SPEC §4b, read like market size]: n = whole units U;
 * 10 points per unit (at least 10) up to the break B, then 5 per unit, at most 100. With the
 * defaults (U = 1 M, B = 5 M) the tier lines 10 / 30 / 50 sit at 1 M, 3 M and 5 M.
 */
export function salesVolumeScore(annualSales: number, s: Settings): number {
  const n = wholeUnits(annualSales, s.internal.salesUnit);
  const b = s.internal.salesBreak / s.internal.salesUnit;
  const points = n <= b ? 10 * Math.max(1, n) : 10 * b + 5 * (n - b);
  return Math.min(100, points);
}

/** Credit dimension: the §2 credit score (−50..100) clipped to 0–100 (SPEC §4b). */
export function creditPoints(creditScore: number): number {
  return Math.min(100, Math.max(0, creditScore));
}

// ---------------------------------------------------------------------------------------------
// Level tables

export type QualityLevel = "medium" | "high" | "low";
export const QUALITY_LEVEL_LABELS: Readonly<Record<QualityLevel, ParseableLabel>> = {
  medium: { en: "Medium", zh: "中", aliases: ["Mid", "Moderate", "中等", "中等水平"] },
  high: { en: "High", zh: "高", aliases: ["高等", "高等水平"] },
  low: { en: "Low", zh: "低", aliases: ["低等", "低等水平"] },
};

export type RegulatoryLevel = "high" | "medium" | "low";
export const REGULATORY_LEVEL_LABELS: Readonly<Record<RegulatoryLevel, ParseableLabel>> = {
  high: { en: "High", zh: "高", aliases: ["高等", "高等法规要求"] },
  medium: { en: "Medium", zh: "中", aliases: ["Mid", "Moderate", "中等", "中等法规要求"] },
  low: { en: "Low", zh: "低", aliases: ["低等", "低等法规要求"] },
};

export type PriceLevel = "generous" | "conservative" | "sensitive";
export const PRICE_LEVEL_LABELS: Readonly<Record<PriceLevel, ParseableLabel>> = {
  generous: { en: "Generous", zh: "豪放型", aliases: ["豪放", "Free-spending"] },
  conservative: { en: "Conservative", zh: "保守型", aliases: ["保守"] },
  sensitive: { en: "Price-sensitive", zh: "敏感型", aliases: ["Sensitive", "Price sensitive", "敏感", "价格敏感型"] },
};

export type ProfessionalLevel = "expert" | "layman" | "between";
export const PROFESSIONAL_LEVEL_LABELS: Readonly<Record<ProfessionalLevel, ParseableLabel>> = {
  expert: { en: "Expert", zh: "专业型", aliases: ["Professional", "专业"] },
  layman: { en: "Layman", zh: "外行型", aliases: ["Lay", "Non-expert", "外行"] },
  between: { en: "In-between", zh: "中间型", aliases: ["Between", "Intermediate", "In between", "中间"] },
};

export type ProfitLevel = "high" | "mid" | "low";
export const PROFIT_LEVEL_LABELS: Readonly<Record<ProfitLevel, ParseableLabel>> = {
  high: { en: "High", zh: "高", aliases: ["高者"] },
  mid: { en: "Medium", zh: "中", aliases: ["Mid", "中者", "中等"] },
  low: { en: "Low", zh: "低", aliases: ["低者"] },
};

export type RelationshipLevel = "good" | "medium" | "fair" | "poor";
export const RELATIONSHIP_LEVEL_LABELS: Readonly<Record<RelationshipLevel, ParseableLabel>> = {
  good: { en: "Good", zh: "好", aliases: ["良好"] },
  medium: { en: "Medium", zh: "中", aliases: ["Mid", "中等"] },
  fair: { en: "Fair", zh: "一般", aliases: ["Average"] },
  poor: { en: "Poor", zh: "差", aliases: ["Bad", "较差"] },
};

const L = PROFILE_DIMENSION_LABELS;
export const QUALITY_LEVELS: LevelTable<QualityLevel> = levelTable(what(L.quality), QUALITY_LEVEL_LABELS, (s) => s.external.quality);
export const REGULATORY_LEVELS: LevelTable<RegulatoryLevel> = levelTable(what(L.regulatory), REGULATORY_LEVEL_LABELS, (s) => s.external.regulatory);
export const PRICE_LEVELS: LevelTable<PriceLevel> = levelTable(what(L.price), PRICE_LEVEL_LABELS, (s) => s.external.price);
export const PROFESSIONAL_LEVELS: LevelTable<ProfessionalLevel> = levelTable(what(L.professional), PROFESSIONAL_LEVEL_LABELS, (s) => s.external.professional);
export const PROFIT_LEVELS: LevelTable<ProfitLevel> = levelTable(what(L.profit), PROFIT_LEVEL_LABELS, (s) => s.internal.profit);
export const RELATIONSHIP_LEVELS: LevelTable<RelationshipLevel> = levelTable(what(L.relationship), RELATIONSHIP_LEVEL_LABELS, (s) => s.internal.relationship);

// ---------------------------------------------------------------------------------------------
// levelPoints (KAM.LEVEL)

export type LevelDimension = ProfileDimension | StakeholderAttribute;

const DIMENSION_LABELS: Readonly<Record<LevelDimension, ParseableLabel>> = { ...PROFILE_DIMENSION_LABELS, ...STAKEHOLDER_ATTRIBUTE_LABELS };
const DIMENSION_INDEX = labelIndex(DIMENSION_LABELS);
const LEVEL_DIMENSIONS = [...EXTERNAL_DIMENSIONS, "sales", "profit", "credit", "relationship", ...STAKEHOLDER_ATTRIBUTES] as const;

export function parseLevelDimension(v: unknown): Result<LevelDimension> {
  const key = parseLabel(v, DIMENSION_INDEX);
  if (key !== undefined) return ok(key);
  const list = LEVEL_DIMENSIONS.map((k) => DIMENSION_LABELS[k]);
  const got = describeValue(v);
  if (isBlank(v)) {
    return fail("missing_value", "missing", `the dimension is missing; use ${choices(list, "en")}`, `缺少维度；请使用 ${choices(list, "zh")}`);
  }
  return fail(
    "unknown_dimension",
    "invalid",
    `"${got}" is not a profile dimension; use ${choices(list, "en")}`,
    `“${got}”不是画像维度；请使用 ${choices(list, "zh")}`,
  );
}

/** An amount that must not be negative (revenue, sales, pipelines). */
function nonNegative(v: unknown, w: Msg): Result<number> {
  const r = toNumber(v, w);
  if (!r.ok || r.value >= 0) return r;
  const n = formatNumber(r.value);
  return fail("below_minimum", "invalid", `${w.en} must not be negative, got ${n}`, `${w.zh}不能为负数，实际为 ${n}`);
}

/**
 * Points (0–100) for one dimension of a profile or one stakeholder attribute.
 * Numeric dimensions take an amount: market (annual revenue, USD), rnd (matching pipelines, whole),
 * sales (annual sales), credit (§2 credit score −50..100), age (years → age fit).
 * Level dimensions take a level ("high", "高", "硕士"), a level with a number ("high 85") or a
 * number that lies in one of the levels' bands.
 */
export function levelPoints(dimension: unknown, value: unknown, s: Settings): Result<number> {
  const d = parseLevelDimension(dimension);
  if (!d.ok) return d;
  const key = d.value;
  const level = <K extends string>(t: LevelTable<K>): Result<number> => {
    const r = scoreLevel(t, value, s);
    return r.ok ? ok(r.value.points) : r;
  };
  switch (key) {
    case "market": {
      const r = nonNegative(value, { en: "annual revenue (USD) for market size", zh: "市场规模的年销售额（美元）" });
      return r.ok ? ok(marketScore(r.value, s)) : r;
    }
    case "rnd": {
      const w = { en: "the number of matching R&D pipelines", zh: "匹配的研发管线数量" };
      const r = nonNegative(value, w);
      if (!r.ok) return r;
      if (!Number.isInteger(r.value)) {
        return fail("not_whole", "invalid", `${w.en} must be a whole number, got ${formatNumber(r.value)}`, `${w.zh}必须是整数，实际为 ${formatNumber(r.value)}`);
      }
      return ok(rndScore(r.value, s));
    }
    case "sales": {
      const r = nonNegative(value, { en: "annual sales for sales volume", zh: "销售规模的年度销售额" });
      return r.ok ? ok(salesVolumeScore(r.value, s)) : r;
    }
    case "credit": {
      const r = numberInRange(value, { en: "credit score", zh: "信用分" }, -50, 100);
      return r.ok ? ok(creditPoints(r.value)) : r;
    }
    case "quality":
      return level(QUALITY_LEVELS);
    case "regulatory":
      return level(REGULATORY_LEVELS);
    case "price":
      return level(PRICE_LEVELS);
    case "professional":
      return level(PROFESSIONAL_LEVELS);
    case "profit":
      return level(PROFIT_LEVELS);
    case "relationship":
      return level(RELATIONSHIP_LEVELS);
    default:
      return stakeholderPoints(key, value, s);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation of a profile row

/**
 * Six scores 0–100 in the dimension order of `kind`. Only the internal credit dimension may be
 * blank (null: credit management has not started, SPEC §4b).
 */
export function validateProfileRow(values: readonly unknown[], kind: "external" | "internal"): Result<(number | null)[]> {
  const dims: readonly ProfileDimension[] = kind === "external" ? EXTERNAL_DIMENSIONS : INTERNAL_DIMENSIONS;
  if (!Array.isArray(values) || values.length !== dims.length) {
    const got = Array.isArray(values) ? values.length : 0;
    const names = dims.map((k) => PROFILE_DIMENSION_LABELS[k]);
    return fail(
      "profile_count",
      "invalid",
      `expected 6 scores (${names.map((l) => what(l).en).join(", ")}), got ${got}`,
      `需要 6 项分数（${names.map((l) => l.zh).join("、")}），实际为 ${got} 项`,
    );
  }
  const out: (number | null)[] = [];
  for (let i = 0; i < dims.length; i++) {
    const key = dims[i];
    if (kind === "internal" && key === "credit" && isBlank(values[i])) {
      out.push(null);
      continue;
    }
    const w = what(PROFILE_DIMENSION_LABELS[key]);
    const n = toNumber(values[i], w);
    if (!n.ok) return failWith(n.error);
    const r = checkRange(n.value, w, 0, 100);
    if (!r.ok) return failWith(r.error);
    out.push(r.value);
  }
  return ok(out);
}

// ---------------------------------------------------------------------------------------------
// Classification

/** Scores are often computed (averages, weights); 89.9999999 must still meet a line of 90. */
const LINE_TOLERANCE = 1e-9;

function meets(score: number, line: number): boolean {
  return score >= line - LINE_TOLERANCE;
}

export type ExternalClass = "target" | "potentialTarget" | "notTarget";
export const EXTERNAL_CLASS_LABELS: Readonly<Record<ExternalClass, ParseableLabel>> = {
  target: { en: "Target customer", zh: "目标客户", aliases: ["Target"] },
  potentialTarget: { en: "Potential target", zh: "潜在目标客户", aliases: ["Potential target customer"] },
  notTarget: { en: "Not a target", zh: "非目标客户", aliases: ["Non-target", "Not target"] },
};

export interface ExternalClassification {
  class: ExternalClass;
  belowBaseline: ExternalDimension[];
  belowWarning: ExternalDimension[];
}

function assertSix(scores: readonly unknown[]): void {
  if (scores.length !== 6) throw new RangeError(`a profile has 6 dimensions, got ${scores.length}; validate the row with validateProfileRow first`);
}

/**
 * Dimension by dimension [chosen, SPEC §4a]: every dimension on or above the baseline → target;
 * any dimension below the warning line → not a target; otherwise → potential target.
 */
export function classifyExternal(scores: readonly number[], s: Settings): ExternalClassification {
  assertSix(scores);
  const belowBaseline = EXTERNAL_DIMENSIONS.filter((_, i) => !meets(scores[i], s.external.baseline[i]));
  const belowWarning = EXTERNAL_DIMENSIONS.filter((_, i) => !meets(scores[i], s.external.warning[i]));
  const cls: ExternalClass = belowWarning.length > 0 ? "notTarget" : belowBaseline.length === 0 ? "target" : "potentialTarget";
  return { class: cls, belowBaseline, belowWarning };
}

export type InternalClass = "keyAccount" | "important" | "general" | "belowGeneral";
export const INTERNAL_CLASS_LABELS: Readonly<Record<InternalClass, ParseableLabel>> = {
  keyAccount: { en: "Key account", zh: "大客户" },
  important: { en: "Important account", zh: "重点客户", aliases: ["Important", "Important customer"] },
  general: { en: "General account", zh: "一般客户", aliases: ["General", "General customer"] },
  belowGeneral: { en: "Below general", zh: "低于一般", aliases: ["Below general line"] },
};

/** Highest first. */
const INTERNAL_TIERS = ["keyAccount", "important", "general"] as const;

export interface InternalClassification {
  class: InternalClass;
  /** The tier one up from `class`; null for a key account. */
  next: InternalClass | null;
  /** Dimensions below the next tier's line, with the points missing; null (left-out) dimensions never appear. */
  gaps: { dimension: InternalDimension; gap: number }[];
}

function tierLine(tier: (typeof INTERNAL_TIERS)[number], s: Settings): readonly number[] {
  return s.internal[tier];
}

/**
 * The highest tier whose line the customer meets on every scored dimension; below the general line
 * anywhere → below general [chosen, SPEC §4b]. The tiers' lines are not nested (important asks for
 * more quality than key account), so each tier is checked on its own. A null score (credit before
 * credit management starts) is left out of every comparison.
 */
export function classifyInternal(scores: readonly (number | null)[], s: Settings): InternalClassification {
  assertSix(scores);
  const meetsTier = (tier: (typeof INTERNAL_TIERS)[number]) =>
    tierLine(tier, s).every((line, i) => {
      const v = scores[i];
      return v === null || meets(v, line);
    });
  const cls: InternalClass = INTERNAL_TIERS.find(meetsTier) ?? "belowGeneral";
  const order: InternalClass[] = ["belowGeneral", "general", "important", "keyAccount"];
  const up = order[order.indexOf(cls) + 1];
  if (up === undefined || up === "belowGeneral") return { class: cls, next: null, gaps: [] };
  const line = tierLine(up, s);
  const gaps: InternalClassification["gaps"] = [];
  INTERNAL_DIMENSIONS.forEach((dimension, i) => {
    const v = scores[i];
    if (v !== null && !meets(v, line[i])) gaps.push({ dimension, gap: Math.round((line[i] - v) * 1e9) / 1e9 });
  });
  return { class: cls, next: up, gaps };
}

/** Ranks for comparing classes (higher is better). */
export const EXTERNAL_CLASS_RANK: Readonly<Record<ExternalClass, number>> = { notTarget: 0, potentialTarget: 1, target: 2 };
export const INTERNAL_CLASS_RANK: Readonly<Record<InternalClass, number>> = { belowGeneral: 0, general: 1, important: 2, keyAccount: 3 };
