/**
 * Portfolio view (issue 8): "who needs me this week". One row per account with its ABC and XYZ
 * class, key-account tier, credit grade, value × potential segment, spending tier, life-cycle
 * stage, next due contact and risk alerts, sorted by urgency; the ABC × XYZ nine-box grid; and the
 * week's list of alerts and contacts due.
 *
 * API
 *   buildPortfolioReport(
 *     sources: PortfolioSources,
 *     options: PortfolioOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: PortfolioSummary; columns: ChosenColumn[] }
 *
 *   PortfolioSources { sales: SourceTable            transactions: customer, date, amount (or profit with basis "profit")
 *                      accounts?: SourceTable        one row per account: customer [signed, the six criteria,
 *                                                    volume | annualSales + performance + risk, redListSince]
 *                      visits?: SourceTable          customer, visitDate [visitType]
 *                      payments?: SourceTable        customer, dueDate [paidDate, amount]
 *                      contacts?: SourceTable        customer, person, contactSince (main-contact history)
 *                      people?: SourceTable }        customer, person, birthday (stakeholders)
 *   PortfolioOptions { asOf?: number | string        (default today)
 *                      months?: number               (window of the ABC and XYZ, default settings.xyz.windowMonths)
 *                      basis?: "sales" | "profit"
 *                      columns?: { sales?, accounts?, visits?, payments?, contacts?, people?: ColumnOverrides } }
 *   PortfolioSummary { asOf, window { first, last, months }, accounts, customers, rows: PortfolioAccount[] (urgency order),
 *                      grid: GridCell[] (A/B/C × X/Y/Z/none), alerts: Alert[], due: ContactDue[] (overdue or due within
 *                      settings.alerts.dueWithinDays), thisWeek: ThisWeekItem[], warnings: Msg[] }
 *
 * [chosen, issue 8]
 *  - ABC and XYZ run over the `months` whole calendar months ending at as-of (see monthWindowEnding),
 *    over every customer with sales in that window; growth compares the window with the same number
 *    of months before it, and a customer without sales then counts as new (fast-growing) for the
 *    segment; the spending tier takes the window's sales scaled to a year.
 *  - Customer names are matched across tables case- and width-insensitively, as the cards do.
 *  - Without an accounts table every customer with sales in the window is an account.
 *  - Without a visit-type column every visit counts as an account manager visit; without a visits
 *    table there are no next contacts, no no-follow-up alerts and no hand-over check.
 *  - Without volume or annual-sales columns, a credit grade still comes from performance and risk,
 *    with volume points from the window's sales scaled to a year.
 *  - Urgency: the weight of the account's risk alerts, then the days its most urgent contact is
 *    overdue, then its care tasks, then ABC class and sales.
 *
 * Sheet "portfolio": title and note, the accounts table at A4, the nine-box grid (customers and
 * amounts) to its right, the week's list below the grid.
 */
import { ABC_CLASS_LABELS, abcClassify, type AbcClass } from "../domain/abc";
import { ALERT_KIND_LABELS, ALERT_RULE_LABELS, allAlerts, compareAlerts, OrderCounter, riskWeight, type Alert, type AlertRule, type ContactRecord, type PaymentRecord, type PersonRecord } from "../domain/alerts";
import { contactsDue, mostUrgent, parseVisitType, VISIT_TYPE_LABELS, type ContactDue, type VisitRecord } from "../domain/cadence";
import type { ColumnRole } from "../domain/columns";
import { detectColumns, resolveColumn } from "../domain/columns";
import { CREDIT_GRADE_LABELS, creditGrade, creditList, creditScore, volumePoints, type CreditGrade } from "../domain/credit";
import { MAX_SERIAL, parseDate, serialToIso, todaySerial } from "../domain/dates";
import type { Lang, Msg } from "../domain/errors";
import { normalize } from "../domain/labels";
import { QUADRANT_LABELS, quadrant, revenueRankShares, SPENDING_TIER_LABELS, spendingTier, STAGE_LABELS, lifeStage, type Quadrant, type SpendingTier, type Stage } from "../domain/segment";
import { CRITERIA, SCORE_TIER_LABELS, scoreRow, scoreTier, type ScoreTier } from "../domain/score";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { MonthlySeriesBuilder, monthText, monthWindowEnding, XYZ_CLASS_LABELS, XYZ_CLASSES, xyzOfSeries, type CustomerMonths, type MonthWindow, type XyzClass, type XyzOutcome } from "../domain/xyz";
import { inputError, openTable, type ChosenColumn, type ColumnOverrides, type InputTable } from "./inputs";
import { COLORS, FMT, SheetBuilder, equalRules, fitWidth, tr, type Tone } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export interface PortfolioSources {
  readonly sales: SourceTable;
  readonly accounts?: SourceTable;
  readonly visits?: SourceTable;
  readonly payments?: SourceTable;
  readonly contacts?: SourceTable;
  readonly people?: SourceTable;
}

export interface PortfolioOptions {
  readonly asOf?: number | string;
  readonly months?: number;
  readonly basis?: "sales" | "profit";
  readonly columns?: {
    readonly sales?: ColumnOverrides;
    readonly accounts?: ColumnOverrides;
    readonly visits?: ColumnOverrides;
    readonly payments?: ColumnOverrides;
    readonly contacts?: ColumnOverrides;
    readonly people?: ColumnOverrides;
  };
}

