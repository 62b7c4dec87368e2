/**
 * A test double of the `CustomFunctions` global the Excel runtime provides (EXCEL-BEHAVIOUR §12):
 * it records `associate` calls and provides `Error` and `ErrorCode`. Importing this module installs
 * it, so import it before src/functions/functions.ts, which registers the functions when loaded.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Codes whose message Excel shows; any other code with a message is a mistake we record. */
const WITH_MESSAGE: readonly string[] = [ErrorCode.invalidValue, ErrorCode.notAvailable];

export const misuse: string[] = [];

export class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    if (!Object.values(ErrorCode).includes(code as never)) misuse.push(`unknown error code ${code}`);
    if (message !== undefined && !WITH_MESSAGE.includes(code)) misuse.push(`${code} cannot carry a message ("${message}")`);
  }
}

export const associations: { id: string; fn: (...args: unknown[]) => unknown }[] = [];

(globalThis as Record<string, unknown>).CustomFunctions = {
  associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof idOrMap === "string") associations.push({ id: idOrMap, fn: fn as (...args: unknown[]) => unknown });
    else for (const [id, f] of Object.entries(idOrMap)) associations.push({ id, fn: f });
  },
  Error: FakeError,
  ErrorCode,
};

/** Call a function the way Excel does: by its registered id (case-insensitive, as ids are). */
export function call(id: string, ...args: unknown[]): unknown {
  const found = associations.filter((a) => a.id.toUpperCase() === id.toUpperCase());
  if (found.length !== 1) throw new Error(`${id} is registered ${found.length} times`);
  // Excel passes null for every optional argument the user left out.
  return found[0].fn(...args);
}

/** A result as text, to compare with what a user sees: values as they are, errors as "#N/A: message". */
export function show(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(show);
  if (v instanceof FakeError) return v.message === undefined ? v.code : `${v.code} ${v.message}`;
  return v;
}

/** The single value of a 1×1 result, shown. */
export function one(v: unknown): unknown {
  if (!Array.isArray(v) || v.length !== 1 || !Array.isArray(v[0]) || v[0].length !== 1) throw new Error(`expected a 1×1 result, got ${JSON.stringify(show(v))}`);
  return show(v[0][0]);
}
