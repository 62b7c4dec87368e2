/**
 * `kam portfolio`: who needs me this week (issue 8) — every account with its ABC and XYZ class,
 * tier, credit grade, segment, stage, next due contact and risk alerts, the most urgent first, the
 * ABC × XYZ grid and the week's list of alerts and contacts due.
 */
import { ALERT_RULE_LABELS } from "../../domain/alerts";
import { VISIT_TYPE_LABELS } from "../../domain/cadence";
import { serialToIso } from "../../domain/dates";
import type { Msg } from "../../domain/errors";
import type { Settings } from "../../domain/settings";
import type { ChosenColumn, ColumnOverrides } from "../../reports/inputs";
import type { ReportPlan } from "../../reports/plan";
import { buildPortfolioReport, type PortfolioSources, type PortfolioSummary } from "../../reports/portfolio";
import type { SourceTable } from "../../reports/source";
import { optFlag, optString, type OptionSpec } from "../args";
import {
  announceReading,
  columnOverrides,
  inFile,
  inputFile,
  note,
  OPT,
  outputFor,
  printColumns,
  printJson,
  printWarnings,
  REPORT_OPTIONS,
  say,
  usage,
  writePlans,
  wroteLine,
  type Command,
  type Ctx,
} from "../command";
import { chooseTable, displayPath, findTable, InputFile, type TableNeed } from "../input";

const OPTIONS: readonly OptionSpec[] = [
  { ...OPT.asOf, help: { en: "the day to look from, e.g. 2026-03-01 (default: today)", zh: "查看的日期，如 2026-03-01（默认：今天）" } },
  { name: "months", value: true, meta: "N", help: { en: "months of sales the ABC and XYZ look back over (default 12)", zh: "ABC 与 XYZ 分析回溯的月数（默认 12）" } },
  { name: "basis", value: true, meta: "sales|profit", help: { en: "classify by sales (default) or profit", zh: "按销售额（默认）或利润分类" } },
  OPT.customer,
  { name: "accounts-sheet", value: true, meta: "NAME", help: { en: "accounts sheet (default: found by its columns)", zh: "客户档案工作表（默认：按列自动查找）" } },
  { name: "visits-sheet", value: true, meta: "NAME", help: { en: "visits sheet (default: found by its columns)", zh: "拜访记录工作表（默认：按列自动查找）" } },
  { name: "payments-sheet", value: true, meta: "NAME", help: { en: "payments sheet: due and paid dates (default: found by its columns)", zh: "回款工作表：到期日与付款日期（默认：按列自动查找）" } },
  { name: "contacts-sheet", value: true, meta: "NAME", help: { en: "main-contact history sheet (default: found by its columns)", zh: "主要联系人变更工作表（默认：按列自动查找）" } },
  { name: "people-sheet", value: true, meta: "NAME", help: { en: "stakeholders with birthdays (default: found by its columns)", zh: "含生日的关键人工作表（默认：按列自动查找）" } },
  { name: "top", value: true, meta: "N", help: { en: "most urgent accounts listed in the summary (default 10)", zh: "摘要中列出的最紧急客户数（默认 10）" } },
  ...REPORT_OPTIONS,
];

/** Each optional table, recognised by its columns. */
export const PORTFOLIO_NEEDS = {
  accounts: [["customer"], ["signed", "strategicFit", "performance", "redListSince", "volume", "annualSales", "owner"]],
  visits: [["customer"], ["visitDate"]],
  payments: [["customer"], ["dueDate"]],
  contacts: [["customer"], ["person"], ["contactSince"]],
  people: [["customer"], ["person"], ["birthday"]],
} as const satisfies Record<string, TableNeed>;

export type PortfolioTable = keyof typeof PORTFOLIO_NEEDS;

export interface PortfolioRequest {
  readonly salesSheet?: string;
  readonly sheets: Partial<Record<PortfolioTable, string>>;
  readonly overrides: ColumnOverrides;
  readonly basis: "sales" | "profit";
  readonly keep?: boolean;
}

/** Read the sales table and every optional table the workbook has (shared with the demo). */
export async function readPortfolioSources(input: InputFile, req: PortfolioRequest): Promise<PortfolioSources> {
  const keep = req.keep === true;
  const sales = await chooseTable(input, req.salesSheet, [["customer"], ["date"], [req.basis === "sales" ? "amount" : "profit"]], req.overrides, { en: "portfolio", zh: "客户组合" }, keep);
  const found: { -readonly [K in PortfolioTable]?: SourceTable } = {};
  for (const key of Object.keys(PORTFOLIO_NEEDS) as PortfolioTable[]) {
    const named = req.sheets[key];
    const t = named !== undefined ? await input.table(named, keep) : await findTable(input, PORTFOLIO_NEEDS[key], {}, [sales.sheet], keep);
    if (t) found[key] = t;
  }
  return { sales, ...found };
}

