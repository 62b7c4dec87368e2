/**
 * KAM.SCORE — the key-account score of each row: the six criteria of SPEC §1, or with weights the
 * weighted model of SPEC §1b.
 *
 * 100,000 rows must cost little more than adding the numbers up, so a row of plain in-range numbers
 * is summed right here; every other row goes to the domain (`scoreRow`, `weightedScore`), which owns
 * the rule and the message. The fast path accepts only what the domain accepts and rounds its total
 * the same way; a property test in test/functions keeps the two equal.
 */
import { at, type Msg } from "../domain/errors";
import { CRITERIA, CRITERION_LABELS, scoreRow } from "../domain/score";
import type { Settings } from "../domain/settings";
import { validateWeights, weightedScore } from "../domain/weighted";
import { asList, asRows, isOmitted, width, type Rows } from "./cells";
import { errorRows, rowCellError, type CellRows } from "./cell-errors";
import { wrongColumnCount } from "./messages";

/** Looked up once, not per row (see cells.ts). */
const round = Math.round;

export const POINTS_ARG: Msg = { en: "points", zh: "评分（points）" };
export const WEIGHTS_ARG: Msg = { en: "weights", zh: "权重（weights）" };

const CRITERIA_NAMES: Msg = {
  en: CRITERIA.map((k) => CRITERION_LABELS[k].en.toLowerCase()).join(", "),
  zh: CRITERIA.map((k) => CRITERION_LABELS[k].zh).join("、"),
};

/** The rounding of domain/score.ts and domain/weighted.ts: drops binary noise (79.99999999999999 → 80). */
function clean(x: number): number {
  return round(x * 1e10) / 1e10;
}

export function kamScore(points: unknown, weights: unknown, s: Settings): CellRows {
  const lang = s.language;
  const r = asRows(points, POINTS_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  if (isOmitted(weights)) return sixCriteria(r.value, s);
  const list = asList(weights, WEIGHTS_ARG);
  if (!list.ok) return errorRows(list.error, lang);
  const w = validateWeights(list.value);
  if (!w.ok) return errorRows(at(w.error, WEIGHTS_ARG), lang);
  return weighted(r.value, w.value, s);
}

function sixCriteria(rows: Rows, s: Settings): CellRows {
  const lang = s.language;
  const cols = width(rows);
  if (cols !== CRITERIA.length) return errorRows(wrongColumnCount(POINTS_ARG, CRITERIA.length, cols, CRITERIA_NAMES), lang);
  const m = s.score.max;
  const [m0, m1, m2, m3, m4, m5] = [m.strategicFit, m.profit, m.scale, m.influence, m.brand, m.potential];
  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length === 6) {
      const a = row[0], b = row[1], c = row[2], d = row[3], e = row[4], f = row[5];
      if (
        typeof a === "number" && a >= 0 && a <= m0 &&
        typeof b === "number" && b >= 0 && b <= m1 &&
        typeof c === "number" && c >= 0 && c <= m2 &&
        typeof d === "number" && d >= 0 && d <= m3 &&
        typeof e === "number" && e >= 0 && e <= m4 &&
        typeof f === "number" && f >= 0 && f <= m5
      ) {
        out[i] = [clean(a + b + c + d + e + f)];
        continue;
      }
    }
    const res = scoreRow(row, s);
    out[i] = [res.ok ? res.value.total : rowCellError(res.error, i, n, lang)];
  }
  return out;
}

function weighted(rows: Rows, w: readonly number[], s: Settings): CellRows {
  const lang = s.language;
  const k = w.length;
  const cols = width(rows);
  if (cols !== k) {
    const names: Msg = { en: `one per weight`, zh: `每个权重一列` };
    return errorRows(wrongColumnCount(POINTS_ARG, k, cols, names), lang);
  }
  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length === k) {
      let total = 0;
      let j = 0;
      for (; j < k; j++) {
        const x = row[j];
        if (typeof x !== "number" || !(x >= 0 && x <= 100)) break;
        total += w[j] * x;
      }
      if (j === k) {
        out[i] = [clean(total)];
        continue;
      }
    }
    const res = weightedScore(row, w);
    out[i] = [res.ok ? res.value : rowCellError(res.error, i, n, lang)];
  }
  return out;
}
