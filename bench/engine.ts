/**
 * This project's engine as Excel calls it: the custom functions registered through
 * `CustomFunctions.associate`, looked up by their ids. A small stand-in for the CustomFunctions
 * global records the registrations (the bench runs in Node, outside Excel).
 */
import { CF_ERROR_CODES, CustomFunctionsErrorDouble } from "../test/excel-double/custom-functions";

type Fn = (...args: unknown[]) => unknown;

export function registeredFunctions(): ReadonlyMap<string, Fn> {
  const registry = new Map<string, Fn>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: (id: string, fn: Fn) => registry.set(id, fn),
    Error: CustomFunctionsErrorDouble,
    ErrorCode: CF_ERROR_CODES,
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../src/functions/functions");
  return registry;
}
