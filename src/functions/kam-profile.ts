/**
 * KAM.PROFILE — the profile class of each row of six dimension scores: external (SPEC §4a: target /
 * potential target / not a target) or internal (SPEC §4b: key account / important / general /
 * below general).
 */
import type { Msg } from "../domain/errors";
import {
  classifyExternal,
  classifyInternal,
  EXTERNAL_CLASS_LABELS,
  EXTERNAL_DIMENSIONS,
  INTERNAL_CLASS_LABELS,
  INTERNAL_DIMENSIONS,
  PROFILE_DIMENSION_LABELS,
  validateProfileRow,
} from "../domain/profile";
import type { Settings } from "../domain/settings";
import { asRows, asScalar, width } from "./cells";
import { errorRows, rowCellError, type CellRows } from "./cell-errors";
import { wrongColumnCount } from "./messages";
import { optionSpec, parseOption, PROFILE_KIND_LABELS, type ProfileKind } from "./options";

export const SCORES_ARG: Msg = { en: "scores", zh: "得分（scores）" };
const KIND = optionSpec<ProfileKind>({ en: "kind", zh: "类型（kind）" }, PROFILE_KIND_LABELS, "external");

function names(dims: readonly string[]): Msg {
  const labels = PROFILE_DIMENSION_LABELS as Readonly<Record<string, { en: string; zh: string }>>;
  return { en: dims.map((k) => labels[k].en.toLowerCase()).join(", "), zh: dims.map((k) => labels[k].zh).join("、") };
}

export function kamProfile(scores: unknown, kind: unknown, s: Settings): CellRows {
  const lang = s.language;
  const k = asScalar(kind, KIND.arg);
  if (!k.ok) return errorRows(k.error, lang);
  const which = parseOption(k.value, KIND);
  if (!which.ok) return errorRows(which.error, lang);
  const r = asRows(scores, SCORES_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  const rows = r.value;
  const external = which.value === "external";
  const dims = external ? EXTERNAL_DIMENSIONS : INTERNAL_DIMENSIONS;
  const cols = width(rows);
  if (cols !== dims.length) return errorRows(wrongColumnCount(SCORES_ARG, dims.length, cols, names(dims)), lang);

  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = validateProfileRow(rows[i], which.value);
    if (!v.ok) {
      out[i] = [rowCellError(v.error, i, n, lang)];
    } else if (external) {
      out[i] = [EXTERNAL_CLASS_LABELS[classifyExternal(v.value as number[], s).class][lang]];
    } else {
      out[i] = [INTERNAL_CLASS_LABELS[classifyInternal(v.value, s).class][lang]];
    }
  }
  return out;
}
