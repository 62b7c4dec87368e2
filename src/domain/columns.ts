/**
 * Header detection shared by every host, the CLI and the sample workbook: which column of a user's
 * table holds the customer, the amount, a criterion… recognised from headers in English or
 * Chinese, with the variants people actually type ("客户名称", "Sales amount (USD)", "销售额（元）").
 */
import type { Label, ParseableLabel } from "./labels";
import { normalize } from "./labels";

export const COLUMN_ROLES = [
  // transactions
  "customer",
  "amount",
  "profit",
  "date",
  "product",
  "quantity",
  // SPEC §1 criteria ("profit" is shared with the profit amount, see COLUMN_ALIASES.profit)
  "strategicFit",
  "scale",
  "influence",
  "brand",
  "potential",
  // SPEC §1b weighted dimensions
  "w_current",
  "w_potential",
  "w_strategic",
  "w_relationship",
  // SPEC §1 / §2 account attributes
  "volume",
  "performance",
  "risk",
  "redListSince",
  "annualSales",
  "scope",
  "shareOfWallet",
  // SPEC §4a external profile
  "ext_market",
  "ext_rnd",
  "ext_quality",
  "ext_regulatory",
  "ext_price",
  "ext_professional",
  // SPEC §4b internal profile
  "int_sales",
  "int_profit",
  "int_quality",
  "int_credit",
  "int_relationship",
  "int_professional",
  // SPEC §4c stakeholders
  "journey",
  "person",
  "age",
  "education",
  "orgRole",
  "powerRole",
  "relationshipRole",
  "devPotential",
  // SPEC §6 account card
  "address",
  "phone",
  "legalRep",
  "founded",
  "staff",
  "structure",
  "bank",
  "creditLimit",
  "paymentTerms",
  // SPEC §6 visits
  "visitDate",
  "place",
  "receivedBy",
  "discussed",
  "progress",
  "nextVisit",
  "visitType",
  // SPEC §6 complaints
  "complaintDate",
  "complaint",
  "unfolded",
  "resolution",
  // SPEC §5 life cycle, ownership
  "signed",
  "owner",
  // SPEC §5 risk alerts and care tasks (issue 8): payments, main-contact changes, birthdays
  "dueDate",
  "paidDate",
  "contactSince",
  "birthday",
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * `en` / `zh` are the headers reports and the sample workbook write; every spelling (incl. the
 * role key) is recognised when reading. The same text may serve two roles that never appear in
 * one table (发展潜力 is the §1 criterion and the §4c stakeholder attribute).
 */
export const COLUMN_ALIASES: Readonly<Record<ColumnRole, ParseableLabel>> = {
  customer: {
    en: "Customer",
    zh: "客户",
    aliases: [
      "Customer name",
      "Customer names",
      "Account",
      "Account name",
      "Client",
      "Client name",
      "Company",
      "Company name",
      "Buyer",
      "客户名称",
      "客户名",
      "客户名字",
      "客户全称",
      "公司",
      "公司名称",
      "企业",
      "企业名称",
      "单位",
      "单位名称",
      "购买方",
      "购货单位",
    ],
  },
  amount: {
    en: "Sales",
    zh: "销售额",
    aliases: [
      "Amount",
      "Revenue",
      "Sales amount",
      "Net sales",
      "Sales value",
      "Sales revenue",
      "Turnover",
      "Invoice amount",
      "金额",
      "销售金额",
      "成交额",
      "成交金额",
      "营业额",
      "销售收入",
      "营业收入",
      "营收",
      "收入",
      "含税金额",
      "不含税金额",
    ],
  },
  profit: {
    // [chosen] one role for the profit amount and the §1 criterion 利润贡献: the two never share a
    // table, and one key lets callers pass CRITERIA straight to detectColumns.
    en: "Profit",
    zh: "利润",
    aliases: [
      "Gross profit",
      "Margin amount",
      "Gross margin amount",
      "Profit amount",
      "Profit contribution",
      "毛利",
      "利润额",
      "毛利额",
      "毛利润",
      "利润金额",
      "毛利金额",
      "利润贡献",
      "利润贡献度",
    ],
  },
  date: {
    en: "Date",
    zh: "日期",
    aliases: [
      "Order date",
      "Invoice date",
      "Transaction date",
      "Sale date",
      "Sales date",
      "Posting date",
      "交易日期",
      "订单日期",
      "销售日期",
      "开票日期",
      "发票日期",
      "下单日期",
      "单据日期",
    ],
  },
  product: {
    en: "Product",
    zh: "产品",
    aliases: ["Product name", "Item", "Item name", "SKU", "Article", "Material", "产品名称", "商品", "商品名称", "品名", "物料", "物料名称", "货品"],
  },
  quantity: {
    en: "Quantity",
    zh: "数量",
    aliases: ["Qty", "Units", "Quantity sold", "Pieces", "销量", "销售数量", "件数", "台数"],
  },
  strategicFit: { en: "Strategic fit", zh: "战略契合度", aliases: ["Strategy fit", "战略契合", "战略匹配度"] },
  scale: { en: "Business scale", zh: "业务规模", aliases: ["Scale", "规模"] },
  influence: { en: "Industry influence", zh: "行业影响力", aliases: ["Influence", "影响力"] },
  brand: {
    en: "Market & brand effect",
    zh: "市场和品牌效应",
    aliases: ["Market and brand effect", "Brand effect", "Brand", "市场与品牌效应", "市场品牌效应", "品牌效应"],
  },
  potential: { en: "Growth potential", zh: "发展潜力", aliases: ["Potential", "潜力"] },
  w_current: { en: "Current value", zh: "当前价值", aliases: ["Current"] },
  w_potential: { en: "Potential value", zh: "潜力价值" },
  w_strategic: { en: "Strategic value", zh: "战略价值" },
  w_relationship: { en: "Relationship health", zh: "关系健康度", aliases: ["Relationship", "关系健康"] },
  volume: {
    en: "Volume points",
    zh: "成交量得分",
    aliases: ["Volume", "Annual volume", "Volume score", "年度项目成交量", "成交量", "成交量分"],
  },
  performance: {
    en: "Performance points",
    zh: "履约得分",
    aliases: ["Performance", "Performance score", "Fulfilment", "Fulfillment", "履约程度", "履约", "履约分"],
  },
  risk: {
    en: "Risk deduction",
    zh: "经营风险扣分",
    aliases: ["Risk", "Business risk", "Risk points", "经营风险", "风险", "风险扣分"],
  },
  redListSince: {
    en: "On red list since",
    zh: "列入红名单日期",
    aliases: ["Red list since", "Red-list date", "Red list date", "红名单日期", "进入红名单日期", "列入红名单时间"],
  },
  annualSales: {
    en: "Annual sales",
    zh: "年销售额",
    aliases: ["Annual revenue", "Yearly sales", "Sales per year", "年度销售额", "年度成交额", "年成交额", "年销售金额", "年营业额"],
  },
  scope: {
    en: "Scope",
    zh: "大客户级别",
    aliases: ["Account scope", "Account level", "客户级别", "级别", "范围"],
  },
  shareOfWallet: {
    en: "Share of wallet",
    zh: "采购份额",
    aliases: ["Wallet share", "SOW", "Share of purchases", "份额", "钱包份额", "采购占比", "供应份额", "采购比例"],
  },
  ext_market: { en: "Market size", zh: "市场规模", aliases: ["Market"] },
  ext_rnd: { en: "R&D capability", zh: "研发能力", aliases: ["R&D", "Research and development", "研发"] },
  ext_quality: { en: "Quality requirement", zh: "质量要求", aliases: ["Quality"] },
  ext_regulatory: { en: "Regulatory requirement", zh: "法规要求", aliases: ["Regulatory", "Regulation"] },
  ext_price: { en: "Price type", zh: "价格类型", aliases: ["Price", "Pricing"] },
  ext_professional: { en: "Professional level", zh: "专业水平", aliases: ["Professionalism", "Expertise", "专业程度"] },
  int_sales: { en: "Sales volume", zh: "销售规模", aliases: ["Sales scale"] },
  int_profit: { en: "Profit contribution", zh: "利润贡献", aliases: ["利润贡献度"] },
  int_quality: { en: "Quality requirement", zh: "质量要求", aliases: ["Quality"] },
  int_credit: { en: "Credit", zh: "信用等级", aliases: ["Credit score", "Credit grade", "Credit rating", "信用", "信用分", "信用评分"] },
  int_relationship: { en: "Relationship", zh: "客户关系", aliases: ["Customer relationship", "Relationship level", "关系"] },
  int_professional: { en: "Professional level", zh: "专业水平", aliases: ["Professionalism", "Expertise", "专业程度"] },
  journey: { en: "Journey point", zh: "旅程点", aliases: ["Journey", "Journey stage", "Touchpoint", "Touch point", "客户旅程", "旅程"] },
  person: { en: "Name", zh: "姓名", aliases: ["Person", "Contact", "Contact name", "Contact person", "人员", "联系人", "名字", "人员姓名"] },
  age: { en: "Age", zh: "年龄" },
  education: { en: "Education", zh: "学历", aliases: ["Degree", "Education level", "教育程度", "文化程度"] },
  orgRole: {
    en: "Organisational role",
    zh: "组织角色",
    aliases: ["Organizational role", "Position", "Title", "Job title", "Org role", "职位", "职务", "岗位"],
  },
  powerRole: { en: "Power role", zh: "权力角色", aliases: ["Decision role", "Buying role", "决策角色"] },
  relationshipRole: { en: "Relationship role", zh: "关系角色", aliases: ["Attitude", "Stance", "态度"] },
  devPotential: { en: "Development potential", zh: "发展潜力", aliases: ["Potential", "Growth potential", "潜力"] },
  address: { en: "Address", zh: "地址", aliases: ["Company address", "公司地址", "通讯地址", "注册地址"] },
  phone: { en: "Phone", zh: "电话", aliases: ["Telephone", "Tel", "Phone number", "联系电话", "电话号码", "手机"] },
  legalRep: { en: "Legal representative", zh: "法定代表人", aliases: ["Legal rep", "法人", "法人代表"] },
  founded: { en: "Founded", zh: "成立日期", aliases: ["Founding date", "Established", "Date founded", "成立时间", "创立日期", "注册日期"] },
  staff: { en: "Staff", zh: "员工人数", aliases: ["Employees", "Headcount", "Number of employees", "人数", "员工数", "员工"] },
  structure: {
    en: "Management structure",
    zh: "管理结构",
    aliases: ["Organisation structure", "Organization structure", "Org structure", "组织结构", "组织架构", "管理架构"],
  },
  bank: { en: "Bank", zh: "开户银行", aliases: ["Bank account", "Bank name", "银行", "开户行", "银行账户", "银行账号"] },
  creditLimit: { en: "Credit limit", zh: "信用额度", aliases: ["Credit line", "授信额度", "信用限额"] },
  paymentTerms: { en: "Payment terms", zh: "付款条件", aliases: ["Terms of payment", "Payment term", "账期", "付款方式", "结算方式", "付款期限"] },
  visitDate: { en: "Visit date", zh: "拜访日期", aliases: ["Date of visit", "拜访时间", "访问日期"] },
  place: { en: "Place", zh: "地点", aliases: ["Location", "Venue", "拜访地点", "会面地点"] },
  receivedBy: { en: "Received by", zh: "接待人", aliases: ["Met with", "Host", "Hosted by", "接待人员", "接待"] },
  discussed: {
    en: "Discussed",
    zh: "洽谈内容",
    aliases: ["Topics", "Discussion", "Topics discussed", "What was discussed", "拜访内容", "沟通内容", "讨论内容", "洽谈事项"],
  },
  progress: { en: "Progress", zh: "进展", aliases: ["Status", "Result", "进展情况", "进度", "拜访结果"] },
  nextVisit: { en: "Next visit", zh: "下次拜访", aliases: ["Next visit date", "Next planned visit", "下次拜访日期", "下次拜访时间", "计划拜访"] },
  visitType: { en: "Visit type", zh: "拜访类型", aliases: ["Type of visit", "Visit kind", "拜访方式", "拜访形式"] },
  complaintDate: { en: "Complaint date", zh: "投诉日期", aliases: ["Date of complaint", "投诉时间"] },
  complaint: { en: "Complaint", zh: "投诉内容", aliases: ["Complaint details", "Issue", "投诉", "投诉事项"] },
  unfolded: { en: "How it unfolded", zh: "经过", aliases: ["Course", "Details", "History", "投诉经过", "处理经过", "事情经过"] },
  resolution: { en: "Resolution", zh: "处理结果", aliases: ["Solution", "How it was resolved", "Outcome", "解决方式", "解决结果", "处理方式", "处理情况"] },
  signed: {
    en: "Contract signed",
    zh: "签约日期",
    aliases: ["Signed", "Signing date", "Contract date", "Date signed", "Start of cooperation", "签约时间", "合同日期", "签订日期", "合作开始日期"],
  },
  owner: {
    en: "Owner",
    zh: "负责人",
    aliases: ["Account manager", "Account owner", "Key account manager", "KAM", "Sales rep", "客户经理", "大客户经理", "销售代表", "业务员"],
  },
  dueDate: {
    en: "Due date",
    zh: "到期日",
    aliases: ["Due", "Due on", "Payment due", "Payment due date", "到期日期", "应收日期", "应付日期", "应付款日期", "付款到期日", "账期到期日"],
  },
  paidDate: {
    en: "Paid on",
    zh: "付款日期",
    aliases: ["Paid", "Paid date", "Date paid", "Payment date", "Payment received", "Received on", "回款日期", "收款日期", "实际付款日期", "到账日期", "实付日期"],
  },
  contactSince: {
    en: "Main contact since",
    zh: "联系人变更日期",
    aliases: ["Contact since", "Since", "Changed on", "Change date", "Contact changed", "起始日期", "变更日期", "更换日期", "接任日期", "联系人起始日期"],
  },
  birthday: { en: "Birthday", zh: "生日", aliases: ["Date of birth", "Birth date", "DOB", "出生日期", "生日日期"] },
};

/** Display names of the roles (the `en` / `zh` of COLUMN_ALIASES), for report and sample headers. */
export const COLUMN_ROLE_LABELS: Readonly<Record<ColumnRole, Label>> = COLUMN_ALIASES;

/** A header cell in comparable form, or null for an empty cell. */
interface HeaderText {
  full: string;
  /** Without units or notes in brackets, a trailing colon or required-field stars: "销售额（元）" → "销售额". */
  bare: string;
  /** Word tokens of `bare`, for whole-word matching of Latin aliases. */
  words: string[];
}

const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g;

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== "");
}

