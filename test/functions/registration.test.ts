/**
 * What Excel loads: functions.json (generated from the JSDoc of functions.ts, as the build does) and
 * the functions the module registers must match one to one, and every function and parameter must
 * have a Chinese description.
 */
import { associations, misuse } from "./cf-double";
import { FUNCTIONS, registerFunctions } from "../../src/functions/functions";
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; type: string; dimensionality?: string; optional?: boolean; description?: string }[];
    result?: { dimensionality?: string };
    options?: { volatile?: boolean };
  }[];
}

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");
const ZH = path.resolve(__dirname, "../../src/functions/descriptions.zh-CN.json");
const IDS = ["SCORE", "TIER", "CREDITGRADE", "ABC", "ABCTABLE", "LEVEL", "PROFILE", "STAGE", "XYZ", "SEGMENT", "NEXTCONTACT"];

let metadata: Metadata;
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(r.errors).toEqual([]);
  metadata = JSON.parse(r.metadataJson) as Metadata;
}, 60000);

test("loading the module registers each of the functions exactly once", () => {
  expect(associations.map((a) => a.id).sort()).toEqual([...IDS].sort());
  for (const a of associations) expect(a.fn).toBe(FUNCTIONS[a.id]);
  expect(misuse).toEqual([]);
});

test("functions.json lists exactly the ids the module registers", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(associations.map((a) => a.id).sort());
  for (const f of metadata.functions) expect(f.name).toBe(f.id);
});

test("every function spills (matrix result) and takes its ranges as matrices", () => {
  const param = (id: string, name: string) => metadata.functions.find((f) => f.id === id)?.parameters.find((p) => p.name === name);
  for (const f of metadata.functions) expect(f.result?.dimensionality).toBe("matrix");
  for (const [id, name] of [
    ["SCORE", "points"],
    ["SCORE", "weights"],
    ["TIER", "score"],
    ["CREDITGRADE", "volume"],
    ["ABC", "amounts"],
    ["ABC", "customers"],
    ["ABCTABLE", "customers"],
    ["LEVEL", "value"],
    ["PROFILE", "scores"],
    ["STAGE", "signed"],
  ]) {
    expect([id, name, param(id, name)?.dimensionality]).toEqual([id, name, "matrix"]);
  }
  expect(param("ABC", "a_share")?.optional).toBe(true);
  expect(param("ABCTABLE", "customers")?.optional).toBeFalsy();
  expect(metadata.functions.find((f) => f.id === "STAGE")?.options?.volatile).toBe(true);
});

test("every function and parameter has an English description in functions.json", () => {
  for (const f of metadata.functions) {
    expect([f.id, (f.description ?? "").length > 10]).toEqual([f.id, true]);
    for (const p of f.parameters) expect([f.id, p.name, (p.description ?? "").length > 5]).toEqual([f.id, p.name, true]);
  }
});

test("descriptions.zh-CN.json covers every function and parameter, and nothing else", () => {
  const zh = JSON.parse(fs.readFileSync(ZH, "utf8")) as Record<string, { description: string; parameters: Record<string, string> }>;
  expect(Object.keys(zh).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  for (const f of metadata.functions) {
    const entry = zh[f.id];
    expect([f.id, /[\u4e00-\u9fff]/.test(entry.description)]).toEqual([f.id, true]);
    expect(Object.keys(entry.parameters).sort()).toEqual(f.parameters.map((p) => p.name).sort());
    for (const p of f.parameters) expect([f.id, p.name, /[\u4e00-\u9fff]/.test(entry.parameters[p.name])]).toEqual([f.id, p.name, true]);
  }
});

test("without the CustomFunctions runtime nothing is registered and nothing throws", () => {
  const before = associations.length;
  const saved = (globalThis as Record<string, unknown>).CustomFunctions;
  delete (globalThis as Record<string, unknown>).CustomFunctions;
  try {
    expect(registerFunctions()).toBe(0);
  } finally {
    (globalThis as Record<string, unknown>).CustomFunctions = saved;
  }
  expect(associations.length).toBe(before);
});
