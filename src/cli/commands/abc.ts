/** `kam abc`: ABC classification of customers by sales or profit (SPEC §3). */
import { ABC_CLASS_LABELS } from "../../domain/abc";
import { buildAbcReport, type AbcBasis, type AbcSummary } from "../../reports/abc";
import { optString, type OptionSpec } from "../args";
import { columnOverrides, OPT, plural, REPORT_OPTIONS, runReport, usage, type Command, type Ctx } from "../command";
import { money, pct } from "../lang";
import type { MigrationSummary } from "../../reports/migration";
import { buildComparison, COMPARE_OPTION, migrationJson, migrationLines } from "./migration";

const OPTIONS: readonly OptionSpec[] = [
  OPT.customer,
  { name: "amount", value: true, meta: "COL", help: { en: "amount column (sales, or profit with --basis profit): header or letter (销售额, G)", zh: "金额列（销售额；--basis profit 时为利润）：标题或列字母（销售额、G）" } },
  { name: "basis", value: true, meta: "sales|profit", help: { en: "classify by sales (default) or profit", zh: "按销售额（默认）或利润分类" } },
  { name: "a", value: true, meta: "SHARE", help: { en: "A share, e.g. 0.55 or 55% (default 0.55)", zh: "A 类占比，如 0.55 或 55%（默认 0.55）" } },
  { name: "b", value: true, meta: "SHARE", help: { en: "B share, e.g. 0.30 or 30% (default 0.30)", zh: "B 类占比，如 0.30 或 30%（默认 0.30）" } },
  { name: "top", value: true, meta: "N", help: { en: "customers drawn in the Pareto chart (default 50)", zh: "帕累托图中显示的客户数（默认 50）" } },
  COMPARE_OPTION,
  ...REPORT_OPTIONS,
];

function parseBasis(v: string | undefined): AbcBasis {
  if (v === undefined) return "sales";
  const t = v.trim().toLowerCase();
  if (t === "sales" || t === "销售额" || t === "amount") return "sales";
  if (t === "profit" || t === "利润") return "profit";
  throw usage(`--basis must be "sales" or "profit", got "${v}"`, `--basis 必须是“sales”（销售额）或“profit”（利润），而不是“${v}”`);
}

function parseTop(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usage(`--top must be a whole number of at least 1, got "${v}"`, `--top 必须是不小于 1 的整数，而不是“${v}”`);
  return n;
}

export const abcCommand: Command = {
  name: "abc",
  summary: { en: "ABC classification of customers with a Pareto chart", zh: "客户 ABC 分类及帕累托图" },
  usage: "kam abc <file> [--sheet S] [--customer COL] [--amount COL] [--a 0.55] [--b 0.30] [--basis sales|profit] [--compare FILE|SHEET] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "Reads transactions (or one row per customer), sums the amounts of each customer, ranks them and classes them by the cumulative share before each customer: below A → A, below A+B → B, else C. Customers with net returns (negative totals) are C and left out of the shares. Columns are found by header — Customer/客户名称, Sales/销售额/金额, Profit/利润 — or named with --customer/--amount.",
      zh: "读取交易明细（或每客户一行），按客户汇总金额、排序，并按该客户之前的累计占比分类：低于 A → A 类，低于 A+B → B 类，其余 C 类。净退货（合计为负）的客户为 C 类，不计入占比。列按标题识别——客户/客户名称、销售额/金额、利润——或用 --customer/--amount 指定。",
    },
  ],
  examples: ["kam abc sales.xlsx", 'kam abc sales.xlsx --sheet 销售明细 --customer "客户名称" --amount G', "kam abc sales.csv --basis profit --a 60% --b 25% --out abc.xlsx", "kam abc sales.xlsx --json > abc.json", "kam abc sales-2026.xlsx --compare sales-2025.xlsx"],
  run(ctx: Ctx): Promise<number> {
    const basis = parseBasis(optString(ctx.args, "basis"));
    const topN = parseTop(optString(ctx.args, "top"));
    const overrides = columnOverrides(ctx.args, { customer: "customer", amount: basis === "sales" ? "amount" : "profit" });
    const a = optString(ctx.args, "a");
    const b = optString(ctx.args, "b");
    const compare = optString(ctx.args, "compare");
    return runReport<AbcSummary & { migration?: MigrationSummary }>(ctx, {
      report: basis === "sales" ? "abc" : "abc-profit",
      what: { en: "ABC analysis", zh: "ABC 分析" },
      need: [["customer"], [basis === "sales" ? "amount" : "profit"]],
      overrides,
      async build(table, input) {
        const r = buildAbcReport(
          { sales: table },
          { basis, columns: overrides, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}), ...(topN !== undefined ? { topN } : {}) },
          ctx.settings,
        );
        if (compare === undefined) return { plans: [r.plan], summary: r.summary, columns: r.columns, warnings: r.summary.warnings };
        // --compare: the ABC migration from the earlier period (issue 8) is written beside the ABC sheet.
        const m = await buildComparison(ctx, input, table, { spec: compare, basis, overrides, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) }, ctx.settings);
        return { plans: [r.plan, m.plan], summary: { ...r.summary, migration: m.summary }, columns: [...r.columns, ...m.columns], warnings: [...r.summary.warnings, ...m.warnings] };
      },
      lines({ summary: s }) {
        const what = s.basis === "sales" ? { en: "sales", zh: "销售额" } : { en: "profit", zh: "利润" };
        const head = {
          en: `ABC analysis by ${what.en}: ${plural(s.customers, "customer")} from ${plural(s.rows, "row")}, total ${money(s.total)} (A below ${pct(s.thresholds.a)}, B below ${pct(s.thresholds.a + s.thresholds.b)})`,
          zh: `按${what.zh}的 ABC 分析：${s.rows} 行数据，${s.customers} 个客户，合计 ${money(s.total)}（A 类线 ${pct(s.thresholds.a)}，B 类线 ${pct(s.thresholds.a + s.thresholds.b)}）`,
        };
        return [
          head,
          ...s.classes.map((c) => {
            const label = ABC_CLASS_LABELS[c.class];
            return {
              en: `  ${label.en}: ${plural(c.customers, "customer")} (${pct(c.customerShare)}), ${money(c.amount)} (${pct(c.amountShare)} of ${what.en})`,
              zh: `  ${label.zh}：${c.customers} 个客户（${pct(c.customerShare)}），${money(c.amount)}（占${what.zh} ${pct(c.amountShare)}）`,
            };
          }),
          ...(s.migration ? migrationLines(s.migration) : []),
        ];
      },
      json({ summary: s }) {
        return {
          customers: s.ranked.map((r) => ({ rank: r.rank, customer: r.customer, amount: r.amount, share: r.share, cumulativeShare: r.cumulativeShare, class: r.class })),
          summary: s.classes.map((c) => ({ class: c.class, customers: c.customers, amount: c.amount, customerShare: c.customerShare, amountShare: c.amountShare })),
          warnings: s.warnings.map((w) => w[ctx.lang]),
          ...(s.migration ? { migration: migrationJson(s.migration) } : {}),
        };
      },
    });
  },
};
