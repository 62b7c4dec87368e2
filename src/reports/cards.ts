/**
 * Account cards (SPEC §6): one sheet per account, filled from a template whose cells hold
 * placeholders such as {{客户名称}} or {{name}} (either language, any of a field's spellings).
 *
 * API
 *   buildCardsReport(
 *     sources: CardSources,
 *     options: CardOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: CardSummary; columns: ChosenColumn[] }
 *   defaultCardTemplate(lang) → SheetPlan (key "card-template"): the default template a host creates
 *       first when the workbook has none; the user may restyle it. Pass it back as `sources.template`
 *       (with the sheet's actual name) on later runs.
 *   CARD_FIELDS: the placeholder fields and their spellings (for help texts).
 *
 *   CardSources  { accounts: SourceTable        one row per account: customer + overview fields, and
 *                                                optionally the score, credit and internal-profile columns
 *                  template?: CardTemplate       { sheet, values } 2-D values of the template sheet;
 *                                                default: defaultCardTemplate(settings.language)
 *                  visits?, complaints?, transactions?: SourceTable }
 *   CardOptions  { accounts?: string[]          (default: every account of the table)
 *                  period?: "month" | "quarter" | "year"   (sales by period, default "month")
 *                  asOf?: number | string       (card date, default today)
 *                  columns?: { accounts?, visits?, complaints?, transactions?: ColumnOverrides } }
 *   CardSummary  { template: "user" | "default", cards: { customer, key, sheet, abcClass, tier,
 *                  creditGrade, internalClass, visits, complaints, periods }[],
 *                  unknownPlaceholders: string[], parts: { score, credit, profile, abc, sales } }
 *
 * Column roles — accounts: customer (required); address phone legalRep founded staff structure bank
 * creditLimit paymentTerms owner signed scope; the six criteria (score); volume or annualSales +
 * performance + risk (credit); int_* (internal profile); amount (ABC when there are no transactions).
 * visits: customer visitDate [place receivedBy discussed progress nextVisit visitType].
 * complaints: customer complaintDate complaint [unfolded resolution].
 * transactions: customer amount [date profit].
 * A part (score, credit, internal profile) appears when all of its columns are present; a part
 * with some but not all columns is reported as a warning. Unknown placeholders stay in the cell
 * as typed and are reported as a warning.
 */
import { ABC_CLASS_LABELS, abcClassify, validateThresholds, type AbcClass } from "../domain/abc";
import { COLUMN_ALIASES, COLUMN_ROLES, detectColumns, resolveColumn, type ColumnRole } from "../domain/columns";
import { CREDIT_GRADE_LABELS, CREDIT_LIST_LABELS, creditGrade, creditList, creditScore, volumePoints, type CreditGrade } from "../domain/credit";
import { parseDate, serialToIso, serialToYmd, todaySerial } from "../domain/dates";
import type { Lang, Msg } from "../domain/errors";
import { labelIndex, normalize, parseLabel, type ParseableLabel } from "../domain/labels";
import { INTERNAL_CLASS_LABELS, INTERNAL_DIMENSIONS, PROFILE_DIMENSION_LABELS, classifyInternal, type InternalClass } from "../domain/profile";
import { readProfileScores } from "./profile";
import { CRITERIA, SCOPE_LABELS, SCORE_TIER_LABELS, parseScope, scoreRow, scoreTier, type ScoreTier } from "../domain/score";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { inputError, openTable, selectByName, type ChosenColumn, type ColumnOverrides } from "./inputs";
import { COLORS, FMT, SheetBuilder, fitWidth, radarChart, radarData, safeSheetName, tr } from "./layout";
import type { CellValue, Rect, ReportPlan, SheetPlan } from "./plan";
import type { SourceTable } from "./source";

export interface CardTemplate {
  /** The template's worksheet name (formats and column widths are copied from it). */
  readonly sheet: string;
  readonly values: readonly (readonly unknown[])[];
}

export interface CardSources {
  readonly accounts: SourceTable;
  readonly template?: CardTemplate;
  readonly visits?: SourceTable;
  readonly complaints?: SourceTable;
  readonly transactions?: SourceTable;
  /**
   * The internal profile (SPEC §4b) as its own table (customer + the six int_* scores). When given,
   * it is used instead of profile columns on the accounts table: an accounts table that also holds
   * the six §1 criteria cannot carry a second "利润贡献 / Profit contribution" column unambiguously.
   */
  readonly profiles?: SourceTable;
}

export type CardPeriod = "month" | "quarter" | "year";

export interface CardOptions {
  readonly accounts?: readonly string[];
  readonly period?: CardPeriod;
  readonly asOf?: number | string;
  readonly columns?: {
    readonly accounts?: ColumnOverrides;
    readonly visits?: ColumnOverrides;
    readonly complaints?: ColumnOverrides;
    readonly transactions?: ColumnOverrides;
    readonly profiles?: ColumnOverrides;
  };
}

