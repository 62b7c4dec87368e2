/**
 * Every flow of the task pane clicked through in chromium against the fake Office host, with the
 * sheets it writes read back from the fake workbook. Errors are shown where the user looks
 * (a MessageBar naming the sheet, the column and the cell) and leave the workbook untouched.
 */
import type { Page } from "playwright-core";
import { fake, openPane, screenshot, usePane, type Harness } from "./harness";

let h: Harness;
let page: Page;
usePane((harness, p) => {
  h = harness;
  page = p;
});

const SAMPLE_SHEETS = ["Sales", "Sales 2025", "Scores", "Credit", "External", "Internal", "People", "Accounts"];

async function tab(name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

async function run(name: string): Promise<void> {
  await page.getByRole("button", { name, exact: true }).click();
}

async function resultText(): Promise<string> {
  const result = page.getByRole("region", { name: /^(Result|结果)$/ });
  await result.waitFor({ timeout: 15_000 });
  return result.innerText();
}

async function problemText(): Promise<string> {
  const alert = page.getByRole("alert").first();
  await alert.waitFor({ timeout: 15_000 });
  return alert.innerText();
}

describe("ABC analysis", () => {
  test("the selected cell's table is read, its columns detected, and the preview counts rows and customers", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByText("Table SalesData on sheet 'Sales' (A1:E37). 36 data rows.").waitFor();
    await expect(page.getByRole("combobox", { name: "Customer" }).innerText()).resolves.toBe("Customer (A)");
    await expect(page.getByRole("combobox", { name: "Sales" }).innerText()).resolves.toBe("Sales (D)");
    await page.getByText("36 rows of 12 customers will be classified.").waitFor();
    await page.getByText("A: customers before whom the cumulative share is below 55 %; B: below 85 %").waitFor();
  });

  test("one click writes the ABC sheet; the pane shows the classes and a Pareto chart loaded on demand", async () => {
    const chartChunk = () => h.served.filter((f) => f.includes("pareto-chart")).length;
    const before = chartChunk();
    await openPane(page, h, { select: "Sales!B3" });
    expect(chartChunk()).toBe(before);
    await run("Run ABC analysis");
    const text = await resultText();
    expect(text).toContain("The report is on sheet 'ABC analysis'.");
    expect(text).toContain("12 customers from 36 rows, total 1,100,000.");
    expect(text).toMatch(/A\s+2\s+16\.7 %\s+61\.8 %/);
    expect(text).toMatch(/B\s+3\s+25 %\s+27\.3 %/);
    expect(text).toMatch(/C\s+7\s+58\.3 %\s+10\.9 %/);
    await page.locator("figure svg").first().waitFor();
    expect(chartChunk()).toBe(before + 1);

    const sheet = await fake(page, (f) => f.values("ABC analysis", "A4:F7"));
    expect(sheet[0]).toEqual(["Rank", "Customer", "Sales", "Share", "Cumulative share", "Class"]);
    expect(sheet[1].slice(0, 3)).toEqual([1, "华为", 420000]);
    expect(sheet[1][5]).toBe("A");
    expect(sheet[2].slice(1, 3)).toEqual(["Acme Corp", 260000]);
    expect(sheet[2][5]).toBe("A");
    expect(sheet[3].slice(1, 3)).toEqual(["比亚迪", 150000]);
    expect(sheet[3][5]).toBe("B");
    await expect(fake(page, (f) => f.charts("ABC analysis"))).resolves.toEqual([{ type: "ColumnClustered", series: 4 }]);
    await expect(fake(page, (f) => f.activeSheet())).resolves.toBe("ABC analysis");
  });

  test("the link in the result shows the report sheet", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await run("Run ABC analysis");
    await resultText();
    await fake(page, (f) => f.select("Sales!A1"));
    await page.getByRole("button", { name: "Go to sheet 'ABC analysis'" }).click();
    await page.waitForFunction(() => (window as unknown as { __fake: { activeSheet(): string } }).__fake.activeSheet() === "ABC analysis");
  });

  test("by profit, the profit column is detected and classified instead", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("radio", { name: "Profit" }).check();
    await expect(page.getByRole("combobox", { name: "Profit" }).innerText()).resolves.toBe("Profit (E)");
    await run("Run ABC analysis");
    expect(await resultText()).toContain("total 220,000");
    const sheet = await fake(page, (f) => f.values("ABC analysis (profit)", "A4:C5"));
    expect(sheet).toEqual([
      ["Rank", "Customer", "Profit"],
      [1, "华为", 84000],
    ]);
  });

  test("a chosen column replaces the detected one", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("combobox", { name: "Sales" }).click();
    await page.getByRole("option", { name: "Profit (E)" }).click();
    await run("Run ABC analysis");
    expect(await resultText()).toContain("total 220,000");
  });

  test("a column serves one purpose: moving it to another role leaves its first role to be chosen", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("combobox", { name: "Sales" }).click();
    await page.getByRole("option", { name: "Customer (A)" }).click();
    await page.getByText("Choose the column that holds Customer.").waitFor();
    await expect(page.getByRole("button", { name: "Run ABC analysis" }).isDisabled()).resolves.toBe(true);
    await page.getByRole("combobox", { name: "Customer" }).click();
    await page.getByRole("option", { name: "Product (B)" }).click();
    await run("Run ABC analysis");
    // Products as "customers", customer names as amounts: every name is text, so the first is refused.
    expect(await problemText()).toContain("cell A2");
  });

  test("text in an amount cell: the message names the sheet, the column and the cell, and nothing is written", async () => {
    await openPane(page, h, { select: "'Sales 2025'!A1" });
    await page.getByText("Sheet 'Sales 2025', A1:B6. 5 data rows.").waitFor();
    await run("Run ABC analysis");
    const text = await problemText();
    expect(text).toContain("Please check your data — nothing was written");
    expect(text).toContain("Sheet 'Sales 2025'");
    expect(text).toContain("column '销售额' (B)");
    expect(text).toContain("cell B5");
    expect(text).toContain('"abc" is not a number');
    await expect(fake(page, (f) => f.sheetNames())).resolves.toEqual(SAMPLE_SHEETS);
    await expect(fake(page, (f) => f.writes())).resolves.toEqual([]);
  });

  test("after the cell is fixed, running again reads the fixed value", async () => {
    await openPane(page, h, { select: "'Sales 2025'!A1" });
    await run("Run ABC analysis");
    await problemText();
    await fake(page, (f) => f.setCell("Sales 2025", "B5", 300));
    await fake(page, (f) => f.select("Scores!A1"));
    await run("Run ABC analysis");
    expect(await resultText()).toContain("5 customers from 5 rows, total 2,900.");
  });

  test("the class column is written beside the table only after confirmation", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("checkbox", { name: "Also write each row's class beside the table" }).check();
    await run("Run ABC analysis");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("F1:F37 on sheet 'Sales'");
    await expect(fake(page, (f) => f.writes())).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "Write the report and the classes" }).click();
    expect(await resultText()).toContain("Classes written to Sales!F1:F37.");
    const column = await fake(page, (f) => f.values("Sales", "F1:F10"));
    expect(column.map((r) => r[0])).toEqual(["ABC class", "A", "A", "A", "A", "A", "A", "B", "B", "B"]);
  });

  test("cancelling the confirmation writes nothing at all", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("checkbox", { name: "Also write each row's class beside the table" }).check();
    await run("Run ABC analysis");
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Run ABC analysis" }).waitFor();
    await expect(fake(page, (f) => f.sheetNames())).resolves.toEqual(SAMPLE_SHEETS);
    await expect(fake(page, (f) => f.writes())).resolves.toEqual([]);
  });

  test("the class column is never written over user data", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await fake(page, (f) => f.setCell("Sales", "F12", "my note"));
    await page.getByRole("checkbox", { name: "Also write each row's class beside the table" }).check();
    await run("Run ABC analysis");
    const text = await problemText();
    expect(text).toContain("Sheet 'Sales', column F: cell F12 is not empty (\"my note\")");
    expect(text).toContain("nothing was written");
    await expect(fake(page, (f) => f.sheetNames())).resolves.toEqual(SAMPLE_SHEETS);
    await expect(fake(page, (f) => f.values("Sales", "F12"))).resolves.toEqual([["my note"]]);
  });
});

