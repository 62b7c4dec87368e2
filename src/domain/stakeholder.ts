/**
 * SPEC §4c — the stakeholder radar (客户人员雷达画像): one person per row along the customer
 * journey, scored on six attributes against an ideal profile, with the management action that the
 * person's relationship role calls for.
 */
import { failWith, ok, type Msg, type Result } from "./errors";
import type { Label, ParseableLabel } from "./labels";
import { levelTable, scoreLevel, type Band, type LevelTable } from "./levels";
import type { Settings } from "./settings";
import { numberInRange } from "./values";

export const STAKEHOLDER_ATTRIBUTES = ["age", "education", "orgRole", "powerRole", "relationshipRole", "devPotential"] as const;
export type StakeholderAttribute = (typeof STAKEHOLDER_ATTRIBUTES)[number];

export const STAKEHOLDER_ATTRIBUTE_LABELS: Readonly<Record<StakeholderAttribute, ParseableLabel>> = {
  age: { en: "Age", zh: "年龄" },
  education: { en: "Education", zh: "学历", aliases: ["Degree", "Education level", "教育程度"] },
  orgRole: { en: "Organisational role", zh: "组织角色", aliases: ["Organizational role", "Org role", "Position", "Title", "职位", "职务"] },
  powerRole: { en: "Power role", zh: "权力角色", aliases: ["Decision role", "Buying role", "决策角色"] },
  relationshipRole: { en: "Relationship role", zh: "关系角色", aliases: ["Relationship type", "Stance", "立场"] },
  devPotential: { en: "Development potential", zh: "发展潜力", aliases: ["Career potential", "Personal potential", "个人发展潜力"] },
};

function inSentence(label: Label): Msg {
  return { en: label.en.charAt(0).toLowerCase() + label.en.slice(1), zh: label.zh };
}

/** A table of fixed points is a level table whose bands have no width. */
function fixed<K extends string>(points: Readonly<Record<K, number>>): Readonly<Record<K, Band>> {
  const out = {} as Record<K, Band>;
  for (const k of Object.keys(points) as K[]) out[k] = [points[k], points[k]];
  return out;
}

export type Education = "phd" | "master" | "bachelor" | "associate" | "belowAssociate";
export const EDUCATION_LABELS: Readonly<Record<Education, ParseableLabel>> = {
  phd: { en: "PhD", zh: "博士", aliases: ["Doctorate", "Doctor", "Ph.D.", "Ph.D", "博士研究生"] },
  master: { en: "Master", zh: "硕士", aliases: ["Master's", "Masters", "MSc", "MBA", "MA", "硕士研究生", "研究生"] },
  bachelor: { en: "Bachelor", zh: "本科", aliases: ["Bachelor's", "Bachelors", "BSc", "BA", "Undergraduate", "学士", "大学本科"] },
  associate: { en: "Associate", zh: "大专", aliases: ["Associate degree", "Associate's", "College", "专科"] },
  belowAssociate: { en: "Below associate", zh: "大专以下", aliases: ["Below college", "High school", "Secondary school", "高中", "中专", "初中"] },
};
export const EDUCATION_POINTS: Readonly<Record<Education, number>> = { phd: 100, master: 90, bachelor: 80, associate: 70, belowAssociate: 60 };

export type OrgRole = "chairman" | "generalManager" | "director" | "manager" | "supervisor" | "staff";
export const ORG_ROLE_LABELS: Readonly<Record<OrgRole, ParseableLabel>> = {
  chairman: { en: "Chairman", zh: "董事长", aliases: ["Chair", "Chairwoman", "Chairperson", "Board chair"] },
  generalManager: { en: "General manager", zh: "总经理", aliases: ["GM", "CEO", "President", "Managing director", "总裁"] },
  director: { en: "Director", zh: "总监" },
  manager: { en: "Manager", zh: "经理" },
  supervisor: { en: "Supervisor", zh: "主管", aliases: ["Team lead", "Team leader"] },
  staff: { en: "Staff", zh: "员工", aliases: ["Employee", "Staff member", "职员"] },
};
export const ORG_ROLE_POINTS: Readonly<Record<OrgRole, number>> = {
  chairman: 100,
  generalManager: 90,
  director: 80,
  manager: 70,
  supervisor: 60,
  staff: 50,
};

