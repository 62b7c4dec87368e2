import fc from "fast-check";
import {
  CREDIT_ACTION_LABELS,
  CREDIT_LIST_LABELS,
  CREDIT_PRIORITY,
  creditGrade,
  creditList,
  creditScore,
  redListRevoked,
  volumePoints,
} from "../../src/domain/credit";
import { ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS as S, settingsSchema } from "../../src/domain/settings";

describe("creditScore (SPEC §2)", () => {
  it("adds volume and performance and subtracts the risk deduction", () => {
    expect(creditScore(45, 40, -5)).toEqual({ ok: true, value: 80 });
    expect(creditScore(50, 50, 0)).toEqual({ ok: true, value: 100 });
    expect(creditScore(0, 0, -50)).toEqual({ ok: true, value: -50 });
  });

  it("says that risk is a deduction when it is positive, in both languages", () => {
    const r = creditScore(45, 40, 10);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toContain("risk is a deduction from -50 to 0, got 10");
      expect(r.error.msg.zh).toContain("经营风险是扣分项，取值 -50 到 0");
    }
  });

  it("names the component and its range when it is out of range", () => {
    const v = creditScore(55, 40, -5);
    expect(!v.ok && v.error.msg.en).toContain("volume 55 is above its maximum 50");
    const p = creditScore(45, -1, -5);
    expect(!p.ok && p.error.msg.zh).toContain("履约程度 -1 低于下限 0");
    const r = creditScore(45, 40, -60);
    expect(!r.ok && r.error.msg.en).toContain("risk -60 is below its minimum -50");
  });

  it("treats a blank component as missing", () => {
    const r = creditScore(45, "", -5);
    expect(r).toMatchObject({ ok: false, error: { kind: "missing", msg: { en: "performance is missing" } } });
  });

  it("stays within -50..100 for every valid input", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 0, noNaN: true }),
        (v, p, r) => {
          const s = creditScore(v, p, r);
          expect(s.ok).toBe(true);
          if (s.ok) {
            expect(s.value).toBeGreaterThanOrEqual(-50);
            expect(s.value).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe("creditGrade, list, action and priority (SPEC §2)", () => {
  it.each([
    [100, "AAA", "green"],
    [80, "AAA", "green"],
    [79.9, "AA", "yellow"],
    [60, "AA", "yellow"],
    [59.9, "A", "red"],
    [-50, "A", "red"],
  ] as const)("score %p → %p on the %p list", (score, grade, list) => {
    expect(creditGrade(score, S)).toBe(grade);
    expect(creditList(creditGrade(score, S))).toBe(list);
  });

  it("follows the grade cut-offs in the settings", () => {
    const s = settingsSchema.parse({ credit: { aaa: 90, aa: 70 } });
    expect(creditGrade(85, s)).toBe("AA");
    expect(creditGrade(65, s)).toBe("A");
  });

  it("labels lists and actions in both languages and ranks AAA first", () => {
    expect(CREDIT_LIST_LABELS.green.zh).toBe("绿名单");
    expect(CREDIT_LIST_LABELS.yellow.zh).toBe("黄名单");
    expect(CREDIT_LIST_LABELS.red.zh).toBe("红名单");
    expect(CREDIT_ACTION_LABELS.AAA.en).toBe("Normal management");
    expect(CREDIT_ACTION_LABELS.AA.en).toBe("Watch");
    expect(CREDIT_ACTION_LABELS.A.zh).toBe("马上采取措施");
    expect(CREDIT_PRIORITY.AAA).toBeLessThan(CREDIT_PRIORITY.AA);
    expect(CREDIT_PRIORITY.AA).toBeLessThan(CREDIT_PRIORITY.A);
  });
});

describe("volumePoints (SPEC §2 [chosen] linear within three bands)", () => {
  // defaults: mid 1 M, high 5 M, top 10 M
  it.each([
    [0, 0],
    [500_000, 10],
    [1_000_000, 20],
    [3_000_000, 27.5],
    [5_000_000, 35],
    [7_500_000, 42.5],
    [10_000_000, 50],
    [50_000_000, 50],
    [-100, 0],
  ])("annual sales %p → %p points", (sales, points) => {
    expect(volumePoints(sales, S)).toBeCloseTo(points, 9);
  });

  it("uses the bands from the settings", () => {
    const s = settingsSchema.parse({ credit: { volumeMid: 100, volumeHigh: 200, volumeTop: 300 } });
    expect(volumePoints(100, s)).toBe(20);
    expect(volumePoints(250, s)).toBe(42.5);
  });

  it("never falls as sales rise and stays within 0..50", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 2e7, noNaN: true }), fc.double({ min: -1e3, max: 2e7, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(volumePoints(lo, S)).toBeLessThanOrEqual(volumePoints(hi, S));
        expect(volumePoints(hi, S)).toBeLessThanOrEqual(50);
        expect(volumePoints(lo, S)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("redListRevoked (SPEC §2: a year on the red list ends key-account status)", () => {
  const since = ymdToSerial(2025, 3, 15);
  it("is revoked after 12 whole months, not a day before", () => {
    expect(redListRevoked(since, ymdToSerial(2026, 3, 14), S)).toBe(false);
    expect(redListRevoked(since, ymdToSerial(2026, 3, 15), S)).toBe(true);
    expect(redListRevoked(since, ymdToSerial(2027, 1, 1), S)).toBe(true);
    expect(redListRevoked(since, since, S)).toBe(false);
  });
  it("uses the months from the settings", () => {
    const s = settingsSchema.parse({ credit: { redListMonths: 6 } });
    expect(redListRevoked(since, ymdToSerial(2025, 9, 15), s)).toBe(true);
    expect(redListRevoked(since, ymdToSerial(2025, 9, 14), s)).toBe(false);
  });
  it("is not revoked for a date in the future or an unusable date", () => {
    expect(redListRevoked(ymdToSerial(2027, 1, 1), since, S)).toBe(false);
    expect(redListRevoked(NaN, since, S)).toBe(false);
  });
});
