/**
 * KAM.LEVEL — the points of a profile or stakeholder level (SPEC §4a–§4c), e.g.
 * ("education", "硕士") → 90, ("market", 1.2E9) → 65. The value may be a range: each cell gets its
 * points, so a column of labels gives a column of points.
 */
import type { Msg } from "../domain/errors";
import { levelPoints, parseLevelDimension } from "../domain/profile";
import type { Settings } from "../domain/settings";
import { asScalar } from "./cells";
import { errorRows, mapCells, type CellRows } from "./cell-errors";

export const DIMENSION_ARG: Msg = { en: "dimension", zh: "维度（dimension）" };
export const VALUE_ARG: Msg = { en: "value", zh: "值（value）" };

export function kamLevel(dimension: unknown, value: unknown, s: Settings): CellRows {
  const lang = s.language;
  const d = asScalar(dimension, DIMENSION_ARG);
  if (!d.ok) return errorRows(d.error, lang);
  // An unknown dimension is wrong for every cell: one error, listing the dimensions.
  const dim = parseLevelDimension(d.value);
  if (!dim.ok) return errorRows(dim.error, lang);
  return mapCells(value, VALUE_ARG, lang, (v) => levelPoints(dim.value, v, s));
}