export interface CardInfo {
  readonly customer: string;
  readonly key: string;
  readonly sheet: string;
  readonly abcClass: AbcClass | null;
  readonly score: number | null;
  readonly tier: ScoreTier | null;
  readonly creditGrade: CreditGrade | null;
  readonly internalClass: InternalClass | null;
  readonly visits: number;
  readonly complaints: number;
  readonly periods: number;
}

export interface CardSummary {
  readonly template: "user" | "default";
  readonly cards: readonly CardInfo[];
  readonly unknownPlaceholders: readonly string[];
  /** Which parts the inputs allowed. */
  readonly parts: { readonly score: boolean; readonly credit: boolean; readonly profile: boolean; readonly abc: boolean; readonly sales: boolean };
}

/** The fields a template can name in a placeholder. */
export const CARD_FIELDS = {
  name: { en: "Customer name", zh: "客户名称", aliases: ["customer", "客户", "company", "企业名称", "公司名称"] },
  address: { en: "Address", zh: "地址", aliases: ["企业地址", "公司地址"] },
  phone: { en: "Phone", zh: "电话", aliases: ["telephone", "电话号码", "联系电话"] },
  legalRep: { en: "Legal representative", zh: "法人代表", aliases: ["legal rep", "法定代表人"] },
  founded: { en: "Founded", zh: "成立日期", aliases: ["founding date", "成立年月", "成立时间"] },
  staff: { en: "Staff", zh: "员工人数", aliases: ["employees", "工作人员", "人数"] },
  structure: { en: "Management structure", zh: "管理结构", aliases: ["管理人员结构"] },
  bank: { en: "Bank", zh: "开户银行", aliases: ["开户行"] },
  creditLimit: { en: "Credit limit", zh: "信用额度" },
  paymentTerms: { en: "Payment terms", zh: "付款条件", aliases: ["支付条件"] },
  owner: { en: "Account owner", zh: "负责人", aliases: ["owner", "大客户代表", "客户经理"] },
  signed: { en: "Contract signed", zh: "签约日期", aliases: ["signed", "contract date", "合同日期"] },
  scope: { en: "Scope", zh: "大客户级别", aliases: ["级别"] },
  abcClass: { en: "ABC class", zh: "ABC 分类", aliases: ["abc", "ABC分类", "ABC 类别"] },
  score: { en: "Key-account score", zh: "大客户评分", aliases: ["score", "评分", "总分"] },
  tier: { en: "Tier", zh: "客户等级", aliases: ["score tier", "等级", "评分等级"] },
  creditScore: { en: "Credit score", zh: "信用得分", aliases: ["信用分"] },
  creditGrade: { en: "Credit grade", zh: "信用等级" },
  creditList: { en: "Credit list", zh: "信用名单", aliases: ["list", "名单"] },
  internalClass: { en: "Internal profile", zh: "内部画像分类", aliases: ["internal class", "内部画像"] },
  sales: { en: "Sales", zh: "销售额", aliases: ["sales total", "销售合计", "年销售额"] },
  today: { en: "Card date", zh: "制卡日期", aliases: ["date", "as of", "日期"] },
} as const satisfies Record<string, ParseableLabel>;

export type CardField = keyof typeof CARD_FIELDS;
const FIELD_INDEX = labelIndex<CardField>(CARD_FIELDS);

/** Overview fields read straight from the accounts table, with their column roles. */
const OVERVIEW: readonly { field: CardField; role: ColumnRole; kind: "text" | "date" | "number" }[] = [
  { field: "address", role: "address", kind: "text" },
  { field: "phone", role: "phone", kind: "text" },
  { field: "legalRep", role: "legalRep", kind: "text" },
  { field: "founded", role: "founded", kind: "date" },
  { field: "staff", role: "staff", kind: "text" },
  { field: "structure", role: "structure", kind: "text" },
  { field: "bank", role: "bank", kind: "text" },
  { field: "creditLimit", role: "creditLimit", kind: "number" },
  { field: "paymentTerms", role: "paymentTerms", kind: "text" },
  { field: "owner", role: "owner", kind: "text" },
  { field: "signed", role: "signed", kind: "date" },
];

const FIELD_FORMATS: Partial<Record<CardField, string>> = {
  founded: FMT.date,
  signed: FMT.date,
  today: FMT.date,
  creditLimit: FMT.amount,
  sales: FMT.amount,
};

