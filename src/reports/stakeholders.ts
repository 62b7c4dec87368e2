/**
 * Stakeholder radar report (SPEC §4c): the people of one account along the customer journey, each
 * scored on six attributes, a radar of the people against the ideal profile, and the next
 * relationship action per person.
 *
 * API
 *   buildStakeholderReport(
 *     sources: { people: SourceTable },          // one row per person
 *     options: StakeholderOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: StakeholderSummary; columns: ChosenColumn[] }
 *
 *   StakeholderOptions { account?: string     (which account, when the table has a customer column
 *                                              holding several; required then)
 *                        maxChart?: number    (people drawn in the radar, default 8)
 *                        columns?: ColumnOverrides }
 *   StakeholderSummary { account: string | null, people, charted,
 *                        roles: Record<RelationshipRole, number>,
 *                        actions: { person, journey, role, action }[] }
 *
 * Column roles: person, age, education, orgRole, powerRole, relationshipRole, devPotential;
 * optional journey, customer. Attributes are level names in either language ("硕士", "Director",
 * "潜力股 85"); age in years. On the radar age is plotted as its fit to the ideal age (100 at the
 * ideal, SPEC §4c [chosen in domain/stakeholder.ts]) so every axis runs 0–100.
 */
import type { ColumnRole } from "../domain/columns";
import type { Lang } from "../domain/errors";
import { normalize } from "../domain/labels";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import {
  STAKEHOLDER_ATTRIBUTES,
  STAKEHOLDER_ATTRIBUTE_LABELS,
  nextAction,
  scoreStakeholder,
  stakeholderPoints,
  type RelationshipRole,
  type StakeholderAttribute,
} from "../domain/stakeholder";
import { inputError, openTable, type ChosenColumn, type ColumnOverrides } from "./inputs";
import { COLORS, SheetBuilder, equalRules, fitWidth, radarChart, radarData, safeSheetName, tr } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export interface StakeholderOptions {
  readonly account?: string;
  readonly maxChart?: number;
  readonly columns?: ColumnOverrides;
}

export interface StakeholderAction {
  readonly person: string;
  readonly journey: string | null;
  readonly role: RelationshipRole;
  readonly action: string;
}

export interface StakeholderSummary {
  readonly account: string | null;
  readonly people: number;
  /** People drawn in the radar chart. */
  readonly charted: number;
  readonly roles: Readonly<Record<RelationshipRole, number>>;
  readonly actions: readonly StakeholderAction[];
}

export const STAKEHOLDER_MAX_CHART = 8;

const T = {
  sheet: { en: "Stakeholders", zh: "人员画像" },
  title: { en: "Stakeholder radar", zh: "客户人员雷达画像" },
  journey: { en: "Journey point", zh: "旅程点" },
  person: { en: "Name", zh: "姓名" },
  ageFit: { en: "Age fit", zh: "年龄匹配度" },
  points: { en: "points", zh: "得分" },
  action: { en: "Next action", zh: "下一步行动" },
  attribute: { en: "Attribute", zh: "属性" },
  ideal: { en: "Ideal profile", zh: "理想画像" },
  radarData: { en: "Radar data (0–100)", zh: "雷达图数据（0–100）" },
} as const;

function note(s: Settings, lang: Lang): string {
  const { idealAge, agePointsPerYear } = s.stakeholder;
  return lang === "en"
    ? `Ideal profile: age ${idealAge}, every other attribute 100. Age fit = 100 − ${agePointsPerYear} per year away from ${idealAge}. Action: make friends with opponents, turn neutrals into supporters and supporters into coaches.`
    : `理想画像：年龄 ${idealAge} 岁，其余属性 100 分。年龄匹配度 = 100 − 与 ${idealAge} 岁每相差一岁扣 ${agePointsPerYear} 分。行动：与反对者交朋友，把中立者变为支持者，把支持者发展为教练。`;
}

