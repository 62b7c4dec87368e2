/**
 * A flow's data: read from Excel (the selection, the table it is in, or its current region), the
 * columns detected for the flow's roles, and the user's changes to them. Detection is the one the
 * reports use (reports/inputs.ts openTable → domain/columns.ts), so what the pane shows is what
 * the report will read.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ColumnRole } from "../domain/columns";
import type { SourceTable } from "../reports/source";
import { problemOf, type Problem } from "./problems";
import { detect } from "./source-columns";
import { readSelection, readAgain, type SourceRead } from "./workbook";

export interface SourceState {
  readonly status: "idle" | "reading" | "ready" | "failed";
  readonly read?: SourceRead;
  readonly problem?: Problem;
  /** Role → 0-based column of the source table. */
  readonly columns: Partial<Record<ColumnRole, number>>;
}

export interface SourceControl {
  readonly state: SourceState;
  /** Read the current selection (or the table or region around it). */
  readonly read: () => Promise<void>;
  readonly setColumn: (role: ColumnRole, index: number) => void;
  /** Read the same cells again (just before a run, so edits made since are included). */
  readonly refresh: () => Promise<SourceRead | undefined>;
  readonly missing: readonly ColumnRole[];
}

/**
 * `roles` are detected whenever they change (ABC by profit looks for a profit column); a column the
 * user picked stays picked.
 */
export function useSource(required: readonly ColumnRole[], optional: readonly ColumnRole[] = [], autoRead = true): SourceControl {
  const [state, setState] = useState<SourceState>({ status: "idle", columns: {} });
  const picked = useRef<Partial<Record<ColumnRole, number>>>({});
  const rolesKey = [...required, "|", ...optional].join(",");
  // Callers pass fresh arrays on every render; the roles only change when their names do.
  const roles = useMemo(() => rolesKey.split(",").filter((r) => r !== "|") as ColumnRole[], [rolesKey]);

  const columnsFor = useCallback(
    (source: SourceTable): Partial<Record<ColumnRole, number>> => {
      const found = detect(source, roles);
      const out: Partial<Record<ColumnRole, number>> = {};
      const taken = new Set<number>();
      // The user's picks first; detection fills the other roles with the columns still free.
      for (const role of roles) {
        const mine = picked.current[role];
        if (mine !== undefined && mine < source.header.length) {
          out[role] = mine;
          taken.add(mine);
        }
      }
      for (const role of roles) {
        const f = found[role];
        if (out[role] === undefined && f !== undefined && !taken.has(f)) {
          out[role] = f;
          taken.add(f);
        }
      }
      return out;
    },
    [roles],
  );

  const read = useCallback(async () => {
    setState((s) => ({ ...s, status: "reading", problem: undefined }));
    try {
      const r = await readSelection();
      picked.current = {};
      setState({ status: "ready", read: r, columns: columnsFor(r.source) });
    } catch (e) {
      setState({ status: "failed", problem: problemOf(e, false), columns: {} });
    }
  }, [columnsFor]);

  const refresh = useCallback(async (): Promise<SourceRead | undefined> => {
    const current = state.read;
    if (!current) return undefined;
    const r = await readAgain(current);
    setState((s) => ({ ...s, read: r, columns: columnsFor(r.source) }));
    return r;
  }, [state.read, columnsFor]);

  const setColumn = useCallback((role: ColumnRole, index: number) => {
    const kept = Object.entries(picked.current).filter(([, i]) => i !== index);
    picked.current = { ...Object.fromEntries(kept), [role]: index };
    setState((s) => {
      // One column plays one part: a column moved to this role leaves the role it had.
      const columns: Partial<Record<ColumnRole, number>> = {};
      for (const [r, i] of Object.entries(s.columns) as [ColumnRole, number][]) if (i !== index) columns[r] = i;
      columns[role] = index;
      return { ...s, columns };
    });
  }, []);

  useEffect(() => {
    setState((s) => (s.read ? { ...s, columns: columnsFor(s.read.source) } : s));
  }, [columnsFor]);

  // Read once when the flow opens; later reads are the user's.
  const first = useRef(autoRead);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      void read();
    }
  }, [read]);

  const missing = required.filter((r) => state.columns[r] === undefined);
  return { state, read, setColumn, refresh, missing };
}
