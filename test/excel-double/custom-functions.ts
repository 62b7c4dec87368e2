/**
 * Rule 18 of EXCEL-BEHAVIOUR: how Excel shows what a custom function returns or throws.
 *  - any thrown exception → #VALUE! (no message);
 *  - a CustomFunctions.Error → its code; only #VALUE! and #N/A keep a message;
 *    invalidName / invalidReference are input-only: returning them is treated like a throw (choice);
 *  - a 2-D array spills down and right from the calling cell; a non-empty cell in the way gives #SPILL!;
 *  - null inside a returned array shows as 0 (oj#1503).
 */
import type { Rect } from "./address";
import type { Scalar, SheetEntity } from "./model";

export const CF_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type CfErrorCode = (typeof CF_ERROR_CODES)[keyof typeof CF_ERROR_CODES];

export class CustomFunctionsErrorDouble extends Error {
  constructor(
    readonly code: CfErrorCode,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

export interface CellOutcome {
  readonly value: Scalar;
  readonly type: "String" | "Double" | "Boolean" | "Error" | "Empty";
  /** Shown to the user for #VALUE! and #N/A only. */
  readonly message?: string;
}

export interface Invocation {
  readonly anchor: CellOutcome;
  /** The cells the result covers (the anchor alone unless it spilled). */
  readonly spill: Rect;
}

function asError(e: unknown): CellOutcome {
  if (e instanceof CustomFunctionsErrorDouble && e.code !== "#NAME?" && e.code !== "#REF!") {
    const withMessage = e.code === "#VALUE!" || e.code === "#N/A";
    return { value: e.code, type: "Error", message: withMessage && e.message ? e.message : undefined };
  }
  return { value: "#VALUE!", type: "Error" };
}

function outcome(v: unknown): CellOutcome {
  if (v instanceof CustomFunctionsErrorDouble) return asError(v);
  if (v === null || v === undefined) return { value: 0, type: "Double" };
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, type: "Double" } : { value: "#NUM!", type: "Error" };
  if (typeof v === "boolean") return { value: v, type: "Boolean" };
  if (typeof v === "string") return { value: v, type: "String" };
  return { value: "#VALUE!", type: "Error" };
}

/** Run a custom function as Excel would for the formula in (row, col) of `sheet`, and write what it shows. */
export async function invokeCustomFunction(sheet: SheetEntity, row: number, col: number, fn: (...args: never[]) => unknown, args: unknown[]): Promise<Invocation> {
  let result: unknown;
  try {
    result = await (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    const anchor = asError(e);
    write(sheet, row, col, anchor);
    return { anchor, spill: { r: row, c: col, rows: 1, cols: 1 } };
  }
  if (Array.isArray(result) && result.every((r) => Array.isArray(r))) {
    const rows = result as unknown[][];
    const height = rows.length;
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (height === 0 || width === 0) {
      const anchor: CellOutcome = { value: "#CALC!", type: "Error" };
      write(sheet, row, col, anchor);
      return { anchor, spill: { r: row, c: col, rows: 1, cols: 1 } };
    }
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const cell = sheet.get(row + i, col + j);
        if (cell && cell.type !== "Empty") {
          const anchor: CellOutcome = { value: "#SPILL!", type: "Error" };
          write(sheet, row, col, anchor);
          return { anchor, spill: { r: row, c: col, rows: 1, cols: 1 } };
        }
      }
    }
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) write(sheet, row + i, col + j, outcome(rows[i][j]));
    return { anchor: outcome(rows[0][0]), spill: { r: row, c: col, rows: height, cols: width } };
  }
  const anchor = outcome(result);
  write(sheet, row, col, anchor);
  return { anchor, spill: { r: row, c: col, rows: 1, cols: 1 } };
}

function write(sheet: SheetEntity, r: number, c: number, o: CellOutcome): void {
  const cell = sheet.ensure(r, c);
  cell.value = o.value;
  cell.type = o.type;
}
