/**
 * `kam demo`: every report on the bundled sample workbook, written into one workbook, with a short
 * summary. Its default output (kam-demo.xlsx in the working folder) is the demo's own file and is
 * replaced on every run — but only when it is a kam report workbook; any other existing file, and
 * any --out that exists, needs --force.
 */
import * as path from "path";
import { CRITERIA } from "../../domain/score";
import type { Msg } from "../../domain/errors";
import { listSheetInfo } from "../../hosts/xlsx/read-xlsx";
import { buildAbcReport } from "../../reports/abc";
import { buildCreditReport } from "../../reports/credit";
import { buildProfileReport } from "../../reports/profile";
import type { ReportPlan } from "../../reports/plan";
import { buildScoreReport } from "../../reports/score";
import { optFlag, optString, type OptionSpec } from "../args";
import { displayPath, chooseTable, InputFile } from "../input";
import { inputException, OPT, outputFor, printJson, printWarnings, say, writePlans, type Command, type Ctx } from "../command";
import { pct } from "../lang";
import { SAMPLE_AS_OF, samplePath } from "../sample";
import { buildCards } from "./cards";
import { buildMigrationReport } from "../../reports/migration";
import { buildPortfolio } from "./portfolio";
import { buildStakeholders } from "./stakeholders";

export const DEMO_OUTPUT = "kam-demo.xlsx";

const OPTIONS: readonly OptionSpec[] = [
  { ...OPT.out, meta: "FILE.xlsx", help: { en: `output workbook (default: ${DEMO_OUTPUT} in the current folder)`, zh: `输出工作簿（默认：当前文件夹中的 ${DEMO_OUTPUT}）` } },
  { ...OPT.force, help: { en: "replace --out (or a kam-demo.xlsx that kam did not write) if it exists", zh: "覆盖已存在的 --out 文件（或不是 kam 生成的 kam-demo.xlsx）" } },
  OPT.json,
  OPT.lang,
  OPT.settings,
  OPT.help,
];

/** Whether an existing file is a workbook kam wrote (every sheet carries a report mark). */
async function isKamWorkbook(file: string): Promise<boolean> {
  try {
    const sheets = await listSheetInfo(file);
    return sheets.length > 0 && sheets.every((s) => s.reportKey !== undefined);
  } catch {
    return false;
  }
}

