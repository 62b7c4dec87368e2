/**
 * The columns of a user's table as the pane and the ribbon command use them, without React: which
 * column the reports would take for each role, how to name a chosen column to a report builder,
 * and the rows and names a preview counts.
 */
import type { ColumnRole } from "../domain/columns";
import { normalize } from "../domain/labels";
import { isBlank } from "../domain/values";
import { openTable, type ColumnOverrides } from "../reports/inputs";
import { columnLetter } from "../reports/plan";
import type { SourceTable } from "../reports/source";

/** The columns a table offers for `roles`, as the reports would detect them. */
export function detect(source: SourceTable, roles: readonly ColumnRole[]): Partial<Record<ColumnRole, number>> {
  const table = openTable(source, { required: [], optional: roles });
  const out: Partial<Record<ColumnRole, number>> = {};
  for (const c of table.chosen) out[c.role] = c.index;
  return out;
}

/**
 * How to name a chosen column to a report builder: its header text when no other column has the
 * same header, else its letter inside the table (what resolveColumn reads).
 */
export function overrideFor(header: readonly unknown[], index: number): string {
  const text = header[index];
  if (typeof text === "string" && text.trim() !== "") {
    const key = normalize(text);
    const same = header.filter((h) => typeof h === "string" && normalize(h) === key).length;
    if (same === 1) return text.trim();
  }
  return columnLetter(index);
}

export function overridesOf(source: SourceTable, columns: Partial<Record<ColumnRole, number>>): ColumnOverrides {
  const out: ColumnOverrides = {};
  for (const [role, index] of Object.entries(columns) as [ColumnRole, number | undefined][]) {
    if (index !== undefined) out[role] = overrideFor(source.header, index);
  }
  return out;
}

/** Data rows with something in at least one chosen column (what the reports count as rows). */
export function usedRows(source: SourceTable, columns: Partial<Record<ColumnRole, number>>): number[] {
  const cols = Object.values(columns).filter((c): c is number => c !== undefined);
  const rows: number[] = [];
  source.rows.forEach((r, i) => {
    if (cols.some((c) => !isBlank(r[c]))) rows.push(i);
  });
  return rows;
}

/** Distinct names in a column over the used rows, in first-seen order (trimmed, as reports compare them). */
export function distinctNames(source: SourceTable, column: number | undefined, rows: readonly number[]): string[] {
  if (column === undefined) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of rows) {
    const v = source.rows[i]?.[column];
    if (isBlank(v)) continue;
    const name = String(v).trim();
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}
