/**
 * KAM.TIER — the tier of a score total: SPEC §1 (key account / potential / general) or, with the
 * model "weighted", SPEC §1b (strategic / key / normal). Cell by cell: the result has the shape of
 * the input, so a column of totals gives a column of tiers.
 */
import type { Msg } from "../domain/errors";
import { CRITERIA, SCORE_TIER_LABELS, scoreTier } from "../domain/score";
import type { Settings } from "../domain/settings";
import { checkRange, toNumber } from "../domain/values";
import { WEIGHTED_TIER_LABELS, weightedTier } from "../domain/weighted";
import { asRows, asScalar, width } from "./cells";
import { cellAtError, errorRows, type Cell, type CellRows } from "./cell-errors";
import { argumentEmpty } from "./messages";
import { optionSpec, parseOption, TIER_MODEL_LABELS, type TierModel } from "./options";

export const TIER_SCORE_ARG: Msg = { en: "score", zh: "得分（score）" };
const MODEL = optionSpec<TierModel>({ en: "model", zh: "模型（model）" }, TIER_MODEL_LABELS, "score");
const TOTAL: Msg = { en: "the score", zh: "得分" };

export function kamTier(score: unknown, model: unknown, s: Settings): CellRows {
  const lang = s.language;
  const m = asScalar(model, MODEL.arg);
  if (!m.ok) return errorRows(m.error, lang);
  const which = parseOption(m.value, MODEL);
  if (!which.ok) return errorRows(which.error, lang);
  const r = asRows(score, TIER_SCORE_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  const rows = r.value;

  const weighted = which.value === "weighted";
  // A §1 total can reach the sum of the criterion maxima (100 with the SPEC's points); §1b's is 0–100.
  let max = 100;
  if (!weighted) {
    max = 0;
    for (const k of CRITERIA) max += s.score.max[k];
  }
  const label = (total: number): string =>
    weighted ? WEIGHTED_TIER_LABELS[weightedTier(total, s)][lang] : SCORE_TIER_LABELS[scoreTier(total, s)][lang];

  const n = rows.length;
  const cols = width(rows);
  if (cols === 0) return errorRows(argumentEmpty(TIER_SCORE_ARG), lang);
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const cells: Cell[] = new Array(cols);
    // A short row (never from Excel, whose ranges are rectangular) reads as blank cells.
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v === "number" && v >= 0 && v <= max) {
        cells[j] = label(v);
        continue;
      }
      const num = toNumber(v, TOTAL);
      const inRange = num.ok ? checkRange(num.value, TOTAL, 0, max) : num;
      cells[j] = inRange.ok ? label(inRange.value) : cellAtError(inRange.error, i, j, n, cols, lang);
    }
    out[i] = cells;
  }
  return out;
}
