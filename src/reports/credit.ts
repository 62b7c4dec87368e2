/**
 * Credit review report (SPEC §2): credit score, grade, list, action, policy priority and the
 * "revoke key-account status" flag for accounts on the red list for 12 months or more.
 *
 * API
 *   buildCreditReport(
 *     sources: { accounts: SourceTable },        // one row per account
 *     options: CreditOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: CreditSummary; columns: ChosenColumn[] }
 *
 *   CreditOptions { asOf?: number | string   (review date: Excel serial or "2026-03-01"; default today)
 *                   columns?: ColumnOverrides }
 *   CreditSummary { accounts, asOf (serial), volumeFrom: "points" | "annualSales",
 *                   grades: Record<CreditGrade, number>, lists: Record<CreditList, number>,
 *                   revoke: string[] (accounts that lose key-account status),
 *                   redWithoutDate: string[] (red-list accounts whose since date is blank) }
 *
 * Column roles: customer, performance, risk, and volume (points 0–50) or annualSales (turned into
 * volume points with the workbook's bands); optional redListSince (date the account entered the
 * red list). Rows keep their input order.
 */
import { CREDIT_ACTION_LABELS, CREDIT_GRADE_LABELS, CREDIT_LIST_LABELS, CREDIT_PRIORITY, creditGrade, creditList, creditScore, redListRevoked, volumePoints, type CreditGrade, type CreditList } from "../domain/credit";
import type { ColumnRole } from "../domain/columns";
import { monthsBetween, parseDate, serialToIso, todaySerial } from "../domain/dates";
import { KamInputException, kamError, type Lang } from "../domain/errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { inputError, missingColumnsError, openTable, type ChosenColumn, type ColumnOverrides } from "./inputs";
import { COLORS, FMT, SheetBuilder, equalRules, fitWidth, tr } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export interface CreditOptions {
  readonly asOf?: number | string;
  readonly columns?: ColumnOverrides;
}

export interface CreditSummary {
  readonly accounts: number;
  readonly asOf: number;
  readonly volumeFrom: "points" | "annualSales";
  readonly grades: Readonly<Record<CreditGrade, number>>;
  readonly lists: Readonly<Record<CreditList, number>>;
  readonly revoke: readonly string[];
  readonly redWithoutDate: readonly string[];
}

const T = {
  sheet: { en: "Credit review", zh: "信用评级" },
  title: { en: "Credit review", zh: "客户信用评级" },
  customer: { en: "Customer", zh: "客户" },
  annualSales: { en: "Annual sales", zh: "年销售额" },
  volume: { en: "Volume (0–50)", zh: "年度项目成交量（0–50）" },
  performance: { en: "Performance (0–50)", zh: "履约程度（0–50）" },
  risk: { en: "Risk (−50–0)", zh: "经营风险（−50–0）" },
  score: { en: "Credit score", zh: "信用得分" },
  grade: { en: "Grade", zh: "信用等级" },
  list: { en: "List", zh: "名单" },
  action: { en: "Action", zh: "措施" },
  priority: { en: "Policy priority", zh: "政策优先级" },
  since: { en: "On red list since", zh: "列入红名单日期" },
  months: { en: "Months on red list", zh: "红名单月数" },
  revoke: { en: "Revoke key-account status", zh: "取消大客户资格" },
  yes: { en: "Yes", zh: "是" },
} as const;

function note(s: Settings, asOf: number, lang: Lang): string {
  const d = serialToIso(asOf);
  const { aaa, aa, redListMonths } = s.credit;
  return lang === "en"
    ? `As of ${d}. Credit score = volume + performance + risk. AAA (green list) at ${aaa} or more, AA (yellow list) at ${aa} or more, A (red list) below ${aa}. On the red list for ${redListMonths} months or more: key-account status is revoked.`
    : `评估日期 ${d}。信用得分 = 成交量 + 履约程度 + 经营风险。${aaa} 分及以上为 AAA 级（绿名单），${aa} 分及以上为 AA 级（黄名单），低于 ${aa} 分为 A 级（红名单）。在红名单上满 ${redListMonths} 个月取消大客户资格。`;
}

