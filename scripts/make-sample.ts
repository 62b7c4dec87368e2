/**
 * Generates assets/samples/kam-sample.xlsx: a made-up but realistic key-account workbook that every
 * `kam` command (and the demo) runs on. A fixed-seed PRNG makes the data identical on every run, so
 * the committed file can be regenerated and compared.
 *
 * The companies, people and addresses are invented. Sales follow a Pareto-like curve so the ABC
 * classes look like real data; two small customers are net-negative (returns larger than purchases)
 * to exercise the SPEC §3.6 warning.
 *
 * Build and run: `node scripts/build-node.js && node build/node/make-sample.js [out.xlsx]`.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { SAMPLE_AS_OF, SAMPLE_FIRST_DAY } from "../src/cli/sample";
import { creditGrade, creditList, creditScore, volumePoints } from "../src/domain/credit";
import { DEFAULT_SETTINGS } from "../src/domain/settings";

/** mulberry32: tiny, fast and good enough for sample data; never used for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

export const SAMPLE_SEED = 20240601;

const DAY_MS = 86_400_000;
function utc(ymd: string): Date {
  const [y, m, d] = ymd.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
/** Returns are booked inside the sample's 24 months too. */
function notAfterEnd(date: Date): Date {
  const end = utc(SAMPLE_AS_OF);
  return date.getTime() > end.getTime() ? end : date;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

interface City {
  readonly name: string;
  readonly province: string;
  readonly area: string;
  readonly streets: readonly string[];
  readonly bank: string;
}

const CITIES: readonly City[] = [
  { name: "苏州", province: "江苏省", area: "0512", streets: ["工业园区星湖街", "高新区狮山路", "相城区阳澄湖大道"], bank: "中国工商银行苏州分行" },
  { name: "杭州", province: "浙江省", area: "0571", streets: ["滨江区江南大道", "余杭区文一西路", "钱塘区白杨街道6号大街"], bank: "招商银行杭州分行" },
  { name: "深圳", province: "广东省", area: "0755", streets: ["南山区科技园南路", "宝安区福海街道", "龙岗区坂田街道"], bank: "中国银行深圳分行" },
  { name: "宁波", province: "浙江省", area: "0574", streets: ["北仑区明州路", "鄞州区钱湖北路", "余姚市阳明西路"], bank: "宁波银行总行营业部" },
  { name: "青岛", province: "山东省", area: "0532", streets: ["黄岛区长江中路", "崂山区株洲路", "城阳区春阳路"], bank: "中国建设银行青岛分行" },
  { name: "成都", province: "四川省", area: "028", streets: ["高新区天府大道", "龙泉驿区车城东路", "双流区物联大道"], bank: "中国农业银行成都分行" },
  { name: "武汉", province: "湖北省", area: "027", streets: ["东湖高新区光谷大道", "经开区沌阳大道", "江夏区庙山路"], bank: "交通银行湖北省分行" },
  { name: "无锡", province: "江苏省", area: "0510", streets: ["新吴区长江路", "惠山区堰新路", "滨湖区蠡湖大道"], bank: "江苏银行无锡分行" },
  { name: "佛山", province: "广东省", area: "0757", streets: ["顺德区大良街道", "南海区桂城街道", "禅城区季华路"], bank: "中国工商银行佛山分行" },
  { name: "东莞", province: "广东省", area: "0769", streets: ["松山湖园区工业北路", "长安镇振安路", "虎门镇连升路"], bank: "东莞银行营业部" },
  { name: "厦门", province: "福建省", area: "0592", streets: ["湖里区枋湖路", "海沧区新阳路", "集美区杏林湾路"], bank: "兴业银行厦门分行" },
  { name: "合肥", province: "安徽省", area: "0551", streets: ["经开区繁华大道", "高新区望江西路", "新站区魏武路"], bank: "徽商银行合肥分行" },
  { name: "长沙", province: "湖南省", area: "0731", streets: ["雨花区环保中路", "岳麓区麓谷大道", "长沙县星沙大道"], bank: "中国银行长沙分行" },
  { name: "天津", province: "天津市", area: "022", streets: ["滨海新区第七大街", "西青区海泰发展道", "东丽区航双路"], bank: "中国建设银行天津分行" },
  { name: "重庆", province: "重庆市", area: "023", streets: ["两江新区金开大道", "九龙坡区科城路", "璧山区璧泉街道"], bank: "重庆农村商业银行" },
  { name: "西安", province: "陕西省", area: "029", streets: ["高新区锦业路", "经开区凤城十二路", "航天基地神舟四路"], bank: "中国工商银行西安分行" },
  { name: "南京", province: "江苏省", area: "025", streets: ["江宁区秣周东路", "浦口区浦滨路", "栖霞区仙林大道"], bank: "南京银行总行营业部" },
  { name: "大连", province: "辽宁省", area: "0411", streets: ["甘井子区黄浦路", "金州区辽河西路", "高新园区七贤岭"], bank: "中国银行大连分行" },
];

const TRADE_NAMES = ["恒信", "华瑞", "宏达", "鑫源", "博远", "中科", "天成", "金盛", "远航", "瑞丰", "海川", "聚力", "凯德", "汇通", "永固", "新锐", "诚达", "立讯通", "嘉禾", "安泰"];
const INDUSTRIES = [
  "精密机械", "电子科技", "新材料", "汽车零部件", "医疗器械", "精细化工", "智能装备", "生物医药", "光电科技", "包装材料",
  "液压设备", "电气自动化", "环保科技", "食品机械", "纺织机械", "模具", "新能源科技", "半导体设备", "轨道交通装备", "仪器仪表",
];
const CN_SUFFIX = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"];

const EN_FIRST = [
  "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Alpine", "Bluewater", "Crestline", "Evergreen", "Harborview",
  "Ironbridge", "Keystone", "Lakeside", "Meridian", "Oakridge", "Pinnacle", "Redwood", "Trident", "Vertex", "Silverline",
  "Kingsbridge", "Falconer", "Orion", "Beacon", "Cobalt", "Riverside", "Highland",
];
const EN_SECOND = ["Components", "Industries", "Medical", "Electronics", "Materials", "Systems", "Instruments", "Precision", "Automation", "Controls", "Engineering", "Devices", "Robotics", "Packaging"];
const EN_SUFFIX = ["Ltd.", "Inc.", "GmbH", "Co., Ltd.", "LLC", "Pte. Ltd.", "S.A.", "plc", "Corp."];
const EN_PLACES = [
  { city: "Singapore", street: "Harbour Road", phone: "+65 6" , bank: "DBS Bank" },
  { city: "Hamburg, Germany", street: "Billstraße", phone: "+49 40 ", bank: "Deutsche Bank" },
  { city: "Manchester, UK", street: "Trafford Park Road", phone: "+44 161 ", bank: "HSBC UK" },
  { city: "Columbus, OH, USA", street: "Industrial Parkway", phone: "+1 614 ", bank: "JPMorgan Chase" },
  { city: "Lyon, France", street: "Avenue Tony Garnier", phone: "+33 4 ", bank: "BNP Paribas" },
  { city: "Penang, Malaysia", street: "Jalan Sultan Azlan Shah", phone: "+60 4 ", bank: "Maybank" },
  { city: "Osaka, Japan", street: "Nishi-ku Utsubo", phone: "+81 6 ", bank: "MUFG Bank" },
];

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["建国", "志强", "海燕", "晓明", "丽娟", "伟", "静", "磊", "芳", "军", "敏", "勇", "婷", "晨", "宇航", "雪梅", "国栋", "子涵", "文博", "佳怡"];
const EN_PEOPLE = ["Anna Becker", "James Whitfield", "Priya Raman", "Lukas Meyer", "Sophie Laurent", "Daniel Osei", "Emily Carter", "Kenji Watanabe", "Marco Rossi", "Olivia Grant", "Tom Hayes", "Nora Lindqvist"];

function chineseName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

export interface Customer {
  readonly name: string;
  readonly chinese: boolean;
  /** 0 = largest. */
  readonly rank: number;
  readonly weight: number;
  readonly growth: number;
  readonly margin: number;
  readonly city: City;
  readonly abroad: (typeof EN_PLACES)[number];
}

function makeCustomers(rng: Rng, count: number): Customer[] {
  const names = new Set<string>();
  // The two names the brief and the docs use as examples are always there.
  const fixed = ["华东精密机械有限公司", "Northwind Components Ltd."];
  const out: { name: string; chinese: boolean }[] = fixed.map((name, i) => ({ name, chinese: i === 0 }));
  fixed.forEach((n) => names.add(n));
  while (out.length < count) {
    const chinese = rng.chance(0.68);
    const name = chinese
      ? rng.pick(CITIES).name + rng.pick(TRADE_NAMES) + rng.pick(INDUSTRIES) + rng.pick(CN_SUFFIX)
      : `${rng.pick(EN_FIRST)} ${rng.pick(EN_SECOND)} ${rng.pick(EN_SUFFIX)}`;
    if (names.has(name)) continue;
    names.add(name);
    out.push({ name, chinese });
  }
  // Order by size: shuffle all but keep 华东精密机械 the largest customer and Northwind in the top ten.
  const rest = rng.shuffle(out.slice(2));
  rest.splice(6, 0, out[1]);
  const ordered = [out[0], ...rest];
  return ordered.map((c, rank) => ({
    ...c,
    rank,
    // Zipf-like sizes with noise: the top 20 % end up with roughly 75–80 % of sales.
    weight: Math.pow(rank + 2, -1.05) * Math.exp(0.25 * rng.normal()),
    growth: clamp(0.08 + 0.22 * rng.normal(), -0.45, 0.7),
    margin: clamp(0.22 + 0.06 * rng.normal(), 0.06, 0.4),
    city: rng.pick(CITIES),
    abroad: rng.pick(EN_PLACES),
  }));
}

// ---------------------------------------------------------------------------------------------
// Sales
// ---------------------------------------------------------------------------------------------

const PRODUCTS: readonly { name: string; price: number; margin: number }[] = [
  { name: "PLC 控制器 KC-200", price: 8_200, margin: 0.05 },
  { name: "伺服电机 SM-750", price: 4_560, margin: 0.02 },
  { name: "变频器 VF-3000", price: 6_180, margin: 0.0 },
  { name: "工业传感器 IS-10", price: 348, margin: 0.08 },
  { name: "减速机 RG-60", price: 2_790, margin: -0.02 },
  { name: "触摸屏 HMI-7", price: 3_150, margin: 0.03 },
  { name: "编码器 EC-12", price: 920, margin: 0.04 },
  { name: "气动元件 PN-5", price: 415, margin: 0.01 },
  { name: "线缆组件 CA-3", price: 186, margin: -0.04 },
  { name: "工业机器人 IR-6", price: 186_000, margin: -0.06 },
  { name: "视觉检测系统 VS-2", price: 56_500, margin: 0.06 },
  { name: "备件服务包 SP-1", price: 1_500, margin: 0.15 },
];

export interface SaleRow {
  date: Date;
  order: string;
  customer: string;
  product: string;
  quantity: number;
  price: number;
  amount: number;
  profit: number;
}

function makeSales(rng: Rng, customers: readonly Customer[], rowCount: number): SaleRow[] {
  const first = utc(SAMPLE_FIRST_DAY).getTime();
  const span = Math.round((utc(SAMPLE_AS_OF).getTime() - first) / DAY_MS);
  const totalWeight = customers.reduce((s, c) => s + c.weight, 0);
  const totalSales = 400_000_000;
  // Larger customers order more often, but not proportionally more often (bigger orders too).
  const freq = customers.map((c) => Math.sqrt(c.weight));
  const freqSum = freq.reduce((s, f) => s + f, 0);
  const returnsBudget = 6;
  const counts = customers.map((_, i) => Math.max(3, Math.round(((rowCount - returnsBudget - 3 * customers.length) * freq[i]) / freqSum) + 3));
  let diff = rowCount - returnsBudget - counts.reduce((s, n) => s + n, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % customers.length) {
    if (diff > 0) {
      counts[i]++;
      diff--;
    } else if (counts[i] > 3) {
      counts[i]--;
      diff++;
    }
  }

  const rows: SaleRow[] = [];
  customers.forEach((c, i) => {
    const target = (totalSales * c.weight) / totalWeight;
    const perRow = target / counts[i];
    // Each customer buys mostly from a few favourite products.
    const favourites = rng.shuffle([...PRODUCTS]).slice(0, rng.int(2, 5));
    for (let k = 0; k < counts[i]; k++) {
      const day = rng.int(0, span);
      const years = day / 365;
      const want = perRow * Math.pow(1 + c.growth, years - 1) * Math.exp(0.45 * rng.normal());
      // Nobody orders a robot cell to fill a 20,000 order: fall back to what the order size affords.
      const wanted = rng.chance(0.8) ? rng.pick(favourites) : rng.pick(PRODUCTS);
      const affordable = favourites.filter((x) => x.price <= want * 1.5);
      const p = wanted.price <= want * 1.5 ? wanted : affordable.length > 0 ? rng.pick(affordable) : PRODUCTS[8];
      const quantity = Math.max(1, Math.round(want / p.price));
      const discount = rng.pick([0, 0, 0.02, 0.05, 0.08]);
      const price = round2(p.price * (1 - discount));
      const amount = round2(quantity * price);
      const margin = clamp(c.margin + p.margin + 0.03 * rng.normal(), -0.05, 0.45);
      rows.push({ date: new Date(first + day * DAY_MS), order: "", customer: c.name, product: p.name, quantity, price, amount, profit: round2(amount * margin) });
    }
  });

  // Returns: four ordinary ones from large customers, and two small customers whose returns exceed
  // what they bought, so they are net-negative (SPEC §3.6 warning case).
  const returners = [customers[3], customers[11], customers[25], customers[40]];
  for (const c of returners) {
    const bought = rows.filter((r) => r.customer === c.name);
    const orig = bought[rng.int(0, bought.length - 1)];
    const quantity = -Math.max(1, Math.round(orig.quantity / 2));
    const amount = round2(quantity * orig.price);
    rows.push({ ...orig, date: notAfterEnd(addDays(orig.date, rng.int(10, 40))), quantity, amount, profit: round2((orig.profit / orig.amount) * amount) });
  }
  for (const c of [customers[customers.length - 3], customers[customers.length - 8]]) {
    const bought = rows.filter((r) => r.customer === c.name);
    const sum = bought.reduce((s, r) => s + r.amount, 0);
    const p = PRODUCTS[10];
    const quantity = -Math.max(1, Math.ceil((sum * 1.6) / p.price));
    const amount = round2(quantity * p.price);
    const last = bought.reduce((d, r) => (r.date > d ? r.date : d), bought[0].date);
    rows.push({ date: notAfterEnd(addDays(last, 20)), order: "", customer: c.name, product: p.name, quantity, price: p.price, amount, profit: round2(amount * 0.12) });
  }

  rows.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  const perMonth = new Map<string, number>();
  for (const r of rows) {
    const ym = `${String(r.date.getUTCFullYear()).slice(2)}${String(r.date.getUTCMonth() + 1).padStart(2, "0")}`;
    const n = (perMonth.get(ym) ?? 0) + 1;
    perMonth.set(ym, n);
    r.order = `${r.amount < 0 ? "RT" : "SO"}-${ym}-${String(n).padStart(4, "0")}`;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Account master data, credit, profiles, stakeholders, visits, complaints
// ---------------------------------------------------------------------------------------------

const CRITERIA_MAX = [30, 20, 20, 10, 10, 10] as const;

function pointsFor(rng: Rng, quality: number): number[] {
  return CRITERIA_MAX.map((max) => Math.round(clamp(quality + 0.12 * rng.normal(), 0, 1) * max));
}

const PAYMENT_TERMS_CN = ["月结60天", "月结90天", "预付30%，发货前付清", "货到30天付款", "月结45天"];
const PAYMENT_TERMS_EN = ["Net 30", "Net 60", "30% advance, balance before shipment", "Net 45", "Letter of credit at sight"];
const STRUCTURE_CN = ["董事会—总经理—事业部制", "总经理负责制，下设采购、技术、生产三部", "集团管控，区域子公司独立采购"];
const STRUCTURE_EN = ["Board, CEO, business units", "Managing director with purchasing, engineering and plant teams", "Group with regional subsidiaries buying independently"];

function accountRows(rng: Rng, accounts: readonly Customer[]): unknown[][] {
  const signedChoices = ["2026-09-15", "2026-06-20", "2026-03-10", "2025-12-01", "2025-08-18", "2025-02-26", "2024-07-01", "2023-05-12", "2022-11-30", "2021-04-08", "2019-09-23", "2018-03-15"];
  return accounts.map((c, i) => {
    const quality = clamp(0.98 - (i / accounts.length) * 0.75, 0.1, 1);
    const pts = pointsFor(rng, quality);
    if (i === 17) pts[3] = 0; // an explicit 0 is a valid score (SPEC §1), unlike a blank
    const scope = i < 6 ? rng.pick(["公司级", "Company"]) : rng.pick(["区域级", "Region", "区域级"]);
    const founded = utc(`${rng.int(1986, 2016)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`);
    const staff = Math.round(clamp(4000 * Math.pow(0.93, i) * Math.exp(0.4 * rng.normal()), 60, 20000) / 10) * 10;
    const creditLimit = Math.round(clamp(20_000_000 * Math.pow(0.9, i), 300_000, 30_000_000) / 50_000) * 50_000;
    const signed = utc(i < signedChoices.length ? signedChoices[(i * 5) % signedChoices.length] : rng.pick(signedChoices));
    const share = round2(clamp(0.75 - i * 0.015 + 0.1 * rng.normal(), 0.05, 0.95));
    if (c.chinese) {
      const street = rng.pick(c.city.streets);
      return [
        c.name, ...pts, scope,
        `${c.city.province}${c.city.name}市${street}${rng.int(8, 888)}号`,
        `${c.city.area}-${rng.int(5000_0000, 8999_9999)}`,
        chineseName(rng), founded, staff, rng.pick(STRUCTURE_CN), c.city.bank, creditLimit, rng.pick(PAYMENT_TERMS_CN), signed,
        chineseName(rng), share,
      ];
    }
    return [
      c.name, ...pts, scope,
      `${rng.int(2, 480)} ${c.abroad.street}, ${c.abroad.city}`,
      `${c.abroad.phone}${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`,
      rng.pick(EN_PEOPLE), founded, staff, rng.pick(STRUCTURE_EN), c.abroad.bank, creditLimit, rng.pick(PAYMENT_TERMS_EN), signed,
      chineseName(rng), share,
    ];
  });
}

function annualSales(sales: readonly SaleRow[], customer: string): number {
  const from = addDays(utc(SAMPLE_AS_OF), -365).getTime();
  return round2(sales.filter((r) => r.customer === customer && r.date.getTime() > from).reduce((s, r) => s + r.amount, 0));
}

/**
 * The credit inputs of each account (SPEC §2): annual sales (volume points come from the bands),
 * performance, risk and, for red-list accounts, the date they entered the list. Scores are aimed at
 * a realistic spread — most large accounts AAA, the middle AA, the tail A — and checked with the
 * domain's own rules so the red-list dates go to accounts that really are on the red list.
 */
function creditColumns(rng: Rng, accounts: readonly Customer[], sales: readonly SaleRow[]): unknown[][] {
  const s = DEFAULT_SETTINGS;
  // Two large accounts fell onto the red list: one long enough ago (≥ 12 months before the as-of
  // date) to lose key-account status, one recently.
  const forced: Record<number, string> = { 6: "2025-06-30", 13: "2026-07-01", 21: "2025-02-14" };
  const laterDates = ["2026-09-20", "2026-04-15", "2025-08-31", "2026-01-05", "2026-06-10", "2026-02-28"];
  let nextDate = 0;
  let undated = 0;
  return accounts.map((c, i) => {
    const yearly = annualSales(sales, c.name);
    const volume = volumePoints(Math.max(0, yearly), s);
    // 0 - x, not -x: a zero deduction must be 0, not -0.
    let risk = 0 - Math.round(clamp(2 + i * 0.45 + 3 * rng.normal(), 0, 45));
    const target = 96 - i * 1.25 + 3 * rng.normal();
    let performance = Math.round(clamp(target - volume - risk, 5, 50));
    const forcedSince = forced[i];
    if (forcedSince) {
      // Poor payment record and high business risk put it on the red list.
      performance = rng.int(8, 14);
      risk = -rng.int(38, 45);
    }
    const score = creditScore(volume, performance, risk);
    const red = score.ok && creditList(creditGrade(score.value, s)) === "red";
    let since: Date | null = null;
    if (forcedSince) since = utc(forcedSince);
    else if (red) {
      // Two red accounts are left without a date: the review warns that the 12-month rule cannot be checked.
      if (undated < 2 && i % 2 === 1) undated++;
      else since = utc(laterDates[nextDate++ % laterDates.length]);
    }
    return [yearly, performance, risk, since];
  });
}

function externalRows(): unknown[][] {
  // SPEC §4a examples A and B (both potential targets), plus clear targets and non-targets.
  return [
    ["示例客户 A（SPEC 4a）", 100, 95, 80, 90, 70, 90],
    ["示例客户 B（SPEC 4a）", 60, 100, 90, 70, 95, 85],
    ["常州瑞丰医疗器械有限公司", 75, 70, 95, 95, 92, 90],
    ["Meridian Biotech GmbH", 88, 80, 92, 100, 88, 95],
    ["珠海海川光电科技有限公司", 65, 60, 90, 92, 86, 82],
    ["Harborview Diagnostics Inc.", 45, 30, 95, 95, 90, 85],
    ["温州永固阀门有限公司", 35, 20, 70, 65, 55, 65],
    ["Alpine Packaging S.A.", 50, 10, 85, 80, 62, 75],
    ["烟台安泰精细化工股份有限公司", 70, 40, 58, 88, 75, 72],
    ["Redwood Lab Systems LLC", 95, 90, 100, 98, 96, 98],
  ];
}

function internalRows(rng: Rng, accounts: readonly Customer[]): unknown[][] {
  return accounts.slice(0, 16).map((c, i) => {
    const q = 1 - i / 20;
    const credit: number | null = i === 5 || i === 12 ? null : Math.round(clamp(70 + 30 * q + 5 * rng.normal(), 40, 100));
    return [
      c.name,
      Math.round(clamp(100 * Math.pow(0.8, i) + 5 * rng.normal(), 10, 100)),
      Math.round(clamp(60 + 38 * q + 4 * rng.normal(), 50, 100)),
      Math.round(clamp(70 + 25 * q + 4 * rng.normal(), 50, 100)),
      credit,
      Math.round(clamp(55 + 43 * q + 5 * rng.normal(), 30, 100)),
      Math.round(clamp(60 + 38 * q + 4 * rng.normal(), 50, 100)),
    ];
  });
}

function stakeholderRows(accounts: readonly Customer[]): unknown[][] {
  const [a, b, c] = [accounts[0].name, accounts[2].name, accounts.find((x) => !x.chinese)?.name ?? accounts[1].name];
  return [
    [a, "销售", "王建国", 52, "硕士", "总经理", "最终决策者", "支持者", "蓝筹股"],
    [a, "销售", "李海燕", 38, "本科", "总监", "影响者", "中立者", "潜力股"],
    [a, "FAT", "陈磊", 34, "硕士", "经理", "执行者", "教练", "潜力股 88"],
    [a, "SAT", "赵静", 29, "本科", "主管", "执行者", "反对者", "红筹股"],
    [b, "销售", "周志强", 47, "博士", "董事长", "最终决策者", "中立者", "蓝筹股 95"],
    [b, "FAT", "吴晓明", 41, "大专", "经理", "决策者", "支持者", "红筹股"],
    [b, "SAT", "孙婷", 31, "本科", "员工", "执行者", "支持者", "潜力股"],
    [c, "Sales", "Anna Becker", 45, "Master", "General manager", "Decision-maker", "Coach", "Blue chip"],
    [c, "Sales", "James Whitfield", 58, "Bachelor", "Chairman", "Final decision-maker", "Opponent", "Red chip"],
    [c, "FAT", "Priya Raman", 36, "PhD", "Director", "Influencer", "Supporter", "Growth stock"],
    [c, "SAT", "Lukas Meyer", 28, "Associate", "Supervisor", "Executor", "Neutral", "Growth stock"],
  ];
}

const VISIT_TOPICS_CN: readonly [string, string][] = [
  ["年度框架协议续签", "价格条款已基本达成一致，客户法务审核中"],
  ["新产线自动化改造方案交流", "客户认可方案，要求补充报价"],
  ["伺服系统试用反馈", "试用效果良好，进入批量采购评估"],
  ["质量问题回访", "整改措施已落实，客户满意"],
  ["高层拜访：战略合作意向", "双方同意成立联合项目组"],
];
const VISIT_TOPICS_EN: readonly [string, string][] = [
  ["Quarterly business review", "Volumes on plan; asked for faster lead times"],
  ["Technical workshop on vision inspection", "Pilot line agreed, pilot order expected"],
  ["Annual frame agreement renewal", "Prices agreed, waiting for legal review"],
];
const VISIT_TYPES_CN = ["客户经理拜访", "技术交流", "高层拜访", "服务回访"];
const VISIT_TYPES_EN = ["Account manager visit", "Technical exchange", "Executive visit", "Service call"];

function visitRows(rng: Rng, accounts: readonly Customer[]): unknown[][] {
  const rows: unknown[][] = [];
  accounts.slice(0, 10).forEach((c, i) => {
    const n = i < 3 ? 6 : rng.int(2, 4);
    let date = addDays(utc(SAMPLE_AS_OF), -rng.int(300, 420));
    for (let k = 0; k < n; k++) {
      date = addDays(date, rng.int(25, 75));
      if (date.getTime() > utc(SAMPLE_AS_OF).getTime()) break;
      const [discussed, progress] = rng.pick(c.chinese ? VISIT_TOPICS_CN : VISIT_TOPICS_EN);
      const place = c.chinese ? `${c.city.name}客户总部` : c.abroad.city;
      const host = c.chinese ? `${chineseName(rng)}（${rng.pick(["采购总监", "技术经理", "总经理", "设备部主管"])}）` : `${rng.pick(EN_PEOPLE)} (${rng.pick(["Purchasing", "Engineering", "Plant manager"])})`;
      rows.push([c.name, date, place, host, discussed, progress, addDays(date, rng.int(20, 60)), rng.pick(c.chinese ? VISIT_TYPES_CN : VISIT_TYPES_EN)]);
    }
  });
  return rows;
}

const COMPLAINTS: readonly [string, string, string][] = [
  ["伺服电机批次异响", "客户产线调试时发现3台电机异响，停线2小时", "更换电机并派工程师驻场一周，客户确认关闭"],
  ["交货延迟两周", "旺季产能不足导致订单延期", "调整排产优先级，补偿运费，后续按期交付"],
  ["发票信息错误", "开票抬头与合同不一致", "作废重开，3个工作日内寄出"],
  ["传感器漂移超差", "现场温度高导致读数漂移", "更换高温型号并更新选型指南"],
  ["Packaging damaged in transit", "Two pallets arrived with crushed cartons", "Replaced goods, switched to reinforced crates"],
  ["HMI firmware bug", "Screen froze after 72 h of operation", "Firmware 2.4.1 released and installed remotely"],
];

function complaintRows(rng: Rng, accounts: readonly Customer[]): unknown[][] {
  const rows: unknown[][] = [];
  for (let k = 0; k < 12; k++) {
    const c = accounts[rng.int(0, 11)];
    const [what, unfolded, resolution] = rng.pick(COMPLAINTS);
    rows.push([c.name, addDays(utc(SAMPLE_AS_OF), -rng.int(10, 600)), what, unfolded, resolution]);
  }
  rows.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime());
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Portfolio view (issue 8): framework call-offs, more visits, main-contact history, payments and
// birthdays. Drawn from a second generator so every sheet above keeps its rows.
// ---------------------------------------------------------------------------------------------

export const PORTFOLIO_SEED = SAMPLE_SEED + 8;

/**
 * Accounts on a framework agreement place a call-off every month besides their project orders, so
 * their monthly sales are steadier: the larger the call-off against the rest, the steadier (XYZ
 * class X or Y; everyone else buys in projects and is Z). Index into the 40 accounts, and the
 * call-off as a multiple of the account's average month of project sales.
 */
const CALL_OFFS: readonly (readonly [number, number])[] = [
  [9, 3],
  [12, 4],
  [16, 6],
  [19, 3],
  [24, 8],
  [28, 5],
  [31, 10],
  [35, 12],
];

function callOffRows(rng: Rng, accounts: readonly Customer[], sales: readonly SaleRow[]): SaleRow[] {
  const first = utc(SAMPLE_FIRST_DAY);
  const rows: SaleRow[] = [];
  const product = PRODUCTS[11]; // the spare-parts service pack: what framework agreements call off
  for (const [index, multiple] of CALL_OFFS) {
    const c = accounts[index];
    const total = sales.filter((r) => r.customer === c.name).reduce((sum, r) => sum + r.amount, 0);
    const monthly = (Math.max(total, 0) / 24) * multiple;
    const day = rng.int(3, 25);
    for (let m = 0; m < 24; m++) {
      const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, day));
      const quantity = Math.max(1, Math.round((monthly * (1 + 0.05 * rng.normal())) / product.price));
      const amount = round2(quantity * product.price);
      rows.push({ date, order: "", customer: c.name, product: product.name, quantity, price: product.price, amount, profit: round2(amount * clamp(c.margin + 0.1, 0.05, 0.45)) });
    }
  }
  return rows;
}

/** Merge call-offs into the sales (date order, as before) and number them CO-yymm-nnnn. */
function withCallOffs(sales: readonly SaleRow[], callOffs: readonly SaleRow[]): SaleRow[] {
  const perMonth = new Map<string, number>();
  for (const r of callOffs) {
    const ym = `${String(r.date.getUTCFullYear()).slice(2)}${String(r.date.getUTCMonth() + 1).padStart(2, "0")}`;
    const n = (perMonth.get(ym) ?? 0) + 1;
    perMonth.set(ym, n);
    r.order = `CO-${ym}-${String(n).padStart(4, "0")}`;
  }
  // A stable sort by date then customer keeps the project orders in their order.
  return [...sales, ...callOffs].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
}

const HANDOVER_CN: readonly [string, string] = ["主要联系人交接拜访", "新联系人已熟悉合作历史和在途项目"];
const HANDOVER_EN: readonly [string, string] = ["Hand-over visit for the new main contact", "New contact briefed on history and open projects"];

/** Main contacts: the first since signing, and a recent change at six accounts (two handed over with a visit). */
function contactRows(rng: Rng, accounts: readonly Customer[], signed: readonly Date[]): { rows: unknown[][]; handovers: { account: number; date: Date }[] } {
  const asOf = utc(SAMPLE_AS_OF);
  const rows: unknown[][] = [];
  const handovers: { account: number; date: Date }[] = [];
  const changed: Record<number, { daysAgo: number; handedOver: boolean }> = {
    2: { daysAgo: 12, handedOver: true },
    5: { daysAgo: 20, handedOver: false },
    11: { daysAgo: 45, handedOver: false },
    17: { daysAgo: 8, handedOver: false },
    23: { daysAgo: 60, handedOver: true },
    29: { daysAgo: 150, handedOver: false },
  };
  accounts.forEach((c, i) => {
    const name = (): string => (c.chinese ? chineseName(rng) : rng.pick(EN_PEOPLE));
    const firstContact = name();
    rows.push([c.name, firstContact, signed[i]]);
    const change = changed[i];
    if (change) {
      let next = name();
      while (next === firstContact) next = name();
      const date = addDays(asOf, -change.daysAgo);
      rows.push([c.name, next, date]);
      if (change.handedOver) handovers.push({ account: i, date: addDays(date, rng.int(0, 1)) });
    }
  });
  return { rows, handovers };
}

/**
 * A year of visits of every kind for all 40 accounts: account manager visits about monthly (a third
 * of the accounts fell silent one to three months ago), service callbacks at four accounts in five,
 * a technical exchange and an executive visit at most, and the hand-over visits of the contact changes.
 */
function portfolioVisitRows(rng: Rng, accounts: readonly Customer[], handovers: readonly { account: number; date: Date }[]): unknown[][] {
  const asOf = utc(SAMPLE_AS_OF);
  const rows: unknown[][] = [];
  const typeName = (c: Customer, k: number): string => (c.chinese ? VISIT_TYPES_CN : VISIT_TYPES_EN)[k];
  const visit = (c: Customer, date: Date, k: number, topic?: readonly [string, string]): void => {
    const [discussed, progress] = topic ?? rng.pick(c.chinese ? VISIT_TOPICS_CN : VISIT_TOPICS_EN);
    const place = c.chinese ? `${c.city.name}客户总部` : c.abroad.city;
    const host = c.chinese ? `${chineseName(rng)}（${rng.pick(["采购总监", "技术经理", "总经理", "设备部主管"])}）` : `${rng.pick(EN_PEOPLE)} (${rng.pick(["Purchasing", "Engineering", "Plant manager"])})`;
    rows.push([c.name, date, place, host, discussed, progress, addDays(date, rng.int(20, 45)), typeName(c, k)]);
  };
  accounts.forEach((c, i) => {
    // Account manager visits (type 0), from a year back up to a last visit that is recent for most.
    const silent = i % 3 === 2;
    const last = addDays(asOf, silent ? -rng.int(35, 95) : -rng.int(1, 24));
    for (let d = addDays(asOf, -rng.int(330, 380)); d.getTime() <= last.getTime(); d = addDays(d, rng.int(22, 38))) visit(c, d, 0);
    visit(c, last, 0);
    // Technical exchange (1) and executive visit (2): most accounts had one within the last 14 months.
    if (rng.chance(0.85)) visit(c, addDays(asOf, -rng.int(40, 420)), 1);
    if (rng.chance(0.85)) visit(c, addDays(asOf, -rng.int(20, 300)), 2);
    // Service callbacks (3) over the last four months, at all but one account in five.
    if (i % 5 !== 4) for (let d = addDays(asOf, -rng.int(100, 125)); d.getTime() < asOf.getTime(); d = addDays(d, rng.int(25, 40))) visit(c, d, 3);
  });
  for (const h of handovers) {
    const c = accounts[h.account];
    visit(c, h.date, 0, c.chinese ? HANDOVER_CN : HANDOVER_EN);
  }
  rows.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime() || String(a[0]).localeCompare(String(b[0])));
  return rows;
}

