import fc from "fast-check";
import { addMonths, ymdToSerial } from "../../src/domain/dates";
import {
  lifeStage,
  lifeStageOf,
  quadrant,
  QUADRANT_ACTION_LABELS,
  QUADRANT_LABELS,
  quadrantOf,
  revenueRankShares,
  SPENDING_TIER_LABELS,
  spendingTier,
  STAGE_CADENCE_LABELS,
  STAGE_LABELS,
  VISIT_CADENCE,
  type Quadrant,
  type Stage,
} from "../../src/domain/segment";
import { DEFAULT_SETTINGS, settingsSchema } from "../../src/domain/settings";

const s = DEFAULT_SETTINGS;
const d = ymdToSerial;

describe("value × potential matrix (SPEC §5)", () => {
  test("a top-10 % account with stable or growing demand is core value", () => {
    expect(quadrant(0, 0, s)).toBe("coreValue");
    expect(quadrant(0.05, 0.5, s)).toBe("coreValue");
    expect(quadrant(0.09, -0.04, s)).toBe("coreValue");
  });

  test("a top-10 % account whose demand shrinks is kept as maintain", () => {
    expect(quadrant(0, -0.05, s)).toBe("maintain");
    expect(quadrant(0.05, -0.3, s)).toBe("maintain");
  });

  test("a fast-growing account outside the top 10 % is high potential", () => {
    expect(quadrant(0.1, 0.2, s)).toBe("highPotential");
    expect(quadrant(0.3, 0.35, s)).toBe("highPotential");
    expect(quadrant(0.8, 0.25, s)).toBe("highPotential");
  });

  test("medium revenue without fast growth is maintain; low revenue without it is to optimise", () => {
    expect(quadrant(0.1, 0.19, s)).toBe("maintain");
    expect(quadrant(0.49, 0, s)).toBe("maintain");
    expect(quadrant(0.5, 0.1, s)).toBe("optimise");
    expect(quadrant(0.9, -0.2, s)).toBe("optimise");
  });

  test("cut-offs come from settings", () => {
    const t = settingsSchema.parse({ segment: { coreTopShare: 0.2, mediumTopShare: 0.6, fastGrowth: 0.3, stableGrowth: 0.1 } });
    expect(quadrant(0.15, -0.08, t)).toBe("coreValue");
    expect(quadrant(0.3, 0.25, t)).toBe("maintain");
    expect(quadrant(0.55, 0.1, t)).toBe("maintain");
    expect(quadrant(0.65, 0.3, t)).toBe("highPotential");
  });

  test("a better rank or faster growth never moves an account from core value or high potential to maintain or optimise", () => {
    const better = (q: Quadrant) => q === "coreValue" || q === "highPotential";
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, g, dr, dg) => {
          if (better(quadrant(r, g, s))) expect(better(quadrant(Math.max(0, r - dr), g + dg, s))).toBe(true);
        },
      ),
    );
  });

  test("cell input: rank share as a fraction or a percentage, growth as a number or a percentage", () => {
    expect(quadrantOf("5%", "10%", s)).toEqual({ ok: true, value: "coreValue" });
    expect(quadrantOf(0.3, "25%", s)).toEqual({ ok: true, value: "highPotential" });
    const r = quadrantOf(1.5, 0, s);
    expect(!r.ok && r.error.msg.en).toContain("revenue rank share 1.5 is above its maximum 1");
    const g = quadrantOf(0.2, "", s);
    expect(!g.ok && g.error.kind).toBe("missing");
  });

  test("rank share: the largest account is 0, equal revenues share a rank", () => {
    expect(revenueRankShares([50, 100, 10, 100, 20])).toEqual([0.4, 0, 0.8, 0, 0.6]);
    expect(revenueRankShares([])).toEqual([]);
  });

  test("of ten accounts only the largest is in the default top 10 %", () => {
    const shares = revenueRankShares([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(shares.map((r) => quadrant(r, 0, s))).toEqual([
      "coreValue",
      "maintain",
      "maintain",
      "maintain",
      "maintain",
      "optimise",
      "optimise",
      "optimise",
      "optimise",
      "optimise",
    ]);
  });

  test("every quadrant has a label and an action in both languages", () => {
    expect(QUADRANT_LABELS.coreValue.zh).toBe("核心价值客户");
    expect(QUADRANT_LABELS.optimise.zh).toBe("待优化客户");
    for (const q of Object.keys(QUADRANT_LABELS) as Quadrant[]) {
      expect(QUADRANT_ACTION_LABELS[q].en).not.toBe("");
      expect(QUADRANT_ACTION_LABELS[q].zh).not.toBe("");
    }
  });
});

