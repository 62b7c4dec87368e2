#!/usr/bin/env node
/**
 * Bundles the Node entry points (the `kam` CLI, the sample-workbook generator and, once it exists,
 * the benchmark) into build/node/ with esbuild. Runs on `npm ci` (prepare) and before `npm run bench`,
 * so it must stay fast and must not need anything that is not already in node_modules.
 *
 * Packages from node_modules stay external: they are installed anyway, some ship native code
 * (@duckdb/node-api) and bundling ExcelJS would only make the build slower.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const outdir = path.join(root, "build", "node");

/** [source, output name]; entries whose source is missing are skipped (the bench arrives later). */
const ENTRIES = [
  ["src/cli/main.ts", "kam"],
  ["scripts/make-sample.ts", "make-sample"],
  ["bench/run.ts", "bench"],
];

const EXTERNAL = ["exceljs", "jszip", "sax", "zod", "@duckdb/node-api", "arquero"];

/** options: { quiet?: boolean, outdir?: string (default build/node) } */
async function build(options = {}) {
  const esbuild = require("esbuild");
  const entryPoints = {};
  for (const [src, name] of ENTRIES) {
    if (fs.existsSync(path.join(root, src))) entryPoints[name] = path.join(root, src);
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: options.outdir || outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    external: EXTERNAL,
    sourcemap: true,
    legalComments: "none",
    logLevel: options.quiet ? "silent" : "warning",
  });
  return { entries: Object.keys(entryPoints), warnings: result.warnings.length };
}

module.exports = { build };

if (require.main === module) {
  const started = Date.now();
  build()
    .then(({ entries }) => {
      process.stdout.write(`build-node: ${entries.map((e) => `build/node/${e}.js`).join(", ")} (${Date.now() - started} ms)\n`);
    })
    .catch((err) => {
      // esbuild has already printed the located errors; the message is enough here.
      process.stderr.write(`build-node failed: ${err && err.message ? err.message : err}\n`);
      process.exit(1);
    });
}