describe("key-account score", () => {
  test("six criteria: accounts ranked and tiered, the tiers counted in the pane", async () => {
    await openPane(page, h, { select: "Scores!C3" });
    await tab("Score");
    await page.getByRole("button", { name: "Columns: 8 of 8 found — show or change" }).click();
    await expect(page.getByRole("combobox", { name: "Profit contribution" }).innerText()).resolves.toBe("Profit contribution (C)");
    await page.getByText("6 accounts will be scored.").waitFor();
    await run("Score the accounts");
    const text = await resultText();
    expect(text).toMatch(/Key account\s+2/);
    expect(text).toMatch(/Potential key account\s+1/);
    expect(text).toMatch(/General account\s+3/);
    const sheet = await fake(page, (f) => f.values("Key-account score", "A5:L6"));
    expect(sheet[0].slice(0, 3)).toEqual([1, "华为", "Company-level"]);
    expect(sheet[0].slice(9, 11)).toEqual([90, "Key account"]);
    expect(sheet[1].slice(9, 11)).toEqual([80, "Key account"]);
  });
});

describe("credit review", () => {
  test("grades, lists and the accounts whose red-list time has run out", async () => {
    await openPane(page, h, { select: "Credit!A1" });
    await tab("Credit");
    await page.getByLabel("Review date").fill("2026-03-01");
    await run("Grade credit");
    const text = await resultText();
    expect(text).toMatch(/AAA\s+Green list\s+1/);
    expect(text).toMatch(/AA\s+Yellow list\s+0/);
    expect(text).toMatch(/A\s+Red list\s+4/);
    expect(text).toContain("lose key-account status:\nContoso");
    expect(text).not.toContain("Fabrikam\n");
    const names = await fake(page, (f) => f.sheetNames());
    expect(names).toContain("Credit review");
  });
});

