import fc from "fast-check";
import { abcMigration, MOVE_LABELS, MOVES, type Move } from "../../src/domain/migration";

const t = { a: 0.55, b: 0.3 };

/**
 * Period 1: X 50, Y 30, Z 15, W 5 (total 100) → X A (prior 0), Y A (prior 50 %), Z B (prior 80 %), W C (prior 95 %).
 * Period 2: Y 50, Z 30, V 15, X 5 → Y A, Z A (prior 50 %), V B (prior 80 %), X C (prior 95 %); W is gone.
 */
const p1 = { customers: ["X", "Y", "Z", "W"], amounts: [50, 30, 15, 5] };
const p2 = { customers: ["Y", "Z", "V", "X"], amounts: [50, 30, 15, 5] };

describe("ABC class migration between two periods", () => {
  const m = abcMigration(p1, p2, t);

  test("each customer's move: up, down, unchanged, new, lost", () => {
    expect(m.rows.map((r) => [r.customer, r.from, r.to, r.amount1, r.amount2, r.move])).toEqual([
      ["Z", "B", "A", 15, 30, "up"],
      ["X", "A", "C", 50, 5, "down"],
      ["Y", "A", "A", 30, 50, "unchanged"],
      ["V", null, "B", 0, 15, "new"],
      ["W", "C", null, 5, 0, "lost"],
    ]);
    expect(m.counts).toEqual({ up: 1, down: 1, unchanged: 1, new: 1, lost: 1 });
  });

  test("the 3 × 3 matrix counts customers and both periods' amounts; new and lost sit beside it", () => {
    const cell = (from: number, to: number) => m.matrix[from][to];
    expect(cell(0, 0)).toEqual({ customers: 1, amount1: 30, amount2: 50 });
    expect(cell(0, 2)).toEqual({ customers: 1, amount1: 50, amount2: 5 });
    expect(cell(1, 0)).toEqual({ customers: 1, amount1: 15, amount2: 30 });
    expect(cell(1, 1)).toEqual({ customers: 0, amount1: 0, amount2: 0 });
    expect(m.newByClass.B).toEqual({ customers: 1, amount1: 0, amount2: 15 });
    expect(m.lostByClass.C).toEqual({ customers: 1, amount1: 5, amount2: 0 });
    expect(m.newByClass.A.customers + m.lostByClass.A.customers).toBe(0);
  });

  test("each period is classified on its own with the ABC engine (rows of one customer summed)", () => {
    const r = abcMigration({ customers: ["A1", "A1", "B1"], amounts: [30, 30, 40] }, { customers: ["A1", "B1"], amounts: [60, 40] }, t);
    expect(r.period1.rows.map((x) => [x.customer, x.amount, x.class])).toEqual([
      ["A1", 60, "A"],
      ["B1", 40, "B"],
    ]);
    expect(r.rows.map((x) => x.move)).toEqual(["unchanged", "unchanged"]);
  });

  test("returns only (a net amount ≤ 0) is no sales: such a customer is new, or lost, not class C", () => {
    const r = abcMigration({ customers: ["Big", "Ret"], amounts: [100, -20] }, { customers: ["Big", "Ret", "Zero"], amounts: [100, 10, 0] }, t);
    const ret = r.rows.find((x) => x.customer === "Ret");
    expect(ret).toMatchObject({ from: null, to: "C", move: "new", amount1: -20, amount2: 10 });
    expect(r.withoutSales).toEqual(["Zero"]);
    const lost = abcMigration({ customers: ["Big", "Gone"], amounts: [100, 10] }, { customers: ["Big", "Gone"], amounts: [100, -5] }, t);
    expect(lost.rows.find((x) => x.customer === "Gone")).toMatchObject({ from: "C", to: null, move: "lost" });
  });

  test("labels in both languages", () => {
    expect(MOVES.map((k) => MOVE_LABELS[k].en)).toEqual(["Moved up", "Moved down", "Unchanged", "New", "Lost"]);
    expect(MOVES.map((k) => MOVE_LABELS[k].zh)).toEqual(["上升", "下降", "不变", "新增", "流失"]);
  });

  test("every customer with sales in either period is counted once, and the matrix and the lists add up", () => {
    const names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const period = fc.array(fc.record({ c: fc.constantFrom(...names), x: fc.integer({ min: -50, max: 1000 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(period, period, (one, two) => {
        const r = abcMigration({ customers: one.map((e) => e.c), amounts: one.map((e) => e.x) }, { customers: two.map((e) => e.c), amounts: two.map((e) => e.x) }, t);
        const sum1 = new Map<string, number>();
        const sum2 = new Map<string, number>();
        for (const e of one) sum1.set(e.c, (sum1.get(e.c) ?? 0) + e.x);
        for (const e of two) sum2.set(e.c, (sum2.get(e.c) ?? 0) + e.x);
        const active = names.filter((n) => (sum1.get(n) ?? 0) > 0 || (sum2.get(n) ?? 0) > 0);
        expect(r.rows.map((x) => x.customer).sort()).toEqual(active);
        const inMatrix = r.matrix.flat().reduce((n, c) => n + c.customers, 0);
        const byMove = (k: Move) => r.counts[k];
        expect(inMatrix).toBe(byMove("up") + byMove("down") + byMove("unchanged"));
        expect(Object.values(r.newByClass).reduce((n, c) => n + c.customers, 0)).toBe(byMove("new"));
        expect(Object.values(r.lostByClass).reduce((n, c) => n + c.customers, 0)).toBe(byMove("lost"));
        for (const row of r.rows) {
          expect(row.from === null).toBe(!((sum1.get(row.customer) ?? 0) > 0));
          expect(row.to === null).toBe(!((sum2.get(row.customer) ?? 0) > 0));
        }
      }),
    );
  });
});
