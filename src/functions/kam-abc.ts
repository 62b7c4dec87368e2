/**
 * KAM.ABC and KAM.ABCTABLE — SPEC §3 on the columns Excel hands a function (up to 1,048,576 rows).
 * The 2-D arrays go straight to `abcFromColumns`; nothing here copies them.
 *
 * Empty rows [chosen]: users give generous ranges (A2:A5000, or whole columns), so with customers a
 * row whose amount and customer are both empty is not data: KAM.ABC leaves its cell empty and
 * KAM.ABCTABLE does not list it. Excel desktop passes 0 for an empty cell inside a range
 * (EXCEL-BEHAVIOUR §12), so 0 counts as empty here — and the customer "0" such rows would form is
 * not listed either. A row with only one of the two filled is an error naming the row (SPEC §3.6).
 */
import { abcFromColumns, validateThresholds, type AbcClass, type AbcColumnsResult, type AbcThresholds } from "../domain/abc";
import { failWith, kamError, ok, type KamError, type Msg, type Result } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { isBlank } from "../domain/values";
import { asColumnCheckedByCaller, asScalar, isOmitted, width, type Column, type Rows } from "./cells";
import { cellError, errorRows, type Cell, type CellRows } from "./cell-errors";
import { argumentMissing, lengthsDiffer, notOneColumn } from "./messages";

export const AMOUNTS_ARG: Msg = { en: "amounts", zh: "金额（amounts）" };
export const CUSTOMERS_ARG: Msg = { en: "customers", zh: "客户（customers）" };
const A_SHARE_ARG: Msg = { en: "a_share", zh: "A类占比（a_share）" };
const B_SHARE_ARG: Msg = { en: "b_share", zh: "B类占比（b_share）" };

function emptyCell(v: unknown): boolean {
  return v === 0 || isBlank(v);
}

interface AbcInput {
  readonly amounts: Column;
  readonly customers: Column | null;
  readonly t: AbcThresholds;
}

function readInput(amounts: unknown, customers: unknown, aShare: unknown, bShare: unknown, s: Settings, customersRequired: boolean): Result<AbcInput> {
  const a = asScalar(aShare, A_SHARE_ARG);
  if (!a.ok) return a;
  const b = asScalar(bShare, B_SHARE_ARG);
  if (!b.ok) return b;
  // Left out or blank → the workbook's thresholds (SPEC §3.7 defaults 55 % and 30 %).
  const t = validateThresholds(isBlank(a.value) ? s.abc.a : a.value, isBlank(b.value) ? s.abc.b : b.value);
  if (!t.ok) return t;
  // Each row's width is checked while abcFromColumns reads it (see `shapeError`).
  const am = asColumnCheckedByCaller(amounts, AMOUNTS_ARG);
  if (!am.ok) return am;
  if (isOmitted(customers)) {
    if (customersRequired) return failWith(argumentMissing(CUSTOMERS_ARG));
    return ok({ amounts: am.value, customers: null, t: t.value });
  }
  const cu = asColumnCheckedByCaller(customers, CUSTOMERS_ARG);
  if (!cu.ok) return cu;
  const n = am.value.cells.length;
  const m = cu.value.cells.length;
  if (m !== n) return failWith(lengthsDiffer(CUSTOMERS_ARG, m, AMOUNTS_ARG, n));
  return ok({ amounts: am.value, customers: cu.value, t: t.value });
}

/** The error for a range passed on unchecked that turned out wider than one column, if any. */
function shapeError(abc: AbcColumnsResult, am: Rows, cu: Rows | null): KamError | null {
  if (abc.wideAmountRows > 0) return notOneColumn(AMOUNTS_ARG, am.length, width(am));
  if (cu !== null && abc.wideCustomerRows > 0) return notOneColumn(CUSTOMERS_ARG, cu.length, width(cu));
  return null;
}

// The class letters are codes, the same in every label language (issue 3's contract: "A", "B" or
// "C"), so formulas such as =IF(KAM.ABC(...)="A", ...) work for everyone who opens the workbook.
function classRows(): Record<AbcClass, Cell[]> {
  return { A: ["A"], B: ["B"], C: ["C"] };
}