const T = {
  templateSheet: { en: "Card template", zh: "档案卡模板" },
  cardPrefix: { en: "Card", zh: "档案" },
  cardTitle: { en: "Key-account card", zh: "大客户档案卡" },
  overview: { en: "Company overview", zh: "企业概况" },
  creditAndClass: { en: "Credit and classification", zh: "信用与分类" },
  upkeep: {
    en: "Card upkeep: check the card weekly and before every visit; analyse it monthly or quarterly; check overdue receivables.",
    zh: "档案卡管理：每周至少检查一次，拜访前查阅；每月或每季度分析；检查逾期应收款。",
  },
  salesByPeriod: { en: "Sales by period", zh: "各期销售额" },
  period: { en: "Period", zh: "期间" },
  salesCol: { en: "Sales", zh: "销售额" },
  profitCol: { en: "Profit", zh: "利润" },
  visits: { en: "Visit history", zh: "访问履历" },
  complaints: { en: "Complaints", zh: "抱怨管理" },
  noVisits: { en: "No visits recorded.", zh: "暂无拜访记录。" },
  noComplaints: { en: "No complaints recorded.", zh: "暂无抱怨记录。" },
  date: { en: "Date", zh: "日期" },
  place: { en: "Place", zh: "地点" },
  receivedBy: { en: "Received by", zh: "接待人" },
  discussed: { en: "Discussed", zh: "会谈内容" },
  progress: { en: "Progress", zh: "进展状况" },
  nextVisit: { en: "Next visit", zh: "下次拜访" },
  visitType: { en: "Visit type", zh: "拜访类型" },
  complaint: { en: "Complaint", zh: "抱怨内容" },
  unfolded: { en: "How it unfolded", zh: "经过" },
  resolution: { en: "Resolution", zh: "处理结果" },
  dimension: { en: "Dimension", zh: "维度" },
  radarTitle: { en: "Internal profile", zh: "内部画像" },
  keyLine: { en: "Key-account line", zh: "大客户线" },
  importantLine: { en: "Important line", zh: "重点客户线" },
  generalLine: { en: "General line", zh: "一般客户线" },
} as const;

// ───────────────────────────── default template ─────────────────────────────

const TEMPLATE_COLS = 4;

/** The placeholder text of a field in the template's language. */
function ph(field: CardField, lang: Lang): string {
  return `{{${lang === "en" ? field : CARD_FIELDS[field].zh}}}`;
}

function templateValues(lang: Lang): CellValue[][] {
  const l = (f: CardField): string => tr(CARD_FIELDS[f], lang);
  const pair = (a: CardField, b: CardField): CellValue[] => [l(a), ph(a, lang), l(b), ph(b, lang)];
  return [
    [tr(T.cardTitle, lang), null, null, null],
    pair("name", "today"),
    [tr(T.overview, lang), null, null, null],
    pair("address", "phone"),
    pair("legalRep", "founded"),
    pair("staff", "structure"),
    pair("bank", "owner"),
    pair("signed", "scope"),
    [tr(T.creditAndClass, lang), null, null, null],
    pair("creditLimit", "paymentTerms"),
    pair("creditScore", "creditGrade"),
    pair("creditList", "abcClass"),
    pair("score", "tier"),
    pair("internalClass", "sales"),
    [tr(T.upkeep, lang), null, null, null],
  ];
}

/**
 * The default card template: 2-D values with placeholders and the styling a user may change.
 * A host creates it as a sheet (key "card-template") when the workbook has no template yet.
 */
export function defaultCardTemplate(lang: Lang): SheetPlan {
  const sheet = new SheetBuilder("card-template", tr(T.templateSheet, lang), "#7F7F7F");
  const values = templateValues(lang);
  sheet.block(0, 0, values);
  const full = (row: number): Rect => ({ row, col: 0, rows: 1, cols: TEMPLATE_COLS });
  sheet.merge(full(0));
  sheet.format(full(0), { bold: true, fontSize: 16, fontColor: COLORS.title });
  for (const row of [2, 8]) {
    sheet.merge(full(row));
    sheet.format(full(row), { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont });
  }
  const last = values.length - 1;
  sheet.merge(full(last));
  sheet.format(full(last), { italic: true, fontColor: COLORS.note, wrap: true });
  for (const row of [1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13]) {
    sheet.format({ row, col: 0, rows: 1, cols: TEMPLATE_COLS }, { border: true });
    sheet.format({ row, col: 0, rows: 1, cols: 1 }, { bold: true, fill: "#DDEBF7" });
    sheet.format({ row, col: 2, rows: 1, cols: 1 }, { bold: true, fill: "#DDEBF7" });
  }
  for (const [row, col] of [
    [1, 3],
    [4, 3],
    [7, 1],
  ] as const)
    sheet.format({ row, col, rows: 1, cols: 1 }, { numberFormat: FMT.date, hAlign: "left" });
  sheet.format({ row: 9, col: 1, rows: 1, cols: 1 }, { numberFormat: FMT.amount, hAlign: "left" });
  sheet.format({ row: 13, col: 3, rows: 1, cols: 1 }, { numberFormat: FMT.amount, hAlign: "left" });
  [22, 30, 22, 30].forEach((w, c) => sheet.width(c, w));
  return sheet.build();
}

// ───────────────────────────── placeholders ─────────────────────────────

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\s*\{\{\s*([^{}]*?)\s*\}\}\s*$/;

type FieldValues = Partial<Record<CardField, CellValue>>;