function headerText(v: unknown): HeaderText | null {
  if (typeof v !== "string" && typeof v !== "number") return null;
  const full = normalize(String(v));
  if (full === "") return null;
  const bare = normalize(full.replace(BRACKETED, " ").replace(/[:*]+/g, " "));
  return { full, bare, words: words(bare) };
}

/** Every spelling of a role, normalized, longest first. */
const SPELLINGS: Readonly<Record<ColumnRole, readonly string[]>> = (() => {
  const out = {} as Record<ColumnRole, string[]>;
  for (const role of COLUMN_ROLES) {
    const l = COLUMN_ALIASES[role];
    const set = new Set([role, l.en, l.zh, ...(l.aliases ?? [])].map(normalize));
    out[role] = [...set].sort((a, b) => b.length - a.length);
  }
  return out;
})();

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * How specifically `h` contains spelling `s` (its length), or 0. Latin spellings must appear as
 * whole words ("Sales" in "Net sales 2024", not "Wholesales"); Chinese ones as a substring
 * ("销售额" in "本月销售额"). Very short spellings ("tel", "客") are only matched exactly.
 */
function containsScore(h: HeaderText, s: string): number {
  if (ASCII_ONLY.test(s)) {
    if (s.length < 3) return 0;
    const sw = words(s);
    if (sw.length === 0) return 0;
    for (let i = 0; i + sw.length <= h.words.length; i++) {
      let j = 0;
      while (j < sw.length && h.words[i + j] === sw[j]) j++;
      if (j === sw.length) return s.length;
    }
    return 0;
  }
  return s.length >= 2 && h.bare.includes(s) ? s.length : 0;
}