describe("spending tiers (SPEC §5)", () => {
  test("strategic from 5 M, key from 1 M, basic from 0.5 M", () => {
    expect(spendingTier(5_000_000, s)).toBe("strategic");
    expect(spendingTier(4_999_999, s)).toBe("key");
    expect(spendingTier(1_000_000, s)).toBe("key");
    expect(spendingTier(999_999, s)).toBe("basic");
    expect(spendingTier(500_000, s)).toBe("basic");
    expect(spendingTier(499_999, s)).toBe("other");
    expect(spendingTier(0, s)).toBe("other");
  });

  test("lines come from settings, labels in both languages", () => {
    const t = settingsSchema.parse({ segment: { spendingStrategic: 100, spendingKey: 50, spendingBasic: 10 } });
    expect(spendingTier(60, t)).toBe("key");
    expect(SPENDING_TIER_LABELS.strategic).toMatchObject({ en: "Strategic", zh: "战略级" });
  });
});

describe("life-cycle stage (SPEC §5)", () => {
  const signed = d(2026, 3, 1);

  test("before 3 months initial, 3–12 stable, 12–36 deep, after 36 symbiosis", () => {
    expect(lifeStage(signed, signed, s)).toBe("initial");
    expect(lifeStage(signed, d(2026, 5, 31), s)).toBe("initial");
    expect(lifeStage(signed, d(2026, 6, 1), s)).toBe("stable");
    expect(lifeStage(signed, d(2027, 2, 28), s)).toBe("stable");
    expect(lifeStage(signed, d(2027, 3, 1), s)).toBe("deep");
    expect(lifeStage(signed, d(2029, 3, 1), s)).toBe("deep");
    expect(lifeStage(signed, d(2029, 3, 2), s)).toBe("symbiosis");
  });

  test("a contract signed on 31 January reaches 3 months on 30 April", () => {
    expect(lifeStage(d(2026, 1, 31), d(2026, 4, 29), s)).toBe("initial");
    expect(lifeStage(d(2026, 1, 31), d(2026, 4, 30), s)).toBe("stable");
  });

  test("boundaries come from settings", () => {
    const t = settingsSchema.parse({ segment: { stageMonths: [1, 6, 24] } });
    expect(lifeStage(signed, d(2026, 4, 1), t)).toBe("stable");
    expect(lifeStage(signed, d(2026, 9, 1), t)).toBe("deep");
  });

  test("the stage never goes back as time passes", () => {
    const order: Stage[] = ["initial", "stable", "deep", "symbiosis"];
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 500 }), (sg, a, step) => {
        expect(order.indexOf(lifeStage(sg, sg + a + step, s))).toBeGreaterThanOrEqual(order.indexOf(lifeStage(sg, sg + a, s)));
      }),
    );
  });

  test("each stage starts exactly on its boundary", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), (sg) => {
        expect(lifeStage(sg, addMonths(sg, 3) - 1, s)).toBe("initial");
        expect(lifeStage(sg, addMonths(sg, 3), s)).toBe("stable");
        expect(lifeStage(sg, addMonths(sg, 12), s)).toBe("deep");
        expect(lifeStage(sg, addMonths(sg, 36), s)).toBe("deep");
        expect(lifeStage(sg, addMonths(sg, 36) + 1, s)).toBe("symbiosis");
      }),
    );
  });

  test("cell input takes serials and text dates, and rejects a contract signed after the as-of date", () => {
    expect(lifeStageOf("2026-03-01", "2027/3/1", s)).toEqual({ ok: true, value: "deep" });
    expect(lifeStageOf(d(2026, 3, 1), d(2026, 4, 1), s)).toEqual({ ok: true, value: "initial" });
    const late = lifeStageOf("2026-03-01", "2026-02-01", s);
    expect(!late.ok && late.error.msg.en).toBe("the contract date 2026-03-01 is after the as-of date 2026-02-01");
    expect(!late.ok && late.error.msg.zh).toBe("签约日期 2026-03-01 晚于截止日期 2026-02-01");
    const bad = lifeStageOf("March 2026", "2026-02-01", s);
    expect(!bad.ok && bad.error.msg.en).toContain("2026-03-01 or 2026/3/1");
  });

  test("each stage has its name and contact cadence in both languages", () => {
    expect(STAGE_LABELS.initial.zh).toBe("初步合作期");
    expect(STAGE_LABELS.symbiosis.zh).toBe("价值共生期");
    expect(STAGE_CADENCE_LABELS.initial.en).toContain("Weekly");
    expect(STAGE_CADENCE_LABELS.initial.zh).toContain("每两周");
    expect(STAGE_CADENCE_LABELS.stable.en).toContain("Quarterly");
    expect(STAGE_CADENCE_LABELS.deep.zh).toContain("每半年");
  });
});

describe("visit cadence (seed 000 §三.3)", () => {
  test("executives and technical staff yearly, account manager and service monthly", () => {
    expect(VISIT_CADENCE.executive.everyMonths).toBe(12);
    expect(VISIT_CADENCE.technical.everyMonths).toBe(12);
    expect(VISIT_CADENCE.accountManager.everyMonths).toBe(1);
    expect(VISIT_CADENCE.service.everyMonths).toBe(1);
    expect(VISIT_CADENCE.service.cadence).toEqual({ en: "At least monthly", zh: "至少每月 1 次" });
  });
});
