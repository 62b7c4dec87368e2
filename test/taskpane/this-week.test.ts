/**
 * The "This week" flow (issue 8) clicked through in chromium against the fake Office host: the
 * sales from the selection, the visits and payments from the workbook's tables, the Portfolio sheet
 * read back, the list of alerts in the pane, and a click that selects the account's row.
 */
import type { Page } from "playwright-core";
import { fake, openPane, usePane, type FakeApi, type Harness } from "./harness";

let h: Harness;
let page: Page;
usePane((harness, p) => {
  h = harness;
  page = p;
});

/** The parts of the fake workbook model this test reaches into (see test/excel-double/model.ts). */
interface ModelAccess {
  model: {
    addSheet(name: string): unknown;
    setCells(sheet: unknown, r: number, c: number, rows: unknown[][]): void;
    tables: unknown[];
    newTableId(): string;
    defaultTableName(): string;
    selection: { sheet: { name: string }; rect: { r: number; c: number; rows: number; cols: number } } | null;
  };
}

/** A new sheet holding an Excel table, as a user would have made it. */
async function addTable(sheet: string, table: string, rows: unknown[][]): Promise<void> {
  await fake(
    page,
    (f, a) => {
      const m = (f as unknown as ModelAccess).model;
      const s = m.addSheet(a.sheet);
      m.setCells(s, 0, 0, a.rows);
      m.tables.push({ id: m.newTableId(), name: a.table, sheet: s, rect: { r: 0, c: 0, rows: a.rows.length, cols: a.rows[0].length }, style: "TableStyleMedium2", showHeaders: true, showTotals: false, deleted: false });
      m.defaultTableName();
    },
    { sheet, table, rows },
  );
}

async function selection(): Promise<{ sheet: string; row: number; cols: number } | null> {
  return fake(page, (f: FakeApi) => {
    const s = (f as unknown as ModelAccess).model.selection;
    return s ? { sheet: s.sheet.name, row: s.rect.r, cols: s.rect.cols } : null;
  });
}

async function resultText(): Promise<string> {
  const result = page.getByRole("region", { name: /^(Result|结果)$/ });
  await result.waitFor({ timeout: 20_000 });
  return result.innerText();
}

/** Serial 46082 = 2026-03-01. */
const VISITS = [
  ["Customer", "Visit date", "Visit type"],
  ["华为", "2026/3/30", "客户经理拜访"],
  ["Acme Corp", 46037, "Account manager visit"],
  ["比亚迪", "2026-03-20", "服务回访"],
];
const PAYMENTS = [
  ["Customer", "Due date", "Paid on", "Amount"],
  ["华为", "2026-03-01", "", 5000],
  ["Acme Corp", "2026-02-01", "2026-02-20", 800],
];

async function openWeek(lang?: "zh"): Promise<void> {
  await openPane(page, h, { select: "Sales!B3", ...(lang ? { lang } : {}) });
  await addTable("Visits", "VisitLog", VISITS);
  await addTable("Payments", "Payments", PAYMENTS);
  await page.getByRole("tab", { name: lang === "zh" ? "本周" : "This week", exact: true }).click();
}

