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

/**
 * options: { quiet?: boolean, outdir?: string (default build/node) }. Each entry is its own esbuild
 * run, so one broken entry (say, the bench while someone edits it) does not keep the others from
 * being written; the build still fails if any entry does.
 */
async function build(options = {}) {
  const esbuild = require("esbuild");
  const present = ENTRIES.filter(([src]) => fs.existsSync(path.join(root, src)));
  const results = await Promise.allSettled(
    present.map(([src, name]) =>
      esbuild.build({
        absWorkingDir: root,
        entryPoints: { [name]: path.join(root, src) },
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
      }),
    ),
  );
  const failed = results.map((r, i) => (r.status === "rejected" ? `${present[i][0]}: ${r.reason && r.reason.message ? r.reason.message : r.reason}` : null)).filter(Boolean);
  if (failed.length > 0) throw new Error(failed.join("\n"));
  return { entries: present.map(([, name]) => name) };
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
