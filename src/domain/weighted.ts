/**
 * SPEC §1b — the weighted four-dimension model: composite = Σ weight × dimension score (0–100),
 * weights summing to 1 and never silently normalised.
 */
import { fail, ok, type Msg, type Result } from "./errors";
import type { ParseableLabel } from "./labels";
import type { Settings } from "./settings";
import { CUTOFF_TOLERANCE } from "./score";
import { checkRange, formatNumber, toNumber } from "./values";

export const WEIGHTED_DIMENSIONS = ["current", "potential", "strategic", "relationship"] as const;
export type WeightedDimension = (typeof WEIGHTED_DIMENSIONS)[number];

export const WEIGHTED_DIMENSION_LABELS: Readonly<Record<WeightedDimension, ParseableLabel>> = {
  current: { en: "Current value", zh: "当前价值" },
  potential: { en: "Potential value", zh: "潜力价值" },
  strategic: { en: "Strategic value", zh: "战略价值" },
  relationship: { en: "Relationship health", zh: "关系健康度", aliases: ["Relationship", "关系健康"] },
};

/** Sum of weights may miss 1 by this much (decimal weights such as 0.35 are not exact in binary). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** "weight 2 (potential value)" when the four SPEC dimensions are meant, else "weight 2". */
function weightName(i: number, count: number, noun: Msg): Msg {
  if (count === WEIGHTED_DIMENSIONS.length) {
    const l = WEIGHTED_DIMENSION_LABELS[WEIGHTED_DIMENSIONS[i]];
    return { en: `${noun.en} ${i + 1} (${l.en.toLowerCase()})`, zh: `第 ${i + 1} 项${noun.zh}（${l.zh}）` };
  }
  return { en: `${noun.en} ${i + 1}`, zh: `第 ${i + 1} 项${noun.zh}` };
}

const WEIGHT: Msg = { en: "weight", zh: "权重" };
const SCORE: Msg = { en: "score", zh: "得分" };

/**
 * Weights as given: each a number 0..1 (text "35%" is 0.35), together summing to 1 ± 1e-9.
 * Any count ≥ 1 is accepted so a user can score fewer or more dimensions than the SPEC's four.
 */
export function validateWeights(weights: readonly unknown[]): Result<number[]> {
  if (!Array.isArray(weights) || weights.length === 0) {
    return fail("no_weights", "missing", "no weights were given", "未提供权重");
  }
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const what = weightName(i, weights.length, WEIGHT);
    const n = toNumber(weights[i], what);
    if (!n.ok) return n;
    const r = checkRange(n.value, what, 0, 1);
    if (!r.ok) return r;
    out.push(r.value);
    sum += r.value;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    const got = formatNumber(sum);
    return fail(
      "weights_sum",
      "invalid",
      `the weights must sum to 1, they sum to ${got} (they are not rescaled automatically)`,
      `权重之和必须为 1，实际为 ${got}（不会自动换算）`,
    );
  }
  return ok(out);
}

/** Σ weight × score, each score 0..100, one score per weight. */
export function weightedScore(scores: readonly unknown[], weights: readonly number[]): Result<number> {
  const w = validateWeights(weights);
  if (!w.ok) return w;
  const count = Array.isArray(scores) ? scores.length : 0;
  if (count !== w.value.length) {
    return fail(
      "scores_count",
      "invalid",
      `expected ${w.value.length} scores, one per weight, got ${count}`,
      `需要 ${w.value.length} 项得分（每个权重一项），实际为 ${count} 项`,
    );
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    const what = weightName(i, count, SCORE);
    const n = toNumber(scores[i], what);
    if (!n.ok) return n;
    const r = checkRange(n.value, what, 0, 100);
    if (!r.ok) return r;
    total += w.value[i] * r.value;
  }
  // Products of decimals leave binary noise (79.99999999999999); 10 decimals keep every real digit.
  return ok(Math.round(total * 1e10) / 1e10);
}

export type WeightedTier = "strategic" | "key" | "normal";

export const WEIGHTED_TIER_LABELS: Readonly<Record<WeightedTier, ParseableLabel>> = {
  strategic: { en: "Strategic", zh: "战略级", aliases: ["Strategic account"] },
  key: { en: "Key", zh: "重点级", aliases: ["Key account"] },
  normal: { en: "Normal", zh: "普通级", aliases: ["Normal account"] },
};

/** SPEC §1b: ≥ strategic cut-off → strategic, ≥ key cut-off → key, else normal [chosen defaults 80 / 60]. */
export function weightedTier(total: number, s: Settings): WeightedTier {
  if (total >= s.weighted.strategic - CUTOFF_TOLERANCE) return "strategic";
  if (total >= s.weighted.key - CUTOFF_TOLERANCE) return "key";
  return "normal";
}
