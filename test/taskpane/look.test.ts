/**
 * How the pane looks and how it is used without a mouse: a screenshot of every flow in both
 * languages and both Office themes (test-results/taskpane/), axe-core finding no serious or
 * critical violation, every flow run with the keyboard alone with a visible focus ring, and a
 * progress bar while Excel is slow.
 */
import type { Page } from "playwright-core";
import { translate, type MessageKey } from "../../src/i18n";
import type { Lang } from "../../src/domain/errors";
import { axeViolations, fake, openPane, screenshot, usePane, type Harness } from "./harness";

let h: Harness;
let page: Page;
usePane((harness, p) => {
  h = harness;
  page = p;
});

interface View {
  readonly name: string;
  readonly tab: MessageKey;
  readonly select?: string;
  readonly run?: MessageKey;
  /** Prepare the flow before running (choose an account, tick a card). */
  readonly prepare?: (lang: Lang) => Promise<void>;
}

const VIEWS: readonly View[] = [
  { name: "abc", tab: "nav.abc", select: "Sales!B3", run: "abc.run" },
  { name: "score", tab: "nav.score", select: "Scores!A2", run: "score.run" },
  { name: "credit", tab: "nav.credit", select: "Credit!A2", run: "credit.run" },
  { name: "profiles", tab: "nav.profiles", select: "External!A2", run: "profiles.run" },
  {
    name: "stakeholders",
    tab: "nav.stakeholders",
    select: "People!A2",
    run: "stakeholders.run",
    prepare: async (lang) => {
      await page.getByRole("combobox", { name: translate(lang, "stakeholders.account") }).click();
      await page.getByRole("option", { name: "Acme Corp" }).click();
    },
  },
  {
    name: "cards",
    tab: "nav.cards",
    select: "Accounts!A2",
    prepare: async () => {
      await page.getByRole("checkbox", { name: "Acme Corp" }).check();
    },
  },
  { name: "settings", tab: "nav.settings" },
  { name: "functions", tab: "nav.functions" },
];

const t = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);

/** Show a view as a user sees it: data read, options chosen and, with `run`, the result on screen. */
async function showView(v: View, lang: Lang, run: boolean): Promise<void> {
  if (v.select) await fake(page, (f, s) => f.select(s), v.select);
  await page.getByRole("tab", { name: t(lang, v.tab), exact: true }).click();
  if (v.select) await page.getByRole("button", { name: t(lang, "source.readAgain") }).waitFor();
  await v.prepare?.(lang);
  const runKey = v.run ?? (v.name === "cards" ? "cards.run" : undefined);
  if (runKey && run) {
    await page.getByRole("button", { name: t(lang, runKey, { count: 1 }), exact: true }).click();
    await page.getByRole("region", { name: t(lang, "section.result") }).waitFor();
  }
  // Charts and fonts settle before the picture is taken.
  await page.waitForTimeout(v.name === "abc" ? 600 : 100);
}

describe.each([
  ["en-US", "en", "light"],
  ["en-US", "en", "dark"],
  ["zh-CN", "zh", "light"],
  ["zh-CN", "zh", "dark"],
] as const)("Excel in %s, %s theme (%s)", (locale, lang, theme) => {
  // Results are shown (and checked with axe) in one light and one dark variant: contrast is what
  // differs between themes, and the other two variants show each flow ready to run.
  const full = (lang === "en" && theme === "light") || (lang === "zh" && theme === "dark");
  test(full ? "every flow with its result: screenshots and axe" : "every flow ready to run: screenshots", async () => {
    await openPane(page, h, { lang: locale, theme });
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang === "zh" ? "zh-CN" : "en");
    const background = await page.locator("main").evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
    expect(background).toBe(theme === "dark" ? "rgb(41, 41, 41)" : "rgb(255, 255, 255)");
    for (const v of VIEWS) {
      await showView(v, lang, full);
      await screenshot(page, `${v.name}-${lang}-${theme}`);
      if (full) expect({ view: v.name, violations: await axeViolations(page) }).toEqual({ view: v.name, violations: [] });
    }
  }, 120_000);
});

test("the language can be switched in the pane, and the reports keep the workbook's label language", async () => {
  await openPane(page, h, { lang: "en-US", select: "Sales!B3" });
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("heading", { level: 1, name: "大客户管理" }).waitFor();
  await page.getByRole("button", { name: "运行 ABC 分析" }).click();
  await page.getByText("报表已写入工作表“ABC analysis”。").waitFor();
  const header = await fake(page, (f) => f.values("ABC analysis", "A4:B4"));
  expect(header).toEqual([["Rank", "Customer"]]);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "KAM for Excel" }).waitFor();
});

/** The picture of the element's surroundings, to see whether its focus ring is drawn. */
async function around(box: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
  const pad = 4;
  return page.screenshot({ clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad } });
}

interface Focused {
  readonly name: string;
  readonly role: string;
  readonly box: { x: number; y: number; width: number; height: number };
}

async function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    // A hidden radio or checkbox input draws its ring on its label's indicator: measure the control.
    const target = (el.closest(".fui-Radio, .fui-Checkbox") as HTMLElement | null) ?? el;
    const r = target.getBoundingClientRect();
    const label = el.id ? (document.querySelector(`label[for="${el.id}"]`) as HTMLElement | null) : null;
    const labelled = el.getAttribute("aria-label") ?? label?.innerText ?? null;
    return {
      // innerText: what is drawn (a tab also holds a hidden copy of its text); "*" marks required fields.
      name: (labelled ?? el.innerText ?? "").trim().replace(/\s*\*$/, ""),
      role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
      box: { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height },
    };
  });
}

