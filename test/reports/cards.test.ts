import { ymdToSerial } from "../../src/domain/dates";
import { settingsSchema } from "../../src/domain/settings";
import { buildCardsReport, defaultCardTemplate } from "../../src/reports/cards";
import { cellAt, expectCellNamed, findCell, formatAt, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });
const asOf = "2026-03-01";
const CRIT = ["Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential"];

function accounts() {
  return source("Accounts", ["Customer", "Address", "Phone", "Founded", "Credit limit", "Payment terms", "Owner", ...CRIT, "Volume", "Performance", "Risk"], [
    ["Acme", "1 Main St", "010-12345678", "2001-05-01", 500000, "60 days", "Li", 30, 20, 20, 10, 10, 10, 40, 45, -5],
    ["Beta", "2 Side St", "", ymdToSerial(2010, 1, 1), "", "", "Wang", 20, 15, 15, 5, 5, 5, 30, 35, -5],
    ["=evil()", "", "", "", "", "", "", 10, 10, 10, 0, 0, 0, 10, 10, -10],
  ]);
}

function transactions() {
  return source("Sales", ["Customer", "Date", "Amount", "Profit"], [
    ["Acme", "2025-01-05", 100, 10],
    ["Acme", "2025-01-20", 50, 5],
    ["Acme", "2025-02-10", 70, 7],
    ["Beta", "2025-01-10", 60, 6],
    ["Other", "2025-03-01", 20, 2],
  ]);
}

function visits() {
  return source("Visits", ["Customer", "Visit date", "Place", "Received by", "Discussed", "Progress", "Next visit"], [
    ["Acme", "2025-01-15", "Plant", "Zhao", "Quality", "Open", ""],
    ["acme", "2025-03-01", "HQ", "Wang", "Pricing", "Agreed", "2025-04-01"],
    ["Beta", "2025-02-01", "HQ", "Sun", "Intro", "", ""],
  ]);
}

function complaints() {
  return source("Complaints", ["Customer", "Complaint date", "Complaint", "How it unfolded", "Resolution"], [["Acme", "2025-02-02", "Late delivery", "Truck broke down", "Refund"]]);
}

function build(lang = settingsSchema.parse({})) {
  return buildCardsReport({ accounts: accounts(), transactions: transactions(), visits: visits(), complaints: complaints() }, { asOf }, lang);
}

