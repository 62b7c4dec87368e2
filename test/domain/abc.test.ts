import fc from "fast-check";
import {
  ABC_CLASS_LABELS,
  abcClassify,
  abcFromColumns,
  indexBits,
  nameHash,
  type AbcClass,
  ROW_ERROR,
  type AbcResult,
  validateThresholds,
} from "../../src/domain/abc";
import type { KamError } from "../../src/domain/errors";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";

const T = DEFAULT_SETTINGS.abc; // a = 0.55, b = 0.30
const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const classOf = (r: AbcResult): Record<string, AbcClass> => Object.fromEntries(r.rows.map((x) => [x.customer, x.class]));
const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

describe("abcClassify golden cases (SPEC §3)", () => {
  it("always puts the largest customer in A, even when it dwarfs everyone", () => {
    expect(classOf(abcClassify(["Big", "Small"], [99, 1], T))).toEqual({ Big: "A", Small: "C" });
    expect(classOf(abcClassify(["Only"], [5], T))).toEqual({ Only: "A" });
  });

  it("a customer with 70 % of sales is A and the next one is B", () => {
    expect(classOf(abcClassify(["X", "Y", "Z"], [70, 20, 10], T))).toEqual({ X: "A", Y: "B", Z: "C" });
  });

  it("the customer that crosses the 55 % line is still A", () => {
    const r = abcClassify(["P", "Q", "R"], [50, 40, 10], T);
    expect(classOf(r)).toEqual({ P: "A", Q: "A", R: "C" });
    expect(r.rows[1].cumulativeShare).toBeCloseTo(0.9, 12);
  });

  it("a prior share exactly on a line goes to the lower class", () => {
    expect(classOf(abcClassify(["a", "b", "c"], [55, 30, 15], T))).toEqual({ a: "A", b: "B", c: "C" });
    // decimals whose binary sums land a hair off the line
    expect(classOf(abcClassify(["a", "b", "c"], [5.5, 3, 1.5], T))).toEqual({ a: "A", b: "B", c: "C" });
    expect(classOf(abcClassify(["a", "b", "c", "d"], [0.35, 0.2, 0.3, 0.15], T))).toEqual({ a: "A", d: "C", b: "B", c: "A" });
  });

  it("customers with equal amounts share the class of the first of them", () => {
    // the third customer's prior is 70 %, which alone would make it B
    expect(classOf(abcClassify(["K", "L", "M"], [40, 30, 30], T))).toEqual({ K: "A", L: "A", M: "A" });
    // amounts that are equal only once rounding noise is removed
    const r = abcClassify(["u", "v", "w", "v"], [60, 0.3, 30, 0], T);
    expect(r.rows.map((x) => x.amount)).toEqual([60, 30, 0.3]);
  });

  it("breaks ties by name so results are deterministic", () => {
    const r = abcClassify(["b", "a", "c"], [10, 10, 10], T);
    expect(r.rows.map((x) => [x.rank, x.customer])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });

  it("puts zero amounts in C", () => {
    expect(classOf(abcClassify(["s", "z"], [10, 0], T))).toEqual({ s: "A", z: "C" });
  });

  it("puts net-negative customers in C, leaves them out of the total and warns in both languages", () => {
    const r = abcClassify(["X", "Y", "Z"], [100, -20, 50], T);
    expect(classOf(r)).toEqual({ X: "A", Z: "B", Y: "C" });
    expect(r.total).toBe(150);
    const y = r.rows.find((x) => x.customer === "Y");
    expect(y?.share).toBeCloseTo(-20 / 150, 12);
    expect(y?.cumulativeShare).toBe(1);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].en).toContain("Y (-20)");
    expect(r.warnings[0].en).toContain("net negative");
    expect(r.warnings[0].zh).toContain("Y (-20)");
    expect(r.warnings[0].zh).toContain("净金额为负");
  });

  it("puts everyone in C with a warning when nothing is positive", () => {
    const r = abcClassify(["a", "b"], [0, -5], T);
    expect(classOf(r)).toEqual({ a: "C", b: "C" });
    expect(r.total).toBe(0);
    expect(r.warnings.some((w) => w.en.includes("no customer has a positive amount"))).toBe(true);
  });

  it("computes share and cumulative share of the positive total", () => {
    const r = abcClassify(["X", "Y", "Z"], [70, 20, 10], T);
    expect(r.rows.map((x) => [x.share, x.cumulativeShare])).toEqual([
      [0.7, 0.7],
      [0.2, 0.9],
      [0.1, 1],
    ]);
  });

  it("summarises customers and amounts per class", () => {
    const r = abcClassify(["a", "b", "c", "d"], [60, 20, 15, 5], T);
    expect(r.summary).toEqual([
      { class: "A", customers: 1, amount: 60, customerShare: 0.25, amountShare: 0.6 },
      { class: "B", customers: 2, amount: 35, customerShare: 0.5, amountShare: 0.35 },
      { class: "C", customers: 1, amount: 5, customerShare: 0.25, amountShare: 0.05 },
    ]);
  });

  it("adds up a name given more than once", () => {
    expect(abcClassify(["a", "b", "a"], [10, 15, 10], T).rows.map((x) => [x.customer, x.amount])).toEqual([
      ["a", 20],
      ["b", 15],
    ]);
  });

  it("honours other thresholds", () => {
    expect(classOf(abcClassify(["X", "Y", "Z"], [70, 20, 10], { a: 0.8, b: 0.15 }))).toEqual({ X: "A", Y: "A", Z: "B" });
  });

  it("returns empty tables for no customers", () => {
    const r = abcClassify([], [], T);
    expect(r.rows).toEqual([]);
    expect(r.summary.map((s) => s.customers)).toEqual([0, 0, 0]);
    expect(r.warnings).toEqual([]);
  });

  it("labels the classes in both languages", () => {
    expect(ABC_CLASS_LABELS.A).toMatchObject({ en: "A", zh: "A类" });
  });
});

