/**
 * Workbook settings: one zod schema, SPEC's values as defaults. The TypeScript type is inferred
 * from the schema, never written twice. Every function and report reads its thresholds from here.
 */
import { z } from "zod";

const share = z.number().gt(0).lte(1);
const points = z.number().min(0).max(100);
/** The six values of a profile line, in the dimension order of SPEC §4a / §4b. */
const line6 = z.tuple([points, points, points, points, points, points]);
/** A scoring band [low, high] on the 0–100 scale. */
const band = z
  .tuple([points, points])
  .refine(([lo, hi]) => lo <= hi, { message: "the low end of a band must not be above its high end" });

export const settingsSchema = z.object({
  /** Language of labels returned by functions and written into reports. */
  language: z.enum(["en", "zh"]).default("en"),

  /** SPEC §1 — six-criteria key-account score. */
  score: z
    .object({
      max: z
        .object({
          strategicFit: z.number().positive().default(30),
          profit: z.number().positive().default(20),
          scale: z.number().positive().default(20),
          influence: z.number().positive().default(10),
          brand: z.number().positive().default(10),
          potential: z.number().positive().default(10),
        })
        .prefault({}),
      keyAccount: z.number().default(80),
      potential: z.number().default(60),
      /** An account counts as won when our share of its purchases is above this (SPEC §1: > 60 %). */
      wonShare: share.default(0.6),
    })
    .prefault({})
    .refine((s) => s.potential < s.keyAccount, { message: "the potential cut-off must be below the key-account cut-off", path: ["potential"] }),

  /** SPEC §1b — weighted four-dimension model. Weights must sum to 1 (± 1e-9); never normalised. */
  weighted: z
    .object({
      weights: z
        .object({
          current: z.number().min(0).max(1).default(0.35),
          potential: z.number().min(0).max(1).default(0.25),
          strategic: z.number().min(0).max(1).default(0.2),
          relationship: z.number().min(0).max(1).default(0.2),
        })
        .prefault({})
        .refine((w) => Math.abs(w.current + w.potential + w.strategic + w.relationship - 1) <= 1e-9, {
          message: "the weights must sum to 1",
        }),
      strategic: z.number().default(80),
      key: z.number().default(60),
    })
    .prefault({})
    .refine((s) => s.key < s.strategic, { message: "the key cut-off must be below the strategic cut-off", path: ["key"] }),

  /** SPEC §2 — credit grade. */
  credit: z
    .object({
      /** Annual sales amount bands for the volume component [chosen, SPEC §2: the source names three bands but no amounts]. */
      volumeMid: z.number().positive().default(1_000_000),
      volumeHigh: z.number().positive().default(5_000_000),
      /** Amount at which volume reaches its 50 points. */
      volumeTop: z.number().positive().default(10_000_000),
      aaa: z.number().default(80),
      aa: z.number().default(60),
      redListMonths: z.number().int().positive().default(12),
    })
    .prefault({})
    .refine((c) => c.volumeMid < c.volumeHigh && c.volumeHigh < c.volumeTop, {
      message: "volume bands must rise: mid < high < top",
      path: ["volumeHigh"],
    })
    .refine((c) => c.aa < c.aaa, { message: "the AA cut-off must be below the AAA cut-off", path: ["aa"] }),

  /** SPEC §3 — ABC thresholds as fractions: 0 < a < a + b ≤ 1. */
  abc: z
    .object({ a: share.default(0.55), b: share.default(0.3) })
    .prefault({})
    .refine((t) => t.a + t.b <= 1 + 1e-12, { message: "A + B must not exceed 100 %", path: ["b"] }),

  /** SPEC §4a — external profile lines and scoring. Order: market, rnd, quality, regulatory, price, professional. */
  external: z
    .object({
      baseline: line6.default([60, 60, 90, 90, 85, 80]),
      warning: line6.default([40, 0, 60, 60, 60, 70]),
      /** Revenue unit for market size (USD 100 M) and the break (15 units) [chosen, SPEC §4a]. */
      marketUnit: z.number().positive().default(100_000_000),
      marketBreak: z.number().int().positive().default(15),
      rndPerPipeline: z.number().positive().default(10),
      quality: z.object({ medium: band.default([90, 100]), high: band.default([70, 90]), low: band.default([50, 70]) }).prefault({}),
      regulatory: z.object({ high: band.default([90, 100]), medium: band.default([70, 90]), low: band.default([50, 70]) }).prefault({}),
      price: z.object({ generous: band.default([90, 100]), conservative: band.default([70, 90]), sensitive: band.default([50, 70]) }).prefault({}),
      professional: z.object({ expert: band.default([90, 100]), layman: band.default([80, 90]), between: band.default([60, 80]) }).prefault({}),
    })
    .prefault({}),

  /** SPEC §4b — internal profile tier lines and scoring. Order: sales, profit, quality, credit, relationship, professional. */
  internal: z
    .object({
      keyAccount: line6.default([50, 90, 80, 90, 90, 90]),
      important: line6.default([30, 85, 90, 80, 85, 70]),
      general: line6.default([10, 60, 60, 70, 60, 70]),
      /** Sales-volume unit U and break B [chosen, SPEC §4b: the source leaves the amounts blank]. */
      salesUnit: z.number().positive().default(1_000_000),
      salesBreak: z.number().positive().default(5_000_000),
      profit: z.object({ high: band.default([90, 100]), mid: band.default([70, 90]), low: band.default([50, 70]) }).prefault({}),
      relationship: z
        .object({ good: band.default([90, 100]), medium: band.default([70, 90]), fair: band.default([50, 70]), poor: band.default([0, 50]) })
        .prefault({}),
    })
    .prefault({})
    .refine((s) => s.salesUnit <= s.salesBreak, { message: "the sales break must not be below the sales unit", path: ["salesBreak"] }),

  /** SPEC §4c — stakeholder ideal profile. */
  stakeholder: z
    .object({
      idealAge: z.number().positive().default(30),
      /** Age fit on the radar: 100 at the ideal age, minus this per year away, floored at 0 [chosen, SPEC §4c]. */
      agePointsPerYear: z.number().min(0).default(2),
      /** Development-potential bands (蓝筹股 / 潜力股 / 红筹股). */
      devPotential: z
        .object({ blueChip: band.default([90, 100]), growth: band.default([80, 90]), redChip: band.default([70, 80]) })
        .prefault({}),
    })
    .prefault({}),

  /** SPEC §5 — segmentation, spending tiers, life cycle. */
  segment: z
    .object({
      /** Core value: revenue rank share (0 = top) within the top 10 %. */
      coreTopShare: share.default(0.1),
      /** Medium revenue: rank share within the top 50 % [chosen, SPEC §5]. */
      mediumTopShare: share.default(0.5),
      /** Growth (fraction per year) at or above which an account counts as fast-growing [chosen, SPEC §5]. */
      fastGrowth: z.number().default(0.2),
      /** Growth below which revenue counts as stable rather than growing [chosen]. */
      stableGrowth: z.number().default(0.05),
      spendingStrategic: z.number().positive().default(5_000_000),
      spendingKey: z.number().positive().default(1_000_000),
      spendingBasic: z.number().positive().default(500_000),
      /** Life-cycle boundaries in months since signing: 3, 12, 36. */
      stageMonths: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]).default([3, 12, 36]),
    })
    .prefault({}),

  /**
   * SPEC §5 — contact cadence: the visit cadence of seed 000 §三.3 and the stricter life-cycle
   * cadences of seed 001 (initial stage weekly in month 1, then every two weeks; deep binding and
   * value symbiosis an executive meeting every half year).
   */
  cadence: z
    .object({
      executiveMonths: z.number().int().positive().default(12),
      technicalMonths: z.number().int().positive().default(12),
      accountManagerMonths: z.number().int().positive().default(1),
      serviceMonths: z.number().int().positive().default(1),
      initialFirstMonthDays: z.number().int().positive().default(7),
      initialLaterDays: z.number().int().positive().default(14),
      deepExecutiveMonths: z.number().int().positive().default(6),
    })
    .prefault({}),

  /** Issue 8 — XYZ variability and risk alerts. */
  xyz: z
    .object({
      x: z.number().positive().default(0.1),
      y: z.number().positive().default(0.25),
      minMonths: z.number().int().positive().default(6),
      /** Whole calendar months the portfolio's ABC and XYZ look back over [chosen, issue 8]. */
      windowMonths: z.number().int().positive().default(12),
    })
    .prefault({})
    .refine((t) => t.x < t.y, { message: "the X line must be below the Y line", path: ["y"] }),
  alerts: z
    .object({
      noFollowUpDays: z.number().int().positive().default(30),
      orderDropShare: share.default(0.5),
      orderWindowMonths: z.number().int().positive().default(3),
      handoverHours: z.number().positive().default(24),
      careDays: z.number().int().positive().default(14),
      /** Late payments and main-contact changes older than this are history, not alerts [chosen, issue 8]. */
      recentDays: z.number().int().positive().default(90),
      /** "This week": contacts falling due within this many days are listed with the alerts. */
      dueWithinDays: z.number().int().min(0).default(7),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** SPEC defaults. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; issues: { path: string; message: string }[] };

/** Validate settings from the workbook, the task pane or the CLI; messages name the path to the bad field. */
export function parseSettings(input: unknown): SettingsResult {
  const r = settingsSchema.safeParse(input ?? {});
  if (r.success) return { ok: true, settings: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
}