/**
 * Press Tab until the element named `name` has focus. On the way, every focused control must
 * have a name and a visible focus ring: its surroundings look different while it has focus.
 */
async function tabTo(name: string, max = 60): Promise<string[]> {
  const seen: string[] = [];
  let previous: Focused | undefined;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused();
    const stop = `${f.role}:${f.name}`;
    // A date input takes three Tabs (month, day, year): one stop.
    const sameControl = previous !== undefined && previous.name === f.name && previous.role === f.role && previous.box.y === f.box.y;
    previous = f;
    if (sameControl) continue;
    seen.push(stop);
    expect({ control: stop, named: f.name !== "" }).toEqual({ control: stop, named: true });
    if (f.name === name) return seen;
    await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 200)), f.box.y);
    const scrollY = await page.evaluate(() => window.scrollY);
    const box = { ...f.box, y: f.box.y - scrollY };
    const withRing = await around(box);
    // Take focus away and compare: the ring must be what made the difference.
    await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      el.setAttribute("data-kam-focus", "");
      el.blur();
    });
    const without = await around(box);
    expect({ control: stop, ringVisible: !withRing.equals(without) }).toEqual({ control: stop, ringVisible: true });
    // Put focus back where the keyboard user left it.
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>("[data-kam-focus]");
      el?.removeAttribute("data-kam-focus");
      el?.focus();
    });
  }
  throw new Error(`"${name}" was not reached with Tab; focus went through: ${seen.join(" → ")}`);
}

/** Focus the selected tab, move along the tabs with the arrow keys, and open `view` with Enter. */
async function tabToView(view: string): Promise<void> {
  await page.getByRole("tab", { selected: true }).focus();
  for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.getAttribute("value"))) !== view; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { selected: true }).getAttribute("value")).resolves.toBe(view);
}

describe("keyboard only", () => {
  test("ABC: Tab through the flow, every stop named and visibly focused, Enter runs it", async () => {
    await openPane(page, h, { select: "Sales!B3" });
    await page.getByRole("button", { name: "Read the selection again" }).waitFor();
    const path = await tabTo("Run ABC analysis");
    expect(path).toEqual(
      expect.arrayContaining(["button:中文", "tab:ABC", "button:Read the selection again", "input:Sales", "combobox:Customer", "combobox:Sales", "input:Also write each row's class beside the table", "button:Run ABC analysis"]),
    );
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Result" }).waitFor();
    await expect(fake(page, (f) => f.sheetNames())).resolves.toContain("ABC analysis");
  });

  test("every other flow is reached with the arrow keys and run with the keyboard", async () => {
    await openPane(page, h, { select: "Scores!A2" });
    const runByKeyboard = async (view: string, select: string, run: string, before?: () => Promise<void>) => {
      await fake(page, (f, s) => f.select(s), select);
      await tabToView(view);
      await page.getByRole("button", { name: "Read the selection again" }).waitFor();
      await before?.();
      await tabTo(run);
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Result" }).waitFor();
    };
    await runByKeyboard("score", "Scores!A2", "Score the accounts");
    await runByKeyboard("credit", "Credit!A2", "Grade credit");
    await runByKeyboard("profiles", "Internal!A2", "Build the profiles", async () => {
      await tabTo("External profile (prospecting)");
      await page.keyboard.press("ArrowDown");
      await page.getByText("Columns: 7 of 7 found — show or change").waitFor();
    });
    await runByKeyboard("stakeholders", "People!A2", "Profile the people", async () => {
      await tabTo("Account to profile");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.getByText("2 people will be profiled.").waitFor();
    });
    await runByKeyboard("cards", "Accounts!A2", "Fill the cards (1)", async () => {
      await tabTo("Contoso");
      await page.keyboard.press("Space");
    });
    const names = await fake(page, (f) => f.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["Key-account score", "Credit review", "Internal profile", "Stakeholders Acme Corp"]));
  }, 120_000);

  test("settings: a field is changed and saved with the keyboard", async () => {
    await openPane(page, h);
    await tabToView("settings");
    await tabTo("A share");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("60");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("25");
    await tabTo("Save to workbook");
    await page.keyboard.press("Enter");
    await page.getByText("The settings are stored in this workbook").waitFor();
    const stored = JSON.parse(JSON.parse((await fake(page, (f) => f.settings()))["kam.settings"]));
    expect(stored.abc).toEqual({ a: 0.6, b: 0.25 });
  });
});

test("a slow Excel shows progress after half a second, and the run still completes", async () => {
  await openPane(page, h, { select: "Sales!B3", latency: 400 });
  await page.getByRole("button", { name: "Read the selection again" }).waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Run ABC analysis" }).click();
  await page.getByRole("progressbar", { name: "Working…" }).waitFor({ timeout: 5_000 });
  await expect(page.getByRole("button", { name: "Run ABC analysis" }).isDisabled()).resolves.toBe(true);
  await page.getByRole("region", { name: "Result" }).waitFor({ timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Working…" }).count()).resolves.toBe(0);
});