export type PowerRole = "finalDecisionMaker" | "decisionMaker" | "influencer" | "executor";
export const POWER_ROLE_LABELS: Readonly<Record<PowerRole, ParseableLabel>> = {
  finalDecisionMaker: {
    en: "Final decision-maker",
    zh: "最终决策者",
    aliases: ["Final decision maker", "Key decision-maker", "Key decision maker", "关键决策者"],
  },
  decisionMaker: { en: "Decision-maker", zh: "决策者", aliases: ["Decision maker"] },
  influencer: { en: "Influencer", zh: "影响者" },
  executor: { en: "Executor", zh: "执行者", aliases: ["Implementer", "User"] },
};
export const POWER_ROLE_POINTS: Readonly<Record<PowerRole, number>> = { finalDecisionMaker: 100, decisionMaker: 90, influencer: 80, executor: 70 };

export type RelationshipRole = "coach" | "supporter" | "neutral" | "opponent";
export const RELATIONSHIP_ROLE_LABELS: Readonly<Record<RelationshipRole, ParseableLabel>> = {
  coach: { en: "Coach", zh: "教练" },
  supporter: { en: "Supporter", zh: "支持者", aliases: ["支持"] },
  neutral: { en: "Neutral", zh: "中立者", aliases: ["中立"] },
  opponent: { en: "Opponent", zh: "反对者", aliases: ["Adversary", "反对"] },
};
export const RELATIONSHIP_ROLE_POINTS: Readonly<Record<RelationshipRole, number>> = { coach: 100, supporter: 90, neutral: 80, opponent: 50 };

export type DevPotential = "blueChip" | "growth" | "redChip";
export const DEV_POTENTIAL_LABELS: Readonly<Record<DevPotential, ParseableLabel>> = {
  blueChip: { en: "Blue chip", zh: "蓝筹股", aliases: ["Blue-chip", "蓝筹"] },
  growth: { en: "Growth stock", zh: "潜力股", aliases: ["Growth", "潜力"] },
  redChip: { en: "Red chip", zh: "红筹股", aliases: ["Red-chip", "红筹"] },
};

const A = STAKEHOLDER_ATTRIBUTE_LABELS;
export const EDUCATION: LevelTable<Education> = levelTable(inSentence(A.education), EDUCATION_LABELS, () => fixed(EDUCATION_POINTS));
export const ORG_ROLE: LevelTable<OrgRole> = levelTable(inSentence(A.orgRole), ORG_ROLE_LABELS, () => fixed(ORG_ROLE_POINTS));
export const POWER_ROLE: LevelTable<PowerRole> = levelTable(inSentence(A.powerRole), POWER_ROLE_LABELS, () => fixed(POWER_ROLE_POINTS));
export const RELATIONSHIP_ROLE: LevelTable<RelationshipRole> = levelTable(inSentence(A.relationshipRole), RELATIONSHIP_ROLE_LABELS, () =>
  fixed(RELATIONSHIP_ROLE_POINTS),
);
export const DEV_POTENTIAL: LevelTable<DevPotential> = levelTable(inSentence(A.devPotential), DEV_POTENTIAL_LABELS, (s) => s.stakeholder.devPotential);

/** Plausible ages for a person at a customer [chosen]. */
export const AGE_RANGE: readonly [number, number] = [1, 120];

export function parseAge(v: unknown): Result<number> {
  return numberInRange(v, inSentence(A.age), AGE_RANGE[0], AGE_RANGE[1]);
}

/**
 * The age axis of the radar [chosen, SPEC §4c: the source plots the actual age against an ideal
 * of 30]: 100 at the ideal age, minus `agePointsPerYear` (default 2) per year away, floored at 0.
 * With the defaults the source's people aged 50, 35 and 40 fit 60, 90 and 80.
 */
export function ageFit(age: number, s: Settings): number {
  return Math.max(0, 100 - s.stakeholder.agePointsPerYear * Math.abs(age - s.stakeholder.idealAge));
}