/**
 * Invoices of the last twelve months and their payments: most paid on time, accounts low on the
 * credit list often late, a few invoices overdue and unpaid at the sample's last day.
 */
function paymentRows(rng: Rng, accounts: readonly Customer[], sales: readonly SaleRow[]): unknown[][] {
  const asOf = utc(SAMPLE_AS_OF);
  const rows: unknown[][] = [];
  let invoice = 0;
  const overdue = new Set([3, 13, 21, 27, 34]);
  accounts.forEach((c, i) => {
    const terms = [30, 45, 60, 90][i % 4];
    const lateProne = i >= 20 || i === 6 || i === 13;
    const yearly = sales.filter((r) => r.customer === c.name && r.date.getTime() > addDays(asOf, -365).getTime()).reduce((sum, r) => sum + r.amount, 0);
    const per = Math.max(yearly, 50_000) / 6;
    for (let k = 0; k < 6; k++) {
      const issued = addDays(asOf, -(365 - k * 60) + rng.int(0, 20));
      const due = addDays(issued, terms);
      const amount = round2(per * (0.7 + 0.6 * rng.float()));
      let paid: Date | null = addDays(due, -rng.int(0, 10));
      if (lateProne && rng.chance(0.4)) paid = addDays(due, rng.int(3, 45));
      if (overdue.has(i) && k === 4) paid = null;
      if (paid !== null && paid.getTime() > asOf.getTime()) paid = null;
      invoice++;
      rows.push([c.name, `INV-${String(invoice).padStart(5, "0")}`, amount, due, paid]);
    }
  });
  return rows;
}