export interface PortfolioAccount {
  readonly customer: string;
  readonly abc: AbcClass | null;
  readonly xyz: XyzOutcome | null;
  /** Sales (or profit) in the window, and in the same number of months before it. */
  readonly amount: number;
  readonly previousAmount: number;
  /** amount / previous − 1, or null when there was nothing before (new). */
  readonly growth: number | null;
  readonly segment: Quadrant | null;
  readonly spending: SpendingTier;
  readonly score: number | null;
  readonly tier: ScoreTier | null;
  readonly creditGrade: CreditGrade | null;
  readonly stage: Stage | null;
  readonly signed: number | null;
  /** Every type's next contact, and the most urgent one. */
  readonly contacts: readonly ContactDue[];
  readonly next: ContactDue | null;
  readonly alerts: readonly Alert[];
  readonly urgency: number;
  /** 0-based row of the account on the portfolio sheet. */
  readonly sheetRow: number;
}

export interface GridCell {
  readonly abc: AbcClass;
  /** null = not enough history. */
  readonly xyz: XyzClass | null;
  readonly customers: number;
  readonly amount: number;
}

export type ThisWeekKind = "risk" | "due" | "care";

export interface ThisWeekItem {
  readonly kind: ThisWeekKind;
  readonly rule: AlertRule | "contactDue";
  readonly customer: string;
  /** When the risk arose, when the contact is due, or the day of the care task. */
  readonly date: number;
  readonly text: Msg;
  /** 0-based row of the account on the portfolio sheet (to select it), or null. */
  readonly sheetRow: number | null;
}

export interface PortfolioSummary {
  readonly asOf: number;
  readonly window: { readonly first: string; readonly last: string; readonly months: number };
  /** Accounts listed (rows of the table). */
  readonly accounts: number;
  /** Customers with sales in the window (the ABC and XYZ population). */
  readonly customers: number;
  readonly rows: readonly PortfolioAccount[];
  readonly grid: readonly GridCell[];
  readonly alerts: readonly Alert[];
  readonly due: readonly ContactDue[];
  /** Risks newest first, then contacts due (most overdue first), then care tasks soonest first. */
  readonly thisWeek: readonly ThisWeekItem[];
  /** Columns of the accounts table on the sheet (from column A), to select an account's row. */
  readonly tableColumns: number;
  readonly warnings: readonly Msg[];
}

export const PORTFOLIO_SHEET_KEY = "portfolio";
/** Worksheet row (0-based) of the accounts table's header. */
export const PORTFOLIO_TABLE_ROW = 3;

const T = {
  sheet: { en: "Portfolio", zh: "客户组合" },
  title: { en: "Portfolio: who needs me this week", zh: "客户组合：本周需要关注的客户" },
  account: { en: "Account", zh: "客户" },
  risks: { en: "Risks", zh: "风险数" },
  alerts: { en: "Alerts", zh: "预警" },
  next: { en: "Next contact", zh: "下次联系" },
  due: { en: "Due", zh: "到期日" },
  overdue: { en: "Days overdue", zh: "逾期天数" },
  abc: { en: "ABC", zh: "ABC" },
  xyz: { en: "XYZ", zh: "XYZ" },
  abcXyz: { en: "ABC-XYZ", zh: "ABC-XYZ" },
  cv: { en: "Variability (CV)", zh: "波动系数" },
  sales: { en: "Sales", zh: "销售额" },
  profit: { en: "Profit", zh: "利润" },
  growth: { en: "Growth", zh: "增长率" },
  segment: { en: "Segment", zh: "价值分群" },
  spending: { en: "Spending tier", zh: "消费层级" },
  tier: { en: "Tier", zh: "客户等级" },
  credit: { en: "Credit grade", zh: "信用等级" },
  stage: { en: "Stage", zh: "合作阶段" },
  newCustomer: { en: "new", zh: "新客户" },
  noSales: { en: "no sales", zh: "无销售" },
  gridTitle: { en: "ABC × XYZ: customers", zh: "ABC × XYZ：客户数" },
  gridAmountTitle: { en: "ABC × XYZ: amount", zh: "ABC × XYZ：金额" },
  total: { en: "Total", zh: "合计" },
  noHistory: { en: "Not enough history", zh: "历史不足" },
  weekTitle: { en: "This week: alerts and contacts due", zh: "本周：预警与待联系" },
  when: { en: "Date", zh: "日期" },
  kind: { en: "Kind", zh: "类型" },
  what: { en: "What", zh: "事项" },
  detail: { en: "Detail", zh: "详情" },
  contactDue: { en: "Contact due", zh: "待联系" },
  nothing: { en: "Nothing this week.", zh: "本周无待办事项。" },
} as const;

// ───────────────────────────── options ─────────────────────────────

function readAsOf(v: PortfolioOptions["asOf"]): number {
  if (v === undefined || v === null || v === "") return todaySerial();
  const d = parseDate(v);
  if (!d.ok) throw inputError(d.error.code, `As-of date: ${d.error.msg.en}`, `截止日期：${d.error.msg.zh}`);
  return d.value;
}

