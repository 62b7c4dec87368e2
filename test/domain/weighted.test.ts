import fc from "fast-check";
import { DEFAULT_SETTINGS as S, settingsSchema } from "../../src/domain/settings";
import {
  validateWeights,
  WEIGHTED_DIMENSION_LABELS,
  WEIGHTED_DIMENSIONS,
  WEIGHTED_TIER_LABELS,
  weightedScore,
  weightedTier,
} from "../../src/domain/weighted";

const W = [0.35, 0.25, 0.2, 0.2];

describe("validateWeights (SPEC §1b)", () => {
  it("accepts the SPEC default weights, which do not add up exactly in binary", () => {
    expect(validateWeights(W)).toEqual({ ok: true, value: W });
  });

  it("accepts percent text", () => {
    expect(validateWeights(["35%", "25%", "20%", "20%"])).toEqual({ ok: true, value: W });
  });

  it("refuses weights that do not sum to 1 instead of rescaling them", () => {
    const r = validateWeights([0.35, 0.25, 0.2, 0.1]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.msg.en).toContain("the weights must sum to 1, they sum to 0.9");
      expect(r.error.msg.zh).toContain("权重之和必须为 1，实际为 0.9");
    }
    expect(validateWeights([35, 25, 20, 20]).ok).toBe(false);
  });

  it("names the dimension of a bad weight", () => {
    const r = validateWeights([0.35, "", 0.2, 0.2]);
    expect(!r.ok && r.error.kind).toBe("missing");
    expect(!r.ok && r.error.msg.en).toBe("weight 2 (potential value) is missing");
    expect(!r.ok && r.error.msg.zh).toBe("缺少第 2 项权重（潜力价值）");
    const neg = validateWeights([1.2, -0.2, 0, 0]);
    expect(!neg.ok && neg.error.msg.en).toContain("weight 1 (current value) 1.2 is above its maximum 1");
  });

  it("refuses an empty list", () => {
    expect(validateWeights([])).toMatchObject({ ok: false, error: { kind: "missing" } });
  });

  it("accepts any count of weights that sum to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const ws = raw.map((x) => x / sum);
        expect(validateWeights(ws).ok).toBe(true);
      }),
    );
  });
});

describe("weightedScore (SPEC §1b)", () => {
  it("is Σ weight × score", () => {
    expect(weightedScore([80, 60, 90, 70], W)).toEqual({ ok: true, value: 0.35 * 80 + 0.25 * 60 + 0.2 * 90 + 0.2 * 70 });
    expect(weightedScore([80, 60, 90, 70], W)).toEqual({ ok: true, value: 75 });
  });

  it("gives exactly 80 when every score is 80", () => {
    const r = weightedScore([80, 80, 80, 80], W);
    expect(r).toEqual({ ok: true, value: 80 });
    expect(r.ok && weightedTier(r.value, S)).toBe("strategic");
  });

  it("names a missing or out-of-range score by its dimension", () => {
    const missing = weightedScore([80, 60, null, 70], W);
    expect(!missing.ok && missing.error.msg.en).toBe("score 3 (strategic value) is missing");
    const high = weightedScore([80, 160, 90, 70], W);
    expect(!high.ok && high.error.msg.en).toContain("score 2 (potential value) 160 is above its maximum 100");
    expect(!high.ok && high.error.msg.zh).toContain("第 2 项得分（潜力价值） 160 超过上限 100");
  });

  it("needs one score per weight", () => {
    const r = weightedScore([80, 60, 90], W);
    expect(!r.ok && r.error.msg.en).toBe("expected 4 scores, one per weight, got 3");
  });

  it("checks the weights too", () => {
    expect(weightedScore([80, 60, 90, 70], [0.5, 0.5, 0.5, 0.5]).ok).toBe(false);
  });

  it("lies between the lowest and the highest score", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), (scores) => {
        const r = weightedScore(scores, W);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
          expect(r.value).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
        }
      }),
    );
  });
});

describe("weightedTier (SPEC §1b)", () => {
  it.each([
    [80, "strategic"],
    [79.9, "key"],
    [60, "key"],
    [59.9, "normal"],
  ] as const)("%p → %p", (total, tier) => {
    expect(weightedTier(total, S)).toBe(tier);
  });

  it("follows the settings", () => {
    const s = settingsSchema.parse({ weighted: { strategic: 90, key: 70 } });
    expect(weightedTier(85, s)).toBe("key");
    expect(weightedTier(65, s)).toBe("normal");
  });

  it("labels dimensions and tiers in both languages", () => {
    expect(WEIGHTED_DIMENSIONS.map((d) => WEIGHTED_DIMENSION_LABELS[d].zh)).toEqual(["当前价值", "潜力价值", "战略价值", "关系健康度"]);
    expect(WEIGHTED_TIER_LABELS.strategic.zh).toBe("战略级");
    expect(WEIGHTED_TIER_LABELS.key.zh).toBe("重点级");
    expect(WEIGHTED_TIER_LABELS.normal.zh).toBe("普通级");
  });
});
