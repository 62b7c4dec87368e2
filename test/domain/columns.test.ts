import fc from "fast-check";
import {
  COLUMN_ALIASES,
  COLUMN_ROLE_LABELS,
  COLUMN_ROLES,
  columnIndex,
  detectColumns,
  resolveColumn,
  type ColumnRole,
} from "../../src/domain/columns";
import { CRITERIA } from "../../src/domain/score";

describe("detectColumns", () => {
  it.each([
    ["客户", "customer"],
    ["客户名称", "customer"],
    ["客户名", "customer"],
    ["公司", "customer"],
    ["公司名称", "customer"],
    ["Customer", "customer"],
    ["Customer name", "customer"],
    ["Account", "customer"],
    ["Account name", "customer"],
    ["Client", "customer"],
    ["Company", "customer"],
    ["销售额", "amount"],
    ["金额", "amount"],
    ["销售金额", "amount"],
    ["成交额", "amount"],
    ["营业额", "amount"],
    ["Sales", "amount"],
    ["Amount", "amount"],
    ["Revenue", "amount"],
    ["Sales amount", "amount"],
    ["Net sales", "amount"],
    ["利润", "profit"],
    ["毛利", "profit"],
    ["利润额", "profit"],
    ["Profit", "profit"],
    ["Gross profit", "profit"],
    ["Margin amount", "profit"],
    ["日期", "date"],
    ["交易日期", "date"],
    ["订单日期", "date"],
    ["Date", "date"],
    ["Order date", "date"],
    ["Invoice date", "date"],
  ] as const)("recognises the header %p as %p", (text, role) => {
    expect(detectColumns(["x", text, "y"], [role])).toEqual({ found: { [role]: 1 }, missing: [] });
  });

  it("is case-, width- and space-insensitive and ignores units in brackets", () => {
    const header = ["  CUSTOMER NAME ", "销售额（元）", "Ｄａｔｅ", "Gross profit [USD]", "数量:"];
    expect(detectColumns(header, ["customer", "amount", "date", "profit", "quantity"]).found).toEqual({
      customer: 0,
      amount: 1,
      date: 2,
      profit: 3,
      quantity: 4,
    });
  });

  it("falls back to headers that contain a known name", () => {
    expect(detectColumns(["本月销售额合计", "Key customer"], ["amount", "customer"]).found).toEqual({ amount: 0, customer: 1 });
    expect(detectColumns(["Net sales 2024 (EUR)"], ["amount"]).found).toEqual({ amount: 0 });
  });

  it("matches Latin names as whole words only", () => {
    expect(detectColumns(["Wholesales", "Dateline"], ["amount", "date"])).toEqual({ found: {}, missing: ["amount", "date"] });
  });

  it("prefers the most specific name among headers that contain one", () => {
    expect(detectColumns(["Sales rep", "Net sales 2024"], ["amount"]).found).toEqual({ amount: 1 });
  });

  it("prefers an exact header to one that merely contains the name", () => {
    expect(detectColumns(["Sales rep", "Sales"], ["amount"]).found).toEqual({ amount: 1 });
    expect(detectColumns(["年销售额", "销售额"], ["amount", "annualSales"]).found).toEqual({ amount: 1, annualSales: 0 });
  });

  it("uses a column for one role only", () => {
    const r = detectColumns(["Customer", "Customer"], ["customer", "owner"]);
    expect(r).toEqual({ found: { customer: 0 }, missing: ["owner"] });
    const twice = detectColumns(["销售额"], ["amount", "annualSales"]);
    expect(twice).toEqual({ found: { amount: 0 }, missing: ["annualSales"] });
  });

  it("reports the roles it could not find, in the order asked", () => {
    expect(detectColumns(["客户", "备注"], ["amount", "customer", "date"])).toEqual({ found: { customer: 0 }, missing: ["amount", "date"] });
  });

  it("finds the six SPEC §1 criteria by their names in either language", () => {
    const zh = ["客户", "战略契合度", "利润贡献", "业务规模", "行业影响力", "市场和品牌效应", "发展潜力"];
    const en = ["Customer", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential"];
    const expected = { strategicFit: 1, profit: 2, scale: 3, influence: 4, brand: 5, potential: 6 };
    expect(detectColumns(zh, CRITERIA).found).toEqual(expected);
    expect(detectColumns(en, CRITERIA).found).toEqual(expected);
  });

  it("finds stakeholder and visit columns", () => {
    const header = ["旅程点", "姓名", "年龄", "学历", "组织角色", "权力角色", "关系角色", "发展潜力"];
    const roles: ColumnRole[] = ["journey", "person", "age", "education", "orgRole", "powerRole", "relationshipRole", "devPotential"];
    expect(detectColumns(header, roles).missing).toEqual([]);
    expect(detectColumns(["Visit date", "Place", "Received by", "Discussed", "Progress", "Next visit"], ["visitDate", "place", "receivedBy", "discussed", "progress", "nextVisit"]).missing).toEqual([]);
  });

  it("ignores empty and non-text header cells", () => {
    expect(detectColumns([null, "", true, "Customer"], ["customer"]).found).toEqual({ customer: 3 });
  });

  it("recognises its own display names for every role, in both languages", () => {
    for (const role of COLUMN_ROLES) {
      const l = COLUMN_ROLE_LABELS[role];
      expect(detectColumns([l.en], [role]).found[role]).toBe(0);
      expect(detectColumns([l.zh], [role]).found[role]).toBe(0);
    }
  });

  it("finds every requested role when a table uses the display names as headers", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...COLUMN_ROLES], { minLength: 1, maxLength: 12 }), fc.boolean(), (roles, zh) => {
        // Two roles may share a display name (e.g. quality requirement in §4a and §4b); a real table holds one of them.
        const texts = roles.map((r) => (zh ? COLUMN_ALIASES[r].zh : COLUMN_ALIASES[r].en));
        fc.pre(new Set(texts).size === texts.length);
        const r = detectColumns(texts, roles);
        expect(r.missing).toEqual([]);
        roles.forEach((role, i) => expect(r.found[role]).toBe(i));
      }),
    );
  });

  it("never throws and never gives one column to two roles", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.anything())), fc.shuffledSubarray([...COLUMN_ROLES]), (header, roles) => {
        const r = detectColumns(header, roles);
        const cols = Object.values(r.found);
        expect(new Set(cols).size).toBe(cols.length);
        expect(r.missing.length + cols.length).toBe(roles.length);
      }),
    );
  });
});