export function buildCreditReport(
  sources: { readonly accounts: SourceTable },
  options: CreditOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: CreditSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  let asOf: number;
  if (options.asOf === undefined || options.asOf === null || options.asOf === "") asOf = todaySerial();
  else {
    const d = parseDate(options.asOf);
    if (!d.ok) throw inputError(d.error.code, `Review date (as of): ${d.error.msg.en}`, `评估日期：${d.error.msg.zh}`);
    asOf = d.value;
  }

  const table = openTable(sources.accounts, { required: ["customer", "performance", "risk"], optional: ["volume", "annualSales", "redListSince"] }, options.columns);
  if (!table.has("volume") && !table.has("annualSales")) throw new KamInputException(missingColumnsError(sources.accounts, ["volume", "annualSales"]));
  table.requireRows();
  const volumeFrom = table.has("volume") ? "points" : "annualSales";
  const hasSince = table.has("redListSince");

  const grades: Record<CreditGrade, number> = { AAA: 0, AA: 0, A: 0 };
  const lists: Record<CreditList, number> = { green: 0, yellow: 0, red: 0 };
  const revoke: string[] = [];
  const redWithoutDate: string[] = [];
  const body: CellValue[][] = [];
  for (const i of table.rows) {
    const customer = table.text(i, "customer");
    let sales: number | null = null;
    let volume: number;
    let score: number;
    const parts: ColumnRole[] = ["performance", "risk"];
    if (volumeFrom === "points") {
      score = table.checkCells(i, ["volume", ...parts], ([v, p, r]) => creditScore(v, p, r));
      volume = table.number(i, "volume");
    } else {
      sales = table.number(i, "annualSales");
      if (sales < 0) table.fail(i, "annualSales", kamError("negative_sales", "invalid", `annual sales cannot be negative, got ${sales}`, `年销售额不能为负数，而不是 ${sales}`));
      volume = volumePoints(sales, settings);
      const v = volume;
      score = table.checkCells(i, parts, ([p, r]) => creditScore(v, p, r));
    }
    const grade = creditGrade(score, settings);
    const list = creditList(grade);
    grades[grade]++;
    lists[list]++;
    let since: number | null = null;
    let months: number | null = null;
    let revoked = false;
    if (hasSince) {
      since = table.optDate(i, "redListSince");
      if (since !== null && since > asOf) {
        table.fail(
          i,
          "redListSince",
          kamError("date_after_review", "invalid", `the date ${serialToIso(since)} is after the review date ${serialToIso(asOf)}`, `日期 ${serialToIso(since)} 晚于评估日期 ${serialToIso(asOf)}`),
        );
      }
      if (list === "red") {
        if (since === null) redWithoutDate.push(customer);
        else {
          months = monthsBetween(since, asOf);
          revoked = redListRevoked(since, asOf, settings);
          if (revoked) revoke.push(customer);
        }
      }
    }
    body.push([
      customer,
      ...(volumeFrom === "annualSales" ? [sales] : []),
      volume,
      table.number(i, "performance"),
      table.number(i, "risk"),
      score,
      tr(CREDIT_GRADE_LABELS[grade], lang),
      tr(CREDIT_LIST_LABELS[list], lang),
      tr(CREDIT_ACTION_LABELS[grade], lang),
      CREDIT_PRIORITY[grade],
      ...(hasSince ? [since, months, revoked ? tr(T.yes, lang) : null] : []),
    ]);
  }

  const header: string[] = [
    tr(T.customer, lang),
    ...(volumeFrom === "annualSales" ? [tr(T.annualSales, lang)] : []),
    tr(T.volume, lang),
    tr(T.performance, lang),
    tr(T.risk, lang),
    tr(T.score, lang),
    tr(T.grade, lang),
    tr(T.list, lang),
    tr(T.action, lang),
    tr(T.priority, lang),
    ...(hasSince ? [tr(T.since, lang), tr(T.months, lang), tr(T.revoke, lang)] : []),
  ];
  const col = (label: { en: string; zh: string }): number => header.indexOf(tr(label, lang));
  const formats: (string | null)[] = header.map(() => null);
  if (volumeFrom === "annualSales") {
    formats[col(T.annualSales)] = FMT.amount;
    formats[col(T.volume)] = "0.0";
  }
  formats[col(T.priority)] = FMT.integer;
  if (hasSince) {
    formats[col(T.since)] = FMT.date;
    formats[col(T.months)] = FMT.integer;
  }

  const sheet = new SheetBuilder("credit", tr(T.sheet, lang), COLORS.tab);
  sheet.title(0, 0, tr(T.title, lang));
  sheet.note(1, 0, note(settings, asOf, lang));
  const top = 3;
  const rect = sheet.block(top, 0, [header, ...body], formats);
  sheet.table("KamCredit", rect);
  const n = body.length;
  const gradeText = (g: CreditGrade): string => tr(CREDIT_GRADE_LABELS[g], lang);
  const listText = (l: CreditList): string => tr(CREDIT_LIST_LABELS[l], lang);
  sheet.conditionalFormat(
    { row: top + 1, col: col(T.grade), rows: n, cols: 1 },
    equalRules([
      { value: gradeText("AAA"), tone: "green" },
      { value: gradeText("AA"), tone: "amber" },
      { value: gradeText("A"), tone: "red" },
    ]),
  );
  sheet.conditionalFormat(
    { row: top + 1, col: col(T.list), rows: n, cols: 1 },
    equalRules([
      { value: listText("green"), tone: "green" },
      { value: listText("yellow"), tone: "amber" },
      { value: listText("red"), tone: "red" },
    ]),
  );
  if (hasSince) sheet.conditionalFormat({ row: top + 1, col: col(T.revoke), rows: n, cols: 1 }, equalRules([{ value: tr(T.yes, lang), tone: "red" }]));
  header.forEach((h, j) => sheet.width(j, j === 0 ? fitWidth([h, ...body.slice(0, 2000).map((r) => r[0])], 12, 40) : Math.min(fitWidth([h], 10), 22)));
  sheet.freeze(top + 1, 1);

  const plan: ReportPlan = {
    report: "credit",
    sheets: [sheet.build()],
    activate: "credit",
    ...(redWithoutDate.length > 0
      ? {
          warnings: [
            {
              en: `On the red list without a date in the '${table.header("redListSince")}' column, so the ${settings.credit.redListMonths}-month rule cannot be checked: ${redWithoutDate.join(", ")}`,
              zh: `以下客户在红名单上，但“${table.header("redListSince")}”列没有日期，无法检查 ${settings.credit.redListMonths} 个月规则：${redWithoutDate.join("、")}`,
            },
          ],
        }
      : {}),
  };
  return {
    plan,
    summary: { accounts: n, asOf, volumeFrom, grades, lists, revoke, redWithoutDate },
    columns: [...table.chosen],
  };
}
