/**
 * Browser harness for the task pane tests: an esbuild test build of the pane (the same entry
 * modules webpack ships, with the fake Office host in front), a static server on 127.0.0.1, and
 * Debian's chromium driven by playwright-core. One browser per test file; pages are reused.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { build, stop } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const RESULTS = join(ROOT, "test-results", "taskpane");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>KAM for Excel · 大客户管理</title>
    <script src="fake-office.js"></script>
    <script type="module" src="app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
};

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** Script files the server has sent, in order (to see when a chunk is loaded). */
  readonly served: string[];
  close(): Promise<void>;
}

/** Every file the test build can read, hashed: the build is reused while none of them changes. */
function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(tsx?|json)$/.test(name)) h.update(relative(ROOT, file)).update(readFileSync(file));
    }
  };
  for (const dir of ["src", "test/excel-double", "test/taskpane/fake-office"]) walk(join(ROOT, dir));
  h.update(readFileSync(join(ROOT, "package-lock.json")));
  return h.digest("hex").slice(0, 16);
}

async function esbuildPane(out: string): Promise<void> {
  const common = {
    bundle: true,
    // Minified: every test reloads the page, and parsing 3 MB instead of 1 MB is most of a reload.
    minify: true,
    sourcemap: false as const,
    target: "es2020",
    jsx: "automatic" as const,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error" as const,
    absWorkingDir: ROOT,
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(__dirname, "fake-office", "fake-office.ts")], outfile: join(out, "fake-office.js"), format: "iife", platform: "browser" }),
    build({
      ...common,
      entryPoints: { app: join(__dirname, "fake-office", "app-entry.ts") },
      outdir: out,
      format: "esm",
      splitting: true,
      chunkNames: "chunk-[name]-[hash]",
      platform: "browser",
    }),
  ]);
}

/**
 * The pane and the fake host, built with esbuild into a folder named by the sources' hash. Test
 * files run in parallel workers: the first one builds (into a temporary folder, renamed when
 * complete), the others reuse its output.
 */
async function buildPane(): Promise<string> {
  const cache = join(tmpdir(), "kam-taskpane-build");
  mkdirSync(cache, { recursive: true });
  const dir = join(cache, sourceHash());
  const done = () => existsSync(join(dir, "app.js"));
  if (done()) return dir;
  const lock = `${dir}.lock`;
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Another worker is building these sources: wait for its output (or for a stale lock to age).
    for (let waited = 0; waited < 120_000 && !done(); waited += 250) {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held || Date.now() - held.mtimeMs > 180_000) break;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    if (done()) return dir;
  }
  try {
    // Builds of older sources are dropped once they are an hour old (never one a test may still use).
    for (const old of readdirSync(cache)) {
      const path = join(cache, old);
      if (path !== lock && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
    const tmp = `${dir}.${process.pid}.${Date.now()}`;
    try {
      await esbuildPane(tmp);
    } finally {
      // esbuild's service process would otherwise keep the jest worker alive after the tests.
      await stop();
    }
    try {
      renameSync(tmp, dir);
    } catch {
      // Another worker finished the same build first; its output is identical.
      rmSync(tmp, { recursive: true, force: true });
    }
  } finally {
    if (mine) rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

function serve(dir: string, served: string[]): Promise<Server> {
  const axe = join(ROOT, "node_modules", "axe-core", "axe.min.js");
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let body: Buffer | string | undefined;
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (path === "/" || path === "/index.html") body = PAGE;
    else if (path === "/axe.min.js") body = readFileSync(axe);
    else {
      const file = join(dir, path.replace(/^\/+/, ""));
      if (file.startsWith(dir) && existsSync(file)) body = readFileSync(file);
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (path.endsWith(".js")) served.push(path.slice(1));
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

export async function startHarness(): Promise<Harness> {
  const [dir, browser] = await Promise.all([
    buildPane(),
    chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS }),
  ]);
  const served: string[] = [];
  const server = await serve(dir, served);
  const { port } = server.address() as AddressInfo;
  mkdirSync(RESULTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    browser,
    served,
    async close() {
      await browser.close();
      // Keep-alive connections would hold the server (and the jest worker) open.
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

export interface PaneOptions {
  /** Office.context.displayLanguage, e.g. "en-US", "zh-CN". */
  readonly lang?: string;
  readonly theme?: "light" | "dark";
  /** Milliseconds each context.sync() takes (Excel on the web is slow). */
  readonly latency?: number;
  /** Sheet and address selected when the pane opens, e.g. "Sales!B5". */
  readonly select?: string;
  /** Flow the ribbon asked for before the pane loaded. */
  readonly flow?: string;
}

/** Open (or re-open) the pane in `page` with a fresh sample workbook. */
export async function openPane(page: Page, h: Harness, o: PaneOptions = {}): Promise<void> {
  const q = new URLSearchParams();
  if (o.lang) q.set("lang", o.lang);
  if (o.theme) q.set("theme", o.theme);
  if (o.latency) q.set("latency", String(o.latency));
  if (o.select) q.set("select", o.select);
  if (o.flow) q.set("flow", o.flow);
  await page.goto(`${h.url}?${q.toString()}`);
  await page.waitForSelector("[data-kam-ready]");
}

export async function newPage(h: Harness): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width: 360, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  (page as Page & { kamErrors?: string[] }).kamErrors = errors;
  return page;
}

/** Errors the page logged (uncaught exceptions, console.error). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { kamErrors?: string[] }).kamErrors ?? [];
}

/**
 * The jest hooks every pane test file needs: one harness and one page for the file, handed to
 * `ready` before the first test and closed after the last; after each test the page must have
 * logged no error (a flow that works but logs an exception is still broken).
 */
export function usePane(ready: (h: Harness, page: Page) => void): void {
  let h: Harness | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    h = await startHarness();
    page = await newPage(h);
    ready(h, page);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    if (!page) return;
    expect(pageErrors(page)).toEqual([]);
    pageErrors(page).length = 0;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/** axe-core on the page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ url: "/axe.min.js" });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus sentinels (aria-hidden <i> elements that hand focus on at once) are Fluent's
    // keyboard machinery, not content.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** The fake host's test API inside the page (see fake-office/fake-office.ts). */
export interface FakeApi {
  select(address: string): void;
  values(sheet: string, address?: string): unknown[][];
  sheetNames(): string[];
  activeSheet(): string | null;
  settings(): Record<string, string>;
  writes(): string[];
  calculations(): number;
  charts(sheet: string): { type: string; series: number }[];
  tables(): { name: string; sheet: string }[];
  invokeCommand(name: string): Promise<void>;
  commandNames(): string[];
  commandCalls(): { name: string; completed: boolean }[];
  paneShown(): number;
  setCell(sheet: string, address: string, value: unknown): void;
}

/** Call the fake host in the page: `fake(page, (f) => f.sheetNames())`. */
export function fake<T, A = undefined>(page: Page, fn: (f: FakeApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return page.evaluate(
    ([src, a]) => {
      const f = (window as unknown as { __fake: FakeApi }).__fake;
      return (new Function("f", "a", `return (${src})(f, a);`) as (f: FakeApi, a: unknown) => T)(f, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}