describe("Account cards (SPEC §6) from the default template", () => {
  test("one sheet per account, styled from the template sheet", () => {
    const { plan, summary } = build();
    expect(plan.sheets.map((s) => s.key)).toEqual(["card:Acme", "card:Beta", "card:=evil()"]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Card Acme", "Card Beta", "Card =evil()"]);
    expect(sheetOf(plan, "card:Acme").formatsFrom).toEqual({ sheet: "Card template", rect: { row: 0, col: 0, rows: 15, cols: 4 } });
    expect(summary.template).toBe("default");
    expect(summary.unknownPlaceholders).toEqual([]);
    expect(summary.parts).toEqual({ score: true, credit: true, profile: false, abc: true, sales: true });
    expect(planProblems(plan)).toEqual([]);
  });

  test("placeholders are filled with the overview, ABC class, score, tier and credit grade", () => {
    const sheet = sheetOf(build().plan, "card:Acme");
    const value = (label: string): unknown => {
      const at = findCell(sheet, label)!;
      return cellAt(sheet, at.row, at.col + 1);
    };
    expect(value("Customer name")).toBe("Acme");
    expect(value("Card date")).toBe(ymdToSerial(2026, 3, 1));
    expect(value("Address")).toBe("1 Main St");
    expect(value("Phone")).toBe("010-12345678");
    expect(value("Founded")).toBe(ymdToSerial(2001, 5, 1));
    expect(value("Credit limit")).toBe(500000);
    expect(value("Payment terms")).toBe("60 days");
    expect(value("Account owner")).toBe("Li");
    expect(value("Credit score")).toBe(80);
    expect(value("Credit grade")).toBe("AAA");
    expect(value("Credit list")).toBe("Green list");
    expect(value("ABC class")).toBe("A");
    expect(value("Key-account score")).toBe(100);
    expect(value("Tier")).toBe("Key account");
    expect(value("Sales")).toBe(220);
    // Fields the table does not have are left empty.
    expect(value("Bank")).toBeNull();
    // Dates are numbers with a date format.
    const founded = findCell(sheet, "Founded")!;
    expect(sheet.formats!.some((f) => f.rect.row === founded.row && f.rect.col === founded.col + 1 && f.style.numberFormat === "yyyy-mm-dd")).toBe(true);
  });

  test("ABC classes come from every customer of the transactions", () => {
    const { summary } = build();
    expect(summary.cards.map((c) => [c.customer, c.abcClass])).toEqual([
      ["Acme", "A"],
      ["Beta", "B"],
      ["=evil()", null],
    ]);
  });

  test("sales by period, visit history (most recent first) and complaints as tables below the template", () => {
    const sheet = sheetOf(build().plan, "card:Acme");
    const tables = sheet.tables!;
    expect(tables.map((t) => t.rect.row > 15)).toEqual([true, true, true]);
    const [sales, visitTable, complaintTable] = tables;
    expect(readRect(sheet, sales.rect)).toEqual([
      ["Period", "Sales", "Profit"],
      ["2025-01", 150, 15],
      ["2025-02", 70, 7],
    ]);
    const v = readRect(sheet, visitTable.rect);
    expect(v[0]).toEqual(["Date", "Place", "Received by", "Discussed", "Progress", "Next visit"]);
    expect(v.slice(1).map((r) => r[0])).toEqual([ymdToSerial(2025, 3, 1), ymdToSerial(2025, 1, 15)]);
    expect(v[1][5]).toBe(ymdToSerial(2025, 4, 1));
    expect(formatAt(sheet, visitTable.rect.row + 1, 0)).toBe("yyyy-mm-dd");
    expect(readRect(sheet, complaintTable.rect)).toEqual([
      ["Date", "Complaint", "How it unfolded", "Resolution"],
      [ymdToSerial(2025, 2, 2), "Late delivery", "Truck broke down", "Refund"],
    ]);
    expect(findCell(sheet, "Visit history")).toBeDefined();
    const { summary } = build();
    expect(summary.cards[0]).toMatchObject({ visits: 2, complaints: 1, periods: 2 });
  });

  test("an account without complaints says so instead of an empty table", () => {
    const sheet = sheetOf(build().plan, "card:Beta");
    expect(findCell(sheet, "No complaints recorded.")).toBeDefined();
    expect(sheet.tables!.length).toBe(2);
  });

  test("text from the user's table stays text, including formula-like names", () => {
    const sheet = sheetOf(build().plan, "card:=evil()");
    const at = findCell(sheet, "Customer name")!;
    expect(cellAt(sheet, at.row, at.col + 1)).toBe("=evil()");
  });

  test("Chinese cards and the default Chinese template", () => {
    const { plan } = build(zh);
    const sheet = sheetOf(plan, "card:Acme");
    expect(sheet.name).toBe("档案 Acme");
    expect(sheet.formatsFrom!.sheet).toBe("档案卡模板");
    expect(cellAt(sheet, 0, 0)).toBe("大客户档案卡");
    const grade = findCell(sheet, "信用等级")!;
    expect(cellAt(sheet, grade.row, grade.col + 1)).toBe("AAA级");
    expect(findCell(sheet, "各期销售额")).toBeDefined();
    expect(planProblems(plan)).toEqual([]);
  });

  test("accounts can be chosen by name", () => {
    const { plan } = buildCardsReport({ accounts: accounts() }, { accounts: ["beta"], asOf });
    expect(plan.sheets.map((s) => s.key)).toEqual(["card:Beta"]);
    expect(inputErrorOf(() => buildCardsReport({ accounts: accounts() }, { accounts: ["Nobody"] })).en).toContain('"Nobody"');
  });
});

describe("Account cards: template", () => {
  test("the default template is a styled sheet plan whose placeholders all resolve, in either language", () => {
    for (const lang of ["en", "zh"] as const) {
      const t = defaultCardTemplate(lang);
      expect(t.key).toBe("card-template");
      expect(planProblems({ report: "card-template", sheets: [t] })).toEqual([]);
      expect(t.merges!.length).toBeGreaterThan(0);
      expect(t.columnWidths!.length).toBe(4);
      const text = t.blocks.flatMap((b) => b.values.flat()).join(" ");
      expect(text).toContain(lang === "en" ? "{{name}}" : "{{客户名称}}");
    }
    expect(defaultCardTemplate("en").name).toBe("Card template");
    expect(defaultCardTemplate("zh").name).toBe("档案卡模板");
  });

  test("a user template: placeholders in either language inside text, numbers kept, unknown placeholders reported", () => {
    const template = {
      sheet: "My card",
      values: [
        ["客户：{{客户名称}} / {{ name }}", "{{ABC 分类}}", null],
        ["Limit {{creditLimit}}", 5, "{{favourite colour}}"],
        ["{{信用等级}}", "{{Founded}}", "{{nickname}} and {{favourite colour}}"],
      ],
    };
    const { plan, summary } = buildCardsReport({ accounts: accounts(), transactions: transactions(), template }, { asOf });
    const sheet = sheetOf(plan, "card:Acme");
    expect(sheet.formatsFrom).toEqual({ sheet: "My card", rect: { row: 0, col: 0, rows: 3, cols: 3 } });
    expect(readRect(sheet, { row: 0, col: 0, rows: 3, cols: 3 })).toEqual([
      ["客户：Acme / Acme", "A", null],
      ["Limit 500,000.00", 5, "{{favourite colour}}"],
      ["AAA", ymdToSerial(2001, 5, 1), "{{nickname}} and {{favourite colour}}"],
    ]);
    expect(summary.template).toBe("user");
    expect([...summary.unknownPlaceholders].sort()).toEqual(["favourite colour", "nickname"]);
    const w = plan.warnings!.find((x) => x.en.includes("unknown placeholders"))!;
    expect(w.en).toContain("{{favourite colour}}");
    expect(w.zh).toContain("{{nickname}}");
    expect(planProblems(plan)).toEqual([]);
  });
});

describe("Account cards: internal profile radar", () => {
  const PROFILE = ["Customer", "Sales volume", "Profit contribution", "Quality requirement", "Credit", "Relationship", "Professional level"];

  test("a complete internal profile adds a radar of the account against the three tier lines", () => {
    const s = source("Accounts", PROFILE, [["Acme", 30, 85, 90, 80, 85, 70]]);
    const { plan, summary } = buildCardsReport({ accounts: s }, { asOf });
    const sheet = sheetOf(plan, "card:Acme");
    expect(summary.parts.profile).toBe(true);
    expect(summary.parts.abc).toBe(false);
    expect(summary.cards[0].internalClass).toBe("important");
    // "Profit contribution" also names a score criterion; with the profile complete that is no half-filled score.
    expect(plan.warnings).toBeUndefined();
    const [chart] = sheet.charts!;
    expect(chart.type).toBe("radar");
    expect(chart.title).toContain("Important account");
    expect(readLine(sheet, chart.categories)).toEqual(["Sales volume", "Profit contribution", "Quality requirement", "Credit", "Relationship", "Professional level"]);
    expect(readLine(sheet, chart.series[0].values)).toEqual([30, 85, 90, 80, 85, 70]);
    expect(readLine(sheet, chart.series[1].values)).toEqual([50, 90, 80, 90, 90, 90]);
    expect(chart.position.col).toBeGreaterThanOrEqual(4);
    expect(planProblems(plan)).toEqual([]);
  });

  test("the internal profile can come from its own table, beside an accounts table that holds the six criteria", () => {
    const profiles = source("Internal", PROFILE, [
      ["ACME", 55, 92, 85, 95, 95, 95],
      ["Nobody", 10, 60, 60, 70, 60, 70],
    ]);
    const { plan, summary } = buildCardsReport({ accounts: accounts(), profiles }, { asOf });
    expect(summary.parts.score).toBe(true);
    expect(summary.parts.profile).toBe(true);
    const acme = summary.cards.find((c) => c.customer === "Acme")!;
    expect(acme.score).toBe(100);
    expect(acme.internalClass).toBe("keyAccount");
    const sheet = sheetOf(plan, "card:Acme");
    const radar = sheet.charts!.find((c) => c.type === "radar")!;
    expect(readLine(sheet, radar.series[0].values)).toEqual([55, 92, 85, 95, 95, 95]);
    // An account with no profile row gets its card without a radar.
    expect(summary.cards.find((c) => c.customer === "Beta")!.internalClass).toBeNull();
    expect(sheetOf(plan, "card:Beta").charts?.some((c) => c.type === "radar") ?? false).toBe(false);
    expect(planProblems(plan)).toEqual([]);
  });

  test("a bad cell in the profile table stops the cards with the cell named", () => {
    const profiles = source("Internal", PROFILE, [["Acme", 55, "lots", 85, 95, 95, 95]]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: accounts(), profiles }, { asOf })), "Internal", "Profit contribution", "C", "C2");
  });

  test("a part with some columns missing is left out with a warning", () => {
    const s = source("Accounts", ["Customer", "Strategic fit", "Business scale"], [["Acme", 20, 10]]);
    const { plan, summary } = buildCardsReport({ accounts: s }, { asOf });
    expect(summary.parts.score).toBe(false);
    expect(plan.warnings![0].en).toContain("key-account score");
    expect(plan.warnings![0].en).toContain("'Industry influence'");
    expect(plan.warnings![0].zh).toContain("大客户评分");
  });
});