describe("customer profiles", () => {
  test("external: target, potential target and not a target", async () => {
    await openPane(page, h, { select: "External!A2" });
    await tab("Profiles");
    await run("Build the profiles");
    const text = await resultText();
    expect(text).toMatch(/Target customer\s+1/);
    expect(text).toMatch(/Potential target\s+2/);
    expect(text).toMatch(/Not a target\s+1/);
    await expect(fake(page, (f) => f.sheetNames())).resolves.toContain("External profile");
  });

  test("internal: the highest tier met on every dimension", async () => {
    await openPane(page, h, { select: "Internal!A2" });
    await tab("Profiles");
    await page.getByRole("radio", { name: "Internal profile (account management)" }).check();
    await run("Build the profiles");
    const text = await resultText();
    expect(text).toMatch(/Key account\s+1/);
    expect(text).toMatch(/Important account\s+1/);
    expect(text).toMatch(/General account\s+1/);
    expect(text).toMatch(/Below general\s+1/);
  });
});

describe("stakeholders", () => {
  test("a table with several accounts asks for one; its people are scored with next actions", async () => {
    await openPane(page, h, { select: "People!C2" });
    await tab("People");
    await page.getByText("The table holds the people of 2 accounts; choose one.").waitFor();
    await expect(page.getByRole("button", { name: "Profile the people" }).isDisabled()).resolves.toBe(true);
    await page.getByRole("combobox", { name: "Account to profile" }).click();
    await page.getByRole("option", { name: "华为" }).click();
    await page.getByText("3 people will be profiled.").waitFor();
    await run("Profile the people");
    const text = await resultText();
    expect(text).toContain("3 people of 华为 by relationship role");
    expect(text).toMatch(/Supporter\s+1/);
    expect(text).toMatch(/Opponent\s+1/);
    expect(text).toContain("王强:");
    await expect(fake(page, (f) => f.sheetNames())).resolves.toContain("Stakeholders 华为");
  });
});

