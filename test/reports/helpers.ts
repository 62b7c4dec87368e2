/** Test helpers for report plans: build SourceTables, read cells back out of a plan, check layout invariants. */
import { KamInputException } from "../../src/domain/errors";
import type { CellValue, Rect, ReportPlan, SheetPlan } from "../../src/reports/plan";
import { rectAddress } from "../../src/reports/plan";
import type { SourceTable } from "../../src/reports/source";

/** A SourceTable whose header sits at worksheet row `row` (0-based, default 0 = row 1) and column `col`. */
export function source(sheet: string, header: unknown[], rows: unknown[][], at: { row?: number; col?: number } = {}): SourceTable {
  return { sheet, row: at.row ?? 0, col: at.col ?? 0, header, rows };
}

export function sheetOf(plan: ReportPlan, key: string): SheetPlan {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key} in plan (has ${plan.sheets.map((x) => x.key).join(", ")})`);
  return s;
}

/** The value a host would write at (row, col), or undefined when no block covers the cell. */
export function cellAt(sheet: SheetPlan, row: number, col: number): CellValue | undefined {
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < (b.values[0]?.length ?? 0)) return b.values[r][c];
  }
  return undefined;
}

/** Number format a block gives the cell (column format), or undefined. */
export function formatAt(sheet: SheetPlan, row: number, col: number): string | null | undefined {
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < (b.values[0]?.length ?? 0)) return b.columnFormats?.[c];
  }
  return undefined;
}

/** The cells of a rect, read out of the plan's blocks (row-major). */
export function readRect(sheet: SheetPlan, rect: Rect): (CellValue | undefined)[][] {
  const out: (CellValue | undefined)[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: (CellValue | undefined)[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(cellAt(sheet, rect.row + r, rect.col + c));
    out.push(line);
  }
  return out;
}

/** A single row or column rect, flattened. */
export function readLine(sheet: SheetPlan, rect: Rect): (CellValue | undefined)[] {
  return readRect(sheet, rect).flat();
}

/** Find the first cell whose value equals `value`; returns its coordinates. */
export function findCell(sheet: SheetPlan, value: CellValue): { row: number; col: number } | undefined {
  for (const b of sheet.blocks) {
    for (let r = 0; r < b.values.length; r++) {
      const c = b.values[r].indexOf(value);
      if (c >= 0) return { row: b.row + r, col: b.col + c };
    }
  }
  return undefined;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function covered(sheet: SheetPlan, rect: Rect): boolean {
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) if (cellAt(sheet, rect.row + r, rect.col + c) === undefined) return false;
  return true;
}

/**
 * Layout rules every plan keeps: sheet keys unique, names Excel accepts, blocks rectangular and not
 * overlapping, charts not covering blocks or one another, and every table, format, conditional
 * format, merge and chart data range inside cells the plan writes. Returns the problems found.
 */
export function planProblems(plan: ReportPlan): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const sheet of plan.sheets) {
    const where = `sheet ${sheet.key}`;
    if (keys.has(sheet.key)) problems.push(`${where}: duplicate key`);
    keys.add(sheet.key);
    if (sheet.name.length === 0 || Array.from(sheet.name).length > 31 || /[/\\?*:[\]]/.test(sheet.name) || /^'|'$/.test(sheet.name)) {
      problems.push(`${where}: bad sheet name "${sheet.name}"`);
    }
    const blockRects = sheet.blocks.map((b) => ({ row: b.row, col: b.col, rows: b.values.length, cols: b.values[0]?.length ?? 0 }));
    sheet.blocks.forEach((b, i) => {
      const w = b.values[0]?.length ?? 0;
      if (b.values.some((r) => r.length !== w)) problems.push(`${where}: block ${i} is not rectangular`);
      if (b.columnFormats && b.columnFormats.length !== w) problems.push(`${where}: block ${i} has ${b.columnFormats.length} column formats for ${w} columns`);
      for (const r of b.values) for (const v of r) if (typeof v === "number" && !Number.isFinite(v)) problems.push(`${where}: block ${i} holds ${v}`);
    });
    for (let i = 0; i < blockRects.length; i++)
      for (let j = i + 1; j < blockRects.length; j++)
        if (overlaps(blockRects[i], blockRects[j])) problems.push(`${where}: blocks ${rectAddress(blockRects[i])} and ${rectAddress(blockRects[j])} overlap`);
    const charts = sheet.charts ?? [];
    charts.forEach((ch, i) => {
      for (const b of blockRects) if (overlaps(ch.position, b)) problems.push(`${where}: chart ${i} covers block ${rectAddress(b)}`);
      for (let j = i + 1; j < charts.length; j++) if (overlaps(ch.position, charts[j].position)) problems.push(`${where}: charts ${i} and ${j} overlap`);
      if (!covered(sheet, ch.categories)) problems.push(`${where}: chart ${i} categories ${rectAddress(ch.categories)} outside written cells`);
      if (ch.categories.rows !== 1 && ch.categories.cols !== 1) problems.push(`${where}: chart ${i} categories not one row or column`);
      const n = Math.max(ch.categories.rows, ch.categories.cols);
      for (const s of ch.series) {
        if (!covered(sheet, s.values)) problems.push(`${where}: chart ${i} series ${s.name} ${rectAddress(s.values)} outside written cells`);
        if (Math.max(s.values.rows, s.values.cols) !== n || Math.min(s.values.rows, s.values.cols) !== 1) problems.push(`${where}: chart ${i} series ${s.name} length differs from categories`);
      }
    });
    for (const t of sheet.tables ?? []) {
      if (!covered(sheet, t.rect)) problems.push(`${where}: table ${t.name} ${rectAddress(t.rect)} outside written cells`);
      if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(t.name)) problems.push(`${where}: bad table name ${t.name}`);
      for (const other of sheet.tables ?? []) if (other !== t && overlaps(other.rect, t.rect)) problems.push(`${where}: tables overlap`);
      // A table header must be text and unique, or Excel renames it.
      const head = readLine(sheet, { ...t.rect, rows: 1 });
      if (head.some((h) => typeof h !== "string" || h === "")) problems.push(`${where}: table ${t.name} has a non-text header`);
      if (new Set(head.map((h) => String(h).toLowerCase())).size !== head.length) problems.push(`${where}: table ${t.name} has duplicate headers`);
    }
    for (const f of sheet.formats ?? []) if (!covered(sheet, f.rect)) problems.push(`${where}: format ${rectAddress(f.rect)} outside written cells`);
    for (const c of sheet.conditional ?? []) if (!covered(sheet, c.rect)) problems.push(`${where}: conditional ${rectAddress(c.rect)} outside written cells`);
    for (const m of sheet.merges ?? []) if (!covered(sheet, m)) problems.push(`${where}: merge ${rectAddress(m)} outside written cells`);
  }
  if (plan.activate !== undefined && !keys.has(plan.activate)) problems.push(`activate ${plan.activate} is not a sheet of the plan`);
  return problems;
}

/** Run `fn`, expect a KamInputException, return its messages. */
export function inputErrorOf(fn: () => unknown): { en: string; zh: string; code: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof KamInputException) return { en: e.error.msg.en, zh: e.error.msg.zh, code: e.error.code };
    throw e;
  }
  throw new Error("expected a KamInputException, but the report was built");
}

/** Expect both language messages to name the sheet, the column header and letter, and the cell. */
export function expectCellNamed(msg: { en: string; zh: string }, sheet: string, header: string, letter: string, cell: string): void {
  expect(msg.en).toContain(`Sheet '${sheet}'`);
  expect(msg.en).toContain(`column '${header}' (${letter})`);
  expect(msg.en).toContain(`cell ${cell}`);
  expect(msg.zh).toContain(`工作表“${sheet}”`);
  expect(msg.zh).toContain(`列“${header}”（${letter}）`);
  expect(msg.zh).toContain(`单元格 ${cell}`);
}
