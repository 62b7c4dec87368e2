/**
 * KAM.XYZ — how steady each customer's monthly amounts are (issue 8): one row of months per
 * customer → X, Y or Z, by the coefficient of variation (population sd / mean) against the
 * workbook's lines (10 % and 25 %). A blank month is a month without sales.
 *
 * [chosen] Outcomes that are not a class:
 *  - fewer than 6 months since the customer's first sale, or a mean of 0 or below: #N/A with the
 *    reason ("not enough history: …") — a value that is not available, not a typing mistake;
 *    =IFNA(KAM.XYZ(…), "new") lets a sheet show its own word;
 *  - a row whose months are all empty (or 0, which Excel desktop passes for empty cells) is not a
 *    customer: its cell stays empty, so generous ranges (B2:M500) work as in KAM.ABC;
 *  - a single column of more than one cell is one customer's months laid out downwards and gives
 *    one result: a column of one-month customers could never be classed.
 * The class letters are codes, the same in every label language, like KAM.ABC's A/B/C.
 */
import { atRow, type KamError, type Msg } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { isBlank } from "../domain/values";
import { xyzFromCells } from "../domain/xyz";
import { asRows, width, type Rows } from "./cells";
import { cellError, errorRows, type Cell, type CellRows } from "./cell-errors";
import { argumentEmpty } from "./messages";

export const MONTHLY_AMOUNTS_ARG: Msg = { en: "monthly_amounts", zh: "月度金额（monthly_amounts）" };

function emptyRow(row: readonly unknown[]): boolean {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (!(v === 0 || isBlank(v))) return false;
  }
  return true;
}

function notEnough(msg: Msg): KamError {
  return { code: "xyz_not_enough_history", kind: "missing", msg };
}

export function kamXyz(monthlyAmounts: unknown, s: Settings): CellRows {
  const lang = s.language;
  const r = asRows(monthlyAmounts, MONTHLY_AMOUNTS_ARG);
  if (!r.ok) return errorRows(r.error, lang);
  let rows: Rows = r.value;
  if (width(rows) === 0) return errorRows(argumentEmpty(MONTHLY_AMOUNTS_ARG), lang);
  if (rows.length > 1 && width(rows) === 1) rows = [rows.map((row) => row[0])];

  const n = rows.length;
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (emptyRow(row)) {
      out[i] = [""];
      continue;
    }
    const res = xyzFromCells(row, s);
    let cell: Cell;
    if (!res.ok) cell = cellError(n > 1 ? atRow(res.error, i + 1) : res.error, lang);
    else if (res.value.kind === "class") cell = res.value.class;
    else cell = cellError(n > 1 ? atRow(notEnough(res.value.msg), i + 1) : notEnough(res.value.msg), lang);
    out[i] = [cell];
  }
  return out;
}