/** Birthdays of the stakeholders, consistent with their age on the sample's last day; two fall within two weeks of it. */
const BIRTHDAYS: Readonly<Record<string, string>> = {
  王建国: "11-05",
  李海燕: "03-18",
  陈磊: "07-02",
  赵静: "12-24",
  周志强: "01-09",
  吴晓明: "06-30",
  孙婷: "09-14",
  "Anna Becker": "11-12",
  "James Whitfield": "04-27",
  "Priya Raman": "02-29",
  "Lukas Meyer": "08-08",
};

function withBirthdays(rows: readonly unknown[][]): unknown[][] {
  const asOf = utc(SAMPLE_AS_OF);
  const lastMd = SAMPLE_AS_OF.slice(5);
  return rows.map((r) => {
    const md = BIRTHDAYS[String(r[2])];
    if (md === undefined) return [...r, null];
    // Not yet had this year's birthday on the last day → born a year earlier.
    const year = asOf.getUTCFullYear() - Number(r[3]) - (md > lastMd ? 1 : 0);
    // 29 February of a year without one is kept as 1 March by Date; pick a leap year instead.
    const leapSafe = md === "02-29" && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? year - (year % 4) : year;
    return [...r, utc(`${leapSafe}-${md}`)];
  });
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

/**
 * Sheet names and headers. Sales, the internal profile and the activity logs use Chinese headers,
 * the external profile uses English ones, the account master data uses "中文 English" headers: the
 * CLI must find columns in all three styles. The internal profile has a sheet of its own because
 * its 利润贡献 (profit contribution) has the same name as the §1 criterion on the account sheet.
 */
export const SAMPLE_SHEETS = {
  sales: { name: "销售明细 Sales", header: ["日期", "订单号", "客户名称", "产品", "数量", "单价", "销售额", "利润"] },
  accounts: {
    name: "客户档案 Accounts",
    header: [
      "客户名称 Customer", "战略契合度 Strategic fit", "利润贡献 Profit contribution", "业务规模 Business scale", "行业影响力 Industry influence",
      "市场和品牌效应 Market & brand effect", "发展潜力 Growth potential", "范围 Scope", "地址 Address", "电话 Phone", "法定代表人 Legal representative",
      "成立日期 Founded", "员工人数 Staff", "管理结构 Management structure", "开户银行 Bank", "信用额度 Credit limit", "付款条件 Payment terms",
      "签约日期 Signed", "客户经理 Owner", "采购份额 Share of wallet",
      "年销售额 Annual sales", "履约程度 Performance", "经营风险 Risk", "列入红名单日期 On red list since",
    ],
  },
  external: { name: "外部画像 External", header: ["Company", "Market size", "R&D capability", "Quality requirement", "Regulatory requirement", "Price type", "Professional level"] },
  internal: { name: "内部画像 Internal", header: ["客户名称", "销售规模", "利润贡献", "质量要求", "信用等级", "客户关系", "专业水平"] },
  stakeholders: { name: "关键人 Stakeholders", header: ["客户名称", "旅程点", "姓名", "年龄", "学历", "组织角色", "权力角色", "关系角色", "发展潜力", "生日"] },
  visits: { name: "拜访记录 Visits", header: ["客户名称", "拜访日期", "地点", "接待人", "洽谈内容", "进展", "下次拜访", "拜访类型"] },
  complaints: { name: "投诉记录 Complaints", header: ["客户名称", "投诉日期", "投诉内容", "经过", "处理结果"] },
  payments: { name: "回款记录 Payments", header: ["客户名称", "发票号", "金额", "到期日", "付款日期"] },
  contacts: { name: "联系人变更 Contacts", header: ["客户名称", "主要联系人", "起始日期"] },
} as const;

type SheetKey = keyof typeof SAMPLE_SHEETS;

const NUMBER_FORMATS: Partial<Record<SheetKey, Record<number, string>>> = {
  sales: { 0: "yyyy-mm-dd", 4: "#,##0", 5: "#,##0.00", 6: "#,##0.00", 7: "#,##0.00" },
  accounts: { 11: "yyyy-mm-dd", 12: "#,##0", 15: "#,##0", 17: "yyyy-mm-dd", 19: "0%", 20: "#,##0.00", 23: "yyyy-mm-dd" },
  visits: { 1: "yyyy-mm-dd", 6: "yyyy-mm-dd" },
  complaints: { 1: "yyyy-mm-dd" },
  stakeholders: { 9: "yyyy-mm-dd" },
  payments: { 2: "#,##0.00", 3: "yyyy-mm-dd", 4: "yyyy-mm-dd" },
  contacts: { 2: "yyyy-mm-dd" },
};

/** Every sheet's data rows (below the header), generated in one fixed order from one seed. */
export function sampleData(): { customers: Customer[]; sales: SaleRow[]; sheets: Record<SheetKey, unknown[][]> } {
  const rng = new Rng(SAMPLE_SEED);
  const customers = makeCustomers(rng, 150);
  const projectSales = makeSales(rng, customers, 3000);
  const extra = new Rng(PORTFOLIO_SEED);
  const sales = withCallOffs(projectSales, callOffRows(extra, customers.slice(0, 40), projectSales));
  const accounts = customers.slice(0, 40);
  // One account master sheet carries the overview, the §1 criteria and the §2 credit inputs, as a
  // CRM export would: the account cards read all of them from one table.
  const master = accountRows(rng, accounts);
  const credit = creditColumns(rng, accounts, sales);
  const sheets: Record<SheetKey, unknown[][]> = {
    sales: sales.map((r) => [r.date, r.order, r.customer, r.product, r.quantity, r.price, r.amount, r.profit]),
    accounts: master.map((row, i) => [...row, ...credit[i]]),
    external: externalRows(),
    internal: internalRows(rng, accounts),
    stakeholders: withBirthdays(stakeholderRows(accounts)),
    visits: visitRows(rng, accounts),
    complaints: complaintRows(rng, accounts),
    payments: [],
    contacts: [],
  };
  // Issue 8's sheets and visits come from the second generator, after everything above.
  const signed = master.map((row) => row[17] as Date);
  const contacts = contactRows(extra, accounts, signed);
  sheets.contacts = contacts.rows;
  sheets.visits = [...sheets.visits, ...portfolioVisitRows(extra, accounts, contacts.handovers)];
  sheets.payments = paymentRows(extra, accounts, sales);
  return { customers, sales, sheets };
}

/** The sample workbook, in memory. */
export function makeSampleWorkbook(): ExcelJS.Workbook {
  const { sheets } = sampleData();
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so a regenerated file differs from the committed one only if the data does.
  wb.creator = "KAM for Excel sample generator";
  wb.created = new Date(Date.UTC(2026, 9, 31));
  wb.modified = new Date(Date.UTC(2026, 9, 31));

  for (const key of Object.keys(SAMPLE_SHEETS) as SheetKey[]) {
    const def = SAMPLE_SHEETS[key];
    const ws = wb.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow([...def.header]).font = { bold: true };
    for (const row of sheets[key]) ws.addRow(row);
    const formats = NUMBER_FORMATS[key] ?? {};
    def.header.forEach((h, c) => {
      const col = ws.getColumn(c + 1);
      col.width = Math.min(40, Math.max(10, [...String(h)].length * 1.6));
      const fmt = formats[c];
      if (fmt) col.numFmt = fmt;
    });
  }
  return wb;
}

export async function writeSample(file: string): Promise<void> {
  await makeSampleWorkbook().xlsx.writeFile(file);
}

if (require.main === module) {
  const out = process.argv[2] ?? path.resolve(__dirname, "..", "..", "assets", "samples", "kam-sample.xlsx");
  writeSample(out).then(
    () => process.stdout.write(`wrote ${out}\n`),
    (err: unknown) => {
      process.stderr.write(`make-sample failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
