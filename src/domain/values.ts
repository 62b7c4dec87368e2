/**
 * Reading single cell values: blank detection and tolerant number parsing. Cells arrive exactly as
 * Excel or a file hands them over (numbers, strings, booleans, null), so text that looks like a
 * number ("1,234.5", "１２", "35%") is accepted the way a user typing it would expect.
 */
import { fail, ok, type Msg, type Result } from "./errors";

/** null, undefined, "" or text made only of whitespace (incl. full-width spaces). */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === "string" && v.trim() === "";
}

/** A short, quotable rendering of any cell value for error messages. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return v.length > 60 ? `${v.slice(0, 57)}...` : v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return "a list of values";
  return `a value of type ${typeof v}`;
}

/** Plain decimal, optional sign, optional currency sign, optional thousands groups of three, optional exponent. */
const NUMERIC_TEXT = /^[+-]?[$¥€£]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Parse numeric text; NFKC folds full-width digits, signs, comma and percent sign. */
function parseNumericText(raw: string): number | undefined {
  // U+2212 (minus sign) and U+2013 are common in pasted reports; NFKC leaves them alone.
  let t = raw.normalize("NFKC").trim().replace(/^[\u2212\u2013]/, "-");
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 100;
    t = t.slice(0, -1).trimEnd();
  }
  if (!NUMERIC_TEXT.test(t)) return undefined;
  const n = Number(t.replace(/[,$¥€£]/g, "")) / scale;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A finite number from a cell. Blank → kind "missing" ("<what> is missing"); booleans, other
 * text and non-finite numbers → kind "invalid" naming what was found.
 */
export function toNumber(v: unknown, what: Msg): Result<number> {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return ok(v);
    return notANumber(v, what);
  }
  if (isBlank(v)) return fail("missing_value", "missing", `${what.en} is missing`, `缺少${what.zh}`);
  if (typeof v === "string") {
    const n = parseNumericText(v);
    if (n !== undefined) return ok(n);
  }
  return notANumber(v, what);
}

function notANumber(v: unknown, what: Msg): Result<number> {
  const got = describeValue(v);
  return fail("not_a_number", "invalid", `${what.en} must be a number, got "${got}"`, `${what.zh}必须是数字，而不是"${got}"`);
}

/** Render a number for messages without float noise (0.1 + 0.2 shows as 0.3). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

/**
 * A number within [min, max]. Out of range → kind "invalid" naming the value, the broken bound
 * and the whole range, e.g. "profit contribution 25 is above its maximum 20 (allowed 0 to 20)".
 */
export function numberInRange(v: unknown, what: Msg, min: number, max: number): Result<number> {
  const r = toNumber(v, what);
  if (!r.ok) return r;
  return checkRange(r.value, what, min, max);
}

/** The range check of `numberInRange` for a value that is already a number. */
export function checkRange(n: number, what: Msg, min: number, max: number): Result<number> {
  const [v, lo, hi] = [formatNumber(n), formatNumber(min), formatNumber(max)];
  if (n > max) {
    return fail(
      "above_maximum",
      "invalid",
      `${what.en} ${v} is above its maximum ${hi} (allowed ${lo} to ${hi})`,
      `${what.zh} ${v} 超过上限 ${hi}（允许 ${lo} 到 ${hi}）`,
    );
  }
  if (n < min) {
    return fail(
      "below_minimum",
      "invalid",
      `${what.en} ${v} is below its minimum ${lo} (allowed ${lo} to ${hi})`,
      `${what.zh} ${v} 低于下限 ${lo}（允许 ${lo} 到 ${hi}）`,
    );
  }
  return ok(n);
}
