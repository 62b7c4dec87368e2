/**
 * KAM.LEVEL — the points of a profile or stakeholder level (SPEC §4a–§4c), e.g.
 * ("education", "硕士") → 90, ("market", 1.2E9) → 65. The value may be a range: each cell gets its
 * points, so a column of labels gives a column of points.
 */
import type { Msg } from "../domain/errors";
import { levelPoints, parseLevelDimension } from "../domain/profile";
import type { Settings } from "../domain/settings";
import { asRows, asScalar, width } from "./cells";
import { cellAtError, errorRows, type Cell, type CellRows } from "./cell-errors";
import { argumentEmpty } from "./messages";

export const DIMENSION_ARG: Msg = { en: "dimension", zh: "维度（dimension）" };
export const VALUE_ARG: Msg = { en: "value", zh: "值（value）" };

export function kamLevel(dimension: unknown, value: unknown, s: Settings): CellRows {
  const lang = s.language;
  const d = asScalar(dimension, DIMENSION_ARG);
  if (!d.ok) return errorRows(d.error, lang);
  // An unknown dimension is wrong for every cell: one error, listing the dimensions.
  const dim = parseLevelDimension(d.value);
  if (!dim.ok) return errorRows(dim.error, lang);
  const r = asRows(value, VALUE_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  const rows = r.value;
  const cols = width(rows);
  if (cols === 0) return errorRows(argumentEmpty(VALUE_ARG), lang);
  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const cells: Cell[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const res = levelPoints(dim.value, row[j], s);
      cells[j] = res.ok ? res.value : cellAtError(res.error, i, j, n, cols, lang);
    }
    out[i] = cells;
  }
  return out;
}
