import fc from "fast-check";
import { labelIndex, parseLabel } from "../../src/domain/labels";
import {
  CRITERIA,
  CRITERION_LABELS,
  isWon,
  parseScope,
  SCOPE_LABELS,
  SCORE_TIER_LABELS,
  scoreRow,
  scoreTier,
} from "../../src/domain/score";
import { DEFAULT_SETTINGS as S, settingsSchema } from "../../src/domain/settings";

describe("scoreRow (SPEC §1)", () => {
  it("adds the six criteria and keeps each one by key", () => {
    const r = scoreRow([25, 18, 16, 8, 7, 9], S);
    expect(r).toEqual({
      ok: true,
      value: { total: 83, points: { strategicFit: 25, profit: 18, scale: 16, influence: 8, brand: 7, potential: 9 } },
    });
  });

  it("accepts an explicit 0 and the maximum of every criterion", () => {
    expect(scoreRow([0, 0, 0, 0, 0, 0], S)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(scoreRow([30, 20, 20, 10, 10, 10], S)).toMatchObject({ ok: true, value: { total: 100 } });
  });

  it("reads numbers typed as text, including full-width digits", () => {
    expect(scoreRow(["２５", "18", 16, " 8 ", 7, 9], S)).toMatchObject({ ok: true, value: { total: 83 } });
  });

  it("gives a clean total for decimal points", () => {
    const r = scoreRow([30, 20, 20, 3.3, 3.3, 3.4], S);
    expect(r.ok && r.value.total).toBe(80);
    expect(r.ok && scoreTier(r.value.total, S)).toBe("keyAccount");
  });

  it("treats a blank criterion as missing, never as 0, and names it", () => {
    const r = scoreRow([25, "", 16, 8, 7, 9], S);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("missing");
      expect(r.error.msg.en).toBe("profit contribution is missing");
      expect(r.error.msg.zh).toBe("缺少利润贡献");
    }
    const nul = scoreRow([25, 18, 16, 8, 7, null], S);
    expect(!nul.ok && nul.error.msg.en).toBe("growth potential is missing");
  });

  it("names the criterion and its range when a value is too high, in both languages", () => {
    const r = scoreRow([25, 25, 16, 8, 7, 9], S);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toContain("profit contribution 25 is above its maximum 20");
      expect(r.error.msg.en).toContain("0 to 20");
      expect(r.error.msg.zh).toContain("利润贡献 25 超过上限 20");
      expect(r.error.msg.zh).toContain("0 到 20");
    }
  });

  it("rejects negative points naming the criterion", () => {
    const r = scoreRow([-1, 18, 16, 8, 7, 9], S);
    expect(!r.ok && r.error.msg.en).toContain("strategic fit -1 is below its minimum 0");
    expect(!r.ok && r.error.msg.zh).toContain("战略契合度 -1 低于下限 0");
  });

  it("rejects text that is not a number", () => {
    const r = scoreRow([25, 18, "high", 8, 7, 9], S);
    expect(!r.ok && r.error.kind).toBe("invalid");
    expect(!r.ok && r.error.msg.en).toBe('business scale must be a number, got "high"');
  });

  it("requires exactly six values", () => {
    const r = scoreRow([25, 18, 16, 8, 7], S);
    expect(!r.ok && r.error.msg.en).toContain("expected 6 criterion values");
    expect(!r.ok && r.error.msg.zh).toContain("实际为 5 项");
    expect(scoreRow([25, 18, 16, 8, 7, 9, 1], S).ok).toBe(false);
  });

  it("uses the maxima from the workbook settings", () => {
    const s = settingsSchema.parse({ score: { max: { profit: 30 } } });
    expect(scoreRow([25, 25, 16, 8, 7, 9], s)).toMatchObject({ ok: true, value: { total: 90 } });
  });

  it("total always equals the sum of the accepted points and stays within 0..100", () => {
    fc.assert(
      fc.property(
        fc.tuple(...CRITERIA.map((k) => fc.integer({ min: 0, max: S.score.max[k] }))),
        (pts) => {
          const r = scoreRow(pts, S);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.total).toBe(pts.reduce((a, b) => a + b, 0));
            expect(r.value.total).toBeGreaterThanOrEqual(0);
            expect(r.value.total).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 8 }), (row) => {
        const r = scoreRow(row, S);
        if (!r.ok) expect(r.error.msg.zh.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("scoreTier (SPEC §1)", () => {
  it.each([
    [100, "keyAccount"],
    [80, "keyAccount"],
    [79.99, "potential"],
    [60, "potential"],
    [59.99, "general"],
    [0, "general"],
  ] as const)("%p points → %p", (total, tier) => {
    expect(scoreTier(total, S)).toBe(tier);
  });

  it("follows the cut-offs in the settings", () => {
    const s = settingsSchema.parse({ score: { keyAccount: 85, potential: 50 } });
    expect(scoreTier(80, s)).toBe("potential");
    expect(scoreTier(85, s)).toBe("keyAccount");
    expect(scoreTier(50, s)).toBe("potential");
    expect(scoreTier(49, s)).toBe("general");
  });

  it("never ranks a higher total lower", () => {
    const rank = { general: 0, potential: 1, keyAccount: 2 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(rank[scoreTier(lo, S)]).toBeLessThanOrEqual(rank[scoreTier(hi, S)]);
      }),
    );
  });

  it("labels tiers in both languages", () => {
    expect(SCORE_TIER_LABELS.keyAccount).toMatchObject({ en: "Key account", zh: "大客户" });
    expect(SCORE_TIER_LABELS.potential.zh).toBe("潜在大客户");
    expect(SCORE_TIER_LABELS.general.zh).toBe("一般客户");
  });
});

describe("criterion labels", () => {
  it("use the SPEC §1 names and parse from either language", () => {
    const index = labelIndex(CRITERION_LABELS);
    expect(parseLabel("战略契合度", index)).toBe("strategicFit");
    expect(parseLabel("Market & brand effect", index)).toBe("brand");
    expect(parseLabel(" GROWTH POTENTIAL ", index)).toBe("potential");
    expect(CRITERIA.map((k) => CRITERION_LABELS[k].zh)).toEqual(["战略契合度", "利润贡献", "业务规模", "行业影响力", "市场和品牌效应", "发展潜力"]);
  });
});

describe("parseScope", () => {
  it.each([
    ["公司级", "company"],
    ["Company-level", "company"],
    ["公司级大客户", "company"],
    ["region", "region"],
    ["ＲＥＧＩＯＮ-ＬＥＶＥＬ", "region"],
    ["区域级", "region"],
  ])("reads %p as %p", (text, scope) => {
    expect(parseScope(text)).toEqual({ ok: true, value: scope });
  });

  it("reports a blank scope as missing and an unknown one with the accepted choices", () => {
    expect(parseScope("")).toMatchObject({ ok: false, error: { kind: "missing" } });
    const r = parseScope("national");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.msg.en).toBe('scope must be Company-level or Region-level, got "national"');
      expect(r.error.msg.zh).toContain("公司级 或 区域级");
    }
    expect(SCOPE_LABELS.region.zh).toBe("区域级");
  });
});

describe("isWon (SPEC §1: share of wallet above 60 %)", () => {
  it("needs more than 60 %", () => {
    expect(isWon(0.61, S)).toBe(true);
    expect(isWon(0.6, S)).toBe(false);
    expect(isWon(0.2, S)).toBe(false);
  });
  it("uses the workbook's line", () => {
    const s = settingsSchema.parse({ score: { wonShare: 0.5 } });
    expect(isWon(0.55, s)).toBe(true);
    expect(isWon(0.55)).toBe(false);
  });
});