describe("account cards", () => {
  test("the default template is created, two accounts found by search are filled", async () => {
    await openPane(page, h, { select: "Accounts!A3" });
    await tab("Cards");
    await page.getByText("Card fields found: Address, Phone, Legal representative").waitFor();
    await expect(page.getByRole("combobox", { name: "Template sheet" }).innerText()).resolves.toBe("Create the default template");
    const search = page.getByRole("searchbox", { name: "Search accounts" });
    await search.fill("con");
    await page.getByRole("checkbox", { name: "Contoso" }).check();
    await search.fill("华");
    await page.getByRole("checkbox", { name: "华为" }).check();
    await page.getByText("2 of 4 accounts selected.").waitFor();
    await run("Fill the cards (2)");
    const text = await resultText();
    expect(text).toContain("Cards filled: 2.");
    const names = await fake(page, (f) => f.sheetNames());
    expect(names).toContain("Card template");
    const cards = names.filter((n) => !SAMPLE_SHEETS.includes(n) && n !== "Card template");
    expect(cards).toHaveLength(2);
    const all = await fake(page, (f, sheets) => sheets.map((s) => f.values(s).flat().join("|")), cards);
    expect(all.some((v) => v.includes("深圳市龙岗区坂田"))).toBe(true);
    expect(all.some((v) => v.includes("42 Harbour Road"))).toBe(true);
    // The next run uses the template that now exists.
    await expect(page.getByRole("combobox", { name: "Template sheet" }).innerText()).resolves.toBe("Card template");
  });
});

describe("settings", () => {
  test("invalid input is shown next to the field and never saved", async () => {
    await openPane(page, h);
    await tab("Settings");
    await page.getByRole("textbox", { name: "A share" }).fill("80");
    // The message belongs to the B field: it is that input's accessible description.
    const b = page.getByRole("textbox", { name: "B share" });
    await page.getByRole("alert").filter({ hasText: "A + B must not exceed 100 %." }).waitFor();
    await expect(b.getAttribute("aria-invalid")).resolves.toBe("true");
    const described = await b.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    expect(described).toContain("A + B must not exceed 100 %.");
    await run("Save to workbook");
    await page.getByText("Correct the highlighted fields before saving: ABC thresholds.").waitFor();
    await expect(fake(page, (f) => f.settings())).resolves.toEqual({});
    await expect(fake(page, (f) => f.calculations())).resolves.toBe(0);
  });

  test("valid settings are stored in the workbook, the functions recalculate, and reports use them", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await tab("Settings");
    await page.getByRole("textbox", { name: "A share" }).fill("50");
    await page.getByRole("button", { name: "Key-account score tiers" }).click();
    await page.getByRole("textbox", { name: "Key-account cut-off" }).fill("85");
    await run("Save to workbook");
    await page.getByText("The settings are stored in this workbook and the KAM functions have been recalculated.").waitFor();
    const stored = JSON.parse((await fake(page, (f) => f.settings()))["kam.settings"]);
    expect(JSON.parse(stored).abc).toEqual({ a: 0.5, b: 0.3 });
    expect(JSON.parse(stored).score.keyAccount).toBe(85);
    expect(await fake(page, (f) => f.calculations())).toBeGreaterThan(0);
    await tab("ABC");
    await page.getByText("below 50 %; B: below 80 %").waitFor();
    await run("Run ABC analysis");
    const sheet = await fake(page, (f) => f.values("ABC analysis", "A2"));
    expect(String(sheet[0][0])).toContain("A below 50 %, B below 80 %");
  });

  test("a profile line above 100 is refused in its own cell", async () => {
    await openPane(page, h);
    await tab("Settings");
    await page.getByRole("button", { name: "Internal profile tier lines" }).click();
    await page.getByRole("textbox", { name: "Important – Profit contribution" }).fill("120");
    await page.getByText("Must be at most 100.").waitFor();
    await screenshot(page, "settings-invalid-line-en-light");
  });
});
