/** `kam score`: key-account score by the six criteria (SPEC §1) or the weighted model (§1b). */
import { CRITERIA } from "../../domain/score";
import { WEIGHTED_DIMENSIONS } from "../../domain/weighted";
import type { ColumnRole } from "../../domain/columns";
import { buildScoreReport, type ScoreModel, type ScoreSummary } from "../../reports/score";
import { optString, splitList, type OptionSpec } from "../args";
import { columnOverrides, OPT, plural, REPORT_OPTIONS, runReport, usage, type Command, type Ctx } from "../command";

const OPTIONS: readonly OptionSpec[] = [
  OPT.customer,
  { name: "model", value: true, meta: "points|weighted", help: { en: "six criteria in points (default) or the weighted four-dimension model", zh: "六项标准计分（默认）或加权四维模型" } },
  { name: "weights", value: true, meta: "W1,W2,W3,W4", help: { en: "weighted model: current, potential, strategic, relationship weights summing to 1", zh: "加权模型：当前价值、潜力价值、战略价值、关系健康度的权重，合计为 1" } },
  { name: "radar", value: true, meta: "A,B,…", help: { en: "accounts that get a radar chart (default: the top 5)", zh: "生成雷达图的客户（默认：前 5 名）" } },
  ...REPORT_OPTIONS,
];

function parseModel(v: string | undefined): ScoreModel {
  if (v === undefined) return "points";
  const t = v.trim().toLowerCase();
  if (t === "points" || t === "计分") return "points";
  if (t === "weighted" || t === "加权") return "weighted";
  throw usage(`--model must be "points" or "weighted", got "${v}"`, `--model 必须是“points”（计分）或“weighted”（加权），而不是“${v}”`);
}

export const scoreCommand: Command = {
  name: "score",
  summary: { en: "Key-account score, tiers and radar charts", zh: "大客户评分、等级及雷达图" },
  usage: "kam score <file> [--sheet S] [--customer COL] [--model points|weighted] [--weights 0.35,0.25,0.2,0.2] [--radar A,B] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "One row per account with the six criteria: Strategic fit/战略契合度 (0–30), Profit contribution/利润贡献 (0–20), Business scale/业务规模 (0–20), Industry influence/行业影响力 (0–10), Market & brand effect/市场和品牌效应 (0–10), Growth potential/发展潜力 (0–10). Total ≥ 80 key account, ≥ 60 potential, else general. A blank criterion is an error, never 0. The weighted model reads Current value/当前价值, Potential value/潜力价值, Strategic value/战略价值, Relationship health/关系健康度 (0–100 each).",
      zh: "每个客户一行，含六项标准：战略契合度（0–30）、利润贡献（0–20）、业务规模（0–20）、行业影响力（0–10）、市场和品牌效应（0–10）、发展潜力（0–10）。总分 ≥ 80 为大客户，≥ 60 为潜在大客户，否则为一般客户。空白的标准会报错，不会按 0 计。加权模型读取当前价值、潜力价值、战略价值、关系健康度（各 0–100）。",
    },
  ],
  examples: ["kam score accounts.xlsx", 'kam score accounts.xlsx --sheet "客户档案" --radar "华东精密机械有限公司,Northwind Components Ltd."', "kam score accounts.xlsx --model weighted --weights 0.4,0.2,0.2,0.2"],
  run(ctx: Ctx): Promise<number> {
    const model = parseModel(optString(ctx.args, "model"));
    const weightsText = optString(ctx.args, "weights");
    if (weightsText !== undefined && model !== "weighted") {
      throw usage("--weights applies to the weighted model; add --model weighted", "--weights 仅用于加权模型；请加上 --model weighted");
    }
    const weights = weightsText !== undefined ? weightsText.split(/[,，、\s]+/).filter((w) => w !== "") : undefined;
    const radarText = optString(ctx.args, "radar");
    const accounts = radarText !== undefined ? splitList(radarText) : undefined;
    const overrides = columnOverrides(ctx.args, { customer: "customer" });
    const dims: readonly ColumnRole[] = model === "points" ? CRITERIA : WEIGHTED_DIMENSIONS.map((d) => `w_${d}` as ColumnRole);
    return runReport<ScoreSummary>(ctx, {
      report: "score",
      what: { en: "key-account score", zh: "大客户评分" },
      need: [["customer"], ...dims.map((d) => [d])],
      overrides,
      build(table) {
        const r = buildScoreReport(
          { accounts: table },
          { model, columns: overrides, ...(weights ? { weights } : {}), ...(accounts ? { accounts } : {}) },
          ctx.settings,
        );
        return { plans: [r.plan], summary: r.summary, columns: r.columns, warnings: r.plan.warnings ?? [] };
      },
      lines({ summary: s }) {
        const tiers = s.tiers.map((t) => `${t.label} ${t.count}`).join(ctx.lang === "en" ? ", " : "，");
        return [
          {
            en: `Key-account score (${s.model === "points" ? "six criteria" : "weighted model"}): ${plural(s.accounts, "account")} — ${tiers}`,
            zh: `大客户评分（${s.model === "points" ? "六项标准" : "加权模型"}）：${s.accounts} 个客户——${tiers}`,
          },
          ...(s.radar.length > 0 ? [{ en: `  Radar charts: ${s.radar.join(", ")}`, zh: `  雷达图：${s.radar.join("、")}` }] : []),
        ];
      },
      json({ summary: s, warnings }) {
        return { ...s, warnings: warnings.map((w) => w[ctx.lang]) };
      },
    });
  },
};
