/**
 * KAM.NEXTCONTACT — when the next contact of a kind is due (SPEC §5): the visit cadence (executive
 * and technical yearly, account manager and service monthly), tightened by the life-cycle stage
 * where the stage asks for more (initial: weekly; deep binding and value symbiosis: an executive
 * meeting every half year). The result is an Excel date serial: format the cells as dates.
 *
 * last_date may be a column; visit_type and stage may be single values that apply to every row, or
 * columns as long as last_date. Without a signing date the function cannot tell an initial-stage
 * account's first month from its second and third, so it takes the stricter weekly cadence
 * [chosen, issue 8]; the portfolio report, which has the signing date, uses two weeks from month 2.
 */
import { nextContact, parseVisitType } from "../domain/cadence";
import { parseDate } from "../domain/dates";
import { at, fail, ok, type KamError, type Msg, type Result } from "../domain/errors";
import { choices, labelIndex, parseLabel } from "../domain/labels";
import { STAGE_LABELS, type Stage } from "../domain/segment";
import type { Settings } from "../domain/settings";
import { describeValue, isBlank } from "../domain/values";
import { asColumn, isOmitted, type Column } from "./cells";
import { cellAtError, errorRows, rowCellError, type Cell, type CellRows } from "./cell-errors";
import { lengthsDiffer } from "./messages";

export const LAST_DATE_ARG: Msg = { en: "last_date", zh: "上次联系日期（last_date）" };
export const VISIT_TYPE_ARG: Msg = { en: "visit_type", zh: "拜访类型（visit_type）" };
export const STAGE_ARG: Msg = { en: "stage", zh: "合作阶段（stage）" };

const STAGE_INDEX = labelIndex(STAGE_LABELS);
const STAGES: readonly Stage[] = ["initial", "stable", "deep", "symbiosis"];

/** A stage in either language; blank (or 0, Excel desktop's empty cell) is "no stage". */
function parseStage(v: unknown): Result<Stage | null> {
  if (v === 0 || isBlank(v)) return ok(null);
  const st = parseLabel(v, STAGE_INDEX);
  if (st !== undefined) return ok(st);
  const got = describeValue(v);
  const list = (lang: "en" | "zh") => choices(STAGES.map((k) => STAGE_LABELS[k]), lang);
  return fail("stage_unknown", "invalid", `unknown stage "${got}"; expected ${list("en")}`, `未知的合作阶段“${got}”；应为${list("zh")}`);
}

function pick(c: Column, i: number): unknown {
  return c.cells[c.cells.length === 1 ? 0 : i][0];
}

export function kamNextContact(lastDate: unknown, visitType: unknown, stage: unknown, s: Settings): CellRows {
  const lang = s.language;
  const lc = asColumn(lastDate, LAST_DATE_ARG);
  if (!lc.ok) return errorRows(lc.error, lang);
  const tc = asColumn(visitType, VISIT_TYPE_ARG);
  if (!tc.ok) return errorRows(tc.error, lang);
  let sc: Column | null = null;
  if (!isOmitted(stage)) {
    const r = asColumn(stage, STAGE_ARG);
    if (!r.ok) return errorRows(r.error, lang);
    sc = r.value;
  }
  const n = lc.value.cells.length;
  const t = tc.value.cells.length;
  if (t !== n && t !== 1) return errorRows(lengthsDiffer(VISIT_TYPE_ARG, t, LAST_DATE_ARG, n), lang);
  if (sc !== null && sc.cells.length !== n && sc.cells.length !== 1) return errorRows(lengthsDiffer(STAGE_ARG, sc.cells.length, LAST_DATE_ARG, n), lang);

  const row = lc.value.orientation === "row";
  const err = (e: KamError, i: number): Cell => (row ? cellAtError(e, 0, i, 1, n, lang) : rowCellError(e, i, n, lang));
  const cells: Cell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = parseDate(pick(lc.value, i));
    if (!d.ok) {
      cells[i] = err(at(d.error, LAST_DATE_ARG), i);
      continue;
    }
    const type = parseVisitType(pick(tc.value, i));
    if (!type.ok) {
      cells[i] = err(at(type.error, VISIT_TYPE_ARG), i);
      continue;
    }
    const st = sc === null ? ok(null) : parseStage(pick(sc, i));
    if (!st.ok) {
      cells[i] = err(at(st.error, STAGE_ARG), i);
      continue;
    }
    cells[i] = nextContact(d.value, type.value, st.value, null, s).due;
  }
  if (row) return [cells];
  return cells.map((c) => [c]);
}
