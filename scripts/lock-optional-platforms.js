#!/usr/bin/env node
/**
 * Run after `npm install` changes package-lock.json.
 *
 * The registry this project installs from does not serve the other platforms' builds of a few
 * native packages (@duckdb/node-bindings-*, @swc/core-*), so `npm install` leaves them out of the
 * lock, and `npm ci` then refuses the lock as "out of sync" ("Missing: … from lock file"). This adds
 * a lock entry for every optional platform package that is missing, with the os/cpu/libc the name
 * says, so npm ci skips them on other platforms exactly as it skips any optional package for
 * another platform.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const file = path.join(__dirname, "..", "package-lock.json");
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies || {})) {
    const nested = (key ? key + "/" : "") + "node_modules/" + name;
    const hoisted = "node_modules/" + name;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => ["darwin", "linux", "win32", "freebsd", "android"].includes(p));
    const cpu = parts.find((p) => ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64"].includes(p));
    const e = { version, optional: true };
    if (entry.dev) e.dev = true;
    if (os) e.os = [os];
    if (cpu) e.cpu = [cpu];
    if (parts.includes("musl")) e.libc = ["musl"];
    else if (parts.includes("gnu") || parts.includes("gnueabihf")) e.libc = ["glibc"];
    lock.packages[hoisted] = e;
    added.push(`${name}@${version}`);
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length ? `added ${added.length} lock entries:\n  ${added.join("\n  ")}` : "lock already complete");
