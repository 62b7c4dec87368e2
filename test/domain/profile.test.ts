import fc from "fast-check";
import type { Result } from "../../src/domain/errors";
import {
  classifyExternal,
  classifyInternal,
  creditPoints,
  EXTERNAL_CLASS_LABELS,
  EXTERNAL_CLASS_RANK,
  INTERNAL_CLASS_LABELS,
  INTERNAL_CLASS_RANK,
  levelPoints,
  marketScore,
  PROFILE_DIMENSION_LABELS,
  rndScore,
  salesVolumeScore,
  validateProfileRow,
} from "../../src/domain/profile";
import { DEFAULT_SETTINGS, settingsSchema } from "../../src/domain/settings";

const s = DEFAULT_SETTINGS;

function points(dimension: unknown, value: unknown): number {
  const r = levelPoints(dimension, value, s);
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.msg.en}`);
  return r.value;
}

function error<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("market size (SPEC §4a)", () => {
  test("up to one whole 100 M unit scores 10", () => {
    expect(marketScore(0, s)).toBe(10);
    expect(marketScore(50e6, s)).toBe(10);
    expect(marketScore(199e6, s)).toBe(10);
  });

  test("5 points per 100 M up to 1.5 B, 80 at 1.5 B", () => {
    expect(marketScore(200e6, s)).toBe(15);
    expect(marketScore(1.2e9, s)).toBe(65);
    expect(marketScore(1.5e9, s)).toBe(80);
    expect(marketScore(1.59e9, s)).toBe(80);
  });

  test("2 points per 100 M above 1.5 B, capped at 100 from 2.5 B", () => {
    expect(marketScore(1.6e9, s)).toBe(82);
    expect(marketScore(2.4e9, s)).toBe(98);
    expect(marketScore(2.5e9, s)).toBe(100);
    expect(marketScore(50e9, s)).toBe(100);
  });

  test("the unit and break come from settings", () => {
    const t = settingsSchema.parse({ external: { marketUnit: 1e6, marketBreak: 10 } });
    expect(marketScore(12e6, t)).toBe(10 + 5 * 9 + 2 * 2);
  });

  test("never decreases as revenue grows and stays within 10–100", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, noNaN: true }), fc.double({ min: 0, max: 1e10, noNaN: true }), (a, d) => {
        const lo = marketScore(a, s);
        expect(marketScore(a + d, s)).toBeGreaterThanOrEqual(lo);
        expect(lo).toBeGreaterThanOrEqual(10);
        expect(lo).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("R&D, sales volume and credit scoring", () => {
  test("10 points per matching pipeline, at most 100", () => {
    expect(rndScore(0, s)).toBe(0);
    expect(rndScore(3, s)).toBe(30);
    expect(rndScore(12, s)).toBe(100);
  });

  test("sales volume puts the default tier lines at 1 M, 3 M and 5 M", () => {
    expect(salesVolumeScore(0, s)).toBe(10);
    expect(salesVolumeScore(1e6, s)).toBe(10);
    expect(salesVolumeScore(2.5e6, s)).toBe(20);
    expect(salesVolumeScore(3e6, s)).toBe(30);
    expect(salesVolumeScore(5e6, s)).toBe(50);
    expect(salesVolumeScore(6e6, s)).toBe(55);
    expect(salesVolumeScore(15e6, s)).toBe(100);
    expect(salesVolumeScore(40e6, s)).toBe(100);
  });

  test("sales volume follows the workbook's unit and break", () => {
    const t = settingsSchema.parse({ internal: { salesUnit: 100_000, salesBreak: 200_000 } });
    expect(salesVolumeScore(200_000, t)).toBe(20);
    expect(salesVolumeScore(1_000_000, t)).toBe(20 + 5 * 8);
  });

  test("credit score is clipped to 0–100", () => {
    expect(creditPoints(-30)).toBe(0);
    expect(creditPoints(85)).toBe(85);
  });
});

describe("levelPoints (KAM.LEVEL)", () => {
  test("market from revenue: 1.2 B → 65", () => {
    expect(points("market", 1.2e9)).toBe(65);
    expect(points("市场规模", "1,200,000,000")).toBe(65);
  });

  test("education in either language: 硕士 and Master → 90", () => {
    expect(points("education", "硕士")).toBe(90);
    expect(points("education", "Master")).toBe(90);
    expect(points("学历", "博士")).toBe(100);
  });

  test("full-width, upper/lower case and spaces are all read", () => {
    expect(points("ＥＤＵＣＡＴＩＯＮ", " ｍａｓｔｅｒ ")).toBe(90);
    expect(points("  Quality Requirement ", "HIGH")).toBe(80);
    expect(points("质量要求", "高　８５")).toBe(85);
  });

  test("a level without a number scores the middle of its band", () => {
    expect(points("quality", "medium")).toBe(95);
    expect(points("quality", "low")).toBe(60);
    expect(points("regulatory", "中")).toBe(80);
    expect(points("price", "豪放型")).toBe(95);
    expect(points("price", "price-sensitive")).toBe(60);
    expect(points("professional", "外行型")).toBe(85);
    expect(points("profit", "high")).toBe(95);
    expect(points("relationship", "差")).toBe(25);
    expect(points("relationship", "一般")).toBe(60);
  });

  test("a level with a number scores the number", () => {
    expect(points("quality", "high 85")).toBe(85);
    expect(points("quality", "高 85")).toBe(85);
    expect(points("quality", "高85分")).toBe(85);
    expect(points("professional", "Expert: 92")).toBe(92);
    expect(points("quality", "high 90")).toBe(90);
    expect(points("quality", "medium 90")).toBe(90);
  });

  test("a number outside its level's band is a clear error", () => {
    const e = error(levelPoints("quality", "high 95", s));
    expect(e.kind).toBe("invalid");
    expect(e.msg.en).toBe('quality requirement "high 95": 95 is outside the band of High (70–90)');
    expect(e.msg.zh).toBe("质量要求“high 95”：95 不在“高”的分数段 70–90 内");
  });

  test("a bare number must lie in some level's band", () => {
    expect(points("quality", 75)).toBe(75);
    const e = error(levelPoints("quality", 30, s));
    expect(e.msg.en).toContain("quality requirement 30 is not in the band of any level");
    expect(e.msg.en).toContain("Medium (90–100), High (70–90) or Low (50–70)");
  });

  test("an unknown level lists the levels in the user's language", () => {
    const e = error(levelPoints("price", "stingy", s));
    expect(e.msg.en).toContain('"stingy" is not a level');
    expect(e.msg.en).toContain("Generous (90–100), Conservative (70–90) or Price-sensitive (50–70)");
    expect(e.msg.zh).toContain("豪放型（90–100）、保守型（70–90） 或 敏感型（50–70）");
  });

  test("an unknown dimension lists the dimensions", () => {
    const e = error(levelPoints("colour", "red", s));
    expect(e.msg.en).toContain('"colour" is not a profile dimension');
    expect(e.msg.en).toContain("Market size");
    expect(e.msg.zh).toContain("学历");
  });

  test("blank values are missing, not zero", () => {
    expect(error(levelPoints("quality", "", s)).kind).toBe("missing");
    expect(error(levelPoints("market", null, s)).kind).toBe("missing");
    expect(error(levelPoints("", "high", s)).kind).toBe("missing");
  });

  test("numeric dimensions check their amounts", () => {
    expect(points("rnd", 4)).toBe(40);
    expect(error(levelPoints("rnd", 2.5, s)).msg.en).toContain("whole number");
    expect(error(levelPoints("market", -1, s)).msg.en).toContain("must not be negative");
    expect(points("sales", 3e6)).toBe(30);
    expect(points("credit", 72)).toBe(72);
    expect(points("信用等级", -20)).toBe(0);
    expect(error(levelPoints("credit", 120, s)).msg.en).toContain("above its maximum 100");
  });

  test("stakeholder attributes are levels too", () => {
    expect(points("orgRole", "总监")).toBe(80);
    expect(points("power role", "关键决策者")).toBe(100);
    expect(points("关系角色", "opponent")).toBe(50);
    expect(points("发展潜力", "潜力股")).toBe(85);
    expect(points("age", 30)).toBe(100);
    expect(points("age", 40)).toBe(80);
  });

  test("band settings change the middle and the allowed numbers", () => {
    const t = settingsSchema.parse({ external: { quality: { high: [60, 80] } } });
    const r = levelPoints("quality", "high", t);
    expect(r).toEqual({ ok: true, value: 70 });
    expect(levelPoints("quality", "high 85", t).ok).toBe(false);
  });

  test("never throws: any dimension and value give ok (0–100) or an error in both languages", () => {
    const dims = fc.constantFrom("market", "rnd", "quality", "regulatory", "price", "professional", "sales", "profit", "credit", "relationship", "education", "orgRole", "powerRole", "relationshipRole", "devPotential", "age", "质量要求");
    const values = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.constantFrom("high 85", "高 95", "medium", "硕士", "蓝筹股 99", "12", "-3"));
    fc.assert(
      fc.property(fc.oneof(dims, fc.anything()), values, (d, v) => {
        const r = levelPoints(d, v, s);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(100);
        } else {
          expect(r.error.msg.en.length).toBeGreaterThan(0);
          expect(r.error.msg.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("external profile classification (SPEC §4a)", () => {
  test("example A is a potential target, below the baseline on quality and price", () => {
    const r = classifyExternal([100, 95, 80, 90, 70, 90], s);
    expect(r).toEqual({ class: "potentialTarget", belowBaseline: ["quality", "price"], belowWarning: [] });
  });

  test("example B is a potential target, below the baseline on regulatory", () => {
    const r = classifyExternal([60, 100, 90, 70, 95, 85], s);
    expect(r).toEqual({ class: "potentialTarget", belowBaseline: ["regulatory"], belowWarning: [] });
  });

  test("on the baseline everywhere is a target", () => {
    expect(classifyExternal([60, 60, 90, 90, 85, 80], s).class).toBe("target");
  });

  test("below the warning line on any dimension is not a target", () => {
    const r = classifyExternal([100, 100, 100, 100, 100, 69], s);
    expect(r.class).toBe("notTarget");
    expect(r.belowWarning).toEqual(["professional"]);
    expect(r.belowBaseline).toEqual(["professional"]);
  });

  test("lines come from settings", () => {
    const t = settingsSchema.parse({ external: { baseline: [60, 60, 80, 90, 70, 80] } });
    expect(classifyExternal([100, 95, 80, 90, 70, 90], t).class).toBe("target");
  });

  test("labels exist in both languages", () => {
    expect(EXTERNAL_CLASS_LABELS.potentialTarget).toMatchObject({ en: "Potential target", zh: "潜在目标客户" });
  });
});

describe("internal profile classification (SPEC §4b)", () => {
  test("meets the key-account line everywhere → key account, nothing above", () => {
    expect(classifyInternal([50, 90, 80, 90, 90, 90], s)).toEqual({ class: "keyAccount", next: null, gaps: [] });
  });

  test("the source's internal examples A and B are general accounts, with their gaps to important", () => {
    expect(classifyInternal([100, 95, 80, 90, 70, 90], s)).toEqual({
      class: "general",
      next: "important",
      gaps: [
        { dimension: "quality", gap: 10 },
        { dimension: "relationship", gap: 15 },
      ],
    });
    expect(classifyInternal([60, 100, 90, 70, 95, 85], s)).toEqual({
      class: "general",
      next: "important",
      gaps: [{ dimension: "credit", gap: 10 }],
    });
  });

  test("an important account sees its gaps to key account", () => {
    const r = classifyInternal([100, 95, 90, 90, 85, 90], s);
    expect(r.class).toBe("important");
    expect(r.next).toBe("keyAccount");
    expect(r.gaps).toEqual([{ dimension: "relationship", gap: 5 }]);
  });

  test("the lines are not nested: quality 85 can be a key account but not important", () => {
    expect(classifyInternal([60, 92, 85, 95, 95, 95], s).class).toBe("keyAccount");
    expect(classifyInternal([40, 92, 85, 95, 95, 95], s)).toEqual({
      class: "general",
      next: "important",
      gaps: [{ dimension: "quality", gap: 5 }],
    });
  });

  test("below the general line anywhere → below general, with the gaps to general", () => {
    const r = classifyInternal([5, 90, 90, 90, 55.5, 90], s);
    expect(r.class).toBe("belowGeneral");
    expect(r.next).toBe("general");
    expect(r.gaps).toEqual([
      { dimension: "sales", gap: 5 },
      { dimension: "relationship", gap: 4.5 },
    ]);
  });

  test("credit left out is ignored on every line and never a gap", () => {
    expect(classifyInternal([50, 90, 80, null, 90, 90], s).class).toBe("keyAccount");
    const r = classifyInternal([30, 85, 90, null, 85, 70], s);
    expect(r.class).toBe("important");
    expect(r.gaps.map((g) => g.dimension)).toEqual(["sales", "profit", "relationship", "professional"]);
  });

  test("labels exist in both languages", () => {
    expect(INTERNAL_CLASS_LABELS.belowGeneral).toMatchObject({ en: "Below general", zh: "低于一般" });
    expect(INTERNAL_CLASS_LABELS.important.zh).toBe("重点客户");
  });
});

describe("validateProfileRow", () => {
  test("reads six scores, numeric text included", () => {
    expect(validateProfileRow([100, "95", 80, 90, 70, "９０"], "external")).toEqual({ ok: true, value: [100, 95, 80, 90, 70, 90] });
  });

  test("internal credit may be blank; nothing else may", () => {
    expect(validateProfileRow([50, 90, 80, "", 90, 90], "internal")).toEqual({ ok: true, value: [50, 90, 80, null, 90, 90] });
    const e = error(validateProfileRow([50, 90, 80, 90, null, 90], "internal"));
    expect(e.kind).toBe("missing");
    expect(e.msg.en).toBe("relationship is missing");
    expect(e.msg.zh).toContain("客户关系");
    expect(error(validateProfileRow([50, 90, 80, "", 90, 90], "external")).msg.en).toBe("regulatory requirement is missing");
  });

  test("scores outside 0–100 and text name the dimension", () => {
    expect(error(validateProfileRow([101, 90, 80, 90, 90, 90], "external")).msg.en).toContain("market size 101 is above its maximum 100");
    expect(error(validateProfileRow([50, "lots", 80, 90, 90, 90], "internal")).msg.en).toContain('profit contribution must be a number, got "lots"');
  });

  test("a row of the wrong length says how many were expected", () => {
    const e = error(validateProfileRow([1, 2, 3], "external"));
    expect(e.msg.en).toContain("expected 6 scores");
    expect(e.msg.en).toContain("got 3");
  });

  test("never throws on any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.oneof(fc.anything(), fc.double(), fc.constant("")), { minLength: 6, maxLength: 6 })), fc.constantFrom("external", "internal"), (row, kind) => {
        const r = validateProfileRow(row as unknown[], kind);
        if (r.ok) {
          expect(r.value).toHaveLength(6);
          for (const v of r.value) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
        } else {
          expect(r.error.msg.en.length).toBeGreaterThan(0);
          expect(r.error.msg.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("classification is monotone", () => {
  const score = fc.double({ min: 0, max: 100, noNaN: true });
  const six = fc.array(score, { minLength: 6, maxLength: 6 });

  test("raising one external score never lowers the external class", () => {
    fc.assert(
      fc.property(six, fc.integer({ min: 0, max: 5 }), score, (row, i, extra) => {
        const raised = [...row];
        raised[i] = Math.max(row[i], extra);
        expect(EXTERNAL_CLASS_RANK[classifyExternal(raised, s).class]).toBeGreaterThanOrEqual(EXTERNAL_CLASS_RANK[classifyExternal(row, s).class]);
      }),
    );
  });

  test("raising one internal score never lowers the internal class", () => {
    const row6 = fc.array(fc.option(score, { nil: null }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(row6, fc.integer({ min: 0, max: 5 }), score, (row, i, extra) => {
        const current = row[i];
        const raised = [...row];
        raised[i] = current === null ? null : Math.max(current, extra);
        expect(INTERNAL_CLASS_RANK[classifyInternal(raised, s).class]).toBeGreaterThanOrEqual(INTERNAL_CLASS_RANK[classifyInternal(row, s).class]);
      }),
    );
  });

  test("every dimension has a label in both languages", () => {
    for (const l of Object.values(PROFILE_DIMENSION_LABELS)) {
      expect(l.en.length).toBeGreaterThan(0);
      expect(l.zh.length).toBeGreaterThan(0);
    }
  });
});