describe("This week", () => {
  test("lists the risks newest first, the contacts due and writes the Portfolio sheet", async () => {
    await openWeek();
    // Tables are guessed by their names: the sample's account table, and the two added here.
    await expect(page.getByRole("combobox", { name: "Accounts (contract date, score, credit)" }).innerText()).resolves.toBe("AccountTable");
    await expect(page.getByRole("combobox", { name: "Visits" }).innerText()).resolves.toBe("VisitLog");
    await expect(page.getByRole("combobox", { name: "Payments (due and paid dates)" }).innerText()).resolves.toBe("Payments");
    await page.getByLabel("As of").fill("2026-03-31");
    await page.getByText("36 sales rows will be read.").waitFor();
    await page.getByRole("button", { name: "Show this week", exact: true }).click();
    const text = await resultText();
    expect(text).toContain("The portfolio is on sheet 'Portfolio': 4 accounts.");
    expect(text).toContain("4 risk alerts, 14 contacts due, 0 care tasks.");
    expect(text).toContain("2026-03-02 · 华为 — 1 overdue receivable totalling 5,000.00; due 2026-03-01 (30 days overdue)");
    expect(text).toContain("2026-02-20 · Acme Corp — Paid late: 1 payment in the last 90 days, up to 19 days late (latest paid 2026-02-20)");
    expect(text).toContain("Acme Corp — No follow-up for 75 days (last contact 2026-01-15)");

    const risks = page.getByRole("region", { name: "Risks, newest first" }).getByRole("button");
    const labels = await risks.allInnerTexts();
    const dates = labels.map((l) => l.slice(0, 10));
    expect([...dates].sort().reverse()).toEqual(dates);
    await expect(page.getByRole("region", { name: "Contacts due" }).getByRole("button").count()).resolves.toBeGreaterThan(0);

    const sheet = await fake(page, (f) => f.values("Portfolio", "A4:F4"));
    expect(sheet).toEqual([["Account", "Risks", "Alerts", "Next contact", "Due", "Days overdue"]]);
    const names = (await fake(page, (f) => f.values("Portfolio", "A5:A8"))).map((r) => r[0]);
    // Acme Corp: no follow-up (4) + late payment (3); 华为: overdue receivable (5); Contoso: no contact on record (4).
    expect(names).toEqual(["Acme Corp", "华为", "Contoso", "比亚迪"]);
  });

  test("a click on an alert selects the account's row on the Portfolio sheet", async () => {
    await openWeek();
    await page.getByLabel("As of").fill("2026-03-31");
    await page.getByRole("button", { name: "Show this week", exact: true }).click();
    await resultText();
    await fake(page, (f) => f.select("Sales!A1"));
    await page.getByRole("button", { name: /^2026-03-02 · 华为 — 1 overdue receivable/ }).click();
    await page.waitForFunction(() => (window as unknown as { __fake: { activeSheet(): string } }).__fake.activeSheet() === "Portfolio");
    const names = (await fake(page, (f) => f.values("Portfolio", "A1:A20"))).map((r) => r[0]);
    await expect(selection()).resolves.toEqual({ sheet: "Portfolio", row: names.indexOf("华为"), cols: 17 });
  });

  test("an account with a card sheet gets a Card button that opens it", async () => {
    await openWeek();
    await fake(page, (f) => {
      const m = (f as unknown as ModelAccess).model;
      m.setCells(m.addSheet("Card 华为"), 0, 0, [["Key-account card"]]);
    });
    await page.getByLabel("As of").fill("2026-03-31");
    await page.getByRole("button", { name: "Show this week", exact: true }).click();
    await resultText();
    await expect(page.getByRole("button", { name: "Open the account card of Acme Corp" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Open the account card of 华为" }).first().click();
    await page.waitForFunction(() => (window as unknown as { __fake: { activeSheet(): string } }).__fake.activeSheet() === "Card 华为");
  });

  test("a visit date that is no date names the cell, and nothing is written", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await addTable("Visits", "VisitLog", [...VISITS, ["海尔", "1 March", "AM"]]);
    await page.getByRole("tab", { name: "This week", exact: true }).click();
    await page.getByRole("button", { name: "Show this week", exact: true }).click();
    const alert = page.getByRole("alert").first();
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    expect(text).toContain("Sheet 'Visits'");
    expect(text).toContain("column 'Visit date' (B)");
    expect(text).toContain("cell B5");
    expect(text).toContain('got "1 March"');
    await expect(fake(page, (f) => f.sheetNames())).resolves.not.toContain("Portfolio");
  });

  test("in Chinese", async () => {
    await openWeek("zh");
    await page.getByLabel("截止日期").fill("2026-03-31");
    await page.getByRole("button", { name: "查看本周", exact: true }).click();
    const text = await resultText();
    // The report's labels follow the workbook's settings (English here); the pane speaks Chinese.
    expect(text).toContain("客户组合已写入工作表“Portfolio”：4 个客户。");
    expect(text).toContain("华为 — 1 笔逾期应收款，合计 5,000.00；2026-03-01 到期（逾期 30 天）");
  });
});
