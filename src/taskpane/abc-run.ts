/**
 * One ABC run, shared by the task pane and the ribbon's "ABC of selection" command: build the
 * report (every input problem stops it here, before anything is written), render it, and compute
 * what the pane shows beside the sheet (the per-row classes for the optional class column and the
 * ranked customers for the Pareto chart). No React here: the command runs without the pane.
 */
import { ABC_CLASS_LABELS, abcFromColumns, type AbcClass, type AbcRow } from "../domain/abc";
import type { ColumnRole } from "../domain/columns";
import type { Settings } from "../domain/settings";
import { buildAbcReport, type AbcBasis, type AbcSummary } from "../reports/abc";
import type { ReportPlan } from "../reports/plan";
import { translate } from "../i18n";
import { overridesOf, usedRows } from "./source-columns";
import { renderReport, type Rendered, type SourceRead } from "./workbook";

export interface AbcBuilt {
  readonly plan: ReportPlan;
  readonly summary: AbcSummary;
  /** Customers in rank order (for the chart). */
  readonly ranked: readonly AbcRow[];
  /** The class of every data row of the source (null for a blank row), for the class column. */
  readonly rowClass: readonly (AbcClass | null)[];
}

export function amountRole(basis: AbcBasis): ColumnRole {
  return basis === "profit" ? "profit" : "amount";
}

/** Build the ABC report of `read` with the chosen columns; throws KamInputException on bad input. */
export function buildAbc(read: SourceRead, basis: AbcBasis, columns: Partial<Record<ColumnRole, number>>, settings: Settings): AbcBuilt {
  const source = read.source;
  const { plan, summary, columns: chosen } = buildAbcReport({ sales: source }, { basis, columns: overridesOf(source, columns) }, settings);
  // The builder has read and validated every cell; classify the same rows with the same engine to
  // learn each row's class (the report itself lists customers, not rows).
  const used: Partial<Record<ColumnRole, number>> = {};
  for (const c of chosen) used[c.role] = c.index;
  const customerCol = used.customer as number;
  const amountCol = used[amountRole(basis)] as number;
  const rows = usedRows(source, used);
  const { result, rowClass } = abcFromColumns(
    rows.map((i) => [source.rows[i][amountCol]]),
    rows.map((i) => [source.rows[i][customerCol]]),
    summary.thresholds,
  );
  const perRow: (AbcClass | null)[] = source.rows.map(() => null);
  rows.forEach((i, k) => {
    const c = rowClass[k];
    perRow[i] = typeof c === "string" ? c : null;
  });
  return { plan, summary, ranked: result.rows, rowClass: perRow };
}

export interface AbcDone extends AbcBuilt {
  readonly rendered: Rendered;
}

export async function runAbc(read: SourceRead, basis: AbcBasis, columns: Partial<Record<ColumnRole, number>>, settings: Settings): Promise<AbcDone> {
  const built = buildAbc(read, basis, columns, settings);
  const rendered = await renderReport(built.plan);
  return { ...built, rendered };
}

/** The class column's values: header, then one label per data row (null leaves a blank row blank). */
export function classColumn(rowClass: readonly (AbcClass | null)[], settings: Settings): (string | null)[] {
  const lang = settings.language;
  const header = translate(lang, "abc.writeBack.header");
  return [header, ...rowClass.map((c) => (c === null ? null : ABC_CLASS_LABELS[c][lang]))];
}