export function buildStakeholderReport(
  sources: { readonly people: SourceTable },
  options: StakeholderOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: StakeholderSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const maxChart = options.maxChart ?? STAKEHOLDER_MAX_CHART;
  if (!Number.isInteger(maxChart) || maxChart < 0) {
    throw inputError("bad_option_max_chart", `The number of people in the chart must be a whole number ≥ 0, got ${String(maxChart)}`, `图表中的人数必须是不小于 0 的整数，而不是 ${String(maxChart)}`);
  }
  const attrRoles = STAKEHOLDER_ATTRIBUTES as readonly ColumnRole[];
  const table = openTable(sources.people, { required: ["person", ...attrRoles], optional: ["journey", "customer"] }, options.columns);
  table.requireRows();

  // Which account: the option, else the only account of the table.
  let account: string | null = options.account?.trim() || null;
  let rows = table.rows;
  if (table.has("customer")) {
    const accounts = new Map<string, string>();
    for (const i of rows) {
      const c = table.text(i, "customer");
      if (!accounts.has(normalize(c))) accounts.set(normalize(c), c);
    }
    if (account === null) {
      if (accounts.size > 1) {
        const names = [...accounts.values()];
        throw inputError(
          "bad_option_account",
          `Sheet '${sources.people.sheet}' holds the people of ${names.length} accounts (${names.join(", ")}); choose one account`,
          `工作表“${sources.people.sheet}”包含 ${names.length} 个客户的人员（${names.join("、")}）；请选择一个客户`,
        );
      }
      account = [...accounts.values()][0];
    } else {
      const wanted = normalize(account);
      const found = accounts.get(wanted);
      if (found === undefined) {
        const names = [...accounts.values()];
        throw inputError(
          "bad_option_account",
          `Account "${account}" has no people in sheet '${sources.people.sheet}' (accounts found: ${names.join(", ")})`,
          `工作表“${sources.people.sheet}”中没有客户“${account}”的人员（表中的客户：${names.join("、")}）`,
        );
      }
      account = found;
      rows = rows.filter((i) => normalize(table.text(i, "customer")) === wanted);
    }
  }

  const hasJourney = table.has("journey");
  const attrLabel = (a: StakeholderAttribute): string => tr(STAKEHOLDER_ATTRIBUTE_LABELS[a], lang);
  const roles: Record<RelationshipRole, number> = { coach: 0, supporter: 0, neutral: 0, opponent: 0 };
  const actions: StakeholderAction[] = [];
  const people: { name: string; radar: number[] }[] = [];
  const body: CellValue[][] = [];
  let ideal: number[] = [];
  for (const i of rows) {
    const name = table.text(i, "person");
    const journey = hasJourney ? table.optText(i, "journey") : null;
    // Score each attribute on its own first so a bad cell is named.
    for (const a of STAKEHOLDER_ATTRIBUTES) table.check(i, a, stakeholderPoints(a, table.value(i, a), settings));
    const input = {
      age: table.raw(i, "age"),
      education: table.raw(i, "education"),
      orgRole: table.raw(i, "orgRole"),
      powerRole: table.raw(i, "powerRole"),
      relationshipRole: table.raw(i, "relationshipRole"),
      devPotential: table.raw(i, "devPotential"),
    };
    const scored = scoreStakeholder(input, settings);
    if (!scored.ok) return table.failRow(i, scored.error);
    const r = scored.value;
    const role = r.levels.relationshipRole;
    roles[role]++;
    const action = tr(nextAction(role), lang);
    actions.push({ person: name, journey, role, action });
    people.push({ name, radar: STAKEHOLDER_ATTRIBUTES.map((a) => r.radar.person[a]) });
    ideal = STAKEHOLDER_ATTRIBUTES.map((a) => r.radar.ideal[a]);
    const shown = (a: StakeholderAttribute): CellValue => {
      const v = table.raw(i, a);
      return typeof v === "string" ? v.trim() : (v as CellValue);
    };
    body.push([
      ...(hasJourney ? [journey] : []),
      name,
      ...STAKEHOLDER_ATTRIBUTES.map(shown),
      r.radar.person.age,
      ...STAKEHOLDER_ATTRIBUTES.filter((a) => a !== "age").map((a) => r.scores[a]),
      action,
    ]);
  }

  const header: string[] = [
    ...(hasJourney ? [tr(T.journey, lang)] : []),
    tr(T.person, lang),
    ...STAKEHOLDER_ATTRIBUTES.map(attrLabel),
    tr(T.ageFit, lang),
    ...STAKEHOLDER_ATTRIBUTES.filter((a) => a !== "age").map((a) => (lang === "en" ? `${attrLabel(a)} (${T.points.en})` : `${attrLabel(a)}${T.points.zh}`)),
    tr(T.action, lang),
  ];

  const key = account === null ? "stakeholders" : `stakeholders:${account}`;
  const sheet = new SheetBuilder(key, safeSheetName(account === null ? tr(T.sheet, lang) : `${tr(T.sheet, lang)} ${account}`), COLORS.tab);
  sheet.title(0, 0, account === null ? tr(T.title, lang) : lang === "en" ? `${T.title.en}: ${account}` : `${account} ${T.title.zh}`);
  sheet.note(1, 0, note(settings, lang));
  const top = 3;
  const rect = sheet.block(top, 0, [header, ...body]);
  sheet.table("KamStakeholders", rect);
  const roleCol = header.indexOf(attrLabel("relationshipRole"));
  const actionCol = header.length - 1;
  sheet.conditionalFormat(
    { row: top + 1, col: actionCol, rows: body.length, cols: 1 },
    equalRules([
      { value: tr(nextAction("opponent"), lang), tone: "red" },
      { value: tr(nextAction("neutral"), lang), tone: "amber" },
      { value: tr(nextAction("supporter"), lang), tone: "grey" },
      { value: tr(nextAction("coach"), lang), tone: "green" },
    ]),
  );
  header.forEach((h, j) => sheet.width(j, j === actionCol || j === roleCol ? fitWidth([h, ...body.map((r) => r[j])], 10, 30) : Math.min(fitWidth([h, ...body.slice(0, 200).map((r) => r[j])], 8), 24)));
  sheet.freeze(top + 1, hasJourney ? 2 : 1);

  const charted = Math.min(maxChart, people.length);
  if (charted > 0) {
    const hc = header.length + 1;
    sheet.heading(top - 1, hc, tr(T.radarData, lang));
    const categories = STAKEHOLDER_ATTRIBUTES.map((a) => (a === "age" ? tr(T.ageFit, lang) : attrLabel(a)));
    const data = radarData(
      sheet,
      top,
      hc,
      tr(T.attribute, lang),
      categories,
      [{ name: tr(T.ideal, lang), values: ideal, reference: true }, ...people.slice(0, charted).map((p) => ({ name: p.name, values: p.radar }))],
      null,
    );
    sheet.width(hc, fitWidth([tr(T.attribute, lang), ...categories], 12, 24));
    const title =
      charted < people.length
        ? lang === "en"
          ? `${account ?? T.sheet.en}: people against the ideal profile (first ${charted} of ${people.length})`
          : `${account ?? T.sheet.zh}：人员与理想画像对比（前 ${charted} 人，共 ${people.length} 人）`
        : lang === "en"
          ? `${account ?? T.sheet.en}: people against the ideal profile`
          : `${account ?? T.sheet.zh}：人员与理想画像对比`;
    const pick = [...Array.from({ length: charted }, (_, k) => k + 1), 0];
    sheet.chart(radarChart(title, { row: top + categories.length + 3, col: hc, rows: 20, cols: 9 }, data, pick, { min: 0, max: 100 }));
  }

  const plan: ReportPlan = { report: "stakeholders", sheets: [sheet.build()], activate: key };
  return {
    plan,
    summary: { account, people: people.length, charted, roles, actions },
    columns: [...table.chosen],
  };
}