function readMonths(v: number | undefined, s: Settings): number {
  const m = v ?? s.xyz.windowMonths;
  if (!Number.isInteger(m) || m < 1 || m > 120) {
    throw inputError("bad_option_months", `The window must be a whole number of months from 1 to 120, got ${String(v)}`, `分析窗口必须是 1 到 120 之间的整数个月，而不是 ${String(v)}`);
  }
  return m;
}

// ───────────────────────────── inputs ─────────────────────────────

interface AccountIn {
  customer: string;
  key: string;
  signed: number | null;
  redListSince: number | null;
  score: number | null;
  tier: ScoreTier | null;
  creditScoreParts: { volume: number | null; performance: number; risk: number } | null;
}

const CREDIT_ROLES: readonly ColumnRole[] = ["performance", "risk"];

/** Roles of a part, when every one of them has a column (a half-filled part is not read). */
function completePart(source: SourceTable, roles: readonly ColumnRole[], overrides: ColumnOverrides): boolean {
  const detect = roles.filter((r) => !overrides[r]);
  const { found } = detectColumns(source.header, detect);
  return roles.every((r) => (overrides[r] ? resolveColumn(source.header, overrides[r] as string) !== undefined : found[r] !== undefined));
}

function readAccounts(source: SourceTable, overrides: ColumnOverrides, s: Settings, warnings: Msg[]): { list: AccountIn[]; table: InputTable; hasScore: boolean; hasCredit: boolean } {
  const scoreRoles = CRITERIA as readonly ColumnRole[];
  const hasScore = completePart(source, scoreRoles, overrides);
  const hasCredit = completePart(source, CREDIT_ROLES, overrides);
  const table = openTable(
    source,
    {
      required: ["customer"],
      optional: ["signed", "redListSince", ...(hasScore ? scoreRoles : []), ...(hasCredit ? [...CREDIT_ROLES, "volume", "annualSales"] : [])] as ColumnRole[],
    },
    overrides,
  );
  table.requireRows();
  const list: AccountIn[] = [];
  const seen = new Map<string, number>();
  for (const i of table.rows) {
    const customer = table.text(i, "customer");
    const key = normalize(customer);
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push({
        en: `Sheet '${source.sheet}': account "${customer}" appears again in row ${table.sheetRow(i)}; the portfolio uses row ${first}`,
        zh: `工作表“${source.sheet}”：客户“${customer}”在第 ${table.sheetRow(i)} 行重复出现；客户组合使用第 ${first} 行`,
      });
      continue;
    }
    seen.set(key, table.sheetRow(i));
    let score: number | null = null;
    let tier: ScoreTier | null = null;
    if (hasScore) {
      score = table.checkCells(i, scoreRoles, (v) => scoreRow(v, s)).total;
      tier = scoreTier(score, s);
    }
    let parts: AccountIn["creditScoreParts"] = null;
    if (hasCredit) {
      let volume: number | null = null;
      if (table.has("volume")) {
        table.checkCells(i, ["volume", ...CREDIT_ROLES], ([v, p, r]) => creditScore(v, p, r));
        volume = table.number(i, "volume");
      } else {
        if (table.has("annualSales") && !table.isBlank(i, "annualSales")) volume = volumePoints(table.number(i, "annualSales"), s);
        // Volume is within 0..50 by construction here, so a failure names performance or risk.
        table.checkCells(i, CREDIT_ROLES, ([p, r]) => creditScore(0, p, r));
      }
      parts = { volume, performance: table.number(i, "performance"), risk: table.number(i, "risk") };
    }
    list.push({ customer, key, signed: table.optDate(i, "signed"), redListSince: table.optDate(i, "redListSince"), score, tier, creditScoreParts: parts });
  }
  return { list, table, hasScore, hasCredit };
}

/** Names a list of "row N" for a warning about rows of customers that are not accounts. */
function unknownRows(source: SourceTable, names: Map<string, number>, what: Msg): Msg | null {
  if (names.size === 0) return null;
  const list = [...names.entries()].slice(0, 10).map(([n, c]) => `${n} (${c})`);
  const more = names.size > 10 ? names.size - 10 : 0;
  return {
    en: `Sheet '${source.sheet}': ${what.en} of ${names.size} customer(s) that are not in the portfolio were left out: ${list.join(", ")}${more ? ` and ${more} more` : ""}`,
    zh: `工作表“${source.sheet}”：${names.size} 个不在客户组合中的客户的${what.zh}未计入：${list.join("、")}${more ? ` 等另外 ${more} 个` : ""}`,
  };
}

// ───────────────────────────── builder ─────────────────────────────

function pctText(x: number): string {
  return `${Number((x * 100).toPrecision(12))} %`;
}

function note(asOf: number, w: MonthWindow, accounts: number, customers: number, risks: number, due: number, care: number, s: Settings, lang: Lang): string {
  const from = monthText(w.first);
  const to = monthText(w.first + w.months - 1);
  const { x, y } = s.xyz;
  return lang === "en"
    ? `As of ${serialToIso(asOf)}. ${accounts} accounts; ABC and XYZ over ${from} – ${to} (${w.months} months, ${customers} customers with sales). XYZ by monthly variability: X up to ${pctText(x)}, Y up to ${pctText(y)}, Z above. This week: ${risks} risk alerts, ${due} contacts due, ${care} care tasks. Most urgent accounts first.`
    : `截至 ${serialToIso(asOf)}。共 ${accounts} 个客户；ABC 与 XYZ 分析期间 ${from} – ${to}（${w.months} 个月，${customers} 个有销售的客户）。XYZ 按月度波动：不超过 ${pctText(x)} 为 X，不超过 ${pctText(y)} 为 Y，其余为 Z。本周：${risks} 条风险预警，${due} 项待联系，${care} 项关怀事项。最紧急的客户排在最前。`;
}

