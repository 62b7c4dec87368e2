/** `kam stakeholders`: stakeholder radar of an account's people along the journey (SPEC §4c). */
import type { ColumnRole } from "../../domain/columns";
import { normalize } from "../../domain/labels";
import { STAKEHOLDER_ATTRIBUTES } from "../../domain/stakeholder";
import { openTable, type ChosenColumn, type ColumnOverrides } from "../../reports/inputs";
import type { ReportPlan } from "../../reports/plan";
import type { SourceTable } from "../../reports/source";
import { buildStakeholderReport, type StakeholderSummary } from "../../reports/stakeholders";
import type { Settings } from "../../domain/settings";
import type { Msg } from "../../domain/errors";
import { optList, type OptionSpec } from "../args";
import { columnOverrides, OPT, REPORT_OPTIONS, runReport, type Command, type Ctx } from "../command";

const OPTIONS: readonly OptionSpec[] = [
  { name: "account", value: true, repeat: true, meta: "NAME", help: { en: "account whose people to chart (repeatable; default: every account in the sheet)", zh: "要分析的客户（可重复；默认：表中每个客户）" } },
  OPT.customer,
  ...REPORT_OPTIONS,
];

const PEOPLE_ROLES: readonly ColumnRole[] = ["person", ...STAKEHOLDER_ATTRIBUTES];

/** The accounts of a people table in first-seen order, or [null] when it has no customer column. */
export function accountsOf(table: SourceTable, overrides: ColumnOverrides): (string | null)[] {
  const t = openTable(table, { required: PEOPLE_ROLES, optional: ["journey", "customer"] }, overrides);
  if (!t.has("customer")) return [null];
  const seen = new Map<string, string>();
  for (const i of t.rows) {
    if (t.isBlank(i, "customer")) continue;
    const name = t.text(i, "customer");
    if (!seen.has(normalize(name))) seen.set(normalize(name), name);
  }
  return seen.size > 0 ? [...seen.values()] : [null];
}

export interface StakeholderRun {
  readonly plans: ReportPlan[];
  readonly summaries: StakeholderSummary[];
  readonly columns: ChosenColumn[];
  readonly warnings: Msg[];
}

/** One stakeholder sheet per account (the named ones, else all of the table's). */
export function buildStakeholders(table: SourceTable, accounts: readonly string[], overrides: ColumnOverrides, settings: Settings): StakeholderRun {
  const wanted: (string | null)[] = accounts.length > 0 ? [...accounts] : accountsOf(table, overrides);
  const run: StakeholderRun = { plans: [], summaries: [], columns: [], warnings: [] };
  for (const account of wanted) {
    const r = buildStakeholderReport({ people: table }, { columns: overrides, ...(account !== null ? { account } : {}) }, settings);
    run.plans.push(r.plan);
    run.summaries.push(r.summary);
    run.warnings.push(...(r.plan.warnings ?? []));
    // Every account's sheet reads the same columns; list them once.
    if (run.columns.length === 0) run.columns.push(...r.columns);
  }
  return run;
}

export const stakeholdersCommand: Command = {
  name: "stakeholders",
  summary: { en: "Stakeholder radar and next relationship actions", zh: "客户人员雷达画像及关系行动" },
  usage: "kam stakeholders <file> [--account NAME] [--sheet S] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "One row per person: Name/姓名, Age/年龄, Education/学历 (博士 PhD … 大专以下), Organisational role/组织角色 (董事长 chairman … 员工 staff), Power role/权力角色 (最终决策者 final decision-maker … 执行者 executor), Relationship role/关系角色 (教练 coach, 支持者 supporter, 中立者 neutral, 反对者 opponent), Development potential/发展潜力 (蓝筹股 blue chip, 潜力股 growth stock, 红筹股 red chip); optional Journey point/旅程点 (销售, FAT, SAT) and Customer/客户名称. With several accounts in the sheet, each gets its own sheet unless --account names some.",
      zh: "每人一行：姓名、年龄、学历（博士……大专以下）、组织角色（董事长……员工）、权力角色（最终决策者……执行者）、关系角色（教练、支持者、中立者、反对者）、发展潜力（蓝筹股、潜力股、红筹股）；可选旅程点（销售、FAT、SAT）和客户名称。表中有多个客户时，每个客户一个工作表，除非用 --account 指定。",
    },
  ],
  examples: ["kam stakeholders people.xlsx", 'kam stakeholders book.xlsx --account "华东精密机械有限公司" --json'],
  run(ctx: Ctx): Promise<number> {
    const accounts = optList(ctx.args, "account");
    const overrides = columnOverrides(ctx.args, { customer: "customer" });
    return runReport<StakeholderSummary[]>(ctx, {
      report: "stakeholders",
      what: { en: "stakeholder radar", zh: "人员雷达画像" },
      need: PEOPLE_ROLES.map((r) => [r]),
      overrides,
      build(table) {
        const r = buildStakeholders(table, accounts, overrides, ctx.settings);
        return { plans: r.plans, summary: r.summaries, columns: r.columns, warnings: r.warnings };
      },
      lines({ summary }) {
        return summary.flatMap((s) => {
          const who = s.account ?? (ctx.lang === "en" ? "(one account)" : "（单个客户）");
          return [
            {
              en: `Stakeholders of ${who}: ${s.people} people — coach ${s.roles.coach}, supporter ${s.roles.supporter}, neutral ${s.roles.neutral}, opponent ${s.roles.opponent}`,
              zh: `${who} 的关键人：${s.people} 人——教练 ${s.roles.coach}，支持者 ${s.roles.supporter}，中立者 ${s.roles.neutral}，反对者 ${s.roles.opponent}`,
            },
            ...s.actions.map((a) => ({
              en: `  ${a.person}${a.journey ? ` (${a.journey})` : ""}: ${a.action}`,
              zh: `  ${a.person}${a.journey ? `（${a.journey}）` : ""}：${a.action}`,
            })),
          ];
        });
      },
      json({ summary, warnings }) {
        return { accounts: summary, warnings: warnings.map((w) => w[ctx.lang]) };
      },
    });
  },
};
