/**
 * ABC class migration between two periods (SPEC §3, "going beyond the source"): each period is
 * classified on its own with the ABC engine, then every customer is compared — moved up, moved
 * down, unchanged, new or lost — with the 3 × 3 transition matrix of counts and amounts.
 */
import { ABC_CLASSES, abcClassify, type AbcClass, type AbcResult, type AbcThresholds } from "./abc";
import type { ParseableLabel } from "./labels";

export type Move = "up" | "down" | "unchanged" | "new" | "lost";

export const MOVES: readonly Move[] = ["up", "down", "unchanged", "new", "lost"];

export const MOVE_LABELS: Readonly<Record<Move, ParseableLabel>> = {
  up: { en: "Moved up", zh: "上升", aliases: ["Up", "升级"] },
  down: { en: "Moved down", zh: "下降", aliases: ["Down", "降级"] },
  unchanged: { en: "Unchanged", zh: "不变", aliases: ["Same", "持平"] },
  new: { en: "New", zh: "新增", aliases: ["New customer", "新客户"] },
  lost: { en: "Lost", zh: "流失", aliases: ["Lost customer", "流失客户"] },
};

export interface PeriodAmounts {
  /** One entry per row; names given more than once are summed (SPEC §3.1). */
  readonly customers: readonly string[];
  readonly amounts: readonly number[];
}

export interface MigrationRow {
  readonly customer: string;
  /** Class in period 1, or null when the customer had no sales then. */
  readonly from: AbcClass | null;
  readonly to: AbcClass | null;
  readonly amount1: number;
  readonly amount2: number;
  readonly move: Move;
}

export interface MatrixCell {
  readonly customers: number;
  readonly amount1: number;
  readonly amount2: number;
}

export interface MigrationResult {
  /** Every customer with sales in at least one period: by move (up, down, unchanged, new, lost), then by amount. */
  readonly rows: readonly MigrationRow[];
  /** matrix[from][to] over A, B, C in that order (index 0 = A). */
  readonly matrix: readonly (readonly MatrixCell[])[];
  /** New customers by their period-2 class. */
  readonly newByClass: Readonly<Record<AbcClass, MatrixCell>>;
  /** Lost customers by their period-1 class. */
  readonly lostByClass: Readonly<Record<AbcClass, MatrixCell>>;
  readonly counts: Readonly<Record<Move, number>>;
  readonly period1: AbcResult;
  readonly period2: AbcResult;
  /** Customers present in the data of both periods but without positive sales in either. */
  readonly withoutSales: readonly string[];
}

const RANK: Readonly<Record<AbcClass, number>> = { A: 0, B: 1, C: 2 };

function emptyCell(): { customers: number; amount1: number; amount2: number } {
  return { customers: 0, amount1: 0, amount2: 0 };
}

/**
 * Compare two periods. "No sales" in a period means a net amount ≤ 0 there — absent, zero, or
 * returns only [chosen, issue 8]: such a customer is new (no sales in period 1) or lost (none in
 * period 2) rather than class C, so the matrix holds only customers that bought in both periods.
 */
export function abcMigration(period1: PeriodAmounts, period2: PeriodAmounts, t: AbcThresholds): MigrationResult {
  const r1 = abcClassify(period1.customers, period1.amounts, t);
  const r2 = abcClassify(period2.customers, period2.amounts, t);
  const p1 = new Map(r1.rows.map((r) => [r.customer, r]));
  const p2 = new Map(r2.rows.map((r) => [r.customer, r]));

  const matrix = ABC_CLASSES.map(() => ABC_CLASSES.map(emptyCell));
  const newByClass = { A: emptyCell(), B: emptyCell(), C: emptyCell() };
  const lostByClass = { A: emptyCell(), B: emptyCell(), C: emptyCell() };
  const counts: Record<Move, number> = { up: 0, down: 0, unchanged: 0, new: 0, lost: 0 };
  const rows: MigrationRow[] = [];
  const withoutSales: string[] = [];

  const names = new Set<string>([...p1.keys(), ...p2.keys()]);
  for (const customer of names) {
    const a = p1.get(customer);
    const b = p2.get(customer);
    const amount1 = a?.amount ?? 0;
    const amount2 = b?.amount ?? 0;
    const from = a !== undefined && amount1 > 0 ? a.class : null;
    const to = b !== undefined && amount2 > 0 ? b.class : null;
    let move: Move;
    if (from === null && to === null) {
      withoutSales.push(customer);
      continue;
    } else if (from === null) {
      move = "new";
      const c = newByClass[to as AbcClass];
      c.customers++;
      c.amount1 += amount1;
      c.amount2 += amount2;
    } else if (to === null) {
      move = "lost";
      const c = lostByClass[from];
      c.customers++;
      c.amount1 += amount1;
      c.amount2 += amount2;
    } else {
      move = RANK[to] < RANK[from] ? "up" : RANK[to] > RANK[from] ? "down" : "unchanged";
      const c = matrix[RANK[from]][RANK[to]];
      c.customers++;
      c.amount1 += amount1;
      c.amount2 += amount2;
    }
    counts[move]++;
    rows.push({ customer, from, to, amount1, amount2, move });
  }

  const moveOrder: Readonly<Record<Move, number>> = { up: 0, down: 1, unchanged: 2, new: 3, lost: 4 };
  rows.sort((x, y) => {
    const m = moveOrder[x.move] - moveOrder[y.move];
    if (m !== 0) return m;
    // Within a group, the customer that matters most in either period first; ties by name.
    const d = Math.max(y.amount1, y.amount2) - Math.max(x.amount1, x.amount2);
    if (d !== 0) return d;
    return x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0;
  });
  withoutSales.sort();

  return { rows, matrix, newByClass, lostByClass, counts, period1: r1, period2: r2, withoutSales };
}