describe("abcFromColumns (worksheet ranges)", () => {
  it("sums the rows of each customer and gives every row its customer's class", () => {
    const { result, rowClass } = abcFromColumns(col([30, 20, 40, 5, 5]), col(["Acme", "Beta", "Acme", "Cody", "Beta"]), T);
    expect(result.rows.map((r) => [r.customer, r.amount, r.class])).toEqual([
      ["Acme", 70, "A"],
      ["Beta", 25, "B"],
      ["Cody", 5, "C"],
    ]);
    expect(rowClass).toEqual(["A", "B", "A", "C", "B"]);
  });

  it("matches names once surrounding spaces are trimmed, but keeps case", () => {
    const { result } = abcFromColumns(col([1, 2, 3]), col(["Acme", " Acme\u3000", "ACME"]), T);
    expect(result.rows.map((r) => [r.customer, r.amount])).toEqual([
      ["ACME", 3],
      ["Acme", 3],
    ]);
  });

  it("accepts customer numbers and amounts typed as text", () => {
    const { result } = abcFromColumns(col(["1,000", 500]), col([1001, "1001"]), T);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ customer: "1001", amount: 1500 });
  });

  it("reports a blank or non-numeric amount as an error of that row only, naming the 1-based row", () => {
    const { result, rowClass } = abcFromColumns(col([70, "", 20, "n/a", 10]), col(["X", "X", "Y", "Z", "Z"]), T);
    expect(result.rows.map((r) => [r.customer, r.amount, r.class])).toEqual([
      ["X", 70, "A"],
      ["Y", 20, "B"],
      ["Z", 10, "C"],
    ]);
    expect(rowClass[0]).toBe("A");
    const blank = rowClass[1] as KamError;
    expect(blank.kind).toBe("missing");
    expect(blank.msg.en).toBe("row 2: amount is missing");
    expect(blank.msg.zh).toBe("第 2 行：缺少金额");
    const text = rowClass[3] as KamError;
    expect(text.kind).toBe("invalid");
    expect(text.msg.en).toBe('row 4: amount must be a number, got "n/a"');
    expect(result.warnings.some((w) => w.en.includes("2 row(s) were left out") && w.en.includes("rows 2, 4"))).toBe(true);
  });

  it("treats rows with neither amount nor customer as empty: a missing error, but no warning", () => {
    const amounts = col([70, 20, "", null, " "]);
    const { result, rowClass, rowCode } = abcFromColumns(amounts, col(["A", "B", "", undefined, null]), T);
    expect(result.rows).toHaveLength(2);
    expect(result.warnings).toEqual([]);
    expect(rowClass.slice(0, 2)).toEqual(["A", "B"]);
    for (const [i, e] of rowClass.slice(2).entries()) {
      expect(e).toMatchObject({ kind: "missing", msg: { en: `row ${i + 3}: amount is missing`, zh: `第 ${i + 3} 行：缺少金额` } });
    }
    expect([...rowCode]).toEqual([0, 1, ROW_ERROR, ROW_ERROR, ROW_ERROR]);
    const alone = abcFromColumns(col([5, ""]), null, T);
    expect(alone.result.warnings).toEqual([]);
    expect((alone.rowClass[1] as KamError).kind).toBe("missing");
  });

  it("gives per-row codes and errors without building the per-row list, and builds that list once", () => {
    const out = abcFromColumns(col([70, 20, 10, "x", ""]), col(["X", "Y", "Z", "X", ""]), T);
    expect([...out.rowCode]).toEqual([0, 1, 2, ROW_ERROR, ROW_ERROR]);
    expect(out.rowError(0)).toBeUndefined();
    expect(out.rowError(3)?.msg.en).toBe('row 4: amount must be a number, got "x"');
    expect(out.rowError(4)?.msg.en).toBe("row 5: amount is missing");
    expect(out.rowError(5)).toBeUndefined();
    expect(out.rowClass).toBe(out.rowClass);
    expect(out.rowClass[3]).toEqual(out.rowError(3));
  });

  it("reports a blank customer as an error of that row", () => {
    const { result, rowClass } = abcFromColumns(col([10, 20, 30]), col(["A", "  ", null]), T);
    expect(result.rows).toHaveLength(1);
    expect((rowClass[1] as KamError).msg.en).toBe("row 2: customer is missing");
    expect((rowClass[2] as KamError).msg.zh).toBe("第 3 行：缺少客户");
  });

  it("warns when the customer range and the amount range differ in length", () => {
    const { result, rowClass } = abcFromColumns(col([10, 20, 30]), col(["A", "B"]), T);
    expect((rowClass[2] as KamError).kind).toBe("missing");
    expect(result.warnings.some((w) => w.en.includes("the customer range has 2 rows but the amount range has 3"))).toBe(true);
  });

  it("without customers treats each row as its own customer named by its row number", () => {
    const { result, rowClass } = abcFromColumns(col([5, 70, 5, 20]), null, T);
    expect(result.rows.map((r) => [r.customer, r.class])).toEqual([
      ["2", "A"],
      ["4", "B"],
      ["1", "C"],
      ["3", "C"],
    ]);
    expect(rowClass).toEqual(["C", "A", "C", "B"]);
  });

  it("without customers ties by row order, so row 9 ranks before row 10", () => {
    const amounts = col(Array.from({ length: 10 }, () => 1));
    const { result } = abcFromColumns(amounts, null, T);
    expect(result.rows.map((r) => r.customer)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  it("handles returns: a customer whose rows net below zero is C and named in the warning", () => {
    const { result, rowClass } = abcFromColumns(col([100, 10, -30, 50]), col(["X", "Y", "Y", "Z"]), T);
    expect(rowClass).toEqual(["A", "C", "C", "B"]);
    expect(result.total).toBe(150);
    expect(result.warnings[0].en).toContain("Y (-20)");
  });

  it("agrees with abcClassify on the aggregated amounts", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.integer({ min: -50, max: 1000 })), { maxLength: 40 }), (rows) => {
        const { result } = abcFromColumns(
          col(rows.map((r) => r[1])),
          col(rows.map((r) => r[0])),
          T,
        );
        const totals = new Map<string, number>();
        for (const [c, x] of rows) totals.set(c, (totals.get(c) ?? 0) + x);
        const direct = abcClassify([...totals.keys()], [...totals.values()], T);
        expect(result.rows).toEqual(direct.rows);
        expect(result.summary).toEqual(direct.summary);
      }),
    );
  });
});

