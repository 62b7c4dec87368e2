// Property tests run with a fixed seed so that CI is deterministic; set FC_SEED to explore others
// (a failure prints its seed and counterexample either way).
const fc = require("fast-check");
fc.configureGlobal({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261123 });