/** KAM.ABC: the class of each row's customer, laid out like the amounts. */
export function kamAbc(amounts: unknown, customers: unknown, aShare: unknown, bShare: unknown, s: Settings): CellRows {
  const lang = s.language;
  const input = readInput(amounts, customers, aShare, bShare, s, false);
  if (!input.ok) return errorRows(input.error, lang);
  const am: Rows = input.value.amounts.cells;
  const cu: Rows | null = input.value.customers?.cells ?? null;
  // Classes only: customers of equal amounts share a class, so their name order is not needed.
  const abc = abcFromColumns(am, cu, input.value.t, { rows: false });
  const wide = shapeError(abc, am, cu);
  if (wide !== null) return errorRows(wide, lang);
  // One pass from each row's customer index to its class, not through a per-row list of classes
  // (at a million rows a second million-entry array); the input is read again only for rows left
  // out, to leave empty rows empty.
  const { rowCustomer, customerCode, zeroRows } = abc;
  const n = rowCustomer.length;
  // Excel serialises the result and never changes it, so rows of the same class can share one array.
  const byClass = classRows();
  const byCode: Cell[][] = [byClass.A, byClass.B, byClass.C];
  const blank: Cell[] = [""];
  const out: CellRows = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = rowCustomer[i];
    if (k >= 0) {
      out[i] = zeroRows !== null && zeroRows[i] === 1 ? blank : byCode[customerCode[k]];
    } else {
      out[i] = cu !== null && emptyCell(am[i][0]) && emptyCell(cu[i][0]) ? blank : [cellError(abc.rowError(i) as KamError, lang)];
    }
  }
  if (input.value.amounts.orientation === "row") {
    const row: Cell[] = new Array(n);
    for (let i = 0; i < n; i++) row[i] = out[i][0];
    return [row];
  }
  return out;
}

function noData(): KamError {
  return kamError(
    "abc-no-data",
    "missing",
    "amounts and customers contain no rows with data",
    "金额和客户区域中没有含数据的行",
  );
}

/** KAM.ABCTABLE: rank, customer, amount, share, cumulative share, class — one row per customer. */
export function kamAbcTable(amounts: unknown, customers: unknown, aShare: unknown, bShare: unknown, s: Settings): CellRows {
  const lang = s.language;
  const input = readInput(amounts, customers, aShare, bShare, s, true);
  if (!input.ok) return errorRows(input.error, lang);
  const am: Rows = input.value.amounts.cells;
  const cu = (input.value.customers as Column).cells;
  const abc = abcFromColumns(am, cu, input.value.t);
  const wide = shapeError(abc, am, cu);
  if (wide !== null) return errorRows(wide, lang);
  const { result, rowClass } = abc;

  // The customer "0" that empty rows make on Excel desktop is listed only if a real row names it.
  let zeroIsReal = true;
  const zero = result.rows.find((r) => r.customer === "0");
  if (zero !== undefined && zero.amount === 0) {
    zeroIsReal = false;
    for (let i = 0; i < am.length && !zeroIsReal; i++) {
      const c = cu[i][0];
      if ((c === 0 || c === "0" || (typeof c === "string" && c.trim() === "0")) && !(emptyCell(am[i][0]) && emptyCell(c))) zeroIsReal = true;
    }
  }

  const out: CellRows = [];
  for (const r of result.rows) {
    if (!zeroIsReal && r === zero) continue;
    out.push([out.length + 1, r.customer, r.amount, r.share, r.cumulativeShare, r.class]);
  }
  // Rows left out because of an input error follow the table, one error each, so none goes unseen.
  for (let i = 0; i < rowClass.length; i++) {
    const rc = rowClass[i];
    if (typeof rc === "string" || (emptyCell(am[i][0]) && emptyCell(cu[i][0]))) continue;
    out.push([cellError(rc, lang), "", "", "", "", ""]);
  }
  if (out.length === 0) return errorRows(noData(), lang);
  return out;
}
