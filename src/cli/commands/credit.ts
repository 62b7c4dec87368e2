/** `kam credit`: credit score, grade, green/yellow/red list and red-list expiry (SPEC §2). */
import { CREDIT_LIST_LABELS, type CreditList } from "../../domain/credit";
import { serialToIso } from "../../domain/dates";
import { buildCreditReport, type CreditSummary } from "../../reports/credit";
import { optString, type OptionSpec } from "../args";
import { columnOverrides, OPT, plural, REPORT_OPTIONS, runReport, type Command, type Ctx } from "../command";

const OPTIONS: readonly OptionSpec[] = [OPT.customer, OPT.asOf, ...REPORT_OPTIONS];

export const creditCommand: Command = {
  name: "credit",
  summary: { en: "Credit review: score, grade, list and red-list expiry", zh: "信用评级：得分、等级、名单及红名单期限" },
  usage: "kam credit <file> [--sheet S] [--customer COL] [--as-of DATE] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "One row per account: Volume points/成交量得分 (0–50) or Annual sales/年销售额 (turned into volume points by the settings' bands), Performance/履约程度 (0–50), Risk/经营风险 (−50–0, a deduction), optionally On red list since/列入红名单日期. Score ≥ 80 AAA (green list), ≥ 60 AA (yellow), else A (red). Twelve months or more on the red list revokes key-account status, counted to --as-of.",
      zh: "每个客户一行：成交量得分（0–50）或年销售额（按设置中的区间换算为成交量得分）、履约程度（0–50）、经营风险（−50–0，扣分），可选列入红名单日期。得分 ≥ 80 为 AAA（绿名单），≥ 60 为 AA（黄名单），否则为 A（红名单）。截至 --as-of 在红名单上满 12 个月的取消大客户资格。",
    },
  ],
  examples: ["kam credit accounts.xlsx", "kam credit accounts.xlsx --as-of 2026-06-30 --json"],
  run(ctx: Ctx): Promise<number> {
    const asOf = optString(ctx.args, "as-of");
    const overrides = columnOverrides(ctx.args, { customer: "customer" });
    return runReport<CreditSummary>(ctx, {
      report: "credit",
      what: { en: "credit review", zh: "信用评级" },
      need: [["customer"], ["performance"], ["risk"], ["volume", "annualSales"]],
      overrides,
      build(table) {
        const r = buildCreditReport({ accounts: table }, { columns: overrides, ...(asOf !== undefined ? { asOf } : {}) }, ctx.settings);
        return { plans: [r.plan], summary: r.summary, columns: r.columns, warnings: r.plan.warnings ?? [] };
      },
      lines({ summary: s }) {
        const lists = (["green", "yellow", "red"] as CreditList[]).map((l) => `${CREDIT_LIST_LABELS[l][ctx.lang]} ${s.lists[l]}`).join(ctx.lang === "en" ? ", " : "，");
        const out = [
          {
            en: `Credit review as of ${serialToIso(s.asOf)}: ${plural(s.accounts, "account")} — AAA ${s.grades.AAA}, AA ${s.grades.AA}, A ${s.grades.A} (${lists})`,
            zh: `信用评级（截至 ${serialToIso(s.asOf)}）：${s.accounts} 个客户——AAA ${s.grades.AAA}，AA ${s.grades.AA}，A ${s.grades.A}（${lists}）`,
          },
        ];
        if (s.revoke.length > 0) {
          out.push({ en: `  Key-account status revoked (red list ≥ ${ctx.settings.credit.redListMonths} months): ${s.revoke.join(", ")}`, zh: `  取消大客户资格（红名单满 ${ctx.settings.credit.redListMonths} 个月）：${s.revoke.join("、")}` });
        }
        if (s.redWithoutDate.length > 0) {
          out.push({ en: `  On the red list without a since-date: ${s.redWithoutDate.join(", ")}`, zh: `  在红名单上但没有列入日期：${s.redWithoutDate.join("、")}` });
        }
        return out;
      },
      json({ summary: s, warnings }) {
        return { ...s, asOf: serialToIso(s.asOf), warnings: warnings.map((w) => w[ctx.lang]) };
      },
    });
  },
};