function displayText(v: CellValue, field: CardField | undefined): string {
  if (v === null) return "";
  if (typeof v === "number") {
    if (field && FIELD_FORMATS[field] === FMT.date) return serialToIso(v);
    if (field && FIELD_FORMATS[field] === FMT.amount) return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return String(Number(v.toPrecision(12)));
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** Fill one template cell. Returns the value and, for a cell that is exactly one placeholder, its field. */
function fillCell(v: unknown, fields: FieldValues, unknown: Set<string>): { value: CellValue; field?: CardField } {
  if (v === null || v === undefined || v === "") return { value: null };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (typeof v !== "string") return { value: String(v) };
  const whole = WHOLE_PLACEHOLDER.exec(v);
  if (whole) {
    const field = parseLabel(whole[1], FIELD_INDEX);
    if (field === undefined) {
      unknown.add(whole[1]);
      return { value: v };
    }
    return { value: fields[field] ?? null, field };
  }
  if (!v.includes("{{")) return { value: v };
  const text = v.replace(PLACEHOLDER, (m, name: string) => {
    const field = parseLabel(name, FIELD_INDEX);
    if (field === undefined) {
      unknown.add(name);
      return m;
    }
    return displayText(fields[field] ?? null, field);
  });
  return { value: text };
}

// ───────────────────────────── inputs ─────────────────────────────

const SCORE_ROLES = CRITERIA as readonly ColumnRole[];
const CREDIT_ROLES: readonly ColumnRole[] = ["performance", "risk"];
const PROFILE_ROLES = INTERNAL_DIMENSIONS.map((d) => `int_${d}` as ColumnRole);
const VISIT_ROLES: readonly ColumnRole[] = ["place", "receivedBy", "discussed", "progress", "nextVisit", "visitType"];
const COMPLAINT_ROLES: readonly ColumnRole[] = ["unfolded", "resolution"];

function periodOf(serial: number, period: CardPeriod, lang: Lang): { key: string; label: string } {
  const { y, m } = serialToYmd(serial);
  if (period === "year") return { key: `${y}`, label: `${y}` };
  if (period === "quarter") {
    const q = Math.floor((m - 1) / 3) + 1;
    return { key: `${y}-Q${q}`, label: lang === "en" ? `${y} Q${q}` : `${y}年第${q}季度` };
  }
  const mm = String(m).padStart(2, "0");
  return { key: `${y}-${mm}`, label: `${y}-${mm}` };
}

/** A dated row of a visit or complaint log. */
interface Entry {
  date: number;
  cells: CellValue[];
}

export function buildCardsReport(
  sources: CardSources,
  options: CardOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: CardSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const period: CardPeriod = options.period ?? "month";
  if (period !== "month" && period !== "quarter" && period !== "year") {
    throw inputError("bad_option_period", `The period must be "month", "quarter" or "year", got "${String(period)}"`, `期间必须是“month”（月）、“quarter”（季度）或“year”（年），而不是“${String(period)}”`);
  }
  let asOf: number;
  if (options.asOf === undefined || options.asOf === "") asOf = todaySerial();
  else {
    const d = parseDate(options.asOf);
    if (!d.ok) throw inputError(d.error.code, `Card date: ${d.error.msg.en}`, `制卡日期：${d.error.msg.zh}`);
    asOf = d.value;
  }
  const cols = options.columns ?? {};
  const warnings: Msg[] = [];

  // Accounts. Each optional part is looked for on its own first, and only a part whose columns are
  // all there competes for columns: a lone "Profit contribution" column must not be taken by the
  // score when it belongs to a complete internal profile, or the other way round.
  const overrides = cols.accounts ?? {};
  interface PartStatus {
    complete: boolean;
    missing: ColumnRole[];
    /** Columns the part would use. */
    columns: number[];
  }
  const part = (roles: readonly ColumnRole[]): PartStatus => {
    const detect = roles.filter((r) => !overrides[r]);
    const { found } = detectColumns(sources.accounts.header, detect);
    const at = (r: ColumnRole): number | undefined => (overrides[r] ? resolveColumn(sources.accounts.header, overrides[r] as string) : found[r]);
    const missing = roles.filter((r) => at(r) === undefined);
    const columns = roles.map(at).filter((c): c is number => c !== undefined);
    return { complete: missing.length === 0, missing, columns };
  };
  const scorePart = part(SCORE_ROLES);
  const volumeRole: ColumnRole = part(["volume"]).complete || !part(["annualSales"]).complete ? "volume" : "annualSales";
  const creditPart = part([volumeRole, ...CREDIT_ROLES]);
  // With a separate profile table the accounts table's own profile columns are not looked for.
  const profilePart: PartStatus = sources.profiles ? { complete: false, missing: [], columns: [] } : part(PROFILE_ROLES);
  const accounts = openTable(
    sources.accounts,
    {
      required: ["customer"],
      optional: [
        ...OVERVIEW.map((o) => o.role),
        "scope",
        ...(scorePart.complete ? SCORE_ROLES : []),
        ...(creditPart.complete ? [volumeRole, ...CREDIT_ROLES] : []),
        ...(profilePart.complete ? PROFILE_ROLES : []),
        ...(volumeRole === "annualSales" && creditPart.complete ? [] : (["annualSales"] as ColumnRole[])),
        "amount",
      ],
    },
    overrides,
  );
  accounts.requireRows();
  // A header that names another role exactly ("Sales volume" is the profile's sales score) only
  // contains the word "Sales": it is not an amount to classify.
  const amountUsable =
    accounts.has("amount") &&
    (Boolean(overrides.amount) ||
      !COLUMN_ROLES.some((r) => {
      if (r === "amount") return false;
      const l = COLUMN_ALIASES[r];
      return [r, l.en, l.zh, ...(l.aliases ?? [])].some((x) => normalize(x) === normalize(accounts.header("amount")));
    }));
  const hasScore = SCORE_ROLES.every((r) => accounts.has(r));
  const hasCredit = CREDIT_ROLES.every((r) => accounts.has(r)) && accounts.has(volumeRole);
  let profileByCustomer: Map<string, (number | null)[]> | null = null;
  if (sources.profiles) {
    const pt = openTable(sources.profiles, { required: ["customer", ...PROFILE_ROLES] }, cols.profiles ?? {});
    pt.requireRows();
    profileByCustomer = new Map();
    for (const i of pt.rows) {
      const k = normalize(pt.text(i, "customer"));
      if (!profileByCustomer.has(k)) profileByCustomer.set(k, readProfileScores(pt, i, "internal", PROFILE_ROLES, settings));
    }
  }
  const hasProfile = profileByCustomer !== null || PROFILE_ROLES.every((r) => accounts.has(r));
  const partNames: { name: Msg; roles: readonly ColumnRole[]; status: PartStatus; has: boolean }[] = [
    { name: { en: "key-account score", zh: "大客户评分" }, roles: SCORE_ROLES, status: scorePart, has: hasScore },
    { name: { en: "credit grade", zh: "信用等级" }, roles: [volumeRole, ...CREDIT_ROLES], status: creditPart, has: hasCredit },
    { name: { en: "internal profile", zh: "内部画像" }, roles: PROFILE_ROLES, status: profilePart, has: hasProfile },
  ];
  const taken = new Set(accounts.chosen.map((c) => c.index));
  for (const p of partNames) {
    // Warn only about a part the user seems to have meant: one with a column no other part uses.
    if (p.has || !p.status.columns.some((c) => !taken.has(c))) continue;
    const missing = p.status.missing.length > 0 ? p.status.missing : p.roles.filter((r) => !accounts.has(r));
    const en = missing.map((r) => `'${COLUMN_ALIASES[r].en}'`).join(", ");
    const zh = missing.map((r) => `“${COLUMN_ALIASES[r].zh}”`).join("、");
    warnings.push({
      en: `Sheet '${sources.accounts.sheet}': the cards leave out the ${p.name.en}: no column for ${en} (a column serves one purpose only)`,
      zh: `工作表“${sources.accounts.sheet}”：档案卡不含${p.name.zh}，因为缺少 ${zh} 列（每列只能用于一个用途）`,
    });
  }

  interface Account {
    customer: string;
    fields: FieldValues;
    profile: (number | null)[] | null;
    abc: AbcClass | null;
    score: number | null;
    tier: ScoreTier | null;
    grade: CreditGrade | null;
    internal: InternalClass | null;
  }
  const list: Account[] = [];
  const seen = new Map<string, number>();
  for (const i of accounts.rows) {
    const customer = accounts.text(i, "customer");
    const k = normalize(customer);
    const firstRow = seen.get(k);
    if (firstRow !== undefined) {
      warnings.push({
        en: `Sheet '${sources.accounts.sheet}': account "${customer}" appears again in row ${accounts.sheetRow(i)}; the card uses row ${firstRow}`,
        zh: `工作表“${sources.accounts.sheet}”：客户“${customer}”在第 ${accounts.sheetRow(i)} 行重复出现；档案卡使用第 ${firstRow} 行`,
      });
      continue;
    }
    seen.set(k, accounts.sheetRow(i));
    const fields: FieldValues = { name: customer, today: asOf };
    for (const o of OVERVIEW) {
      if (!accounts.has(o.role)) continue;
      if (o.kind === "date") fields[o.field] = accounts.optDate(i, o.role);
      else if (o.kind === "number") fields[o.field] = accounts.optNumber(i, o.role);
      else fields[o.field] = accounts.optText(i, o.role);
    }
    if (accounts.has("scope") && !accounts.isBlank(i, "scope")) fields.scope = tr(SCOPE_LABELS[accounts.check(i, "scope", parseScope(accounts.value(i, "scope")))], lang);
    let score: number | null = null;
    let tier: ScoreTier | null = null;
    if (hasScore) {
      score = accounts.checkCells(i, SCORE_ROLES, (v) => scoreRow(v, settings)).total;
      tier = scoreTier(score, settings);
      fields.score = score;
      fields.tier = tr(SCORE_TIER_LABELS[tier], lang);
    }
    let grade: CreditGrade | null = null;
    if (hasCredit) {
      let cs: number;
      if (accounts.has("volume")) cs = accounts.checkCells(i, ["volume", ...CREDIT_ROLES], ([v, p, r]) => creditScore(v, p, r));
      else {
        const sales = accounts.number(i, "annualSales");
        const v = volumePoints(sales, settings);
        cs = accounts.checkCells(i, CREDIT_ROLES, ([p, r]) => creditScore(v, p, r));
      }
      grade = creditGrade(cs, settings);
      fields.creditScore = cs;
      fields.creditGrade = tr(CREDIT_GRADE_LABELS[grade], lang);
      fields.creditList = tr(CREDIT_LIST_LABELS[creditList(grade)], lang);
    }
    let profile: (number | null)[] | null = null;
    let internal: InternalClass | null = null;
    if (profileByCustomer) profile = profileByCustomer.get(k) ?? null;
    else if (hasProfile) profile = readProfileScores(accounts, i, "internal", PROFILE_ROLES, settings);
    if (profile) {
      internal = classifyInternal(profile, settings).class;
      fields.internalClass = tr(INTERNAL_CLASS_LABELS[internal], lang);
    }
    if (accounts.has("annualSales")) fields.sales = accounts.optNumber(i, "annualSales");
    list.push({ customer, fields, profile, abc: null, score, tier, grade, internal });
  }

  const chosen: ChosenColumn[] = [...accounts.chosen];

  // Transactions: ABC over every customer in them, and sales by period.
  const periodSales = new Map<string, Map<string, { label: string; sales: number; profit: number | null }>>();
  let hasPeriods = false;
  let hasProfitCol = false;
  let abcSource: Map<string, { name: string; amount: number }> | null = null;
  if (sources.transactions) {
    const tx = openTable(sources.transactions, { required: ["customer", "amount"], optional: ["date", "profit"] }, cols.transactions);
    tx.requireRows();
    chosen.push(...tx.chosen);
    hasPeriods = tx.has("date");
    hasProfitCol = tx.has("profit");
    const totals = new Map<string, { name: string; amount: number }>();
    for (const i of tx.rows) {
      const customer = tx.text(i, "customer");
      const amount = tx.number(i, "amount");
      const k = normalize(customer);
      const t = totals.get(k) ?? { name: customer, amount: 0 };
      t.amount += amount;
      totals.set(k, t);
      if (hasPeriods) {
        const p = periodOf(tx.date(i, "date"), period, lang);
        const profit = hasProfitCol ? tx.optNumber(i, "profit") : null;
        let byPeriod = periodSales.get(k);
        if (!byPeriod) periodSales.set(k, (byPeriod = new Map()));
        const cell = byPeriod.get(p.key) ?? { label: p.label, sales: 0, profit: hasProfitCol ? 0 : null };
        cell.sales += amount;
        if (cell.profit !== null && profit !== null) cell.profit += profit;
        byPeriod.set(p.key, cell);
      }
    }
    abcSource = totals;
    for (const a of list) {
      const t = totals.get(normalize(a.customer));
      if (t) a.fields.sales = t.amount;
    }
  } else if (amountUsable) {
    const totals = new Map<string, { name: string; amount: number }>();
    for (const i of accounts.rows) {
      if (accounts.isBlank(i, "amount")) continue;
      const customer = accounts.text(i, "customer");
      const t = totals.get(normalize(customer)) ?? { name: customer, amount: 0 };
      t.amount += accounts.number(i, "amount");
      totals.set(normalize(customer), t);
    }
    abcSource = totals;
    for (const a of list) {
      const t = totals.get(normalize(a.customer));
      if (t && a.fields.sales === undefined) a.fields.sales = t.amount;
    }
  }
  if (abcSource && abcSource.size > 0) {
    // Classes come from every customer of the source, not only those that get a card.
    const t = validateThresholds(settings.abc.a, settings.abc.b);
    if (!t.ok) throw inputError(t.error.code, `ABC thresholds: ${t.error.msg.en}`, `ABC 阈值：${t.error.msg.zh}`);
    const entries = [...abcSource.values()];
    const result = abcClassify(
      entries.map((e) => e.name),
      entries.map((e) => e.amount),
      t.value,
    );
    const classOf = new Map(result.rows.map((r) => [normalize(r.customer), r.class]));
    for (const a of list) {
      const c = classOf.get(normalize(a.customer));
      if (c) {
        a.abc = c;
        a.fields.abcClass = tr(ABC_CLASS_LABELS[c], lang);
      }
    }
  }

  // Visits and complaints, most recent first.
  const logNames = new Map<string, string>();
  const visits = new Map<string, Entry[]>();
  let visitRoles: ColumnRole[] = [];
  if (sources.visits) {
    const vt = openTable(sources.visits, { required: ["customer", "visitDate"], optional: VISIT_ROLES }, cols.visits);
    chosen.push(...vt.chosen);
    visitRoles = VISIT_ROLES.filter((r) => vt.has(r));
    for (const i of vt.rows) {
      const name = vt.text(i, "customer");
      const k = normalize(name);
      if (!logNames.has(k)) logNames.set(k, name);
      const date = vt.date(i, "visitDate");
      const cells: CellValue[] = [date, ...visitRoles.map((r) => (r === "nextVisit" ? vt.optDate(i, r) : vt.optText(i, r)))];
      const v = visits.get(k) ?? [];
      v.push({ date, cells });
      visits.set(k, v);
    }
  }
  const complaints = new Map<string, Entry[]>();
  let complaintRoles: ColumnRole[] = [];
  if (sources.complaints) {
    const ct = openTable(sources.complaints, { required: ["customer", "complaintDate", "complaint"], optional: COMPLAINT_ROLES }, cols.complaints);
    chosen.push(...ct.chosen);
    complaintRoles = COMPLAINT_ROLES.filter((r) => ct.has(r));
    for (const i of ct.rows) {
      const name = ct.text(i, "customer");
      const k = normalize(name);
      if (!logNames.has(k)) logNames.set(k, name);
      const date = ct.date(i, "complaintDate");
      const cells: CellValue[] = [date, ct.text(i, "complaint"), ...complaintRoles.map((r) => ct.optText(i, r))];
      const v = complaints.get(k) ?? [];
      v.push({ date, cells });
      complaints.set(k, v);
    }
  }

  // Log rows whose customer has no row in the accounts table are probably misspelt.
  for (const [log, entries, sheetName] of [
    [{ en: "visits", zh: "拜访记录" }, visits, sources.visits?.sheet],
    [{ en: "complaints", zh: "抱怨记录" }, complaints, sources.complaints?.sheet],
  ] as const) {
    const strays = [...entries.keys()].filter((k) => !seen.has(k)).map((k) => logNames.get(k) ?? k);
    if (strays.length === 0) continue;
    warnings.push({
      en: `Sheet '${sheetName}': ${log.en} of customers not in sheet '${sources.accounts.sheet}' are not on any card: ${strays.join(", ")}`,
      zh: `工作表“${sheetName}”：以下客户不在工作表“${sources.accounts.sheet}”中，其${log.zh}未写入档案卡：${strays.join("、")}`,
    });
  }

  // Template.
  const template: CardTemplate = sources.template ?? { sheet: tr(T.templateSheet, lang), values: templateValues(lang) };
  const tRows = template.values.length;
  const tCols = Math.max(1, ...template.values.map((r) => r.length));

  // Which accounts get a card.
  const names = list.map((a) => a.customer);
  const picked = selectByName(names, options.accounts, names.map((_, k) => k), { en: "Account", zh: "客户" });
  if (picked.length === 0) throw inputError("bad_option_accounts", "No account was chosen for a card", "没有选择要制作档案卡的客户");

  const unknown = new Set<string>();
  const sheets: SheetPlan[] = [];
  const cards: CardInfo[] = [];
  picked.forEach((idx, n) => {
    const a = list[idx];
    const key = `card:${a.customer}`;
    const sheet = new SheetBuilder(key, safeSheetName(`${tr(T.cardPrefix, lang)} ${a.customer}`), COLORS.tab);
    sheet.copyFormatsFrom(template.sheet, { row: 0, col: 0, rows: tRows, cols: tCols });
    const filled: CellValue[][] = [];
    const fieldCells: { row: number; col: number; field: CardField }[] = [];
    template.values.forEach((row, r) => {
      const line: CellValue[] = [];
      for (let c = 0; c < tCols; c++) {
        const f = fillCell(row[c], a.fields, unknown);
        line.push(f.value);
        if (f.field && typeof f.value === "number" && FIELD_FORMATS[f.field]) fieldCells.push({ row: r, col: c, field: f.field });
      }
      filled.push(line);
    });
    if (tRows > 0) sheet.block(0, 0, filled);
    for (const fc of fieldCells) sheet.format({ row: fc.row, col: fc.col, rows: 1, cols: 1 }, { numberFormat: FIELD_FORMATS[fc.field] as string });

    // Internal-profile radar beside the template.
    let below = tRows + 1;
    if (a.profile) {
      const hc = tCols + 1;
      const dims = INTERNAL_DIMENSIONS.map((d) => tr(PROFILE_DIMENSION_LABELS[d], lang));
      const data = radarData(
        sheet,
        0,
        hc,
        tr(T.dimension, lang),
        dims,
        [
          { name: a.customer, values: a.profile },
          { name: tr(T.keyLine, lang), values: settings.internal.keyAccount, reference: true },
          { name: tr(T.importantLine, lang), values: settings.internal.important, reference: true },
          { name: tr(T.generalLine, lang), values: settings.internal.general, reference: true },
        ],
        null,
      );
      sheet.width(hc, fitWidth([tr(T.dimension, lang), ...dims], 12, 24));
      const pos = { row: dims.length + 2, col: hc, rows: 18, cols: 8 };
      const title = `${tr(T.radarTitle, lang)}: ${a.internal ? tr(INTERNAL_CLASS_LABELS[a.internal], lang) : ""}`;
      sheet.chart(radarChart(title, pos, data, [0, 1, 2, 3], { min: 0, max: 100 }));
      below = Math.max(below, pos.row + pos.rows + 1);
    }

    // Sales by period.
    const byPeriod = periodSales.get(normalize(a.customer));
    let periods = 0;
    if (hasPeriods && byPeriod && byPeriod.size > 0) {
      sheet.heading(below, 0, tr(T.salesByPeriod, lang));
      const keys = [...byPeriod.keys()].sort();
      periods = keys.length;
      const head = [tr(T.period, lang), tr(T.salesCol, lang), ...(hasProfitCol ? [tr(T.profitCol, lang)] : [])];
      const rows = keys.map((k) => {
        const p = byPeriod.get(k) as { label: string; sales: number; profit: number | null };
        return [p.label, p.sales, ...(hasProfitCol ? [p.profit] : [])];
      });
      const rect = sheet.block(below + 1, 0, [head, ...rows], [null, FMT.amount, ...(hasProfitCol ? [FMT.amount] : [])]);
      sheet.table(`KamCardSales${n + 1}`, rect, "TableStyleLight9");
      below = rect.row + rect.rows + 1;
    }

    const section = (title: string, empty: string, head: string[], items: Entry[] | undefined, formats: (string | null)[], tableName: string): number => {
      sheet.heading(below, 0, title);
      const sorted = [...(items ?? [])].sort((x, y) => y.date - x.date);
      if (sorted.length === 0) {
        sheet.note(below + 1, 0, empty);
        below += 3;
        return 0;
      }
      const rect = sheet.block(below + 1, 0, [head, ...sorted.map((v) => v.cells)], formats);
      sheet.table(tableName, rect, "TableStyleLight9");
      below = rect.row + rect.rows + 1;
      return sorted.length;
    };
    let nVisits = 0;
    if (sources.visits) {
      const head = [tr(T.date, lang), ...visitRoles.map((r) => tr(T[r as keyof typeof T] as Msg, lang))];
      nVisits = section(tr(T.visits, lang), tr(T.noVisits, lang), head, visits.get(normalize(a.customer)), [FMT.date, ...visitRoles.map((r) => (r === "nextVisit" ? FMT.date : null))], `KamCardVisits${n + 1}`);
    }
    let nComplaints = 0;
    if (sources.complaints) {
      const head = [tr(T.date, lang), tr(T.complaint, lang), ...complaintRoles.map((r) => tr(T[r as keyof typeof T] as Msg, lang))];
      nComplaints = section(tr(T.complaints, lang), tr(T.noComplaints, lang), head, complaints.get(normalize(a.customer)), [FMT.date, null, ...complaintRoles.map(() => null)], `KamCardComplaints${n + 1}`);
    }
    if (sources.visits || sources.complaints || periods > 0) {
      for (let c = 0; c < Math.max(3, visitRoles.length + 1); c++) if (c >= tCols) sheet.width(c, 18);
    }

    sheets.push(sheet.build());
    cards.push({
      customer: a.customer,
      key,
      sheet: sheets[sheets.length - 1].name,
      abcClass: a.abc,
      score: a.score,
      tier: a.tier,
      creditGrade: a.grade,
      internalClass: a.internal,
      visits: nVisits,
      complaints: nComplaints,
      periods,
    });
  });

  const unknownPlaceholders = [...unknown];
  if (unknownPlaceholders.length > 0) {
    const known = (Object.keys(CARD_FIELDS) as CardField[]).map((f) => `{{${f}}}`).join(", ");
    const knownZh = (Object.keys(CARD_FIELDS) as CardField[]).map((f) => `{{${CARD_FIELDS[f].zh}}}`).join("、");
    warnings.push({
      en: `Template '${template.sheet}': unknown placeholders ${unknownPlaceholders.map((p) => `{{${p}}}`).join(", ")} were left as typed. Known placeholders: ${known}`,
      zh: `模板“${template.sheet}”：无法识别的占位符 ${unknownPlaceholders.map((p) => `{{${p}}}`).join("、")} 已原样保留。可用的占位符：${knownZh}`,
    });
  }

  const plan: ReportPlan = {
    report: "cards",
    sheets,
    activate: sheets[0].key,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  const summary: CardSummary = {
    template: sources.template ? "user" : "default",
    cards,
    unknownPlaceholders,
    parts: { score: hasScore, credit: hasCredit, profile: hasProfile, abc: abcSource !== null, sales: hasPeriods },
  };
  return { plan, summary, columns: chosen };
}
