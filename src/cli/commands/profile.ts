/** `kam profile`: external (prospects, SPEC §4a) or internal (accounts, §4b) profile with radar charts. */
import type { ColumnRole } from "../../domain/columns";
import { EXTERNAL_DIMENSIONS, INTERNAL_DIMENSIONS } from "../../domain/profile";
import { buildProfileReport, type ProfileKind, type ProfileSummary } from "../../reports/profile";
import { optFlag, optString, splitList, type OptionSpec } from "../args";
import { columnOverrides, OPT, plural, REPORT_OPTIONS, runReport, usage, type Command, type Ctx } from "../command";

const OPTIONS: readonly OptionSpec[] = [
  { name: "internal", value: false, help: { en: "internal profile of accounts (§4b) instead of the external profile of prospects", zh: "客户内部画像（§4b），而非潜在客户的外部画像" } },
  { name: "external", value: false, help: { en: "external profile of prospects (§4a, the default)", zh: "潜在客户的外部画像（§4a，默认）" } },
  OPT.customer,
  { name: "radar", value: true, meta: "A,B,…", help: { en: "customers that get a radar chart (default: the first 5)", zh: "生成雷达图的客户（默认：前 5 个）" } },
  ...REPORT_OPTIONS,
];

export const profileCommand: Command = {
  name: "profile",
  summary: { en: "Customer profile (external or internal) with radar charts", zh: "客户画像（外部或内部）及雷达图" },
  usage: "kam profile <file> [--internal] [--sheet S] [--customer COL] [--radar A,B] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "External (default), one row per prospect, scores 0–100 or levels: Market size/市场规模, R&D capability/研发能力, Quality requirement/质量要求, Regulatory requirement/法规要求, Price type/价格类型, Professional level/专业水平 → target, potential target or not a target. Internal (--internal), one row per account: Sales volume/销售规模, Profit contribution/利润贡献, Quality requirement/质量要求, Credit/信用等级 (may be blank), Relationship/客户关系, Professional level/专业水平 → key account, important, general or below general, with the gaps to the next tier.",
      zh: "外部画像（默认），每个潜在客户一行，得分 0–100 或等级：市场规模、研发能力、质量要求、法规要求、价格类型、专业水平 → 目标客户、潜在目标客户或非目标客户。内部画像（--internal），每个客户一行：销售规模、利润贡献、质量要求、信用等级（可空）、客户关系、专业水平 → 大客户、重点客户、一般客户或低于一般，并给出与上一档的差距。",
    },
  ],
  examples: ["kam profile prospects.xlsx", 'kam profile accounts.xlsx --internal --sheet "内部画像"', "kam profile prospects.xlsx --radar \"Meridian Biotech GmbH\" --json"],
  run(ctx: Ctx): Promise<number> {
    if (optFlag(ctx.args, "internal") && optFlag(ctx.args, "external")) {
      throw usage("choose --internal or --external, not both", "--internal 与 --external 只能选一个");
    }
    const kind: ProfileKind = optFlag(ctx.args, "internal") ? "internal" : "external";
    const radarText = optString(ctx.args, "radar");
    const customers = radarText !== undefined ? splitList(radarText) : undefined;
    const overrides = columnOverrides(ctx.args, { customer: "customer" });
    const dims: readonly ColumnRole[] = kind === "external" ? EXTERNAL_DIMENSIONS.map((d) => `ext_${d}` as ColumnRole) : INTERNAL_DIMENSIONS.map((d) => `int_${d}` as ColumnRole);
    return runReport<ProfileSummary>(ctx, {
      report: `profile-${kind}`,
      what: kind === "external" ? { en: "external profile", zh: "外部画像" } : { en: "internal profile", zh: "内部画像" },
      need: [["customer"], ...dims.map((d) => [d])],
      overrides,
      build(table) {
        const r = buildProfileReport({ profiles: table }, { kind, columns: overrides, ...(customers ? { customers } : {}) }, ctx.settings);
        return { plans: [r.plan], summary: r.summary, columns: r.columns, warnings: r.plan.warnings ?? [] };
      },
      lines({ summary: s }) {
        const classes = s.classes.map((c) => `${c.label} ${c.count}`).join(ctx.lang === "en" ? ", " : "，");
        return [
          {
            en: `${s.kind === "external" ? "External" : "Internal"} profile: ${plural(s.customers, "customer")} — ${classes}`,
            zh: `${s.kind === "external" ? "外部" : "内部"}画像：${s.customers} 个客户——${classes}`,
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