function parseBasis(v: string | undefined): "sales" | "profit" {
  if (v === undefined) return "sales";
  const t = v.trim().toLowerCase();
  if (t === "sales" || t === "销售额" || t === "amount") return "sales";
  if (t === "profit" || t === "利润") return "profit";
  throw usage(`--basis must be "sales" or "profit", got "${v}"`, `--basis 必须是“sales”（销售额）或“profit”（利润），而不是“${v}”`);
}

function parseCount(v: string | undefined, option: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usage(`--${option} must be a whole number of at least 1, got "${v}"`, `--${option} 必须是不小于 1 的整数，而不是“${v}”`);
  return n;
}

export interface PortfolioBuilt {
  readonly plan: ReportPlan;
  readonly summary: PortfolioSummary;
  readonly columns: ChosenColumn[];
  readonly sources: PortfolioSources;
}

export async function buildPortfolio(input: InputFile, req: PortfolioRequest, options: { asOf?: string; months?: number }, settings: Settings): Promise<PortfolioBuilt> {
  const sources = await readPortfolioSources(input, req);
  const r = await inFile(input.file, () =>
    buildPortfolioReport(
      sources,
      {
        basis: req.basis,
        // Column options name the sales table's columns; the other tables are read by their headers.
        columns: { sales: req.overrides },
        ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
        ...(options.months !== undefined ? { months: options.months } : {}),
      },
      settings,
    ),
  );
  return { ...r, sources };
}

/** The summary a person reads on the terminal. */
export function portfolioLines(ctx: Ctx, s: PortfolioSummary, top: number): Msg[] {
  const risks = s.thisWeek.filter((w) => w.kind === "risk").length;
  const due = s.thisWeek.filter((w) => w.kind === "due").length;
  const care = s.thisWeek.filter((w) => w.kind === "care").length;
  const out: Msg[] = [
    {
      en: `Portfolio as of ${serialToIso(s.asOf)}: ${s.accounts} accounts; ABC and XYZ over ${s.window.first} – ${s.window.last} (${s.customers} customers with sales)`,
      zh: `客户组合（截至 ${serialToIso(s.asOf)}）：${s.accounts} 个客户；ABC 与 XYZ 分析期间 ${s.window.first} – ${s.window.last}（${s.customers} 个有销售的客户）`,
    },
    { en: `  This week: ${risks} risk alerts, ${due} contacts due, ${care} care tasks`, zh: `  本周：${risks} 条风险预警，${due} 项待联系，${care} 项关怀事项` },
  ];
  const urgent = s.rows.filter((r) => r.urgency > 0 || (r.next?.overdueDays ?? 0) > 0).slice(0, top);
  if (urgent.length > 0) out.push({ en: "  Most urgent:", zh: "  最紧急：" });
  urgent.forEach((r, k) => {
    const alerts = r.alerts.filter((a) => a.kind === "risk");
    const next = r.next && r.next.overdueDays > 0 ? r.next : null;
    const en = [...alerts.map((a) => ALERT_RULE_LABELS[a.rule].en.toLowerCase()), ...(next ? [`${VISIT_TYPE_LABELS[next.type].en.toLowerCase()} ${next.overdueDays} days overdue`] : [])];
    const zh = [...alerts.map((a) => ALERT_RULE_LABELS[a.rule].zh), ...(next ? [`${VISIT_TYPE_LABELS[next.type].zh}逾期 ${next.overdueDays} 天`] : [])];
    out.push({ en: `    ${k + 1}. ${r.customer} — ${en.join(", ")}`, zh: `    ${k + 1}. ${r.customer}——${zh.join("、")}` });
  });
  const cells = s.grid.filter((g) => g.customers > 0 && g.xyz !== null).map((g) => `${g.abc}${g.xyz} ${g.customers}`);
  const none = s.grid.filter((g) => g.xyz === null).reduce((n, g) => n + g.customers, 0);
  out.push({
    en: `  ABC × XYZ: ${cells.join(", ")}${none > 0 ? `; not enough history ${none}` : ""}`,
    zh: `  ABC × XYZ：${cells.join("，")}${none > 0 ? `；历史不足 ${none}` : ""}`,
  });
  return out;
}

