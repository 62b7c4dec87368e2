/**
 * jest globalSetup: the tests in NEEDS_DIST check the production build in dist/, so `npm test`
 * builds it first (`webpack --mode production`), and only when needed:
 *  - only if the run includes one of those tests (`npx jest test/domain` builds nothing);
 *  - only if dist/ is missing or older than its inputs, or was last written by another build
 *    (a build for another --env url, or a dev build, changes dist/manifest.xml).
 * Concurrent jest runs in the same tree take turns through a lock directory.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
/** Test folders that read dist/. */
const NEEDS_DIST = [path.join(ROOT, "test", "build")];
/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];
const STATE_DIR = path.join(ROOT, "node_modules", ".cache", "kam-for-excel");
const STAMP = path.join(STATE_DIR, "test-build.json");
const LOCK = path.join(STATE_DIR, "test-build.lock");
const LOCK_STALE_MS = 20 * 60 * 1000;

function filesUnder(p) {
  if (!fs.existsSync(p)) return [];
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((name) => filesUnder(path.join(p, name)));
}

/** Whether this jest run selects any test that reads dist/. */
function runNeedsDist(globalConfig) {
  const patterns = (globalConfig.testPathPatterns && globalConfig.testPathPatterns.patterns) || [];
  if (patterns.length === 0 || globalConfig.findRelatedTests) return true;
  const tests = NEEDS_DIST.flatMap(filesUnder).filter((f) => /\.test\.tsx?$/.test(f));
  return tests.some((file) =>
    patterns.some((p) => {
      const absolute = path.resolve(ROOT, p);
      if (file === absolute || file.startsWith(absolute + path.sep)) return true;
      try {
        return new RegExp(p, "i").test(file);
      } catch {
        return false;
      }
    }),
  );
}

/** The inputs' file count and newest modification time: it changes when any input does. */
function inputsSignature() {
  const files = INPUTS.flatMap((p) => filesUnder(path.join(ROOT, p)));
  const newest = Math.max(0, ...files.map((f) => fs.statSync(f).mtimeMs));
  return `${files.length}:${newest}`;
}

function distSignature() {
  const manifest = path.join(DIST, "manifest.xml");
  const page = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(manifest) || !fs.existsSync(page)) return null;
  // A default build copies manifest.xml unchanged; a build for another URL does not.
  if (!fs.readFileSync(manifest).equals(fs.readFileSync(path.join(ROOT, "manifest.xml")))) return null;
  return `${fs.statSync(manifest).mtimeMs}:${fs.statSync(page).mtimeMs}`;
}

function isFresh() {
  const dist = distSignature();
  if (dist === null || !fs.existsSync(STAMP)) return false;
  const stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  return stamp.inputs === inputsSignature() && stamp.dist === dist;
}

async function withLock(work) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const age = Date.now() - fs.statSync(LOCK).mtimeMs;
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

module.exports = async function globalSetup(globalConfig) {
  if (!runNeedsDist(globalConfig)) return;
  await withLock(async () => {
    if (isFresh()) return;
    const inputs = inputsSignature();
    console.log("\nBuilding dist/ for the build tests: webpack --mode production");
    const cli = require.resolve("webpack-cli/bin/cli.js");
    const result = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) {
      throw new Error(`The production build failed (webpack exit code ${result.status}); see its output above.`);
    }
    fs.writeFileSync(STAMP, JSON.stringify({ inputs, dist: distSignature() }));
  });
};