export const demoCommand: Command = {
  name: "demo",
  summary: { en: "Run every report on the bundled sample workbook", zh: "用内置示例工作簿运行全部报表" },
  usage: "kam demo [--out kam-demo.xlsx] [--force] [--lang en|zh]",
  options: OPTIONS,
  details: [
    {
      en: "The sample (assets/samples/kam-sample.xlsx) holds 24 months of made-up sales for 150 customers, 40 account records with the six criteria and credit data, external and internal profiles, stakeholders of three accounts, visits and complaints, invoices and payments, and main-contact changes. The demo writes the ABC analysis by sales and by profit, the ABC migration between the two years, the key-account score, the credit review and the portfolio (as of the sample's last day), both profiles, the stakeholder radars and cards for the five best-scored accounts — with their charts — into one workbook.",
      zh: "示例（assets/samples/kam-sample.xlsx）包含 150 个虚构客户 24 个月的销售明细、40 个含六项标准和信用数据的客户档案、外部与内部画像、3 个客户的关键人、拜访记录和投诉记录、发票与回款记录以及主要联系人变更。演示把按销售额和按利润的 ABC 分析、两年间的 ABC 迁移、大客户评分、信用评级和客户组合（截至示例数据最后一天）、两种画像、关键人雷达图以及评分前五名客户的档案卡（含图表）写入一个工作簿。",
    },
  ],
  examples: ["kam demo", "kam demo --lang zh --out 演示.xlsx"],
  async run(ctx: Ctx): Promise<number> {
    if (ctx.args.positionals.length > 0) {
      throw inputException("demo_no_file", { en: `kam demo takes no input file (got "${ctx.args.positionals[0]}"); it runs on the bundled sample`, zh: `kam demo 不接受输入文件（收到“${ctx.args.positionals[0]}”）；它使用内置示例` });
    }
    const sample = samplePath();
    if (sample === undefined) {
      throw new Error("the bundled sample workbook assets/samples/kam-sample.xlsx is missing from this installation");
    }
    const defaultOut = path.resolve(ctx.io.cwd, DEMO_OUTPUT);
    const ownDefault = optString(ctx.args, "out") === undefined && (await isKamWorkbook(defaultOut));
    // outputFor refuses the default path when it holds a file kam did not write (unless --force).
    const out = outputFor(ctx, sample, "demo", { defaultPath: defaultOut, mayReplaceDefault: ownDefault, writeWithJson: true });

    const s = ctx.settings;
    const input = await InputFile.open(sample, ctx.io.cwd);
    const keep = true;
    const what = (en: string, zh: string): Msg => ({ en, zh });

    const sales = await chooseTable(input, undefined, [["customer"], ["amount"], ["profit"]], {}, what("ABC analysis", "ABC 分析"), keep);
    const abc = buildAbcReport({ sales }, {}, s);
    const abcProfit = buildAbcReport({ sales }, { basis: "profit" }, s);
    const accounts = await chooseTable(input, undefined, [["customer"], ...CRITERIA.map((c) => [c])], {}, what("key-account score", "大客户评分"), keep);
    const score = buildScoreReport({ accounts }, {}, s);
    const creditTable = await chooseTable(input, undefined, [["customer"], ["performance"], ["risk"], ["volume", "annualSales"]], {}, what("credit review", "信用评级"), keep);
    const credit = buildCreditReport({ accounts: creditTable }, { asOf: SAMPLE_AS_OF }, s);
    const extTable = await chooseTable(input, undefined, [["customer"], ["ext_market"], ["ext_rnd"], ["ext_quality"], ["ext_regulatory"], ["ext_price"], ["ext_professional"]], {}, what("external profile", "外部画像"), keep);
    const external = buildProfileReport({ profiles: extTable }, { kind: "external" }, s);
    const intTable = await chooseTable(input, undefined, [["customer"], ["int_sales"], ["int_profit"], ["int_quality"], ["int_credit"], ["int_relationship"], ["int_professional"]], {}, what("internal profile", "内部画像"), keep);
    const internal = buildProfileReport({ profiles: intTable }, { kind: "internal" }, s);
    const people = await chooseTable(input, undefined, [["person"], ["education"], ["orgRole"], ["powerRole"], ["relationshipRole"], ["devPotential"]], {}, what("stakeholder radar", "人员雷达画像"), keep);
    const stakeholders = buildStakeholders(people, [], {}, s);
    const cards = await buildCards(input, { accountsSheet: accounts.sheet, accounts: score.summary.radar, period: "quarter", asOf: SAMPLE_AS_OF, overrides: {}, keep }, s);
    // Issue 8: the portfolio as of the sample's last day, and the ABC migration between its two years.
    const portfolio = await buildPortfolio(input, { salesSheet: sales.sheet, sheets: { accounts: accounts.sheet }, overrides: {}, basis: "sales", keep }, { asOf: SAMPLE_AS_OF }, s);
    const migration = buildMigrationReport({ sales }, { asOf: SAMPLE_AS_OF }, s);

    const plans: ReportPlan[] = [abc.plan, abcProfit.plan, migration.plan, score.plan, credit.plan, portfolio.plan, external.plan, internal.plan, ...stakeholders.plans, ...cards.plans];
    for (const p of plans) printWarnings(ctx, p.warnings ?? [], p.sheets[0]?.name);
    const result = out !== undefined ? await writePlans(ctx, [{ ...plans[0], activate: "abc" }, ...plans.slice(1)], out, { templates: cards.templates, force: optFlag(ctx.args, "force") || ownDefault }) : undefined;

    const cls = new Map(abc.summary.classes.map((c) => [c.class, c]));
    const keyAccounts = score.summary.tiers.find((t) => t.key === "keyAccount")?.count ?? 0;
    const red = credit.summary.lists.red;
    if (optFlag(ctx.args, "json")) {
      printJson(ctx, {
        output: out ?? null,
        sheets: result?.sheets.map((x) => x.name) ?? [],
        customers: abc.summary.customers,
        abc: abc.summary.classes.map((c) => ({ class: c.class, customers: c.customers, amountShare: c.amountShare })),
        keyAccounts,
        redList: red,
        revoked: credit.summary.revoke,
        cards: cards.summary.cards.map((c) => c.customer),
        thisWeek: { risks: portfolio.summary.thisWeek.filter((w) => w.kind === "risk").length, due: portfolio.summary.due.length, care: portfolio.summary.thisWeek.filter((w) => w.kind === "care").length },
        migration: migration.summary.counts,
      });
      return 0;
    }
    if (result && out) {
      const charts = result.sheets.reduce((n, x) => n + x.charts, 0);
      say(ctx, { en: `Wrote ${displayPath(out, ctx.io.cwd)}: ${result.sheets.length} report sheets, ${charts} charts.`, zh: `已写入 ${displayPath(out, ctx.io.cwd)}：${result.sheets.length} 个报表工作表，${charts} 个图表。` });
    }
    const a = cls.get("A");
    const b = cls.get("B");
    const c = cls.get("C");
    say(ctx, {
      en: `ABC (sample, ${abc.summary.customers} customers): A ${a?.customers ?? 0} (${pct(a?.amountShare ?? 0)} of sales), B ${b?.customers ?? 0}, C ${c?.customers ?? 0}.`,
      zh: `ABC 分析（示例，${abc.summary.customers} 个客户）：A 类 ${a?.customers ?? 0} 个（占销售额 ${pct(a?.amountShare ?? 0)}），B 类 ${b?.customers ?? 0} 个，C 类 ${c?.customers ?? 0} 个。`,
    });
    say(ctx, {
      en: `Key accounts (score ≥ ${s.score.keyAccount}): ${keyAccounts} of ${score.summary.accounts}. Red list: ${red} account${red === 1 ? "" : "s"}${credit.summary.revoke.length > 0 ? `, ${credit.summary.revoke.length} losing key-account status` : ""}.`,
      zh: `大客户（评分 ≥ ${s.score.keyAccount}）：${score.summary.accounts} 个中有 ${keyAccounts} 个。红名单：${red} 个${credit.summary.revoke.length > 0 ? `，其中 ${credit.summary.revoke.length} 个取消大客户资格` : ""}。`,
    });
    const ps = portfolio.summary;
    const risks = ps.thisWeek.filter((w) => w.kind === "risk").length;
    const most = ps.rows[0];
    say(ctx, {
      en: `This week (as of ${SAMPLE_AS_OF}): ${risks} risk alerts, ${ps.due.length} contacts due${most && most.urgency > 0 ? `; most urgent: ${most.customer}` : ""}.`,
      zh: `本周（截至 ${SAMPLE_AS_OF}）：${risks} 条风险预警，${ps.due.length} 项待联系${most && most.urgency > 0 ? `；最紧急：${most.customer}` : ""}。`,
    });
    const mc = migration.summary.counts;
    say(ctx, {
      en: `ABC migration ${migration.summary.period1.label} → ${migration.summary.period2.label}: up ${mc.up}, down ${mc.down}, new ${mc.new}, lost ${mc.lost}.`,
      zh: `ABC 迁移 ${migration.summary.period1.label} → ${migration.summary.period2.label}：上升 ${mc.up}，下降 ${mc.down}，新增 ${mc.new}，流失 ${mc.lost}。`,
    });
    say(ctx, {
      en: `Cards for: ${cards.summary.cards.map((x) => x.customer).join(", ")}.`,
      zh: `档案卡：${cards.summary.cards.map((x) => x.customer).join("、")}。`,
    });
    return 0;
  },
};
