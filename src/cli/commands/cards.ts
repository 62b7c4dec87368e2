/**
 * `kam cards`: key-account cards (SPEC §6), one sheet per account, filled from a template, with
 * sales by period, visit history and complaints when the workbook has those sheets.
 */
import type { ColumnRole } from "../../domain/columns";
import type { Msg } from "../../domain/errors";
import type { Settings } from "../../domain/settings";
import { buildCardsReport, defaultCardTemplate, type CardPeriod, type CardSources, type CardSummary } from "../../reports/cards";
import type { ChosenColumn, ColumnOverrides } from "../../reports/inputs";
import type { ReportPlan } from "../../reports/plan";
import type { SourceTable } from "../../reports/source";
import type ExcelJS from "exceljs";
import { optFlag, optList, optString, splitList, type OptionSpec } from "../args";
import {
  announceReading,
  columnOverrides,
  inFile,
  inputFile,
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
import { chooseTable, findTable, InputFile, type TableNeed } from "../input";
import { loadTemplateSheets } from "../../hosts/xlsx/templates";
import { worksheetOfPlan } from "../template";

const OPTIONS: readonly OptionSpec[] = [
  { name: "template", value: true, meta: "SHEET", help: { en: "template sheet with {{placeholders}} (default: the built-in template, written into the output)", zh: "含 {{占位符}} 的模板工作表（默认：内置模板，并写入输出文件）" } },
  { name: "accounts", value: true, repeat: true, meta: "A,B", help: { en: "accounts that get a card (default: every account)", zh: "制作档案卡的客户（默认：全部客户）" } },
  { name: "period", value: true, meta: "month|quarter|year", help: { en: "sales by month (default), quarter or year", zh: "销售额按月（默认）、季度或年汇总" } },
  OPT.asOf,
  OPT.customer,
  { name: "sales-sheet", value: true, meta: "NAME", help: { en: "transactions sheet (default: found by its columns)", zh: "交易明细工作表（默认：按列自动查找）" } },
  { name: "visits-sheet", value: true, meta: "NAME", help: { en: "visit history sheet (default: found by its columns)", zh: "拜访记录工作表（默认：按列自动查找）" } },
  { name: "profiles-sheet", value: true, meta: "NAME", help: { en: "internal profile sheet for the cards' radar (default: found by its columns)", zh: "档案卡雷达图使用的内部画像工作表（默认：按列自动查找）" } },
  { name: "complaints-sheet", value: true, meta: "NAME", help: { en: "complaints sheet (default: found by its columns)", zh: "投诉记录工作表（默认：按列自动查找）" } },
  ...REPORT_OPTIONS,
];

/** An accounts table: a customer column and at least one thing known about each account. */
export const ACCOUNTS_NEED: TableNeed = [
  ["customer"],
  ["address", "phone", "legalRep", "founded", "staff", "structure", "bank", "creditLimit", "paymentTerms", "signed", "owner", "strategicFit", "performance", "int_sales"],
];
const TRANSACTIONS_NEED: TableNeed = [["customer"], ["amount"]];
const VISITS_NEED: TableNeed = [["customer"], ["visitDate"]];
const COMPLAINTS_NEED: TableNeed = [["customer"], ["complaintDate"], ["complaint"]];
const PROFILES_NEED: TableNeed = [["customer"], ["int_sales"], ["int_profit"], ["int_quality"], ["int_credit"], ["int_relationship"], ["int_professional"]];

export function parsePeriod(v: string | undefined): CardPeriod {
  if (v === undefined) return "month";
  const t = v.trim().toLowerCase();
  if (t === "month" || t === "月") return "month";
  if (t === "quarter" || t === "季度") return "quarter";
  if (t === "year" || t === "年") return "year";
  throw usage(`--period must be "month", "quarter" or "year", got "${v}"`, `--period 必须是“month”（月）、“quarter”（季度）或“year”（年），而不是“${v}”`);
}

export interface CardsRequest {
  readonly accountsSheet?: string;
  readonly salesSheet?: string;
  readonly visitsSheet?: string;
  readonly complaintsSheet?: string;
  readonly profilesSheet?: string;
  readonly template?: string;
  readonly accounts?: readonly string[];
  readonly period: CardPeriod;
  readonly asOf?: string;
  readonly overrides: ColumnOverrides;
  /** Keep the tables read (the demo reads several reports from one workbook). */
  readonly keep?: boolean;
}

export interface CardsBuilt {
  readonly plans: ReportPlan[];
  readonly summary: CardSummary;
  readonly columns: ChosenColumn[];
  readonly warnings: Msg[];
  readonly templates: Map<string, ExcelJS.Worksheet>;
  /** Which sheets fed the cards (for the user to see what was found). */
  readonly tables: { readonly accounts: string; readonly transactions?: string; readonly visits?: string; readonly complaints?: string; readonly profiles?: string };
}

async function optionalTable(input: InputFile, sheet: string | undefined, need: TableNeed, exclude: string[], keep: boolean): Promise<SourceTable | undefined> {
  if (sheet !== undefined) return input.table(sheet, keep);
  return findTable(input, need, {}, exclude, keep);
}

/** Read every table the cards use and build them (shared with the demo). */
export async function buildCards(input: InputFile, req: CardsRequest, settings: Settings): Promise<CardsBuilt> {
  const keep = req.keep === true;
  const accounts = await chooseTable(input, req.accountsSheet, ACCOUNTS_NEED, req.overrides, { en: "account cards", zh: "大客户档案卡" }, keep);
  const exclude = [accounts.sheet];
  const transactions = await optionalTable(input, req.salesSheet, TRANSACTIONS_NEED, exclude, keep);
  const visits = await optionalTable(input, req.visitsSheet, VISITS_NEED, exclude, keep);
  const complaints = await optionalTable(input, req.complaintsSheet, COMPLAINTS_NEED, exclude, keep);
  const profiles = await optionalTable(input, req.profilesSheet, PROFILES_NEED, exclude, keep);

  const templates = new Map<string, ExcelJS.Worksheet>();
  const plans: ReportPlan[] = [];
  const sources: { -readonly [K in keyof CardSources]: CardSources[K] } = { accounts };
  if (transactions) sources.transactions = transactions;
  if (visits) sources.visits = visits;
  if (complaints) sources.complaints = complaints;
  if (profiles) sources.profiles = profiles;
  if (req.template !== undefined) {
    const grid = await input.grid(req.template);
    sources.template = { sheet: grid.sheet, values: grid.values };
    for (const [name, ws] of await loadTemplateSheets(input.file, [grid.sheet])) templates.set(name, ws);
  } else {
    const template = defaultCardTemplate(settings.language);
    plans.push({ report: "card-template", sheets: [template] });
    templates.set(template.name, await worksheetOfPlan(template));
  }

  const r = await inFile(input.file, () =>
    buildCardsReport(
    sources,
    {
      period: req.period,
      columns: { accounts: req.overrides },
      ...(req.accounts !== undefined && req.accounts.length > 0 ? { accounts: req.accounts } : {}),
      ...(req.asOf !== undefined ? { asOf: req.asOf } : {}),
    },
      settings,
    ),
  );
  plans.push(r.plan);
  return {
    plans,
    summary: r.summary,
    columns: r.columns,
    warnings: [...(r.plan.warnings ?? [])],
    templates,
    tables: {
      accounts: accounts.sheet,
      ...(transactions ? { transactions: transactions.sheet } : {}),
      ...(visits ? { visits: visits.sheet } : {}),
      ...(complaints ? { complaints: complaints.sheet } : {}),
      ...(profiles ? { profiles: profiles.sheet } : {}),
    },
  };
}

export function cardsLines(ctx: Ctx, b: CardsBuilt): Msg[] {
  const s = b.summary;
  const names = s.cards.map((c) => c.customer);
  const shown = names.length > 8 ? [...names.slice(0, 8), "…"] : names;
  return [
    {
      en: `Account cards: ${s.cards.length} (${s.template === "user" ? "your template" : "default template"}) — ${shown.join(", ")}`,
      zh: `大客户档案卡：${s.cards.length} 张（${s.template === "user" ? "自定义模板" : "默认模板"}）——${shown.join("、")}`,
    },
  ];
}

export const cardsCommand: Command = {
  name: "cards",
  summary: { en: "Key-account cards from a template", zh: "按模板生成大客户档案卡" },
  usage: "kam cards <file> [--template SHEET] [--accounts A,B] [--period month|quarter|year] [--sheet S] [--out out.xlsx] [--force] [--json] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "Reads the accounts sheet (Customer/客户名称 plus overview fields: Address/地址, Phone/电话, Legal representative/法定代表人, Founded/成立日期, Staff/员工人数, Bank/开户银行, Credit limit/信用额度, Payment terms/付款条件…; the six criteria and the credit columns when present), and when the workbook has them the transactions (Customer, Sales, Date), visits (客户名称, 拜访日期, 地点, 接待人, 洽谈内容, 进展, 下次拜访) and complaints (客户名称, 投诉日期, 投诉内容, 经过, 处理结果), and the internal profile (for the cards' radar). A template sheet holds placeholders such as {{客户名称}} or {{address}}; without --template the built-in template is used and written into the output, ready to restyle.",
      zh: "读取客户档案工作表（客户名称及概况字段：地址、电话、法定代表人、成立日期、员工人数、开户银行、信用额度、付款条件……；若有六项标准和信用列也一并读取），以及工作簿中的交易明细（客户、销售额、日期）、拜访记录（客户名称、拜访日期、地点、接待人、洽谈内容、进展、下次拜访）和投诉记录（客户名称、投诉日期、投诉内容、经过、处理结果），以及内部画像（用于档案卡雷达图）。模板工作表中写占位符，如 {{客户名称}} 或 {{address}}；不指定 --template 时使用内置模板，并写入输出文件，便于修改样式。",
    },
  ],
  examples: ["kam cards book.xlsx", 'kam cards book.xlsx --accounts "华东精密机械有限公司,Northwind Components Ltd." --period quarter', "kam cards book.xlsx --template 档案卡模板 --out cards.xlsx"],
  async run(ctx: Ctx): Promise<number> {
    const file = inputFile(ctx);
    const period = parsePeriod(optString(ctx.args, "period"));
    const out = outputFor(ctx, file, "cards");
    announceReading(ctx, file);
    const input = await InputFile.open(file, ctx.io.cwd);
    const accounts = optList(ctx.args, "accounts").flatMap(splitList);
    const asOf = optString(ctx.args, "as-of");
    const built = await buildCards(
      input,
      {
        accountsSheet: optString(ctx.args, "sheet"),
        salesSheet: optString(ctx.args, "sales-sheet"),
        visitsSheet: optString(ctx.args, "visits-sheet"),
        complaintsSheet: optString(ctx.args, "complaints-sheet"),
        profilesSheet: optString(ctx.args, "profiles-sheet"),
        template: optString(ctx.args, "template"),
        accounts,
        period,
        ...(asOf !== undefined ? { asOf } : {}),
        overrides: columnOverrides(ctx.args, { customer: "customer" as ColumnRole }),
      },
      ctx.settings,
    );
    printColumns(ctx, built.columns);
    printWarnings(ctx, built.warnings);
    const result = out !== undefined ? await writePlans(ctx, built.plans, out, { templates: built.templates }) : undefined;
    if (optFlag(ctx.args, "json")) printJson(ctx, { ...built.summary, sheets: built.tables, warnings: built.warnings.map((w) => w[ctx.lang]) });
    else for (const line of cardsLines(ctx, built)) say(ctx, line);
    if (result && out && !optFlag(ctx.args, "json")) wroteLine(ctx, out, result);
    return 0;
  },
};
