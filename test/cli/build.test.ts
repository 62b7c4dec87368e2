/**
 * The Node build and the `kam` binary as a user gets them: bundled by scripts/build-node.js, run as a
 * process, exit codes from the process itself. bin/kam.js builds the bundle on first use when
 * there is none (an install that skipped `prepare`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cleanTempDirs, SAMPLE, tempDir, writeWorkbook } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require("../../scripts/build-node.js") as { build: (o: { quiet?: boolean; outdir?: string }) => Promise<{ entries: string[] }> };

const ROOT = path.resolve(__dirname, "../..");

const built: string[] = [];
afterAll(() => {
  cleanTempDirs();
  for (const d of built) fs.rmSync(d, { recursive: true, force: true });
});

function node(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "" }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("node build", () => {
  test("bundles the CLI and the sample generator into CommonJS for Node, keeping packages external", async () => {
    // Inside the repository, so the bundle finds node_modules the way build/node/kam.js does.
    fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
    const out = fs.mkdtempSync(path.join(ROOT, "build", "test-"));
    built.push(out);
    const r = await build({ quiet: true, outdir: out });
    expect(r.entries).toEqual(expect.arrayContaining(["kam", "make-sample"]));
    const bundle = fs.readFileSync(path.join(out, "kam.js"), "utf8");
    expect(bundle).toMatch(/require\("exceljs"\)/);
    expect(bundle).toMatch(/require\("jszip"\)/);
    expect(bundle).not.toMatch(/^var ExcelJS = /m);

    const work = tempDir();
    expect(node([path.join(out, "kam.js"), "--version"], work)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^kam \d/) });
    const missing = node([path.join(out, "kam.js"), "abc", "nope.xlsx"], work);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('File "nope.xlsx" was not found.');
    await writeWorkbook(path.join(work, "s.xlsx"), [{ name: "S", rows: [["客户", "金额"], ["Acme", 10], ["Bolt", 5]] }]);
    const ok = node([path.join(out, "kam.js"), "abc", "s.xlsx"], work);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Wrote s-kam-abc.xlsx");
    expect(fs.existsSync(path.join(work, "s-kam-abc.xlsx"))).toBe(true);
    const json = node([path.join(out, "kam.js"), "abc", "s.xlsx", "--json"], work);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty("customers");
  }, 180_000);

  test("bin/kam.js builds the bundle when it is missing, then runs the command", () => {
    const tree = tempDir();
    for (const dir of ["bin", "scripts"]) fs.mkdirSync(path.join(tree, dir));
    fs.copyFileSync(path.join(ROOT, "bin/kam.js"), path.join(tree, "bin/kam.js"));
    fs.copyFileSync(path.join(ROOT, "scripts/build-node.js"), path.join(tree, "scripts/build-node.js"));
    fs.copyFileSync(path.join(ROOT, "scripts/make-sample.ts"), path.join(tree, "scripts/make-sample.ts"));
    for (const link of ["src", "node_modules"]) fs.symlinkSync(path.join(ROOT, link), path.join(tree, link), "dir");
    fs.mkdirSync(path.join(tree, "assets/samples"), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(tree, "assets/samples/kam-sample.xlsx"));

    const work = tempDir();
    const r = node([path.join(tree, "bin/kam.js"), "demo", "--json"], work);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(tree, "build/node/kam.js"))).toBe(true);
    const summary = JSON.parse(r.stdout) as { customers: number; sheets: string[] };
    expect(summary.customers).toBe(150);
    expect(summary.sheets.length).toBeGreaterThan(10);
    expect(fs.existsSync(path.join(work, "kam-demo.xlsx"))).toBe(true);
  }, 180_000);
});
