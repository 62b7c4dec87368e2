/**
 * ESLint flat config: ESLint's and typescript-eslint's recommended rules for the TypeScript
 * sources and tests, and the CommonJS files (build scripts, jest setup) checked as Node scripts.
 * `npm run lint` also runs `tsc --noEmit`, so rules that need type information are left to it.
 */
"use strict";

const { defineConfig } = require("eslint/config");
const { builtinRules } = require("eslint/use-at-your-own-risk");
const tseslint = require("typescript-eslint");

/** ESLint's own "recommended" set, read from the rules' metadata (what @eslint/js ships as a list). */
const ESLINT_RECOMMENDED = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, "error"]),
);

const NODE_GLOBALS = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer", "setTimeout", "clearTimeout", "URL"].map(
    (name) => [name, "readonly"],
  ),
);

module.exports = defineConfig(
  { ignores: ["dist/", "build/", "coverage/", "node_modules/", "test-results/"] },
  { rules: ESLINT_RECOMMENDED },
  // After ESLint's set: turns off the core rules TypeScript already checks (no-undef, …) in .ts.
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // `_`-prefixed names mark deliberately unused parameters (callbacks with a fixed signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