export function portfolioJson(ctx: Ctx, s: PortfolioSummary): unknown {
  const lang = ctx.lang;
  return {
    asOf: serialToIso(s.asOf),
    window: s.window,
    accounts: s.accounts,
    customers: s.customers,
    grid: s.grid.map((g) => ({ abc: g.abc, xyz: g.xyz, customers: g.customers, amount: g.amount })),
    rows: s.rows.map((r) => ({
      customer: r.customer,
      urgency: r.urgency,
      abc: r.abc,
      xyz: r.xyz === null ? null : r.xyz.kind === "class" ? r.xyz.class : null,
      cv: r.xyz?.kind === "class" ? r.xyz.cv : null,
      amount: r.amount,
      growth: r.growth,
      segment: r.segment,
      spending: r.spending,
      tier: r.tier,
      creditGrade: r.creditGrade,
      stage: r.stage,
      next: r.next ? { type: r.next.type, due: serialToIso(r.next.due), overdueDays: r.next.overdueDays } : null,
      alerts: r.alerts.map((a) => ({ rule: a.rule, kind: a.kind, date: serialToIso(a.date), text: a.text[lang] })),
    })),
    thisWeek: s.thisWeek.map((w) => ({ kind: w.kind, rule: w.rule, customer: w.customer, date: serialToIso(w.date), text: w.text[lang] })),
    warnings: s.warnings.map((w) => w[lang]),
  };
}

export const portfolioCommand: Command = {
  name: "portfolio",
  summary: { en: "Portfolio: who needs me this week (ABC × XYZ, alerts, contacts due)", zh: "客户组合：本周需要关注的客户（ABC × XYZ、预警、待联系）" },
  usage: "kam portfolio <file> [--as-of DATE] [--months 12] [--sheet SALES] [--accounts-sheet S] [--visits-sheet S] [--payments-sheet S] [--contacts-sheet S] [--people-sheet S] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "Reads the sales (Customer/客户名称, Date/日期, Sales/销售额) and, when the workbook has them, the accounts (contract date, the six criteria, credit columns, red-list date), visits (客户名称, 拜访日期, 拜访类型), payments (Due date/到期日, Paid on/付款日期, amount), the main-contact history (联系人, 起始日期) and stakeholders with birthdays (姓名, 生日). Writes the Portfolio sheet: one row per account, most urgent first, with ABC, XYZ (monthly variability: X up to 10 %, Y up to 25 %), tier, credit grade, segment, spending tier, stage, next due contact and alerts; the ABC × XYZ grid; and this week's alerts and contacts due.",
      zh: "读取销售明细（客户名称、日期、销售额），以及工作簿中的客户档案（签约日期、六项标准、信用列、列入红名单日期）、拜访记录（客户名称、拜访日期、拜访类型）、回款记录（到期日、付款日期、金额）、主要联系人变更（联系人、起始日期）和含生日的关键人（姓名、生日）。写入“客户组合”工作表：每个客户一行，最紧急的在前，含 ABC、XYZ（月度波动：不超过 10% 为 X，不超过 25% 为 Y）、客户等级、信用等级、价值分群、消费层级、合作阶段、下次联系和预警；ABC × XYZ 九宫格；以及本周的预警与待联系事项。",
    },
  ],
  examples: ["kam portfolio book.xlsx", "kam portfolio book.xlsx --as-of 2026-10-31 --json", "kam portfolio sales.csv --months 6 --out portfolio.xlsx"],
  async run(ctx: Ctx): Promise<number> {
    const file = inputFile(ctx);
    const basis = parseBasis(optString(ctx.args, "basis"));
    const top = parseCount(optString(ctx.args, "top"), "top", 10);
    const monthsText = optString(ctx.args, "months");
    const months = monthsText === undefined ? undefined : parseCount(monthsText, "months", 12);
    const asOf = optString(ctx.args, "as-of");
    const out = outputFor(ctx, file, "portfolio");
    announceReading(ctx, file);
    const input = await InputFile.open(file, ctx.io.cwd);
    const sheets: Partial<Record<PortfolioTable, string>> = {};
    for (const key of Object.keys(PORTFOLIO_NEEDS) as PortfolioTable[]) {
      const v = optString(ctx.args, `${key}-sheet`);
      if (v !== undefined) sheets[key] = v;
    }
    const overrides = columnOverrides(ctx.args, { customer: "customer" });
    ctx.progress.stage({ en: "Building the portfolio…", zh: "正在生成客户组合…" });
    const built = await buildPortfolio(
      input,
      { salesSheet: optString(ctx.args, "sheet"), sheets, overrides, basis },
      { ...(asOf !== undefined ? { asOf } : {}), ...(months !== undefined ? { months } : {}) },
      ctx.settings,
    );
    printColumns(ctx, built.columns);
    printWarnings(ctx, built.summary.warnings);
    const result = out !== undefined ? await writePlans(ctx, [built.plan], out) : undefined;
    ctx.progress.done();
    const json = optFlag(ctx.args, "json");
    if (json) printJson(ctx, portfolioJson(ctx, built.summary));
    else for (const line of portfolioLines(ctx, built.summary, top)) say(ctx, line);
    if (result && out) {
      // With --json, stdout holds only the JSON.
      if (json) note(ctx, { en: `Wrote ${displayPath(out, ctx.io.cwd)}`, zh: `已写入 ${displayPath(out, ctx.io.cwd)}` });
      else wroteLine(ctx, out, result);
    }
    return 0;
  },
};
