/**
 * KAM.STAGE — the life-cycle stage (SPEC §5) by time since the contract was signed. The contract
 * date may be a range: each cell gets its stage. Without as_of the stage is measured today, which
 * is why the function is volatile.
 */
import { parseDate, todaySerial } from "../domain/dates";
import { at, failWith, ok, type Msg } from "../domain/errors";
import { lifeStageOf, STAGE_LABELS } from "../domain/segment";
import type { Settings } from "../domain/settings";
import { asScalar } from "./cells";
import { errorRows, mapCells, type CellRows } from "./cell-errors";

export const SIGNED_ARG: Msg = { en: "signed", zh: "签约日期（signed）" };
export const AS_OF_ARG: Msg = { en: "as_of", zh: "计算日期（as_of）" };

export function kamStage(signed: unknown, asOf: unknown, s: Settings, now?: Date): CellRows {
  const lang = s.language;
  const a = asScalar(asOf, AS_OF_ARG);
  if (!a.ok) return errorRows(a.error, lang);
  let asOfSerial: number;
  if (a.value === undefined || a.value === "") {
    asOfSerial = todaySerial(now);
  } else {
    const d = parseDate(a.value);
    if (!d.ok) return errorRows(at(d.error, AS_OF_ARG), lang);
    asOfSerial = d.value;
  }
  return mapCells(signed, SIGNED_ARG, lang, (v) => {
    const d = parseDate(v);
    if (!d.ok) return failWith(at(d.error, SIGNED_ARG));
    // Both dates are serials by now; what can still fail is a contract signed after as_of.
    const st = lifeStageOf(d.value, asOfSerial, s);
    return st.ok ? ok(STAGE_LABELS[st.value][lang]) : failWith(st.error);
  });
}
