/**
 * KAM.STAGE — the life-cycle stage (SPEC §5) by time since the contract was signed. The contract
 * date may be a range: each cell gets its stage. Without as_of the stage is measured today, which
 * is why the function is volatile.
 */
import { parseDate, todaySerial } from "../domain/dates";
import { at, type Msg } from "../domain/errors";
import { lifeStageOf, STAGE_LABELS } from "../domain/segment";
import type { Settings } from "../domain/settings";
import { asRows, asScalar, width } from "./cells";
import { cellAtError, errorRows, type Cell, type CellRows } from "./cell-errors";
import { argumentEmpty } from "./messages";

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
  const r = asRows(signed, SIGNED_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  const rows = r.value;
  const cols = width(rows);
  if (cols === 0) return errorRows(argumentEmpty(SIGNED_ARG), lang);
  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const cells: Cell[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const d = parseDate(row[j]);
      if (!d.ok) {
        cells[j] = cellAtError(at(d.error, SIGNED_ARG), i, j, n, cols, lang);
        continue;
      }
      // Both dates are serials by now; what can still fail is a contract signed after as_of.
      const st = lifeStageOf(d.value, asOfSerial, s);
      cells[j] = st.ok ? STAGE_LABELS[st.value][lang] : cellAtError(st.error, i, j, n, cols, lang);
    }
    out[i] = cells;
  }
  return out;
}