describe("resolveColumn", () => {
  const header = ["Customer name", "销售额（元）", "Date", "Region"];
  it("finds a header by its text, ignoring case, width and units", () => {
    expect(resolveColumn(header, "customer NAME")).toBe(0);
    expect(resolveColumn(header, "销售额")).toBe(1);
    expect(resolveColumn(header, "ｒｅｇｉｏｎ")).toBe(3);
  });
  it("finds a column by a role name in the other language", () => {
    expect(resolveColumn(header, "客户")).toBe(0);
    expect(resolveColumn(header, "Sales")).toBe(1);
    expect(resolveColumn(header, "日期")).toBe(2);
  });
  it("accepts column letters inside the table", () => {
    expect(resolveColumn(header, "C")).toBe(2);
    expect(resolveColumn(header, "d")).toBe(3);
    expect(resolveColumn(header, "E")).toBeUndefined();
    expect(resolveColumn(["Region", ...Array.from({ length: 30 }, () => "x")], "AA")).toBe(26);
  });
  it("prefers a header literally named like a letter", () => {
    expect(resolveColumn(["x", "y", "A"], "A")).toBe(2);
  });
  it("returns undefined for unknown or blank names", () => {
    expect(resolveColumn(header, "Owner")).toBeUndefined();
    expect(resolveColumn(header, " ")).toBeUndefined();
  });
});

describe("columnIndex", () => {
  it.each([
    ["A", 0],
    ["Z", 25],
    ["AA", 26],
    ["AZ", 51],
    ["XFD", 16383],
  ])("%p → %p", (letters, index) => {
    expect(columnIndex(letters)).toBe(index);
  });
  it("refuses what Excel has no column for", () => {
    for (const s of ["XFE", "ZZZZ", "1", "A1", ""]) expect(columnIndex(s)).toBeUndefined();
  });
});
