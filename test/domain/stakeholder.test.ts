import fc from "fast-check";
import { normalize } from "../../src/domain/labels";
import * as profile from "../../src/domain/profile";
import { DEFAULT_SETTINGS, settingsSchema } from "../../src/domain/settings";
import {
  ageFit,
  DEV_POTENTIAL_LABELS,
  EDUCATION_LABELS,
  EDUCATION_POINTS,
  nextAction,
  ORG_ROLE_LABELS,
  ORG_ROLE_POINTS,
  POWER_ROLE_LABELS,
  POWER_ROLE_POINTS,
  RELATIONSHIP_ROLE_LABELS,
  RELATIONSHIP_ROLE_POINTS,
  scoreStakeholder,
  STAKEHOLDER_ATTRIBUTE_LABELS,
  STAKEHOLDER_ATTRIBUTES,
  stakeholderPoints,
  type StakeholderInput,
} from "../../src/domain/stakeholder";

const s = DEFAULT_SETTINGS;

function scored(p: StakeholderInput) {
  const r = scoreStakeholder(p, s);
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.msg.en}`);
  return r.value;
}

describe("stakeholder radar (SPEC §4c)", () => {
  test("the source's salesperson X scores as in its table", () => {
    const x = scored({ age: 50, education: "本科", orgRole: "董事长", powerRole: "最终决策者", relationshipRole: "支持者", devPotential: "蓝筹股 100" });
    expect(x.scores).toEqual({ age: 50, education: 80, orgRole: 100, powerRole: 100, relationshipRole: 90, devPotential: 100 });
    expect(x.levels).toEqual({ education: "bachelor", orgRole: "chairman", powerRole: "finalDecisionMaker", relationshipRole: "supporter", devPotential: "blueChip" });
  });

  test("the source's Y (FAT) and Z (SAT) in English", () => {
    const y = scored({ age: 35, education: "Master", orgRole: "Director", powerRole: "Influencer", relationshipRole: "Coach", devPotential: "Blue chip 90" });
    expect(y.scores).toEqual({ age: 35, education: 90, orgRole: 80, powerRole: 80, relationshipRole: 100, devPotential: 90 });
    const z = scored({ age: 40, education: "bachelor", orgRole: "general manager", powerRole: "decision-maker", relationshipRole: "opponent", devPotential: "red chip 70" });
    expect(z.scores).toEqual({ age: 40, education: 80, orgRole: 90, powerRole: 90, relationshipRole: 50, devPotential: 70 });
  });

  test("the ideal profile is age 30 and 100 elsewhere", () => {
    const p = scored({ age: 30, education: "博士", orgRole: "董事长", powerRole: "关键决策者", relationshipRole: "教练", devPotential: "蓝筹股" });
    expect(p.ideal).toEqual({ age: 30, education: 100, orgRole: 100, powerRole: 100, relationshipRole: 100, devPotential: 100 });
    expect(p.scores).toEqual({ ...p.ideal, devPotential: 95 });
  });

  test("on the radar age is its fit: 100 at the ideal age, 2 points less per year away, never below 0", () => {
    expect(ageFit(30, s)).toBe(100);
    expect(ageFit(50, s)).toBe(60);
    expect(ageFit(35, s)).toBe(90);
    expect(ageFit(25, s)).toBe(90);
    expect(ageFit(95, s)).toBe(0);
    const x = scored({ age: 40, education: "本科", orgRole: "经理", powerRole: "执行者", relationshipRole: "中立者", devPotential: "潜力股" });
    expect(x.radar.person).toEqual({ age: 80, education: 80, orgRole: 70, powerRole: 70, relationshipRole: 80, devPotential: 85 });
    expect(x.radar.ideal).toEqual({ age: 100, education: 100, orgRole: 100, powerRole: 100, relationshipRole: 100, devPotential: 100 });
  });

  test("the ideal age and the points per year come from settings", () => {
    const t = settingsSchema.parse({ stakeholder: { idealAge: 40, agePointsPerYear: 5 } });
    expect(ageFit(30, t)).toBe(50);
    const r = scoreStakeholder({ age: 40, education: "本科", orgRole: "经理", powerRole: "执行者", relationshipRole: "中立者", devPotential: "潜力股" }, t);
    expect(r.ok && r.value.ideal.age).toBe(40);
    expect(r.ok && r.value.radar.person.age).toBe(100);
  });

  test("development potential follows its bands; a number must lie inside", () => {
    expect(stakeholderPoints("devPotential", "潜力股 88", s)).toEqual({ ok: true, value: 88 });
    const r = stakeholderPoints("devPotential", "红筹股 85", s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.msg.en).toContain("85 is outside the band of Red chip (70–80)");
      expect(r.error.msg.zh).toContain("不在“红筹股”的分数段 70–80 内");
    }
    const t = settingsSchema.parse({ stakeholder: { devPotential: { redChip: [60, 85] } } });
    expect(stakeholderPoints("devPotential", "红筹股 85", t)).toEqual({ ok: true, value: 85 });
  });

  test("every table has its SPEC points and both languages", () => {
    expect(EDUCATION_POINTS).toEqual({ phd: 100, master: 90, bachelor: 80, associate: 70, belowAssociate: 60 });
    expect(ORG_ROLE_POINTS).toEqual({ chairman: 100, generalManager: 90, director: 80, manager: 70, supervisor: 60, staff: 50 });
    expect(POWER_ROLE_POINTS).toEqual({ finalDecisionMaker: 100, decisionMaker: 90, influencer: 80, executor: 70 });
    expect(RELATIONSHIP_ROLE_POINTS).toEqual({ coach: 100, supporter: 90, neutral: 80, opponent: 50 });
    for (const table of [EDUCATION_LABELS, ORG_ROLE_LABELS, POWER_ROLE_LABELS, RELATIONSHIP_ROLE_LABELS, DEV_POTENTIAL_LABELS]) {
      for (const l of Object.values(table)) {
        expect(l.en).not.toBe("");
        expect(l.zh).not.toBe("");
      }
    }
  });

  test("every label of every table is read back, in both languages", () => {
    const tables = { education: EDUCATION_LABELS, orgRole: ORG_ROLE_LABELS, powerRole: POWER_ROLE_LABELS, relationshipRole: RELATIONSHIP_ROLE_LABELS, devPotential: DEV_POTENTIAL_LABELS } as const;
    for (const [attr, table] of Object.entries(tables)) {
      for (const l of Object.values(table)) {
        const a = attr as keyof typeof tables;
        const en = stakeholderPoints(a, l.en.toUpperCase(), s);
        const zh = stakeholderPoints(a, l.zh, s);
        expect(en.ok).toBe(true);
        expect(zh).toEqual(en);
      }
    }
  });

  test("a bad cell names the attribute and the accepted levels", () => {
    const r = scoreStakeholder({ age: 45, education: "本科", orgRole: "CTO of the world", powerRole: "决策者", relationshipRole: "教练", devPotential: "蓝筹股" }, s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toContain('organisational role: "CTO of the world" is not a level');
      expect(r.error.msg.en).toContain("Chairman (100)");
      expect(r.error.msg.zh).toContain("组织角色");
      expect(r.error.msg.zh).toContain("董事长（100）");
    }
  });

  test("a blank attribute is missing; an impossible age is invalid", () => {
    const base = { age: 45, education: "本科", orgRole: "经理", powerRole: "决策者", relationshipRole: "教练", devPotential: "蓝筹股" };
    const blank = scoreStakeholder({ ...base, relationshipRole: " " }, s);
    expect(!blank.ok && blank.error.kind).toBe("missing");
    expect(!blank.ok && blank.error.msg.en).toContain("relationship role is missing");
    const old = scoreStakeholder({ ...base, age: 300 }, s);
    expect(!old.ok && old.error.msg.en).toContain("age 300 is above its maximum 120");
    const text = scoreStakeholder({ ...base, age: "forty" }, s);
    expect(!text.ok && text.error.msg.en).toContain('age must be a number, got "forty"');
  });

  test("never throws: any person gives scores or an error in both languages", () => {
    const cell = fc.oneof(fc.anything(), fc.string(), fc.integer({ min: -10, max: 200 }), fc.constantFrom("硕士", "总监", "决策者", "教练", "蓝筹股 95", "潜力股 70", ""));
    fc.assert(
      fc.property(fc.tuple(cell, cell, cell, cell, cell, cell), ([age, education, orgRole, powerRole, relationshipRole, devPotential]) => {
        const r = scoreStakeholder({ age, education, orgRole, powerRole, relationshipRole, devPotential }, s);
        if (r.ok) {
          for (const a of STAKEHOLDER_ATTRIBUTES) {
            expect(r.value.radar.person[a]).toBeGreaterThanOrEqual(0);
            expect(r.value.radar.person[a]).toBeLessThanOrEqual(100);
          }
        } else {
          expect(r.error.msg.en.length).toBeGreaterThan(0);
          expect(r.error.msg.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("next action per relationship role", () => {
  test("opponents → make friends, neutrals → supporters, supporters → coaches, coaches stay", () => {
    expect(nextAction("opponent")).toEqual({ en: "Make friends", zh: "与其交朋友" });
    expect(nextAction("neutral")).toEqual({ en: "Turn into a supporter", zh: "争取成为支持者" });
    expect(nextAction("supporter")).toEqual({ en: "Turn into a coach", zh: "发展成为教练" });
    expect(nextAction("coach")).toEqual({ en: "Keep as coach", zh: "保持教练关系" });
  });
});

describe("label tables are unambiguous", () => {
  test("no spelling of one level is a spelling of another level of the same table", () => {
    const tables = {
      EDUCATION_LABELS,
      ORG_ROLE_LABELS,
      POWER_ROLE_LABELS,
      RELATIONSHIP_ROLE_LABELS,
      DEV_POTENTIAL_LABELS,
      QUALITY: profile.QUALITY_LEVEL_LABELS,
      REGULATORY: profile.REGULATORY_LEVEL_LABELS,
      PRICE: profile.PRICE_LEVEL_LABELS,
      PROFESSIONAL: profile.PROFESSIONAL_LEVEL_LABELS,
      PROFIT: profile.PROFIT_LEVEL_LABELS,
      RELATIONSHIP: profile.RELATIONSHIP_LEVEL_LABELS,
      DIMENSIONS: { ...profile.PROFILE_DIMENSION_LABELS, ...STAKEHOLDER_ATTRIBUTE_LABELS },
    };
    for (const [name, table] of Object.entries(tables)) {
      const owner = new Map<string, string>();
      for (const [key, l] of Object.entries(table) as [string, { en: string; zh: string; aliases?: readonly string[] }][]) {
        for (const spelling of new Set([key, l.en, l.zh, ...(l.aliases ?? [])].map(normalize))) {
          expect(`${name}: ${spelling} → ${owner.get(spelling) ?? key}`).toBe(`${name}: ${spelling} → ${key}`);
          owner.set(spelling, key);
        }
      }
    }
  });
});
