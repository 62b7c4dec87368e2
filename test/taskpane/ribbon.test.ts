/**
 * The ribbon's buttons in the shared runtime: each "open" button shows the pane on its flow, and
 * "ABC of selection" writes the report without the pane, opening it only to report a problem.
 */
import type { Page } from "playwright-core";
import { fake, openPane, usePane, type Harness } from "./harness";

let h: Harness;
let page: Page;
usePane((harness, p) => {
  h = harness;
  page = p;
});

async function selectedTab(): Promise<string> {
  return page.getByRole("tab", { selected: true }).innerText();
}

test("every button of the manifest has a handler, and every handler tells Excel it is done", async () => {
  await openPane(page, h);
  const names = await fake(page, (f) => f.commandNames());
  expect([...names].sort()).toEqual(
    ["abcOfSelection", "openAbc", "openCards", "openCredit", "openProfiles", "openScore", "openSettings", "openStakeholders"].sort(),
  );
  for (const name of names.filter((n) => n !== "abcOfSelection")) await fake(page, (f, n) => f.invokeCommand(n), name);
  const calls = await fake(page, (f) => f.commandCalls());
  expect(calls.every((c) => c.completed)).toBe(true);
});

test.each([
  ["openScore", "Score", "Key-account score"],
  ["openCredit", "Credit", "Credit review"],
  ["openProfiles", "Profiles", "Customer profiles"],
  ["openStakeholders", "People", "Stakeholder profiles"],
  ["openCards", "Cards", "Account cards"],
  ["openSettings", "Settings", "Settings"],
  ["openAbc", "ABC", "ABC analysis"],
])("%s shows the pane on its flow", async (command, tabName, title) => {
  await openPane(page, h);
  const shown = await fake(page, (f) => f.paneShown());
  await fake(page, (f, c) => f.invokeCommand(c), command);
  expect(await selectedTab()).toBe(tabName);
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
  await expect(fake(page, (f) => f.paneShown())).resolves.toBe(shown + 1);
});

test("a button pressed before the pane had loaded is honoured when it loads", async () => {
  await openPane(page, h, { flow: "openCredit" });
  await page.getByRole("heading", { level: 2, name: "Credit review" }).waitFor();
  expect(await selectedTab()).toBe("Credit");
});

test("ABC of selection writes the report without showing the pane", async () => {
  await openPane(page, h, { select: "Sales!D10" });
  await fake(page, (f) => f.invokeCommand("abcOfSelection"));
  await expect(fake(page, (f) => f.paneShown())).resolves.toBe(0);
  const sheet = await fake(page, (f) => f.values("ABC analysis", "A4:F5"));
  expect(sheet[0]).toEqual(["Rank", "Customer", "Sales", "Share", "Cumulative share", "Class"]);
  expect(sheet[1].slice(0, 3)).toEqual([1, "华为", 420000]);
  // The pane that happens to be open shows what was done.
  await page.getByText("The report is on sheet 'ABC analysis'.").waitFor();
});

test("ABC of selection on bad data opens the pane on ABC with the cell named, and writes nothing", async () => {
  await openPane(page, h, { select: "Scores!A1" });
  await page.getByRole("tab", { name: "Settings" }).click();
  await fake(page, (f) => f.select("'Sales 2025'!B2"));
  await fake(page, (f) => f.invokeCommand("abcOfSelection"));
  await expect(fake(page, (f) => f.paneShown())).resolves.toBe(1);
  expect(await selectedTab()).toBe("ABC");
  const alert = page.getByRole("alert").filter({ hasText: "cell B5" });
  await alert.waitFor();
  expect(await alert.innerText()).toContain("Sheet 'Sales 2025', column '销售额' (B), cell B5: \"abc\" is not a number");
  await expect(fake(page, (f) => f.writes())).resolves.toEqual([]);
});

test("ABC of selection in a table without an amount column explains what is missing", async () => {
  await openPane(page, h, { select: "People!B3" });
  await page.getByRole("tab", { name: "Cards" }).click();
  await fake(page, (f) => f.invokeCommand("abcOfSelection"));
  expect(await selectedTab()).toBe("ABC");
  const alert = page.getByRole("alert").filter({ hasText: "no column for 'Sales'" });
  await alert.waitFor();
  expect(await alert.innerText()).toContain("Sheet 'People'");
  await expect(fake(page, (f) => f.writes())).resolves.toEqual([]);
});
