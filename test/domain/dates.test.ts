import fc from "fast-check";
import { addMonths, monthsBetween, parseDate, serialToIso, serialToYmd, todaySerial, ymdToSerial, MAX_SERIAL } from "../../src/domain/dates";

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("expected ok");
  return r.value;
}

describe("Excel date serials (1900 system)", () => {
  test("known serials match what Excel shows", () => {
    expect(serialToYmd(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(serialToYmd(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(serialToYmd(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(serialToYmd(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(serialToYmd(45717)).toEqual({ y: 2025, m: 3, d: 1 });
    expect(serialToYmd(MAX_SERIAL)).toEqual({ y: 9999, m: 12, d: 31 });
    expect(ymdToSerial(2025, 3, 1)).toBe(45717);
    expect(ymdToSerial(1900, 2, 29)).toBe(60);
    expect(ymdToSerial(1899, 12, 31)).toBe(0);
  });

  test("the time of day in a serial is ignored", () => {
    expect(serialToYmd(45717.75)).toEqual({ y: 2025, m: 3, d: 1 });
  });

  test("serial → date → serial round-trips for every day Excel can show", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (n) => {
        const { y, m, d } = serialToYmd(n);
        expect(ymdToSerial(y, m, d)).toBe(n);
      }),
    );
  });

  test("today is read in local time", () => {
    expect(todaySerial(new Date(2025, 2, 1, 23, 59))).toBe(45717);
  });

  test("ISO text of a serial", () => {
    expect(serialToIso(45717)).toBe("2025-03-01");
  });
});

describe("parseDate", () => {
  test("accepts an Excel serial and drops the time of day", () => {
    expect(parseDate(45717)).toEqual({ ok: true, value: 45717 });
    expect(parseDate(45717.5)).toEqual({ ok: true, value: 45717 });
  });

  test("accepts 2026-03-01, 2026/3/1 and full-width digits", () => {
    const expected = ymdToSerial(2026, 3, 1);
    expect(value(parseDate("2026-03-01"))).toBe(expected);
    expect(value(parseDate("2026/3/1"))).toBe(expected);
    expect(value(parseDate(" 2026-3-01 "))).toBe(expected);
    expect(value(parseDate("２０２６／３／１"))).toBe(expected);
    expect(value(parseDate("２０２６－０３－０１"))).toBe(expected);
  });

  test("accepts a Date at UTC midnight as the .xlsx reader gives it", () => {
    expect(value(parseDate(new Date(Date.UTC(2026, 2, 1))))).toBe(ymdToSerial(2026, 3, 1));
  });

  test("a blank date is missing", () => {
    for (const blank of [null, undefined, "", "   "]) {
      const r = parseDate(blank);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe("missing");
    }
  });

  test("other text names the accepted forms in both languages", () => {
    for (const bad of ["1 March 2026", "03/01/2026", "2026.3.1", "2026-03/01", "tomorrow", true]) {
      const r = parseDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe("invalid");
        expect(r.error.msg.en).toContain("2026-03-01 or 2026/3/1");
        expect(r.error.msg.zh).toContain("2026-03-01 或 2026/3/1");
      }
    }
  });

  test("a day that does not exist is rejected", () => {
    for (const bad of ["2026-02-29", "2026/13/1", "2026-04-31", "1899-12-31"]) {
      const r = parseDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.msg.en).toContain(bad);
    }
    expect(parseDate("2024-02-29").ok).toBe(true);
  });

  test("serials outside Excel's range are rejected", () => {
    for (const bad of [0, -1, MAX_SERIAL + 1, Number.NaN, Number.POSITIVE_INFINITY]) expect(parseDate(bad).ok).toBe(false);
  });

  test("never throws: any input gives ok or an error with both messages", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.date({ noInvalidDate: false }), fc.string()), (v) => {
        const r = parseDate(v);
        if (r.ok) {
          expect(Number.isInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(1);
          expect(r.value).toBeLessThanOrEqual(MAX_SERIAL);
        } else {
          expect(r.error.msg.en.length).toBeGreaterThan(0);
          expect(r.error.msg.zh.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("calendar months", () => {
  const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);

  test("addMonths keeps the day, or the month's last day when it has fewer days", () => {
    expect(addMonths(d(2026, 1, 15), 1)).toBe(d(2026, 2, 15));
    expect(addMonths(d(2026, 1, 31), 1)).toBe(d(2026, 2, 28));
    expect(addMonths(d(2024, 1, 31), 1)).toBe(d(2024, 2, 29));
    expect(addMonths(d(2026, 3, 31), -1)).toBe(d(2026, 2, 28));
    expect(addMonths(d(2025, 11, 30), 3)).toBe(d(2026, 2, 28));
    expect(addMonths(d(2026, 3, 1), 36)).toBe(d(2029, 3, 1));
  });

  test("monthsBetween counts whole months only", () => {
    expect(monthsBetween(d(2026, 1, 15), d(2026, 2, 14))).toBe(0);
    expect(monthsBetween(d(2026, 1, 15), d(2026, 2, 15))).toBe(1);
    expect(monthsBetween(d(2025, 3, 1), d(2026, 2, 28))).toBe(11);
    expect(monthsBetween(d(2025, 3, 1), d(2026, 3, 1))).toBe(12);
    expect(monthsBetween(d(2026, 1, 31), d(2026, 2, 28))).toBe(1);
    expect(monthsBetween(d(2026, 1, 31), d(2026, 2, 27))).toBe(0);
    expect(monthsBetween(d(2026, 3, 1), d(2026, 1, 1))).toBe(-2);
  });

  test("n months after a date are n whole months later, and one day less is not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), fc.integer({ min: 0, max: 600 }), (from, n) => {
        const to = addMonths(from, n);
        expect(monthsBetween(from, to)).toBe(n);
        if (n > 0) expect(monthsBetween(from, to - 1)).toBe(n - 1);
      }),
    );
  });

  test("monthsBetween never decreases as the later date moves on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_900_000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 400 }), (from, a, step) => {
        expect(monthsBetween(from, from + a + step)).toBeGreaterThanOrEqual(monthsBetween(from, from + a));
      }),
    );
  });
});