describe("validateThresholds (SPEC §3.7)", () => {
  it("accepts fractions and percent text", () => {
    expect(validateThresholds(0.55, 0.3)).toEqual({ ok: true, value: { a: 0.55, b: 0.3 } });
    expect(validateThresholds("55%", "30%")).toEqual({ ok: true, value: { a: 0.55, b: 0.3 } });
    expect(validateThresholds(0.7, 0.3)).toEqual({ ok: true, value: { a: 0.7, b: 0.3 } });
  });

  it.each([
    [0, 0.3, "the A share must be above 0 %, got 0", "A 类占比必须大于 0%"],
    [-0.1, 0.3, "the A share must be above 0 %, got -0.1", "A 类占比必须大于 0%"],
    [55, 30, "the A share must be below 100 %, got 55 (write 55 % as 0.55 or 55%)", "55% 请写作 0.55 或 55%"],
    [1, 0.1, "the A share must be below 100 %, got 1", "A 类占比必须小于 100%"],
    [0.55, 0, "the B share must be above 0 %, got 0", "B 类占比必须大于 0%"],
    [0.6, 0.5, "A + B must not exceed 100 %, got 60 % + 50 % = 110 %", "A + B 不能超过 100%"],
  ])("a = %p, b = %p is refused: %s", (a, b, en, zh) => {
    const r = validateThresholds(a, b);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toContain(en);
      expect(r.error.msg.zh).toContain(zh);
    }
  });

  it("reports a blank threshold as missing and text as invalid", () => {
    expect(validateThresholds("", 0.3)).toMatchObject({ ok: false, error: { kind: "missing", msg: { en: "the A share is missing" } } });
    expect(validateThresholds(0.55, "x")).toMatchObject({ ok: false, error: { kind: "invalid" } });
  });

  it("accepts exactly the pairs with 0 < a < a + b ≤ 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (a, b) => {
        const valid = a > 0 && b > 0 && a + b <= 1 + 1e-12;
        expect(validateThresholds(a, b).ok).toBe(valid);
      }),
    );
  });
});