function isExact(h: HeaderText, role: ColumnRole): boolean {
  const spellings = SPELLINGS[role];
  return spellings.includes(h.full) || spellings.includes(h.bare);
}

export interface DetectedColumns {
  /** 0-based column index per role found. */
  found: Partial<Record<ColumnRole, number>>;
  /** Requested roles with no column, in the order asked. */
  missing: ColumnRole[];
}

/**
 * Find the columns of the requested roles in a header row. Exact matches (any spelling, brackets
 * and colons ignored) are taken first, in role order, leftmost column first; then headers that
 * contain a spelling, the most specific (longest) spelling first. A column serves at most one role.
 */
export function detectColumns(header: readonly unknown[], roles: readonly ColumnRole[]): DetectedColumns {
  const cells = (Array.isArray(header) ? header : []).map(headerText);
  const used = new Set<number>();
  const found: Partial<Record<ColumnRole, number>> = {};
  const wanted = [...new Set(roles)].filter((r) => r in COLUMN_ALIASES);

  for (const role of wanted) {
    for (let c = 0; c < cells.length; c++) {
      const h = cells[c];
      if (h !== null && !used.has(c) && isExact(h, role)) {
        found[role] = c;
        used.add(c);
        break;
      }
    }
  }

  const candidates: { role: ColumnRole; order: number; col: number; score: number }[] = [];
  wanted.forEach((role, order) => {
    if (found[role] !== undefined) return;
    for (let c = 0; c < cells.length; c++) {
      const h = cells[c];
      if (h === null || used.has(c)) continue;
      let best = 0;
      for (const s of SPELLINGS[role]) best = Math.max(best, containsScore(h, s));
      if (best > 0) candidates.push({ role, order, col: c, score: best });
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.order - y.order || x.col - y.col);
  for (const k of candidates) {
    if (found[k.role] !== undefined || used.has(k.col)) continue;
    found[k.role] = k.col;
    used.add(k.col);
  }

  return { found, missing: wanted.filter((r) => found[r] === undefined) };
}

/** Excel's last column is XFD (16,384 columns). */
const MAX_COLUMNS = 16384;

/** "A" → 0, "Z" → 25, "AA" → 26; undefined for anything that is not a column letter. */
export function columnIndex(letters: string): number | undefined {
  const t = letters.normalize("NFKC").trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return undefined;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : undefined;
}

/**
 * The column a user named (CLI option, task-pane field): a header text in the table (either
 * language, case/width-insensitive, brackets ignored), else any spelling of a role found in the
 * header ("客户" finds "Customer name"), else a column letter ("C", "AA") inside the table.
 */
export function resolveColumn(header: readonly unknown[], spec: string): number | undefined {
  const want = headerText(spec);
  if (want === null) return undefined;
  const cells = (Array.isArray(header) ? header : []).map(headerText);
  for (let c = 0; c < cells.length; c++) {
    const h = cells[c];
    if (h !== null && (h.full === want.full || h.bare === want.bare)) return c;
  }
  for (const role of COLUMN_ROLES) {
    if (!SPELLINGS[role].includes(want.full) && !SPELLINGS[role].includes(want.bare)) continue;
    const col = detectColumns(header, [role]).found[role];
    if (col !== undefined) return col;
  }
  const letter = columnIndex(spec);
  return letter !== undefined && letter < cells.length ? letter : undefined;
}
