/**
 * The pane's way into the workbook. Reading user data, writing report plans and keeping settings
 * are the Excel host's (src/hosts/excel); this module calls it inside Excel.run and adds the few
 * small things only the pane does: list sheets and tables, show a sheet, read a template sheet,
 * and write the ABC class into an empty column beside the user's data.
 */
import type { Msg } from "../domain/errors";
import { KamInputException, kamError } from "../domain/errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { setSettings } from "../functions/settings-source";
import { loadSettings as loadStoredSettings, readSource, renderPlan, saveSettings as storeSettings } from "../hosts/excel";
import { needsTextFormat } from "../hosts/excel";
import { columnLetter, type ReportPlan } from "../reports/plan";
import type { SourceTable } from "../reports/source";
import { describeValue } from "../domain/values";
import { msgOf } from "../i18n";

export interface SourceRead {
  readonly source: SourceTable;
  /** "table": an Excel table (read again by name); "range": a block of cells on a sheet. */
  readonly origin: "table" | "range";
  /** A1 address of the header row and data, e.g. "A1:E37". */
  readonly address: string;
  readonly tableName?: string;
}

export interface Rendered {
  /** Every sheet the plan wrote, with the name the host gave it. */
  readonly sheets: readonly { readonly key: string; readonly name: string }[];
  /** The sheet the host activated, if any. */
  readonly activated?: string;
}

export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
}

/** Where the optional class column goes: one column, header row included. */
export interface ColumnTarget {
  readonly sheet: string;
  /** 0-based worksheet column and row. */
  readonly col: number;
  readonly row: number;
  readonly rows: number;
}

function describe(source: SourceTable): SourceRead {
  const last = `${columnLetter(source.col + Math.max(source.header.length, 1) - 1)}${source.row + 1 + source.rows.length}`;
  const address = `${columnLetter(source.col)}${source.row + 1}:${last}`;
  return source.name
    ? { source, origin: "table", address, tableName: source.name }
    : { source, origin: "range", address };
}

/** The selection, the table it lies in, or the data around a single selected cell (the host decides). */
export async function readSelection(): Promise<SourceRead> {
  const source = await Excel.run((context) => readSource(context, { source: { kind: "selection" } }));
  return describe(source);
}

export async function readTable(name: string): Promise<SourceRead> {
  const source = await Excel.run((context) => readSource(context, { source: { kind: "table", name } }));
  return describe(source);
}

/**
 * The same data again, just before a run, so that cells fixed since it was read count. A table is
 * read by name (it may have grown); a range is read at the same place and size, because by now
 * the selection may be on the report sheet the last run activated.
 */
export async function readAgain(prev: SourceRead): Promise<SourceRead> {
  if (prev.tableName) return readTable(prev.tableName);
  const s = prev.source;
  const values = await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(s.sheet).getRangeByIndexes(s.row, s.col, s.rows.length + 1, s.header.length);
    range.load("values");
    await context.sync();
    return range.values as unknown[][];
  });
  return describe({ sheet: s.sheet, row: s.row, col: s.col, header: values[0], rows: values.slice(1) });
}

/** Write a report plan (the host's renderPlan: report sheets only, one undo step where Excel can). */
export async function renderReport(plan: ReportPlan): Promise<Rendered> {
  const result = await renderPlan(plan);
  const activated = plan.activate ? result.sheets.find((x) => x.key === plan.activate)?.name : undefined;
  return { sheets: result.sheets, ...(activated ? { activated } : {}) };
}

export async function activateSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

/** Visible sheets, in tab order. */
export async function listSheets(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  });
}

export async function listTables(): Promise<TableInfo[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const sheets = tables.items.map((t) => {
      const ws = t.worksheet;
      ws.load("name");
      return ws;
    });
    await context.sync();
    return tables.items.map((t, i) => ({ name: t.name, sheet: sheets[i].name }));
  });
}

