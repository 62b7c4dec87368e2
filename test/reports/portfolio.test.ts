import { serialToIso, ymdToSerial } from "../../src/domain/dates";
import { settingsSchema } from "../../src/domain/settings";
import { buildPortfolioReport, PORTFOLIO_TABLE_ROW, type PortfolioSources } from "../../src/reports/portfolio";
import { cellAt, expectCellNamed, findCell, formatAt, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const d = ymdToSerial;
const zh = settingsSchema.parse({ language: "zh" });
const asOf = "2026-06-30";
/** Window: 2026-01 … 2026-06 (6 months); the months before: 2025-07 … 2025-12. */
const months = 6;

function salesRows(): unknown[][] {
  const rows: unknown[][] = [];
  // Steady: 100 every month for a year → X, growth 0.
  for (let m = 7; m <= 12; m++) rows.push([d(2025, m, 15), "Steady", 100]);
  for (let m = 1; m <= 6; m++) rows.push([`2026-0${m}-15`, "Steady", 100]);
  // Gappy: 200 a month but nothing in April (a month without sales counts as 0) → Z; 500 in December → growth +100 %.
  rows.push([d(2025, 12, 10), "Gappy", 500]);
  for (const m of [1, 2, 3, 5, 6]) rows.push([`2026/${m}/10`, "gappy", 200]);
  // New: one month of history.
  rows.push([d(2026, 6, 20), "New", 1000]);
  // Lost: bought only in 2025.
  rows.push([d(2025, 8, 1), "Lost", 300]);
  // A customer that is not an account still counts for ABC and XYZ.
  for (let m = 1; m <= 6; m++) rows.push([d(2026, m, 1), "Walk-in", 10]);
  return rows;
}

const ACCOUNT_HEADER = ["Customer", "Contract signed", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential", "Volume points", "Performance", "Risk", "On red list since"];

function sources(): PortfolioSources {
  return {
    sales: source("Sales", ["Date", "Customer", "Amount"], salesRows()),
    accounts: source("Accounts", ACCOUNT_HEADER, [
      ["Steady", "2020-01-01", 25, 15, 15, 8, 8, 8, 40, 45, -5, ""], // 79 potential; credit 80 AAA; value symbiosis
      ["Gappy", d(2024, 3, 1), 30, 20, 20, 10, 10, 10, 30, 30, -10, "2025-05-15"], // 100 key account; credit 50 A, red 13 months
      ["New", "2026/6/1", 10, 10, 10, 5, 5, 5, 10, 40, 0, ""], // 45 general; initial stage
      ["Lost", d(2019, 1, 1), 5, 5, 5, 0, 0, 0, 40, 30, 0, ""], // 70 AA
    ]),
    visits: source("Visits", ["Customer", "Visit date", "Visit type"], [
      ["Steady", "2026/6/20", "客户经理拜访"],
      ["Steady", d(2026, 1, 10), "Executive visit"],
      ["GAPPY", d(2026, 5, 1), "高层拜访"],
      ["New", "2026-06-02", "Account manager"],
      ["Stranger", "2026-06-02", "Account manager"],
    ]),
    payments: source("Payments", ["Customer", "Invoice amount", "Due date", "Paid on"], [
      ["Gappy", 5000, "2026-06-01", ""],
      ["New", 800, "2026-06-10", "2026-06-15"],
      ["Steady", 100, "2026-06-01", "2026-05-30"],
    ]),
    people: source("People", ["Customer", "Name", "Birthday"], [
      ["Steady", "Anna Becker", "1975-07-05"],
      ["Steady", "Tom Hayes", ""],
    ]),
  };
}

describe("Portfolio (issue 8)", () => {
  const { plan, summary } = buildPortfolioReport(sources(), { asOf, months });

  test("one row per account, the most urgent first", () => {
    expect(summary.rows.map((r) => [r.customer, r.urgency])).toEqual([
      ["Gappy", 14], // overdue receivable 5 + red list 5 + no follow-up 4
      ["Lost", 4], // no contact on record
      ["New", 3], // late payment
      ["Steady", 0],
    ]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("ABC and XYZ over the window, over every customer with sales in it", () => {
    const by = new Map(summary.rows.map((r) => [r.customer, r]));
    // Totals: Gappy 1000, New 1000, Steady 600, Walk-in 60 → Gappy A, New A (equal amount), Steady B (prior 76.9 %), Walk-in C.
    expect(["Gappy", "New", "Steady", "Lost"].map((c) => by.get(c)!.abc)).toEqual(["A", "A", "B", null]);
    const xyz = (c: string) => {
      const o = by.get(c)!.xyz;
      return o === null ? null : o.kind === "class" ? o.class : o.msg.en;
    };
    expect([xyz("Steady"), xyz("Gappy"), xyz("New"), xyz("Lost")]).toEqual(["X", "Z", "not enough history: 1 month since the first sale, at least 6 needed", null]);
    expect(summary.customers).toBe(4);
    expect(summary.window).toEqual({ first: "2026-01", last: "2026-06", months: 6 });
  });

  test("growth, segment, spending tier, key-account tier, credit grade and stage", () => {
    const by = new Map(summary.rows.map((r) => [r.customer, r]));
    const g = by.get("Gappy")!;
    expect([g.amount, g.previousAmount, g.growth, g.segment, g.tier, g.creditGrade, g.stage]).toEqual([1000, 500, 1, "coreValue", "keyAccount", "A", "deep"]);
    const n = by.get("New")!;
    expect([n.growth, n.segment, n.tier, n.stage]).toEqual([null, "coreValue", "general", "initial"]);
    const st = by.get("Steady")!;
    expect([st.growth, st.segment, st.tier, st.creditGrade, st.stage, st.spending]).toEqual([0, "optimise", "potential", "AAA", "symbiosis", "other"]);
    expect(by.get("Lost")!.creditGrade).toBe("AA");
  });

  test("next due contact per account, from visits given as serials and as text in both forms", () => {
    const by = new Map(summary.rows.map((r) => [r.customer, r]));
    const n = by.get("New")!.next!;
    // Initial stage, visit in month 1 → weekly: due 2026-06-09, 21 days overdue.
    expect([n.type, serialToIso(n.due), n.overdueDays]).toEqual(["accountManager", "2026-06-09", 21]);
    const st = by.get("Steady")!.contacts;
    const am = st.find((x) => x.type === "accountManager")!;
    const ex = st.find((x) => x.type === "executive")!;
    expect([serialToIso(am.last!), serialToIso(am.due), serialToIso(ex.due)]).toEqual(["2026-06-20", "2026-07-20", "2026-07-10"]);
  });

  test("alerts per account, with their texts", () => {
    const gappy = summary.rows[0].alerts.map((a) => a.text.en);
    expect(gappy).toEqual([
      "1 overdue receivable totalling 5,000.00; due 2026-06-01 (29 days overdue)",
      "No follow-up for 60 days (last contact 2026-05-01)",
      "On the red list for 13 months (since 2025-05-15): key-account status is revoked",
    ]);
    expect(summary.rows[2].alerts.map((a) => a.rule)).toEqual(["latePayment"]);
    expect(summary.rows[3].alerts.map((a) => [a.rule, a.text.en])).toEqual([["birthday", "Birthday of Anna Becker on 2026-07-05 (in 5 days)"]]);
  });

  test("this week: risks newest first, then contacts due, then care tasks; each points at its account's row", () => {
    const kinds = summary.thisWeek.map((w) => w.kind);
    expect(kinds.indexOf("due")).toBeGreaterThan(kinds.lastIndexOf("risk"));
    expect(kinds.lastIndexOf("due")).toBeLessThan(kinds.indexOf("care"));
    const risks = summary.thisWeek.filter((w) => w.kind === "risk");
    for (let k = 1; k < risks.length; k++) expect(risks[k - 1].date).toBeGreaterThanOrEqual(risks[k].date);
    expect(risks[0]).toMatchObject({ customer: "New", rule: "latePayment", sheetRow: PORTFOLIO_TABLE_ROW + 3 });
    expect(summary.thisWeek.find((w) => w.kind === "care")).toMatchObject({ customer: "Steady", sheetRow: PORTFOLIO_TABLE_ROW + 4 });
    const sheet = sheetOf(plan, "portfolio");
    expect(cellAt(sheet, PORTFOLIO_TABLE_ROW + 3, 0)).toBe("New");
  });

  test("the sheet: accounts table with dates, percentages and conditional colours", () => {
    const sheet = sheetOf(plan, "portfolio");
    expect(sheet.name).toBe("Portfolio");
    const t = sheet.tables!.find((x) => x.name === "KamPortfolio")!.rect;
    expect(t.row).toBe(PORTFOLIO_TABLE_ROW);
    expect(readLine(sheet, { ...t, rows: 1 })).toEqual([
      "Account", "Risks", "Alerts", "Next contact", "Due", "Days overdue", "ABC", "XYZ", "ABC-XYZ", "Variability (CV)", "Sales", "Growth", "Segment", "Spending tier", "Tier", "Credit grade", "Stage",
    ]);
    const row = (k: number) => readRect(sheet, { row: t.row + 1 + k, col: 0, rows: 1, cols: t.cols })[0];
    const gappy = row(0);
    expect([gappy[0], gappy[1], gappy[6], gappy[7], gappy[8], gappy[10], gappy[11], gappy[12], gappy[14], gappy[15], gappy[16]]).toEqual([
      "Gappy", 3, "A", "Z", "AZ", 1000, 1, "Core value", "Key account", "A", "Deep binding",
    ]);
    expect(String(gappy[2])).toContain("No follow-up for 60 days");
    expect(row(2).slice(6, 9)).toEqual(["A", "Not enough history", null]);
    expect(row(2)[11]).toBe("new");
    expect(row(1).slice(6, 8)).toEqual(["no sales", null]);
    expect(formatAt(sheet, t.row + 1, 4)).toBe("yyyy-mm-dd");
    expect(formatAt(sheet, t.row + 1, 9)).toBe("0.0%");
    expect(cellAt(sheet, t.row + 3, 4)).toBe(d(2026, 6, 9));
    const cf = sheet.conditional!.find((c) => c.rect.col === 5 && c.rect.row === t.row + 1)!;
    expect(cf.rules[0]).toMatchObject({ op: "greaterThanOrEqual", value: 1 });
    expect(sheet.conditional!.some((c) => c.rect.col === 7 && c.rules.some((r) => r.op === "equal" && r.value === "Z"))).toBe(true);
  });

  test("the nine-box grid counts and sums customers by ABC × XYZ", () => {
    const sheet = sheetOf(plan, "portfolio");
    const at = findCell(sheet, "ABC × XYZ: customers")!;
    const counts = readRect(sheet, { row: at.row + 1, col: at.col, rows: 5, cols: 6 });
    expect(counts).toEqual([
      [null, "X", "Y", "Z", "Not enough history", "Total"],
      ["A", 0, 0, 1, 1, 2],
      ["B", 1, 0, 0, 0, 1],
      ["C", 1, 0, 0, 0, 1],
      ["Total", 2, 0, 1, 1, 4],
    ]);
    const am = findCell(sheet, "ABC × XYZ: amount")!;
    expect(readLine(sheet, { row: am.row + 2, col: am.col, rows: 1, cols: 6 })).toEqual(["A", 0, 0, 1000, 1000, 2000]);
    expect(summary.grid.find((g) => g.abc === "C" && g.xyz === "X")).toEqual({ abc: "C", xyz: "X", customers: 1, amount: 60 });
  });

  test("visits of customers that are not accounts are left out with a warning", () => {
    expect(plan.warnings?.map((w) => w.en)).toEqual(["Sheet 'Visits': visits of 1 customer(s) that are not in the portfolio were left out: Stranger (1)"]);
  });

  test("Chinese labels", () => {
    const r = buildPortfolioReport(sources(), { asOf, months }, zh);
    const sheet = sheetOf(r.plan, "portfolio");
    expect(sheet.name).toBe("客户组合");
    const t = sheet.tables!.find((x) => x.name === "KamPortfolio")!.rect;
    const first = readRect(sheet, { row: t.row + 1, col: 0, rows: 1, cols: t.cols })[0];
    expect([first[0], first[6], first[7], first[12], first[16]]).toEqual(["Gappy", "A类", "Z类", "核心价值客户", "深度绑定期"]);
    expect(String(first[2])).toContain("60 天未跟进（最近一次联系 2026-05-01）");
    expect(planProblems(r.plan)).toEqual([]);
  });
});

describe("Portfolio input", () => {
  test("without an accounts table every customer with sales in the window is an account", () => {
    const { summary } = buildPortfolioReport({ sales: source("Sales", ["Date", "Customer", "Amount"], salesRows()) }, { asOf, months });
    expect(summary.rows.map((r) => r.customer).sort()).toEqual(["Gappy", "New", "Steady", "Walk-in"]);
  });

  test("without a visits table there are no next contacts and no no-follow-up alerts, and the report says so", () => {
    const { visits: _none, ...rest } = sources();
    void _none;
    const r = buildPortfolioReport(rest, { asOf, months });
    expect(r.summary.rows.every((x) => x.next === null && x.contacts.length === 0)).toBe(true);
    expect(r.summary.alerts.some((a) => a.rule === "noFollowUp")).toBe(false);
    // Risks newest first: paid late on 06-15, overdue since 06-02, red list 12 months on 2026-05-15.
    expect(r.summary.alerts.map((a) => [a.customer, a.rule])).toEqual([
      ["New", "latePayment"],
      ["Gappy", "overdueReceivable"],
      ["Gappy", "redList"],
      ["Steady", "birthday"],
    ]);
    expect(r.plan.warnings?.map((w) => w.en)).toEqual(["No visits table: next contacts, the no-follow-up alert and the hand-over check are left out"]);
  });

  test("a portfolio of 150,000 customers is laid out (blocks far larger than a call's argument limit)", () => {
    const rows: unknown[][] = [];
    for (let k = 0; k < 150_000; k++) rows.push([d(2026, 1 + (k % 6), 1 + (k % 28)), `C${k}`, 1 + (k % 97)]);
    const r = buildPortfolioReport({ sales: source("Sales", ["Date", "Customer", "Amount"], rows) }, { asOf, months });
    expect(r.summary.accounts).toBe(150_000);
    const t = sheetOf(r.plan, "portfolio").tables!.find((x) => x.name === "KamPortfolio")!.rect;
    expect(t.rows).toBe(150_001);
  });

  test("names with stray spaces or another case, amounts as text and dates as text are the same customer's sales", () => {
    const rows: unknown[][] = [];
    for (let m = 1; m <= 6; m++) rows.push([d(2026, m, 3), "Acme", 100]);
    rows.push([" 2026-03-20", " ACME ", "1,000"], ["2026/4/2", "ａｃｍｅ", "50"]);
    const r = buildPortfolioReport({ sales: source("Sales", ["Date", "Customer", "Amount"], rows) }, { asOf, months });
    expect(r.summary.rows.map((x) => [x.customer, x.amount])).toEqual([["Acme", 1650]]);
  });

  test("without a visit-type column every visit is an account manager visit", () => {
    const s = sources();
    const r = buildPortfolioReport({ ...s, visits: source("Visits", ["Customer", "Visit date"], [["Steady", "2026-06-20"]]) }, { asOf, months });
    expect(r.plan.warnings?.[0].en).toBe("Sheet 'Visits' has no visit-type column: every visit counts as an account manager visit");
    const am = r.summary.rows.find((x) => x.customer === "Steady")!.contacts.find((x) => x.type === "accountManager")!;
    expect(serialToIso(am.last!)).toBe("2026-06-20");
  });

  test("a date that is neither an Excel date nor 2026-03-01 / 2026/3/1 text names the cell", () => {
    const s = sources();
    const visits = source("Visits", ["Customer", "Visit date", "Visit type"], [
      ["Steady", "2026-06-20", "AM"],
      ["Steady", "20.6.2026", "AM"],
    ]);
    const e = inputErrorOf(() => buildPortfolioReport({ ...s, visits }, { asOf, months }));
    expectCellNamed(e, "Visits", "Visit date", "B", "B3");
    expect(e.en).toBe(`Sheet 'Visits', column 'Visit date' (B), cell B3: expected a date such as 2026-03-01 or 2026/3/1, or an Excel date, got "20.6.2026"`);
  });

  test("an unknown visit type and a sales amount that is not a number name their cells", () => {
    const s = sources();
    const visits = source("Visits", ["Customer", "Visit date", "Visit type"], [["Steady", "2026-06-20", "lunch"]]);
    expectCellNamed(inputErrorOf(() => buildPortfolioReport({ ...s, visits }, { asOf, months })), "Visits", "Visit type", "C", "C2");
    const sales = source("Sales", ["Date", "Customer", "Amount"], [["2026-01-01", "A", "lots"]]);
    expectCellNamed(inputErrorOf(() => buildPortfolioReport({ sales }, { asOf, months })), "Sales", "Amount", "C", "C2");
  });

  test("a bad as-of date or window is refused before anything is read", () => {
    expect(inputErrorOf(() => buildPortfolioReport(sources(), { asOf: "soon" })).en).toBe('As-of date: expected a date such as 2026-03-01 or 2026/3/1, or an Excel date, got "soon"');
    expect(inputErrorOf(() => buildPortfolioReport(sources(), { asOf, months: 0 })).code).toBe("bad_option_months");
  });

  test("the sales table needs a date column", () => {
    const e = inputErrorOf(() => buildPortfolioReport({ sales: source("Sales", ["Customer", "Amount"], [["A", 1]]) }, { asOf }));
    expect(e.en).toContain("Sheet 'Sales': no column for 'Date'");
  });
});
