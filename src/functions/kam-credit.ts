/**
 * KAM.CREDITGRADE — SPEC §2: volume + performance + risk, as a grade (AAA/AA/A), the score, or the
 * list colour. Three cells, or three columns of equal length.
 *
 * As in KAM.SCORE, a row of plain in-range numbers is added up here and everything else goes to
 * `creditScore`, which owns the rule and the message; a property test keeps the two equal.
 */
import { CREDIT_LIST_LABELS, creditGrade, creditList, creditScore } from "../domain/credit";
import type { Lang, Msg } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { asColumn, asScalar } from "./cells";
import { cellAtError, errorRows, rowCellError, type Cell, type CellRows } from "./cell-errors";
import { lengthsDiffer } from "./messages";
import { CREDIT_OUTPUT_LABELS, optionSpec, parseOption, type CreditOutput } from "./options";

/** Looked up once, not per row (see cells.ts). */
const round = Math.round;

export const VOLUME_ARG: Msg = { en: "volume", zh: "年度项目成交量（volume）" };
export const PERFORMANCE_ARG: Msg = { en: "performance", zh: "履约程度（performance）" };
export const RISK_ARG: Msg = { en: "risk", zh: "经营风险（risk）" };
const OUTPUT = optionSpec<CreditOutput>({ en: "output", zh: "输出（output）" }, CREDIT_OUTPUT_LABELS, "grade");

/** SPEC §2's fixed point scales: volume and performance 0..50, risk a deduction −50..0. */
const COMPONENT_MAX = 50;
const RISK_MIN = -50;

function result(score: number, output: CreditOutput, s: Settings, lang: Lang): Cell {
  if (output === "score") return score;
  const grade = creditGrade(score, s);
  // Grades are codes (AAA/AA/A) in every language, as the contract says; the list is a label.
  return output === "grade" ? grade : CREDIT_LIST_LABELS[creditList(grade)][lang];
}

export function kamCreditGrade(volume: unknown, performance: unknown, risk: unknown, output: unknown, s: Settings): CellRows {
  const lang = s.language;
  const o = asScalar(output, OUTPUT.arg);
  if (!o.ok) return errorRows(o.error, lang);
  const which = parseOption(o.value, OUTPUT);
  if (!which.ok) return errorRows(which.error, lang);
  const vc = asColumn(volume, VOLUME_ARG);
  if (!vc.ok) return errorRows(vc.error, lang);
  const pc = asColumn(performance, PERFORMANCE_ARG);
  if (!pc.ok) return errorRows(pc.error, lang);
  const rc = asColumn(risk, RISK_ARG);
  if (!rc.ok) return errorRows(rc.error, lang);
  const v = vc.value.cells;
  const p = pc.value.cells;
  const r = rc.value.cells;
  if (p.length !== v.length) return errorRows(lengthsDiffer(PERFORMANCE_ARG, p.length, VOLUME_ARG, v.length), lang);
  if (r.length !== v.length) return errorRows(lengthsDiffer(RISK_ARG, r.length, VOLUME_ARG, v.length), lang);

  const n = v.length;
  const out = which.value;
  const row = vc.value.orientation === "row";
  const cells: Cell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = v[i][0], b = p[i][0], c = r[i][0];
    let score: number;
    if (
      typeof a === "number" && a >= 0 && a <= COMPONENT_MAX &&
      typeof b === "number" && b >= 0 && b <= COMPONENT_MAX &&
      typeof c === "number" && c >= RISK_MIN && c <= 0
    ) {
      score = round((a + b + c) * 1e10) / 1e10;
    } else {
      const res = creditScore(a, b, c);
      if (!res.ok) {
        cells[i] = row ? cellAtError(res.error, 0, i, 1, n, lang) : rowCellError(res.error, i, n, lang);
        continue;
      }
      score = res.value;
    }
    cells[i] = result(score, out, s, lang);
  }
  // Laid out like the volume argument: a row of inputs gives a row of results.
  if (row) return [cells];
  const rows: CellRows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = [cells[i]];
  return rows;
}