describe("Account cards: bad input stops the report with the cell named", () => {
  test("in the accounts table", () => {
    const bad = source("Accounts", ["Customer", "Founded"], [
      ["Acme", "2001-05-01"],
      ["Beta", "sometime"],
    ]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: bad }, { asOf })), "Accounts", "Founded", "B", "B3");
    const score = source("Accounts", ["Customer", ...CRIT], [["Acme", 30, 20, 20, 11, 10, 10]]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: score }, { asOf })), "Accounts", "Industry influence", "E", "E2");
  });

  test("in the visits, complaints and transactions tables", () => {
    const v = source("Visits", ["Customer", "Visit date"], [["Acme", "next week"]]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: accounts(), visits: v }, { asOf })), "Visits", "Visit date", "B", "B2");
    const c = source("Complaints", ["Customer", "Complaint date", "Complaint"], [["Acme", "2025-01-01", ""]]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: accounts(), complaints: c }, { asOf })), "Complaints", "Complaint", "C", "C2");
    const t = source("Sales", ["Customer", "Date", "Amount"], [["Acme", "2025-01-01", "lots"]]);
    expectCellNamed(inputErrorOf(() => buildCardsReport({ accounts: accounts(), transactions: t }, { asOf })), "Sales", "Amount", "C", "C2");
  });

  test("a repeated account uses its first row, with a warning", () => {
    const s = source("Accounts", ["Customer", "Address"], [
      ["Acme", "first"],
      ["ACME", "second"],
    ]);
    const { plan } = buildCardsReport({ accounts: s }, { asOf });
    expect(plan.sheets).toHaveLength(1);
    expect(plan.warnings![0].en).toContain("row 3");
    const sheet = sheetOf(plan, "card:Acme");
    const at = findCell(sheet, "Address")!;
    expect(cellAt(sheet, at.row, at.col + 1)).toBe("first");
  });

  test("visits of a customer with no account row are reported, not lost silently", () => {
    const v = source("Visits", ["Customer", "Visit date"], [
      ["Acme", "2025-01-01"],
      ["Acmee", "2025-01-02"],
    ]);
    const { plan } = buildCardsReport({ accounts: accounts(), visits: v }, { asOf });
    const w = plan.warnings!.find((x) => x.en.includes("Acmee"))!;
    expect(w.en).toContain("Sheet 'Visits'");
    expect(w.zh).toContain("Acmee");
  });

  test("bad options are refused", () => {
    expect(inputErrorOf(() => buildCardsReport({ accounts: accounts() }, { period: "week" as "month" })).en).toContain("quarter");
    expect(inputErrorOf(() => buildCardsReport({ accounts: accounts() }, { accounts: [] })).en).toContain("No account");
  });
});
