/**
 * The production build in dist/ (test/global-setup.js makes it): the runtime page, the custom
 * functions' chunk and metadata, the local office.js, and builds for another host and for the CDN.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { spawnSync } from "child_process";
import { DEV_ORIGIN, DIST, ROOT, htmlTags, manifestUrls, parseXml, readDist, scriptTags } from "./dist";

const WEBPACK = require.resolve("webpack-cli/bin/cli.js");
const BUILD_TIMEOUT = 15 * 60 * 1000;

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}

const metadata = (file: string): FunctionMetadata[] =>
  (JSON.parse(readDist(file).toString("utf8")) as { functions: FunctionMetadata[] }).functions;

const HAN = /[\u4e00-\u9fff]/;

describe("taskpane.html, the page of the shared runtime", () => {
  const html = readDist("taskpane.html").toString("utf8");
  const tags = scriptTags(html);

  test("loads office.js from the add-in's own origin, then the functions, the commands, and the task pane deferred", () => {
    expect(tags.map((t) => t.src.split("?")[0])).toEqual(["office-js/office.js", "functions.js", "commands.js", "taskpane.js"]);
    // Blocking scripts run in order before any deferred one, so formulas never wait for React.
    expect(tags.map((t) => t.defer || t.async)).toEqual([false, false, false, true]);
    for (const t of tags) {
      expect(t.src).not.toMatch(/^(https?:)?\/\//);
      expect(fs.existsSync(path.join(DIST, t.src.split("?")[0]))).toBe(true);
    }
  });

  test("cache-busts each chunk with its content hash", () => {
    for (const t of tags.slice(1)) expect(t.src).toMatch(/\.js\?v=[0-9a-f]{8,}$/);
  });

  test("has a root for the task pane and a bilingual title", () => {
    const elements = htmlTags(html);
    expect(elements.filter((e) => e.attrs.id === "root").map((e) => e.name)).toEqual(["div"]);
    const title = elements.find((e) => e.name === "title")?.text ?? "";
    expect(title).toContain("KAM");
    expect(title).toContain("大客户管理");
  });
});

describe("the local office.js", () => {
  test("has beside it the files it loads at run time in Excel on Windows, Mac and the web", () => {
    for (const file of [
      "office.js",
      "excel-win32-16.00.js",
      "excel-win32-16.01.js",
      "excel-mac-16.00.js",
      "excel-web-16.00.js",
      "en-us/office_strings.js",
      "zh-cn/office_strings.js",
      "telemetry/oteljs_agave.js",
      "ariatelemetry/aria-web-telemetry.js",
    ]) {
      expect([file, fs.existsSync(path.join(DIST, "office-js", file))]).toEqual([file, true]);
    }
  });

  test("is the package's own file, unchanged", () => {
    const original = fs.readFileSync(require.resolve("@microsoft/office-js/dist/office.js"));
    expect(readDist("office-js/office.js").equals(original)).toBe(true);
  });
});

describe("custom functions metadata", () => {
  const en = metadata("functions.json");
  const zh = metadata("functions.zh-CN.json");

  test("functions.json and functions.zh-CN.json list the same functions and parameters", () => {
    expect(en.length).toBeGreaterThanOrEqual(8);
    expect(zh.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      en.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    );
  });

  test("README.md has a section with a formula example for every function", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const f of en) {
      const section = readme.split(/^### /m).find((s) => s.startsWith(`KAM.${f.id}:`)) ?? "";
      expect([f.id, section.includes(`=KAM.${f.id}(`)]).toEqual([f.id, true]);
    }
  });

  test("the Chinese file describes every function and parameter in Chinese", () => {
    for (const f of zh) {
      expect([f.id, HAN.test(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, HAN.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
    for (const f of en) expect([f.id, HAN.test(f.description ?? "")]).toEqual([f.id, false]);
  });
});

describe("the functions chunk", () => {
  const code = readDist("functions.js");

  test("is small and prints its gzipped size", () => {
    const gz = zlib.gzipSync(code, { level: 9 }).length;
    console.log(`functions.js: ${(code.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped`);
    expect(gz).toBeLessThan(64 * 1024);
  });

  test("contains no React and no Fluent UI", () => {
    const text = code.toString("utf8");
    expect(text).not.toMatch(/react\.(transitional\.)?element|__REACT_DEVTOOLS|react-dom/);
    expect(text).not.toMatch(/@fluentui|fui-FluentProvider|griffel/i);
  });

  test("runs on its own and registers each function in functions.json exactly once", () => {
    const calls: { id: string; fn: (...args: unknown[]) => unknown }[] = [];
    class CfError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const sandbox: Record<string, unknown> = {
      console,
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => calls.push({ id, fn }),
        Error: CfError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
      },
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    vm.runInNewContext(code.toString("utf8"), sandbox, { filename: "functions.js" });

    expect(calls.map((c) => c.id).sort()).toEqual(metadata("functions.json").map((f) => f.id).sort());
    // The bundled code computes: the six criteria at their maxima make 100 (SPEC §1) …
    const score = calls.find((c) => c.id === "SCORE")!.fn;
    expect(score([[30, 20, 20, 10, 10, 10]])).toEqual([[100]]);
    // … and a bad cell becomes a #VALUE! with a message, not an exception.
    const bad = score([["x", 20, 20, 10, 10, 10]]) as unknown[][];
    expect(bad[0][0]).toBeInstanceOf(CfError);
    expect((bad[0][0] as CfError).code).toBe("#VALUE!");
    expect((bad[0][0] as CfError).message).toMatch(/\S/);
  });
});

describe("deployment builds", () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "kam-dist-"));
    const r = spawnSync(
      process.execPath,
      [WEBPACK, "--mode", "production", "--env", "url=https://kam.example.com", "--env", "cdn", "--output-path", out],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`the build for kam.example.com failed:\n${r.stdout}\n${r.stderr}`);
  }, BUILD_TIMEOUT);
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("--env url=https://kam.example.com writes a manifest whose every URL is on that host", () => {
    const built = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = manifestUrls(parseXml(built));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith("https://kam.example.com/")).toBe(true);
    expect(built).not.toContain("localhost");
    // Nothing but the host changed.
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(built).toBe(source.split(DEV_ORIGIN).join("https://kam.example.com/"));
    // …and each of those URLs names a file of that build.
    for (const u of urls) expect([u, fs.existsSync(path.join(out, u.slice("https://kam.example.com/".length)))]).toEqual([u, true]);
  });

  test("--env cdn loads office.js from Microsoft's CDN and ships no copy of it", () => {
    const tags = scriptTags(fs.readFileSync(path.join(out, "taskpane.html"), "utf8"));
    expect(tags[0].src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(tags.map((t) => t.src.split("?")[0]).slice(1)).toEqual(["functions.js", "commands.js", "taskpane.js"]);
    expect(fs.existsSync(path.join(out, "office-js"))).toBe(false);
  });

  test.each([
    ["http://kam.example.com", "HTTPS"],
    ["kam.example.com", "not a URL"],
    ["https://kam.example.com/?v=1", "without"],
    ["", "needs the address"],
  ])("--env url=%s is refused before anything is built", (url, message) => {
    const env = url === "" ? "url" : `url=${url}`;
    const r = spawnSync(process.execPath, [WEBPACK, "--mode", "production", "--env", env, "--output-path", path.join(os.tmpdir(), "kam-never-written")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain(message);
    expect(fs.existsSync(path.join(os.tmpdir(), "kam-never-written"))).toBe(false);
  });
});
