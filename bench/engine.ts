/**
 * This project's engine as Excel calls it: the custom functions registered through
 * `CustomFunctions.associate`, looked up by their ids. A small stand-in for the CustomFunctions
 * global records the registrations (the bench runs in Node, outside Excel).
 */
type Fn = (...args: unknown[]) => unknown;

export function registeredFunctions(): ReadonlyMap<string, Fn> {
  const registry = new Map<string, Fn>();
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? "");
    }
  }
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: (id: string, fn: Fn) => registry.set(id, fn),
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../src/functions/functions");
  return registry;
}