/** Points for one attribute; age is scored as its fit to the ideal age. */
export function stakeholderPoints(attribute: StakeholderAttribute, value: unknown, s: Settings): Result<number> {
  if (attribute === "age") {
    const r = parseAge(value);
    return r.ok ? ok(ageFit(r.value, s)) : r;
  }
  const r = scoreLevel(LEVEL_TABLES[attribute], value, s);
  return r.ok ? ok(r.value.points) : r;
}

type LevelAttribute = Exclude<StakeholderAttribute, "age">;
const LEVEL_TABLES: { readonly [K in LevelAttribute]: LevelTable<string> } = {
  education: EDUCATION,
  orgRole: ORG_ROLE,
  powerRole: POWER_ROLE,
  relationshipRole: RELATIONSHIP_ROLE,
  devPotential: DEV_POTENTIAL,
};

export interface StakeholderInput {
  age: unknown;
  education: unknown;
  orgRole: unknown;
  powerRole: unknown;
  relationshipRole: unknown;
  devPotential: unknown;
}

export interface StakeholderScores {
  /** As in the source's table: the actual age, then points 0–100 for the five other attributes. */
  scores: Record<StakeholderAttribute, number>;
  /** The ideal profile: the ideal age (default 30), 100 elsewhere. */
  ideal: Record<StakeholderAttribute, number>;
  /** For a 0–100 radar: age replaced by its fit (see ageFit); the ideal person is 100 on every axis. */
  radar: { person: Record<StakeholderAttribute, number>; ideal: Record<StakeholderAttribute, number> };
  /** The recognised level of each attribute, e.g. relationshipRole for the action column. */
  levels: { education: Education; orgRole: OrgRole; powerRole: PowerRole; relationshipRole: RelationshipRole; devPotential: DevPotential };
}

/** Score one person; the first attribute that cannot be read is the error (it names the attribute). */
export function scoreStakeholder(p: StakeholderInput, s: Settings): Result<StakeholderScores> {
  const age = parseAge(p.age);
  if (!age.ok) return failWith(age.error);
  const education = scoreLevel(EDUCATION, p.education, s);
  if (!education.ok) return failWith(education.error);
  const orgRole = scoreLevel(ORG_ROLE, p.orgRole, s);
  if (!orgRole.ok) return failWith(orgRole.error);
  const powerRole = scoreLevel(POWER_ROLE, p.powerRole, s);
  if (!powerRole.ok) return failWith(powerRole.error);
  const relationshipRole = scoreLevel(RELATIONSHIP_ROLE, p.relationshipRole, s);
  if (!relationshipRole.ok) return failWith(relationshipRole.error);
  const devPotential = scoreLevel(DEV_POTENTIAL, p.devPotential, s);
  if (!devPotential.ok) return failWith(devPotential.error);

  const rest = {
    education: education.value.points,
    orgRole: orgRole.value.points,
    powerRole: powerRole.value.points,
    relationshipRole: relationshipRole.value.points,
    devPotential: devPotential.value.points,
  };
  const hundred = { education: 100, orgRole: 100, powerRole: 100, relationshipRole: 100, devPotential: 100 };
  return ok({
    scores: { age: age.value, ...rest },
    ideal: { age: s.stakeholder.idealAge, ...hundred },
    radar: { person: { age: ageFit(age.value, s), ...rest }, ideal: { age: 100, ...hundred } },
    levels: {
      education: education.value.level,
      orgRole: orgRole.value.level,
      powerRole: powerRole.value.level,
      relationshipRole: relationshipRole.value.level,
      devPotential: devPotential.value.level,
    },
  });
}

/** The management rule of SPEC §4c: move every person one step closer to being a coach. */
export const NEXT_ACTION_LABELS: Readonly<Record<RelationshipRole, Label>> = {
  opponent: { en: "Make friends", zh: "与其交朋友" },
  neutral: { en: "Turn into a supporter", zh: "争取成为支持者" },
  supporter: { en: "Turn into a coach", zh: "发展成为教练" },
  coach: { en: "Keep as coach", zh: "保持教练关系" },
};

export function nextAction(role: RelationshipRole): Label {
  return NEXT_ACTION_LABELS[role];
}
