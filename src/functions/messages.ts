/**
 * Errors about a whole argument (its shape, its length, an option word), in both languages.
 * Errors about one value come from the domain; these are the ones only a function can detect.
 */
import { kamError, type KamError, type Msg } from "../domain/errors";
import { describeValue } from "../domain/values";

function describe(v: unknown): string {
  return `"${describeValue(v)}"`;
}

export function argumentMissing(arg: Msg): KamError {
  return kamError("argument-missing", "missing", `${arg.en} is required`, `缺少参数${arg.zh}`);
}

export function argumentEmpty(arg: Msg): KamError {
  return kamError("argument-empty", "missing", `${arg.en} is an empty range`, `${arg.zh}是空区域`);
}

export function notSingleValue(arg: Msg, rows: number, cols: number): KamError {
  return kamError(
    "argument-not-single",
    "invalid",
    `${arg.en} must be a single value, got a range of ${rows} × ${cols} cells`,
    `${arg.zh}必须是单个值，却给了 ${rows} × ${cols} 个单元格的区域`,
  );
}

export function notOneColumn(arg: Msg, rows: number, cols: number): KamError {
  return kamError(
    "argument-not-column",
    "invalid",
    `${arg.en} must be a single column (or a single row), got ${rows} rows × ${cols} columns`,
    `${arg.zh}必须是单列（或单行），却给了 ${rows} 行 × ${cols} 列`,
  );
}

export function wrongColumnCount(arg: Msg, expected: number, got: number, names: Msg): KamError {
  return kamError(
    "argument-columns",
    "invalid",
    `${arg.en} must have ${expected} columns (${names.en}), got ${got}`,
    `${arg.zh}必须有 ${expected} 列（${names.zh}），却有 ${got} 列`,
  );
}

export function rowLength(expected: number, got: number): KamError {
  return kamError(
    "row-length",
    "invalid",
    `expected ${expected} values, got ${got}`,
    `应有 ${expected} 个值，却有 ${got} 个`,
  );
}

export function lengthsDiffer(a: Msg, aLen: number, b: Msg, bLen: number): KamError {
  return kamError(
    "argument-lengths",
    "invalid",
    `${a.en} has ${aLen} rows but ${b.en} has ${bLen}; they must be the same length`,
    `${a.zh}有 ${aLen} 行，${b.zh}却有 ${bLen} 行；两者长度必须相同`,
  );
}

export function unknownOption(arg: Msg, got: unknown, expected: Msg): KamError {
  return kamError(
    "argument-option",
    "invalid",
    `${arg.en} must be ${expected.en}, got ${describe(got)}`,
    `${arg.zh}必须是 ${expected.zh}，却是 ${describe(got)}`,
  );
}

export function notARow(v: unknown): KamError {
  return kamError("row-shape", "invalid", `expected a row of cells, got ${describe(v)}`, `应为一行单元格，却是 ${describe(v)}`);
}

export function unexpected(fn: string, detail: string): KamError {
  return kamError(
    "unexpected",
    "invalid",
    `${fn} could not compute this value (${detail}); please report it with the formula's input`,
    `${fn} 无法计算此值（${detail}）；请连同公式的输入一起报告`,
  );
}