/**
 * A sheet's values from A1 to the last used cell (a card template: positions matter), in one round
 * trip: the used range and where it starts are loaded together, and the rows and columns above
 * and left of it are filled in with empty cells here.
 */
export async function readSheetValues(name: string): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,values");
    await context.sync();
    if (used.isNullObject) return [];
    const values = used.values as unknown[][];
    const left: unknown[] = new Array<unknown>(used.columnIndex).fill("");
    const width = used.columnIndex + (values[0]?.length ?? 0);
    const out: unknown[][] = [];
    for (let r = 0; r < used.rowIndex; r++) out.push(new Array<unknown>(width).fill(""));
    for (const row of values) out.push(used.columnIndex > 0 ? [...left, ...row] : row);
    return out;
  });
}

export type ColumnCheck = { readonly empty: true } | { readonly empty: false; readonly cell: string; readonly text: string };

function firstFilled(target: ColumnTarget, formulas: readonly (readonly unknown[])[]): ColumnCheck {
  for (let i = 0; i < formulas.length; i++) {
    const v = formulas[i][0];
    if (v !== "" && v !== null && v !== undefined) {
      const shown = describeValue(v);
      return { empty: false, cell: `${columnLetter(target.col)}${target.row + 1 + i}`, text: typeof v === "string" ? `"${shown}"` : shown };
    }
  }
  return { empty: true };
}

function loadColumn(context: Excel.RequestContext, target: ColumnTarget): Excel.Range {
  const range = context.workbook.worksheets.getItem(target.sheet).getRangeByIndexes(target.row, target.col, target.rows, 1);
  // Formulas, not values: a formula that shows "" is still the user's.
  range.load("formulas");
  return range;
}

/** Whether every cell of the target column is empty (no value, no formula). */
export async function inspectColumn(target: ColumnTarget): Promise<ColumnCheck> {
  return Excel.run(async (context) => {
    const range = loadColumn(context, target);
    await context.sync();
    return firstFilled(target, range.formulas as unknown[][]);
  });
}

/**
 * Write one value per row into the target column, after checking again, in the same run, that it
 * is still empty: the user may have typed there while the confirmation was open. Never overwrites.
 */
export async function writeColumn(target: ColumnTarget, values: readonly (string | null)[]): Promise<void> {
  await Excel.run(async (context) => {
    const range = loadColumn(context, target);
    await context.sync();
    const found = firstFilled(target, range.formulas as unknown[][]);
    if (!found.empty) {
      const m: Msg = msgOf("abc.writeBack.notEmpty", { sheet: target.sheet, letter: columnLetter(target.col), cell: found.cell, value: found.text });
      throw new KamInputException(kamError("class_column_not_empty", "invalid", m.en, m.zh));
    }
    // Text that Excel would parse (a leading "=", a number) is made text first, like the host does.
    values.forEach((v, i) => {
      if (typeof v === "string" && needsTextFormat(v)) range.getCell(i, 0).numberFormat = [["@"]];
    });
    range.values = values.map((v) => [v ?? ""]);
    await context.sync();
  });
}

export interface LoadedSettings {
  readonly settings: Settings;
  /** Why the stored settings were not used (the defaults are used instead). */
  readonly problem?: Msg;
}

/** The settings stored in the workbook; the SPEC defaults when there are none or they are invalid. */
export async function loadSettings(): Promise<LoadedSettings> {
  const r = await loadStoredSettings();
  return r.ok ? { settings: r.settings } : { settings: DEFAULT_SETTINGS, problem: r.error.msg };
}

/**
 * Store the settings in the workbook (everyone who opens the file computes with them), hand them to
 * the custom functions' settings cache, and recalculate every formula so no cell keeps a class
 * computed with the old thresholds. One Excel.run: the write and the recalculation go together.
 */
export async function saveSettings(next: Settings): Promise<Settings> {
  return Excel.run(async (context) => {
    const saved = await storeSettings(next, context);
    setSettings(saved);
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
    return saved;
  });
}