const GRID_TONE: Readonly<Record<string, Tone>> = { AX: "green", AY: "green", BX: "green", AZ: "amber", BY: "amber", CX: "amber", BZ: "grey", CY: "grey", CZ: "grey" };

export function buildPortfolioReport(
  sources: PortfolioSources,
  options: PortfolioOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: PortfolioSummary; columns: ChosenColumn[] } {
  const s = settings;
  const lang = s.language;
  const asOf = readAsOf(options.asOf);
  const months = readMonths(options.months, s);
  const basis = options.basis ?? "sales";
  if (basis !== "sales" && basis !== "profit") {
    throw inputError("bad_option_basis", `The basis must be "sales" or "profit", got "${String(basis)}"`, `依据必须是“sales”（销售额）或“profit”（利润），而不是“${String(basis)}”`);
  }
  const amountRole: ColumnRole = basis === "sales" ? "amount" : "profit";
  const cols = options.columns ?? {};
  const warnings: Msg[] = [];
  const chosen: ChosenColumn[] = [];

  // ── Sales: one pass feeds the monthly series (window and the months before) and the order counts.
  const window = monthWindowEnding(asOf, months);
  const both: MonthWindow = { first: window.first - months, months: 2 * months };
  const sales = openTable(sources.sales, { required: ["customer", "date", amountRole] }, cols.sales);
  sales.requireRows();
  chosen.push(...sales.chosen);
  const builder = new MonthlySeriesBuilder(both);
  const orders = new OrderCounter(asOf, s);
  const display = new Map<string, string>();
  // Each spelling is normalised once, not once per row (a million rows, tens of thousands of names).
  const slotOfName = new Map<string, number>();
  const keyOfSlot: string[] = [];
  // The common cells (a known name, a serial date, a finite amount) are read straight from the row;
  // anything else goes to the checked readers, which name the cell when it is wrong.
  const column = (role: ColumnRole): number => sales.chosen.find((c) => c.role === role)?.index ?? -1;
  const ci = column("customer");
  const di = column("date");
  const ai = column(amountRole);
  const data = sales.source.rows;
  for (const i of sales.rows) {
    const row = data[i];
    const cv = row[ci];
    let slot = typeof cv === "string" ? slotOfName.get(cv) : undefined;
    if (slot === undefined) {
      const name = sales.text(i, "customer");
      const key = normalize(name);
      if (!display.has(key)) display.set(key, name);
      slot = builder.slotOf(key);
      keyOfSlot[slot] = key;
      slotOfName.set(name, slot);
      if (typeof cv === "string") slotOfName.set(cv, slot);
    }
    const dv = row[di];
    const date = typeof dv === "number" && dv >= 1 && dv < MAX_SERIAL + 1 ? Math.floor(dv) : sales.date(i, "date");
    const av = row[ai];
    const amount = typeof av === "number" && av - av === 0 ? av : sales.number(i, amountRole);
    builder.addAt(slot, date, amount);
    orders.add(keyOfSlot[slot], date, amount);
  }
  const series = new Map<string, CustomerMonths>();
  for (const c of builder.build()) series.set(c.customer, c);
  const current = (c: CustomerMonths): CustomerMonths => {
    const amounts = c.amounts.subarray(months);
    let total = 0;
    for (let k = 0; k < amounts.length; k++) total += amounts[k];
    return { customer: c.customer, amounts, firstSaleMonth: c.firstSaleMonth, total };
  };
  const previousTotal = (c: CustomerMonths): number => {
    let total = 0;
    for (let k = 0; k < months; k++) total += c.amounts[k];
    return total;
  };

  // ABC and the rank share over the customers with sales in the window.
  const inWindow = new Map<string, CustomerMonths>();
  for (const c of series.values()) {
    const cur = current(c);
    if (cur.total > 0) inWindow.set(c.customer, cur);
  }
  const active = [...inWindow.values()];
  const abc = abcClassify(
    active.map((c) => c.customer),
    active.map((c) => c.total),
    s.abc,
  );
  const classOf = new Map(abc.rows.map((r) => [r.customer, r.class]));
  const shares = revenueRankShares(active.map((c) => c.total));
  const rankShare = new Map(active.map((c, k) => [c.customer, shares[k]]));
  const xyzOf = new Map<string, XyzOutcome>();
  for (const c of active) xyzOf.set(c.customer, xyzOfSeries(c, window, s));
  // Grid cells in order A-X, A-Y, A-Z, A-none, B-X, …, C-none.
  const gridCounts = new Float64Array(12);
  const gridAmounts = new Float64Array(12);
  for (const c of active) {
    const a = { A: 0, B: 1, C: 2 }[classOf.get(c.customer) ?? "C"];
    const o = xyzOf.get(c.customer);
    const x = o?.kind === "class" ? { X: 0, Y: 1, Z: 2 }[o.class] : 3;
    gridCounts[a * 4 + x]++;
    gridAmounts[a * 4 + x] += c.total;
  }
  const grid: GridCell[] = [];
  (["A", "B", "C"] as AbcClass[]).forEach((a, i) =>
    [...XYZ_CLASSES, null].forEach((x, j) => grid.push({ abc: a, xyz: x, customers: gridCounts[i * 4 + j], amount: gridAmounts[i * 4 + j] })),
  );

  // ── Accounts.
  let accountsIn: AccountIn[];
  if (sources.accounts) {
    const r = readAccounts(sources.accounts, cols.accounts ?? {}, s, warnings);
    accountsIn = r.list;
    chosen.push(...r.table.chosen);
  } else {
    accountsIn = active
      .slice()
      .sort((p, q) => q.total - p.total)
      .map((c) => ({ customer: display.get(c.customer) ?? c.customer, key: c.customer, signed: null, redListSince: null, score: null, tier: null, creditScoreParts: null }));
  }
  const accountKeys = new Set(accountsIn.map((a) => a.key));

  // ── Activity logs.
  const visits: VisitRecord[] = [];
  if (sources.visits) {
    const t = openTable(sources.visits, { required: ["customer", "visitDate"], optional: ["visitType"] }, cols.visits);
    chosen.push(...t.chosen);
    if (!t.has("visitType")) {
      warnings.push({
        en: `Sheet '${sources.visits.sheet}' has no visit-type column: every visit counts as an account manager visit`,
        zh: `工作表“${sources.visits.sheet}”没有拜访类型列：所有拜访均按客户经理拜访计`,
      });
    }
    const unknown = new Map<string, number>();
    for (const i of t.rows) {
      const name = t.text(i, "customer");
      const key = normalize(name);
      const date = t.date(i, "visitDate");
      const type = t.has("visitType") ? t.check(i, "visitType", parseVisitType(t.value(i, "visitType"))) : "accountManager";
      if (!accountKeys.has(key)) {
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
        continue;
      }
      visits.push({ customer: key, date, type });
    }
    const w = unknownRows(sources.visits, unknown, { en: "visits", zh: "拜访记录" });
    if (w) warnings.push(w);
  }
  const payments: PaymentRecord[] = [];
  if (sources.payments) {
    const t = openTable(sources.payments, { required: ["customer", "dueDate"], optional: ["paidDate", "amount"] }, cols.payments);
    chosen.push(...t.chosen);
    for (const i of t.rows) {
      const customer = normalize(t.text(i, "customer"));
      payments.push({ customer, due: t.date(i, "dueDate"), paid: t.optDate(i, "paidDate"), amount: t.optNumber(i, "amount"), ref: `${sources.payments.sheet}!${t.sheetRow(i)}` });
    }
  }
  const contacts: ContactRecord[] = [];
  if (sources.contacts) {
    const t = openTable(sources.contacts, { required: ["customer", "person", "contactSince"] }, cols.contacts);
    chosen.push(...t.chosen);
    for (const i of t.rows) contacts.push({ customer: normalize(t.text(i, "customer")), person: t.text(i, "person"), since: t.date(i, "contactSince") });
  }
  const people: PersonRecord[] = [];
  if (sources.people) {
    const t = openTable(sources.people, { required: ["customer", "person"], optional: ["birthday"] }, cols.people);
    chosen.push(...t.chosen);
    if (t.has("birthday")) {
      for (const i of t.rows) {
        // Stakeholder lists often lack some birthdays: a blank one is no care task, not an error.
        const birthday = t.optDate(i, "birthday");
        if (birthday !== null) people.push({ customer: normalize(t.text(i, "customer")), person: t.text(i, "person"), birthday });
      }
    }
  }

  // ── Per account: classes, credit, cadence, alerts.
  type Classes = Omit<PortfolioAccount, "sheetRow" | "alerts" | "urgency" | "contacts" | "next">;
  interface Draft {
    key: string;
    account: Classes;
    onRedList: boolean;
    redListSince: number | null;
  }
  const drafts: Draft[] = accountsIn.map((a): Draft => {
    const c = series.get(a.key);
    const cur = inWindow.get(a.key);
    const amount = cur?.total ?? (c ? current(c).total : 0);
    const previousAmount = c ? previousTotal(c) : 0;
    const growth = previousAmount > 0 ? amount / previousAmount - 1 : null;
    const sold = cur !== undefined;
    let grade: CreditGrade | null = null;
    if (a.creditScoreParts) {
      const p = a.creditScoreParts;
      const volume = p.volume ?? volumePoints((Math.max(0, amount) * 12) / months, s);
      const cs = creditScore(volume, p.performance, p.risk);
      if (cs.ok) grade = creditGrade(cs.value, s);
    }
    const share = rankShare.get(a.key);
    const account: Classes = {
      customer: a.customer,
      abc: sold ? (classOf.get(a.key) ?? null) : null,
      xyz: sold ? (xyzOf.get(a.key) ?? null) : null,
      amount,
      previousAmount,
      growth,
      segment: share === undefined ? null : quadrant(share, growth ?? Number.POSITIVE_INFINITY, s),
      spending: spendingTier((Math.max(0, amount) * 12) / months, s),
      score: a.score,
      tier: a.tier,
      creditGrade: grade,
      stage: a.signed !== null ? lifeStage(a.signed, asOf, s) : null,
      signed: a.signed,
    };
    // Without a credit grade, a red-list date is taken to mean the account is on the red list.
    const onRedList = grade !== null ? creditList(grade) === "red" : a.redListSince !== null;
    return { key: a.key, account, onRedList, redListSince: a.redListSince };
  });

  // Without a visits table there is no contact history to judge: "no contact on record" for every
  // account would drown the real alerts [chosen, issue 8].
  const tracked = sources.visits !== undefined;
  if (!tracked) {
    warnings.push({
      en: "No visits table: next contacts, the no-follow-up alert and the hand-over check are left out",
      zh: "没有拜访记录表：未计算下次联系、未跟进预警和交接检查",
    });
  }
  const dues = tracked
    ? contactsDue(
        drafts.map((d) => ({ customer: d.key, signed: d.account.signed })),
        visits,
        asOf,
        s,
      )
    : [];
  const alerts = allAlerts(
    {
      asOf,
      accounts: drafts.map((d) => ({ customer: d.key, signed: d.account.signed, onRedList: d.onRedList, redListSince: d.redListSince })),
      ...(tracked ? { visits } : {}),
      payments,
      orders: orders.counts(),
      contacts,
      people,
    },
    s,
  );
  const nameOf = new Map(drafts.map((d) => [d.key, d.account.customer]));
  // Domain results are keyed by the normalised name; reports show the accounts' own spelling.
  const shown = <T extends { customer: string }>(x: T): T => ({ ...x, customer: nameOf.get(x.customer) ?? x.customer });
  const alertsShown = alerts.map(shown);
  const duesShown = dues.map(shown);
  const byAccount = <T extends { customer: string }>(xs: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const l = m.get(x.customer) ?? [];
      l.push(x);
      m.set(x.customer, l);
    }
    return m;
  };
  const alertsBy = byAccount(alertsShown);
  const duesBy = byAccount(duesShown);

  const abcRank = (c: AbcClass | null): number => (c === null ? 3 : { A: 0, B: 1, C: 2 }[c]);
  const ranked = drafts
    .map(({ account: d }) => {
      const own = alertsBy.get(d.customer) ?? [];
      const contacts = duesBy.get(d.customer) ?? [];
      const next = mostUrgent(contacts);
      return { d, own, contacts, next, urgency: riskWeight(own) };
    })
    .sort((p, q) => {
      if (q.urgency !== p.urgency) return q.urgency - p.urgency;
      const od = (q.next?.overdueDays ?? 0) - (p.next?.overdueDays ?? 0);
      if (od !== 0) return od;
      const care = q.own.length - p.own.length;
      if (care !== 0) return care;
      const ab = abcRank(p.d.abc) - abcRank(q.d.abc);
      if (ab !== 0) return ab;
      if (q.d.amount !== p.d.amount) return q.d.amount - p.d.amount;
      return p.d.customer < q.d.customer ? -1 : p.d.customer > q.d.customer ? 1 : 0;
    });
  const top = PORTFOLIO_TABLE_ROW;
  // One literal per row, no spread: with a million source rows alive, every extra object costs GC time.
  const rows: PortfolioAccount[] = ranked.map(({ d, own, contacts, next, urgency }, k) => ({
    customer: d.customer,
    abc: d.abc,
    xyz: d.xyz,
    amount: d.amount,
    previousAmount: d.previousAmount,
    growth: d.growth,
    segment: d.segment,
    spending: d.spending,
    score: d.score,
    tier: d.tier,
    creditGrade: d.creditGrade,
    stage: d.stage,
    signed: d.signed,
    contacts,
    next,
    alerts: own,
    urgency,
    sheetRow: top + 1 + k,
  }));
  const rowOf = new Map(rows.map((r) => [r.customer, r.sheetRow]));

  const dueList = duesShown.filter((x) => x.daysLeft <= s.alerts.dueWithinDays).sort((p, q) => p.due - q.due || (p.customer < q.customer ? -1 : p.customer > q.customer ? 1 : 0));
  const thisWeek: ThisWeekItem[] = [
    ...alertsShown.filter((a) => a.kind === "risk").map((a) => ({ kind: "risk" as const, rule: a.rule, customer: a.customer, date: a.date, text: a.text, sheetRow: rowOf.get(a.customer) ?? null })),
    ...dueList.map((x) => ({
      kind: "due" as const,
      rule: "contactDue" as const,
      customer: x.customer,
      date: x.due,
      text: dueText(x),
      sheetRow: rowOf.get(x.customer) ?? null,
    })),
    ...alertsShown.filter((a) => a.kind === "care").map((a) => ({ kind: "care" as const, rule: a.rule, customer: a.customer, date: a.date, text: a.text, sheetRow: rowOf.get(a.customer) ?? null })),
  ];

  // ── Sheet.
  const sheet = new SheetBuilder(PORTFOLIO_SHEET_KEY, tr(T.sheet, lang), COLORS.tab);
  const risks = alertsShown.filter((a) => a.kind === "risk").length;
  const care = alertsShown.length - risks;
  sheet.title(0, 0, tr(T.title, lang));
  sheet.note(1, 0, note(asOf, window, rows.length, active.length, risks, dueList.length, care, s, lang));

  const amountLabel = tr(basis === "sales" ? T.sales : T.profit, lang);
  const header: string[] = [
    tr(T.account, lang),
    tr(T.risks, lang),
    tr(T.alerts, lang),
    tr(T.next, lang),
    tr(T.due, lang),
    tr(T.overdue, lang),
    tr(T.abc, lang),
    tr(T.xyz, lang),
    tr(T.abcXyz, lang),
    tr(T.cv, lang),
    amountLabel,
    tr(T.growth, lang),
    tr(T.segment, lang),
    tr(T.spending, lang),
    tr(T.tier, lang),
    tr(T.credit, lang),
    tr(T.stage, lang),
  ];
  const C = {
    risks: 1,
    alerts: 2,
    due: 4,
    overdue: 5,
    abc: 6,
    xyz: 7,
    abcXyz: 8,
    cv: 9,
    amount: 10,
    growth: 11,
    tier: 14,
    credit: 15,
  };
  const body: CellValue[][] = rows.map((r) => {
    const riskAlerts = r.alerts.filter((a) => a.kind === "risk");
    const abcText = r.abc === null ? tr(T.noSales, lang) : tr(ABC_CLASS_LABELS[r.abc], lang);
    const xyzText = r.xyz === null ? null : r.xyz.kind === "class" ? tr(XYZ_CLASS_LABELS[r.xyz.class], lang) : tr(T.noHistory, lang);
    return [
      r.customer,
      riskAlerts.length,
      r.alerts.length > 0 ? r.alerts.map((a) => a.text[lang]).join(lang === "en" ? "; " : "；") : null,
      r.next ? tr(VISIT_TYPE_LABELS[r.next.type], lang) : null,
      r.next ? r.next.due : null,
      r.next ? r.next.overdueDays : null,
      abcText,
      xyzText,
      r.abc !== null && r.xyz?.kind === "class" ? `${r.abc}${r.xyz.class}` : null,
      r.xyz?.kind === "class" ? r.xyz.cv : null,
      r.amount,
      r.growth === null ? (r.amount > 0 ? tr(T.newCustomer, lang) : null) : r.growth,
      r.segment === null ? null : tr(QUADRANT_LABELS[r.segment], lang),
      tr(SPENDING_TIER_LABELS[r.spending], lang),
      r.tier === null ? null : tr(SCORE_TIER_LABELS[r.tier], lang),
      r.creditGrade === null ? null : tr(CREDIT_GRADE_LABELS[r.creditGrade], lang),
      r.stage === null ? null : tr(STAGE_LABELS[r.stage], lang),
    ];
  });
  const formats: (string | null)[] = header.map(() => null);
  formats[C.risks] = FMT.integer;
  formats[C.due] = FMT.date;
  formats[C.overdue] = FMT.integer;
  formats[C.cv] = FMT.percent;
  formats[C.amount] = FMT.amount;
  formats[C.growth] = FMT.percent;
  const tableRect = sheet.block(top, 0, [header, ...body], formats);
  sheet.table("KamPortfolio", tableRect);
  const n = body.length;
  const colRect = (c: number) => ({ row: top + 1, col: c, rows: n, cols: 1 });
  sheet.conditionalFormat(colRect(C.risks), [{ op: "greaterThanOrEqual", value: 1, fill: COLORS.red.fill, fontColor: COLORS.red.font }]);
  sheet.conditionalFormat(colRect(C.overdue), [{ op: "greaterThanOrEqual", value: 1, fill: COLORS.red.fill, fontColor: COLORS.red.font }]);
  const abcRules = equalRules([
    { value: tr(ABC_CLASS_LABELS.A, lang), tone: "green" },
    { value: tr(ABC_CLASS_LABELS.B, lang), tone: "amber" },
    { value: tr(ABC_CLASS_LABELS.C, lang), tone: "grey" },
  ]);
  sheet.conditionalFormat(colRect(C.abc), abcRules);
  sheet.conditionalFormat(
    colRect(C.xyz),
    equalRules([
      { value: tr(XYZ_CLASS_LABELS.X, lang), tone: "green" },
      { value: tr(XYZ_CLASS_LABELS.Y, lang), tone: "amber" },
      { value: tr(XYZ_CLASS_LABELS.Z, lang), tone: "red" },
    ]),
  );
  sheet.conditionalFormat(
    colRect(C.credit),
    equalRules([
      { value: tr(CREDIT_GRADE_LABELS.AAA, lang), tone: "green" },
      { value: tr(CREDIT_GRADE_LABELS.AA, lang), tone: "amber" },
      { value: tr(CREDIT_GRADE_LABELS.A, lang), tone: "red" },
    ]),
  );
  sheet.conditionalFormat(colRect(C.abcXyz), equalRules(Object.entries(GRID_TONE).map(([value, tone]) => ({ value, tone }))));

  header.forEach((h, j) => {
    if (j === 0) sheet.width(0, fitWidth([h, ...body.slice(0, 2000).map((r) => r[0])], 14, 40));
    else if (j === C.alerts) sheet.width(j, 60);
    else sheet.width(j, Math.min(fitWidth([h, ...body.slice(0, 200).map((r) => (typeof r[j] === "string" ? r[j] : null))], 9), 24));
  });
  if (n > 0) sheet.format({ row: top + 1, col: C.alerts, rows: n, cols: 1 }, { wrap: true });
  sheet.freeze(top + 1, 1);

  // Nine-box grid: customers, then amounts.
  const gc = header.length + 1;
  const gridHeader: CellValue[] = [null, "X", "Y", "Z", tr(T.noHistory, lang), tr(T.total, lang)];
  const gridBlock = (row: number, title: Msg, pickValue: (g: GridCell) => number, format: string): number => {
    sheet.heading(row, gc, tr(title, lang));
    const values: CellValue[][] = [gridHeader];
    const colTotals = [0, 0, 0, 0, 0];
    for (const a of ["A", "B", "C"] as AbcClass[]) {
      const line = grid.filter((g) => g.abc === a).map(pickValue);
      const total = line.reduce((x, y) => x + y, 0);
      line.forEach((v, k) => (colTotals[k] += v));
      colTotals[4] += total;
      values.push([a, ...line, total]);
    }
    values.push([tr(T.total, lang), ...colTotals]);
    const rect = sheet.block(row + 1, gc, values, [null, format, format, format, format, format]);
    sheet.headerStyle(rect);
    sheet.format({ row: row + 2, col: gc, rows: 4, cols: 6 }, { border: true });
    sheet.format({ row: row + 5, col: gc, rows: 1, cols: 6 }, { bold: true });
    (["A", "B", "C"] as AbcClass[]).forEach((a, i) =>
      XYZ_CLASSES.forEach((x, j) => {
        const tone = COLORS[GRID_TONE[`${a}${x}`]];
        sheet.format({ row: row + 2 + i, col: gc + 1 + j, rows: 1, cols: 1 }, { fill: tone.fill, fontColor: tone.font });
      }),
    );
    return row + 1 + values.length;
  };
  let r = gridBlock(top - 1, T.gridTitle, (g) => g.customers, FMT.integer);
  r = gridBlock(r + 1, T.gridAmountTitle, (g) => g.amount, FMT.amount);
  sheet.width(gc, 8);
  for (let k = 1; k <= 5; k++) sheet.width(gc + k, k === 4 ? 14 : 12);

  // This week.
  const wr = r + 1;
  sheet.heading(wr, gc, tr(T.weekTitle, lang));
  if (thisWeek.length === 0) sheet.note(wr + 1, gc, tr(T.nothing, lang));
  else {
    const weekHeader = [tr(T.when, lang), tr(T.account, lang), tr(T.kind, lang), tr(T.what, lang), tr(T.detail, lang)];
    const kindLabel = (k: ThisWeekKind): string => (k === "due" ? tr(T.contactDue, lang) : tr(ALERT_KIND_LABELS[k], lang));
    const weekBody: CellValue[][] = thisWeek.map((w) => [
      w.date,
      w.customer,
      kindLabel(w.kind),
      w.rule === "contactDue" ? tr(T.contactDue, lang) : tr(ALERT_RULE_LABELS[w.rule], lang),
      w.text[lang],
    ]);
    const weekRect = sheet.block(wr + 1, gc, [weekHeader, ...weekBody], [FMT.date, null, null, null, null]);
    sheet.table("KamThisWeek", weekRect, "TableStyleLight9");
    sheet.conditionalFormat(
      { row: wr + 2, col: gc + 2, rows: weekBody.length, cols: 1 },
      equalRules([
        { value: kindLabel("risk"), tone: "red" },
        { value: kindLabel("due"), tone: "amber" },
        { value: kindLabel("care"), tone: "green" },
      ]),
    );
    sheet.width(gc + 1, Math.max(14, fitWidth(weekBody.slice(0, 500).map((x) => x[1]), 14, 36)));
    sheet.width(gc + 4, 70);
  }

  const plan: ReportPlan = {
    report: PORTFOLIO_SHEET_KEY,
    sheets: [sheet.build()],
    activate: PORTFOLIO_SHEET_KEY,
    ...(warnings.length > 0 ? { warnings: warnings.map((w) => ({ en: w.en, zh: w.zh })) } : {}),
  };
  const summary: PortfolioSummary = {
    asOf,
    window: { first: monthText(window.first), last: monthText(window.first + window.months - 1), months },
    accounts: rows.length,
    customers: active.length,
    rows,
    grid,
    alerts: [...alertsShown].sort(compareAlerts),
    due: dueList,
    thisWeek,
    tableColumns: header.length,
    warnings,
  };
  return { plan, summary, columns: chosen };
}

/** "Account manager visit due 2026-11-02 (in 2 days)" / "… 3 days overdue". */
function dueText(x: ContactDue): Msg {
  const t = VISIT_TYPE_LABELS[x.type];
  const d = serialToIso(x.due);
  if (x.overdueDays > 0) return { en: `${t.en} overdue since ${d} (${x.overdueDays} days); ${x.text.en}`, zh: `${t.zh}已于 ${d} 到期（逾期 ${x.overdueDays} 天）；${x.text.zh}` };
  if (x.daysLeft === 0) return { en: `${t.en} due today; ${x.text.en}`, zh: `${t.zh}今天到期；${x.text.zh}` };
  return { en: `${t.en} due ${d} (in ${x.daysLeft} days); ${x.text.en}`, zh: `${t.zh} ${d} 到期（${x.daysLeft} 天后）；${x.text.zh}` };
}
