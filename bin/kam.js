#!/usr/bin/env node
/**
 * The `kam` command. The CLI is TypeScript bundled by scripts/build-node.js; a fresh checkout
 * without build/ (or an install that skipped `prepare`) builds it once on first use.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "build", "node", "kam.js");

function start() {
  const cli = require(bundle);
  cli.main(process.argv.slice(2));
}

if (fs.existsSync(bundle)) {
  start();
} else {
  require("../scripts/build-node.js")
    .build({ quiet: true })
    .then(start)
    .catch((err) => {
      process.stderr.write(`kam: could not build the CLI (${err && err.message ? err.message : err}); run "npm ci" or "node scripts/build-node.js"\n`);
      process.exit(1);
    });
}
