/**
 * Invariants for every function: whatever a user types — any shape, any type — a function never
 * throws, and it returns a non-empty rectangular array whose cells are values or errors with a
 * message. And the fast paths of KAM.SCORE and KAM.CREDITGRADE agree with the domain exactly.
 */
import fc from "fast-check";
import { associations, call, FakeError, misuse } from "./cf-double";
import "../../src/functions/functions";
import { creditScore } from "../../src/domain/credit";
import { scoreRow } from "../../src/domain/score";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { weightedScore } from "../../src/domain/weighted";
import { guardRows } from "../../src/functions/cell-errors";
import { resetSettings, setSettings } from "../../src/functions/settings-source";

const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -200, max: 200 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom<unknown>(
    "",
    "  ",
    null,
    undefined,
    0,
    true,
    false,
    NaN,
    Infinity,
    -0,
    "55%",
    "１２",
    "1,234.5",
    "high 85",
    "高",
    "硕士",
    "education",
    "market",
    "weighted",
    "internal",
    "list",
    "2025-01-01",
    "2024/3/1",
    45717,
    0.55,
    0.3,
    "Acme",
    "=HYPERLINK(\"x\")",
  ),
  fc.object({ maxDepth: 1 }),
  fc.date(),
);
const row = fc.array(cell, { minLength: 0, maxLength: 7 });
const arg = fc.oneof(
  { weight: 3, arbitrary: fc.array(row, { minLength: 0, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 7 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })) },
  { weight: 2, arbitrary: cell },
  { weight: 1, arbitrary: row },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, [], [[]]) },
);

const ARITY: Record<string, number> = { SCORE: 2, TIER: 2, CREDITGRADE: 4, ABC: 4, ABCTABLE: 4, LEVEL: 2, PROFILE: 2, STAGE: 2, XYZ: 1, SEGMENT: 3, NEXTCONTACT: 3 };

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function wellFormed(result: unknown): string | null {
  if (!Array.isArray(result) || result.length === 0) return "not a non-empty array";
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  if (width < 1) return "first row is empty or not an array";
  for (const r of result) {
    if (!Array.isArray(r) || r.length !== width) return "not rectangular";
    for (const c of r) {
      if (c instanceof FakeError) {
        if (c.code !== "#VALUE!" && c.code !== "#N/A") return `error code ${c.code}`;
        // A message says something: at least five columns wide, a CJK character counting as two
        // ("缺少得分", "score is missing" — both are real messages).
        if (typeof c.message !== "string" || displayWidth(c.message.trim()) < 5) return "error without a message";
        // The guard's last-resort message means some input reached an unchecked path.
        if (c.message.includes("could not compute") || c.message.includes("无法计算")) return `unexpected failure: ${c.message}`;
        continue;
      }
      if (typeof c === "number" && !Number.isFinite(c)) return `non-finite number ${c}`;
      if (typeof c !== "number" && typeof c !== "string" && typeof c !== "boolean") return `cell of type ${c === null ? "null" : typeof c}`;
    }
  }
  return null;
}

afterEach(() => resetSettings());
afterAll(() => expect(misuse).toEqual([]));

test("all functions are under test", () => {
  expect(Object.keys(ARITY).sort()).toEqual(associations.map((a) => a.id).sort());
});

for (const id of Object.keys(ARITY)) {
  test(`${id}: random input of any shape and type never throws and gives values or errors with messages`, () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: ARITY[id], maxLength: ARITY[id] }), fc.constantFrom("en" as const, "zh" as const), (args, lang) => {
        setSettings({ ...DEFAULT_SETTINGS, language: lang });
        let result: unknown;
        expect(() => (result = call(id, ...args))).not.toThrow();
        expect(wellFormed(result)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
}

test("an unexpected failure inside a function is a #VALUE! that says what happened", () => {
  const r = guardRows("KAM.TEST", () => {
    throw new TypeError("boom");
  });
  expect(r).toHaveLength(1);
  const e = r[0][0] as unknown as FakeError;
  expect(e).toBeInstanceOf(FakeError);
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("KAM.TEST could not compute this value (boom); please report it with the formula's input");
});

const points = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true }), fc.constantFrom(0, max, max / 3));

test("KAM.SCORE's totals equal the domain's scoreRow for every valid row", () => {
  const m = DEFAULT_SETTINGS.score.max;
  const validRow = fc.tuple(points(m.strategicFit), points(m.profit), points(m.scale), points(m.influence), points(m.brand), points(m.potential));
  fc.assert(
    fc.property(fc.array(validRow, { minLength: 1, maxLength: 20 }), (rows) => {
      const result = call("SCORE", rows, null) as unknown[][];
      rows.forEach((r, i) => {
        const d = scoreRow(r, DEFAULT_SETTINGS);
        if (!d.ok) throw new Error("valid row rejected");
        expect(result[i][0]).toBe(d.value.total);
      });
    }),
    { numRuns: 300 },
  );
});

test("KAM.SCORE's weighted totals equal the domain's weightedScore", () => {
  const weights = [0.35, 0.25, 0.2, 0.2];
  fc.assert(
    fc.property(fc.array(fc.tuple(points(100), points(100), points(100), points(100)), { minLength: 1, maxLength: 20 }), (rows) => {
      const result = call("SCORE", rows, [weights]) as unknown[][];
      rows.forEach((r, i) => {
        const d = weightedScore(r, weights);
        if (!d.ok) throw new Error("valid row rejected");
        expect(result[i][0]).toBe(d.value);
      });
    }),
    { numRuns: 300 },
  );
});

test("KAM.CREDITGRADE's scores equal the domain's creditScore", () => {
  const risk = fc.oneof(fc.integer({ min: -50, max: 0 }), fc.double({ min: -50, max: 0, noNaN: true }));
  fc.assert(
    fc.property(fc.array(fc.tuple(points(50), points(50), risk), { minLength: 1, maxLength: 20 }), (rows) => {
      const result = call(
        "CREDITGRADE",
        rows.map((r) => [r[0]]),
        rows.map((r) => [r[1]]),
        rows.map((r) => [r[2]]),
        "score",
      ) as unknown[][];
      rows.forEach((r, i) => {
        const d = creditScore(r[0], r[1], r[2]);
        if (!d.ok) throw new Error("valid row rejected");
        expect(result[i][0]).toBe(d.value);
      });
    }),
    { numRuns: 300 },
  );
});

test("KAM.ABC gives each row the class KAM.ABCTABLE gives its customer", () => {
  const names = fc.constantFrom("Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta");
  fc.assert(
    fc.property(fc.array(fc.tuple(names, fc.integer({ min: -20, max: 100 })), { minLength: 1, maxLength: 30 }), (rows) => {
      const amounts = rows.map((r) => [r[1]]);
      const customers = rows.map((r) => [r[0]]);
      const perRow = call("ABC", amounts, customers, null, null) as unknown[][];
      const table = call("ABCTABLE", amounts, customers, null, null) as unknown[][];
      const classOf = new Map(table.map((t) => [t[1], t[5]]));
      rows.forEach((r, i) => expect(perRow[i][0]).toBe(classOf.get(r[0])));
      expect(table.map((t) => t[0])).toEqual(table.map((_, k) => k + 1));
    }),
    { numRuns: 200 },
  );
});