// ───────────────────────── invariants ─────────────────────────

const customerNames = fc.constantFrom("Acme", "Beta", "Cody", "Dale", "Echo", "阿里", "百度", "腾讯", "a", "b");
const salesRows = fc.array(fc.tuple(customerNames, fc.integer({ min: -200, max: 10_000 })), { maxLength: 60 });
const thresholds = fc
  .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }))
  .filter(([a, b]) => a + b <= 100)
  .map(([a, b]) => ({ a: a / 100, b: b / 100 }));

describe("ABC invariants (property tests)", () => {
  it("a class never improves as the amount falls", () => {
    fc.assert(
      fc.property(salesRows, thresholds, (rows, t) => {
        const { result } = abcFromColumns(col(rows.map((r) => r[1])), col(rows.map((r) => r[0])), t);
        for (const p of result.rows)
          for (const q of result.rows) if (p.amount > q.amount) expect(RANK[p.class]).toBeLessThanOrEqual(RANK[q.class]);
        for (let i = 1; i < result.rows.length; i++) {
          expect(result.rows[i].amount).toBeLessThanOrEqual(result.rows[i - 1].amount);
          expect(RANK[result.rows[i].class]).toBeGreaterThanOrEqual(RANK[result.rows[i - 1].class]);
        }
      }),
    );
  });

  it("ranks by amount descending, then by name, for any finite amounts", () => {
    const amount = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, 5e-324, -5e-324, 0.1, 0.30000000000000004),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 50 }), fc.infiniteStream(amount), (names, xs) => {
        const amounts = names.map(() => xs.next().value);
        const r = abcClassify(names, amounts, T);
        expect(r.rows.map((x) => x.customer).sort()).toEqual([...names].sort());
        for (let i = 1; i < r.rows.length; i++) {
          const p = r.rows[i - 1];
          const q = r.rows[i];
          expect(p.amount > q.amount || (p.amount === q.amount && p.customer < q.customer)).toBe(true);
        }
      }),
    );
  });

  it("ranks tens of thousands of customers in the same order as a plain sort", () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const names = Array.from({ length: 20_000 }, (_, i) => `C${(i * 7919) % 20_000}`);
    const amounts = names.map(() => {
      const u = rnd();
      return u < 0.05 ? -Math.round(rnd() * 500) : u < 0.1 ? 0 : u < 0.5 ? Math.round(rnd() * 200) : Math.round(rnd() * 1e6) / 100;
    });
    const r = abcClassify(names, amounts, T);
    const expected = names
      .map((n, i) => ({ n, x: amounts[i] }))
      .sort((p, q) => q.x - p.x || (p.n < q.n ? -1 : p.n > q.n ? 1 : 0))
      .map((e) => e.n);
    expect(r.rows.map((x) => x.customer)).toEqual(expected);
    const negatives = amounts.filter((x) => x < 0).length;
    expect(r.warnings[0].en.startsWith(`${negatives} customer(s) have a net negative amount`)).toBe(true);
    expect(r.warnings[0].en).toContain(`and ${negatives - 10} more`);
  });

  it("equal amounts always share a class", () => {
    fc.assert(
      fc.property(salesRows, thresholds, (rows, t) => {
        const { result } = abcFromColumns(col(rows.map((r) => r[1])), col(rows.map((r) => r[0])), t);
        for (const p of result.rows) for (const q of result.rows) if (p.amount === q.amount) expect(p.class).toBe(q.class);
      }),
    );
  });

  it("class A holds at least the A share of the positive total", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 80 }), thresholds, (amounts, t) => {
        fc.pre(amounts.some((x) => x > 0));
        const names = amounts.map((_, i) => `c${i}`);
        const r = abcClassify(names, amounts, t);
        const a = r.summary[0];
        expect(a.customers).toBeGreaterThanOrEqual(1);
        expect(a.amountShare).toBeGreaterThanOrEqual(t.a - 1e-9);
        expect(r.rows[0].class).toBe("A");
      }),
    );
  });

  it("classes do not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(customerNames, fc.integer({ min: -20_000, max: 1_000_000 }).map((c) => c / 100)), { maxLength: 60 }),
        thresholds,
        fc.infiniteStream(fc.nat()),
        (rows, t, rnd) => {
          const shuffled = [...rows];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = rnd.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const run = (rs: typeof rows) => abcFromColumns(col(rs.map((r) => r[1])), col(rs.map((r) => r[0])), t).result;
          const x = run(rows);
          const y = run(shuffled);
          expect(y.rows).toEqual(x.rows);
          expect(y.summary).toEqual(x.summary);
        },
      ),
    );
  });

  it("cumulative shares rise to 100 % and the summary accounts for every customer", () => {
    fc.assert(
      fc.property(salesRows, thresholds, (rows, t) => {
        const { result } = abcFromColumns(col(rows.map((r) => r[1])), col(rows.map((r) => r[0])), t);
        let prev = 0;
        for (const r of result.rows) {
          expect(r.cumulativeShare).toBeGreaterThanOrEqual(prev);
          prev = r.cumulativeShare;
        }
        if (result.total > 0) expect(prev).toBe(1);
        expect(result.summary.reduce((s, x) => s + x.customers, 0)).toBe(result.rows.length);
      }),
    );
  });

  it("never throws, whatever shape or type of input it gets", () => {
    const cell = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constantFrom(null, "", " ", Infinity, NaN, 1e308, -1e308));
    const range = fc.oneof(fc.array(fc.oneof(fc.array(cell, { maxLength: 2 }), cell), { maxLength: 30 }), fc.anything());
    fc.assert(
      fc.property(range, fc.oneof(range, fc.constant(null)), thresholds, (amounts, customers, t) => {
        const out = abcFromColumns(amounts as unknown[][], customers as unknown[][] | null, t);
        const n = Array.isArray(amounts) ? amounts.length : 0;
        expect(out.rowClass).toHaveLength(n);
        expect(out.rowCode).toHaveLength(n);
        out.rowClass.forEach((c, i) => {
          expect(out.rowCode[i]).toBe(typeof c === "string" ? "ABC".indexOf(c) : ROW_ERROR);
          expect(out.rowError(i)).toEqual(typeof c === "string" ? undefined : c);
        });
        for (const c of out.rowClass) expect(typeof c === "string" ? ["A", "B", "C"].includes(c) : c.msg.en.startsWith("row ")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("abcFromColumns name table (the engine's own hash table, SPEC §3.1)", () => {
  /** The reference: trim, then group with a Map; every row's class is its name's class there. */
  function expectSameAsMap(names: readonly string[], amounts: readonly number[]): void {
    const got = abcFromColumns(col(amounts), col(names), T);
    const ref = classOf(abcClassify(names.map((s) => s.trim()), amounts, T));
    expect(got.result.rows.length).toBe(Object.keys(ref).length);
    const rowClass = got.rowClass;
    expect(names.filter((s, i) => rowClass[i] !== ref[s.trim()])).toEqual([]);
  }

  // Code units that make names differ only deep inside, past what a record holds (18), in the
  // second half of a surrogate pair, or by a space the trim keeps.
  const unit = fc.constantFrom("a", "b", "A", " ", "é", "客", "户", "\uD83D\uDE00", "\uD83D\uDE01", "0", "1");
  const name = fc.tuple(fc.constantFrom("", "Customer ", "Shanghai Trading Company Ltd. ", "客户"), fc.array(unit, { minLength: 1, maxLength: 30 }))
    .map(([prefix, parts]) => prefix + parts.join(""))
    .filter((s) => s.trim() !== "");

  it("groups exactly as a Map of the trimmed names does, for short, long and non-ASCII names", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.integer({ min: -100, max: 10_000 })), { minLength: 1, maxLength: 300 }), (rows) => {
        expectSameAsMap(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
      }),
    );
  });

  it("ranks equal amounts by name in code-unit order, as comparing the strings does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.constantFrom(5, 7, 7, 9)), { minLength: 1, maxLength: 200 }), (rows) => {
        const names = rows.map((r) => r[0]);
        const amounts = rows.map((r) => r[1]);
        const got = abcFromColumns(col(amounts), col(names), T).result.rows.map((r) => r.customer);
        const ref = abcClassify(names.map((s) => s.trim()), amounts, T).rows.map((r) => r.customer);
        expect(got).toEqual(ref);
      }),
    );
    // By hand: a prefix first, code units not letters ("Z" < "a" < "é" < "客"), odd and even lengths.
    const hand = ["ab", "a", "abc", "Z", "é", "客户", "客", "a\u0000", "ab\uFFFF", "abd"];
    const order = abcFromColumns(col(hand.map(() => 1)), col(hand), T).result.rows.map((r) => r.customer);
    expect(order).toEqual([...hand].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it("with rows: false gives the same classes, warnings and (read later) the same rows", () => {
    // Amounts drawn from a few values, negatives and zero included, so most customers tie.
    const amount = fc.constantFrom(-7, -7, -3, 0, 5, 7, 7, 9, 9, 9);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, amount), { minLength: 1, maxLength: 200 }), (rows) => {
        const names = col(rows.map((r) => r[0]));
        const amounts = col(rows.map((r) => r[1]));
        const ranked = abcFromColumns(amounts, names, T);
        const lazy = abcFromColumns(amounts, names, T, { rows: false });
        expect([...lazy.rowCode]).toEqual([...ranked.rowCode]);
        expect(lazy.result.summary).toEqual(ranked.result.summary);
        expect(lazy.result.warnings).toEqual(ranked.result.warnings);
        // Read after another classification has reused the name records.
        abcFromColumns(col([1, 2, 3]), col(["x", "y", "z"]), T);
        expect(lazy.result.rows).toEqual(ranked.result.rows);
      }),
    );
    // By hand: a run of equal positive amounts longer than an insertion sort handles, read late.
    const many = Array.from({ length: 40 }, (_, i) => `c${(i * 17) % 40}`);
    const lazy = abcFromColumns(col(many.map(() => 3)), col(many), T, { rows: false });
    abcFromColumns(col([1]), col(["other"]), T);
    expect(lazy.result.rows.map((r) => r.customer)).toEqual([...many].sort());
  });

  it("cumulative shares are the running sum of the positive amounts, in rank order, over their total", () => {
    const amount = fc.oneof(fc.constantFrom(-7, 0, 5, 9, 9), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, amount), { minLength: 1, maxLength: 200 }), fc.boolean(), (rows, eager) => {
        const r = abcFromColumns(col(rows.map((x) => x[1])), col(rows.map((x) => x[0])), T, { rows: eager }).result;
        let total = 0;
        for (const x of r.rows) if (x.amount > 0) total += x.amount;
        expect(r.total).toBe(total);
        let running = 0;
        for (const x of r.rows) {
          if (x.amount > 0) running += x.amount;
          expect(x.cumulativeShare).toBe(total > 0 ? Math.min(running / total, 1) : 0);
        }
      }),
    );
  });

  it("a result read after later calls (which reuse the working memory) is still its own", () => {
    const first = abcFromColumns(col([30, 20, 10, 5]), col(["d", "c", "b", "a"]), T);
    const many = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    abcFromColumns(col(many.map((_, i) => (i % 13) + 1)), col(many), T);
    abcFromColumns(col([1, 1]), col(["z", "y"]), T);
    expect(first.result.rows.map((r) => [r.customer, r.amount, r.class])).toEqual([
      ["d", 30, "A"],
      ["c", 20, "A"],
      ["b", 10, "B"],
      ["a", 5, "C"],
    ]);
    expect([...first.rowCode]).toEqual([0, 0, 1, 2]);
  });

  it("tells apart names that differ only after the 18th code unit, or only in length", () => {
    const base = "Customer with a long name ";
    const names = [base + "A", base + "B", base + "A ", base, base.slice(0, 18), base.slice(0, 19), "x".repeat(18), "x".repeat(19)];
    const got = abcFromColumns(col([5, 4, 3, 2, 1, 6, 7, 8]), col(names), T);
    // "…A " trims to "…A" and joins it; the rest are all different customers.
    expect(got.result.rows.length).toBe(7);
    expect(got.result.rows.find((r) => r.customer === base + "A")?.amount).toBe(8);
  });

  it("keeps apart names whose hashes are equal (short, long, of different lengths)", () => {
    // Real 32-bit collisions: among 200,000 names there are a few (the hash is fixed, so the
    // same ones every run). Hashes are sorted to find them, which is quicker than a Map here.
    const collisions = (make: (i: number) => string, n: number): [string, string][] => {
      const hs = new Int32Array(n);
      for (let i = 0; i < n; i++) hs[i] = nameHash(make(i));
      const sorted = hs.slice().sort();
      const dup = new Set<number>();
      for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) dup.add(sorted[i]);
      const first = new Map<number, string>();
      const out: [string, string][] = [];
      for (let i = 0; i < n; i++) {
        if (!dup.has(hs[i])) continue;
        const other = first.get(hs[i]);
        if (other === undefined) first.set(hs[i], make(i));
        else out.push([other, make(i)]);
      }
      return out;
    };
    const pairs = [
      ...collisions((i) => "-".repeat(i % 7) + i.toString(36), 200_000),
      ...collisions((i) => "A customer name longer than a record " + i.toString(36), 200_000),
    ];
    expect(pairs.some(([x, y]) => x.length !== y.length)).toBe(true);
    expect(pairs.some(([x]) => x.length > 18)).toBe(true);
    const names = pairs.flat();
    const amounts = names.map((_, i) => i + 1);
    // Each name twice, so every second row is a lookup that meets its twin's slot first.
    const got = abcFromColumns(col([...amounts, ...amounts]), col([...names, ...names]), T);
    expect(got.result.rows.length).toBe(names.length);
    for (const r of got.result.rows) expect(r.amount).toBe(2 * (names.indexOf(r.customer) + 1));
  });

  it("leaves a slot room for the index of every customer a range can hold, and the rest for the tag", () => {
    expect(indexBits(1)).toBe(21);
    expect(indexBits(1_048_576)).toBe(21); // a whole Excel column
    expect(indexBits(2 ** 21 - 1)).toBe(21);
    expect(indexBits(2 ** 21)).toBe(22);
    expect(indexBits(2 ** 30)).toBe(31);
    expect(indexBits(2 ** 31)).toBe(32); // no tag: every probe asks the record
  });

  it("keeps every customer apart and every total right while the table grows to 200,000 names", () => {
    const n = 200_000;
    const names: string[] = [];
    const amounts: number[] = [];
    for (let i = 0; i < n; i++) {
      names.push(`C${i % 150_000}`);
      amounts.push((i % 97) + 1);
    }
    const got = abcFromColumns(col(amounts), col(names), T);
    expect(got.result.rows.length).toBe(150_000);
    const totals = new Map<string, number>();
    for (let i = 0; i < n; i++) totals.set(names[i], (totals.get(names[i]) ?? 0) + amounts[i]);
    let wrong = 0;
    for (const r of got.result.rows) if (r.amount !== totals.get(r.customer)) wrong++;
    expect(wrong).toBe(0);
  });
});
