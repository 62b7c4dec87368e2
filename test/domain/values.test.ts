import fc from "fast-check";
import { checkRange, describeValue, formatNumber, isBlank, numberInRange, toNumber } from "../../src/domain/values";

const AMOUNT = { en: "amount", zh: "金额" };

describe("isBlank", () => {
  it.each([null, undefined, "", "   ", "\t\n", "\u3000"])("treats %p as blank", (v) => {
    expect(isBlank(v)).toBe(true);
  });
  it.each([0, false, "0", " x ", NaN, [], {}])("treats %p as a value", (v) => {
    expect(isBlank(v)).toBe(false);
  });
});

describe("toNumber", () => {
  it("accepts finite numbers as they are, including an explicit 0", () => {
    expect(toNumber(0, AMOUNT)).toEqual({ ok: true, value: 0 });
    expect(toNumber(-12.5, AMOUNT)).toEqual({ ok: true, value: -12.5 });
  });

  it.each([
    ["42", 42],
    [" 42 ", 42],
    ["1,234.5", 1234.5],
    ["-1,234,567", -1234567],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    ["35%", 0.35],
    ["３５％", 0.35],
    ["12.5 %", 0.125],
    [".5", 0.5],
    ["+7", 7],
    ["\u221210", -10],
    ["1e3", 1000],
    ["$1,200", 1200],
    ["￥88", 88],
  ])("reads the text %p as %p", (text, value) => {
    const r = toNumber(text, AMOUNT);
    expect(r.ok && r.value).toBeCloseTo(value, 12);
  });

  it.each([null, undefined, "", "  "])("reports %p as missing in both languages", (v) => {
    const r = toNumber(v, AMOUNT);
    expect(r).toMatchObject({ ok: false, error: { kind: "missing", msg: { en: "amount is missing", zh: "缺少金额" } } });
  });

  it.each([
    ["abc", "abc"],
    ["1,23", "1,23"],
    ["12abc", "12abc"],
    ["1.2.3", "1.2.3"],
    [true, "TRUE"],
    [false, "FALSE"],
  ])("rejects %p naming what it found", (v, shown) => {
    const r = toNumber(v, AMOUNT);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toBe(`amount must be a number, got "${shown}"`);
      expect(r.error.msg.zh).toContain("金额必须是数字");
      expect(r.error.msg.zh).toContain(shown);
    }
  });

  it("rejects NaN and infinities", () => {
    for (const v of [NaN, Infinity, -Infinity, "Infinity", "1e400"]) expect(toNumber(v, AMOUNT).ok).toBe(false);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = toNumber(v, AMOUNT);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.error.msg.en.length).toBeGreaterThan(0);
      }),
    );
  });

  it("reads back any finite number written as text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = toNumber(String(x), AMOUNT);
        expect(r.ok && r.value).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it("reads integers with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
        const r = toNumber(x.toLocaleString("en-US"), AMOUNT);
        expect(r.ok && r.value).toBe(x);
      }),
    );
  });
});

describe("range checks", () => {
  const PROFIT = { en: "profit contribution", zh: "利润贡献" };
  it("names the value, the broken bound and the whole range", () => {
    const above = checkRange(25, PROFIT, 0, 20);
    expect(above.ok).toBe(false);
    if (!above.ok) {
      expect(above.error.msg.en).toBe("profit contribution 25 is above its maximum 20 (allowed 0 to 20)");
      expect(above.error.msg.zh).toBe("利润贡献 25 超过上限 20（允许 0 到 20）");
    }
    const below = numberInRange("-1", PROFIT, 0, 20);
    expect(below.ok).toBe(false);
    if (!below.ok) {
      expect(below.error.msg.en).toBe("profit contribution -1 is below its minimum 0 (allowed 0 to 20)");
      expect(below.error.msg.zh).toBe("利润贡献 -1 低于下限 0（允许 0 到 20）");
    }
  });
  it("accepts both ends of the range", () => {
    expect(numberInRange(0, PROFIT, 0, 20)).toEqual({ ok: true, value: 0 });
    expect(numberInRange("20", PROFIT, 0, 20)).toEqual({ ok: true, value: 20 });
  });
});

describe("describeValue and formatNumber", () => {
  it("shortens long text and names non-cell values", () => {
    expect(describeValue("x".repeat(100))).toHaveLength(60);
    expect(describeValue({})).toBe("a value of type object");
    expect(describeValue(true)).toBe("TRUE");
  });
  it("hides binary float noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(80.00000000000001)).toBe("80");
    expect(formatNumber(-1234.5)).toBe("-1234.5");
  });
});
