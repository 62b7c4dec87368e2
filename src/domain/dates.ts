/**
 * Dates as Excel sees them: serial numbers in the 1900 date system (1 = 1900-01-01).
 * Life-cycle stages (SPEC §5) and red-list months (SPEC §2) count calendar months between serials.
 */
import { fail, ok, type Result } from "./errors";
import { describeValue } from "./values";

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Serial of 9999-12-31, the last date Excel can show. */
export const MAX_SERIAL = 2958465;

/**
 * Excel's 1900 system counts a 29 February 1900 that never existed (serial 60), a bug kept from
 * Lotus 1-2-3. Serials from 61 on are days since 1899-12-30; serials below 60 are one day later.
 */
const LEAP_BUG_SERIAL = 60;
/** Days from 1970-01-01 back to 1899-12-30, the epoch of serials ≥ 61. */
const EPOCH_OFFSET = 25569;

/** Days since 1970-01-01 for a proleptic Gregorian date (valid for every year, incl. 0–99). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): Ymd {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function ymdToSerial(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return LEAP_BUG_SERIAL;
  const serial = daysFromCivil(y, m, d) + EPOCH_OFFSET;
  return serial <= LEAP_BUG_SERIAL ? serial - 1 : serial;
}

/** The calendar date of a serial; a fractional part (time of day) is ignored. */
export function serialToYmd(serial: number): Ymd {
  const whole = Math.floor(serial);
  if (whole === LEAP_BUG_SERIAL) return { y: 1900, m: 2, d: 29 };
  const days = whole < LEAP_BUG_SERIAL ? whole + 1 : whole;
  return civilFromDays(days - EPOCH_OFFSET);
}

/** Today's serial in the local time zone of the machine running the calculation. */
export function todaySerial(now: Date = new Date()): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The same day n months later (or earlier); a day that the target month lacks becomes its last day, as Excel's EDATE does. */
export function addMonths(serial: number, n: number): number {
  const { y, m, d } = serialToYmd(serial);
  const index = y * 12 + (m - 1) + Math.trunc(n);
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return ymdToSerial(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/**
 * Whole calendar months from one date to another (negative if `to` is earlier).
 * Chosen so that monthsBetween(a, addMonths(a, n)) = n: a month from 31 January is complete on
 * the last day of February.
 */
export function monthsBetween(fromSerial: number, toSerial: number): number {
  const from = Math.floor(fromSerial);
  const to = Math.floor(toSerial);
  if (to < from) return -monthsBetween(to, from);
  const a = serialToYmd(from);
  const b = serialToYmd(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d && b.d < daysInMonth(b.y, b.m)) months -= 1;
  return months;
}

/** Text date forms accepted everywhere a date is read. */
export const DATE_FORMS = { en: "a date such as 2026-03-01 or 2026/3/1, or an Excel date", zh: "日期，如 2026-03-01 或 2026/3/1，或 Excel 日期" };

const DATE_TEXT = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

function notADate(v: unknown): Result<number> {
  const got = describeValue(v);
  return fail("not_a_date", "invalid", `expected ${DATE_FORMS.en}, got "${got}"`, `应为${DATE_FORMS.zh}，实际为“${got}”`);
}

function fromYmd(y: number, m: number, d: number, raw: string): Result<number> {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail(
      "no_such_day",
      "invalid",
      `"${raw}" is not a calendar date between 1900-01-01 and 9999-12-31`,
      `“${raw}”不是 1900-01-01 至 9999-12-31 之间的有效日期`,
    );
  }
  return ok(ymdToSerial(y, m, d));
}

/**
 * Read a date cell: an Excel serial (the time of day is dropped), a JS Date (as the .xlsx reader
 * hands them, at UTC midnight), or text `2026-03-01` / `2026/3/1` in half- or full-width digits.
 */
export function parseDate(v: unknown): Result<number> {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
    return fail("date_missing", "missing", `the date is missing; expected ${DATE_FORMS.en}`, `日期缺失；应为${DATE_FORMS.zh}`);
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= MAX_SERIAL + 1) {
      return fail(
        "not_a_date",
        "invalid",
        `${v} is not an Excel date (serials run from 1 = 1900-01-01 to ${MAX_SERIAL} = 9999-12-31); expected ${DATE_FORMS.en}`,
        `${v} 不是 Excel 日期（序号从 1 = 1900-01-01 到 ${MAX_SERIAL} = 9999-12-31）；应为${DATE_FORMS.zh}`,
      );
    }
    return ok(Math.floor(v));
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return notADate(v);
    return fromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.toISOString().slice(0, 10));
  }
  if (typeof v !== "string") return notADate(v);
  const match = DATE_TEXT.exec(v.normalize("NFKC").trim());
  if (!match) return notADate(v);
  return fromYmd(Number(match[1]), Number(match[3]), Number(match[4]), v.trim());
}

/** ISO text of a serial, e.g. 45717 → "2025-03-01". */
export function serialToIso(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
