/** Jest runs the TypeScript sources through SWC (fast, no type check; `npm run lint` type-checks). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2020" } },
    ],
  },
  // Builds dist/ (webpack production) when the selected tests include test/build/ and it is stale.
  globalSetup: "<rootDir>/test/global-setup.js",
  setupFiles: ["<rootDir>/test/setup-fast-check.js"],
  maxWorkers: 2,
  testTimeout: 60000,
};
