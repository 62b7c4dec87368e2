/**
 * A faithful test double of the Excel JavaScript API (see /work/shared/EXCEL-BEHAVIOUR.md,
 * "What a faithful test double must enforce"). Create one per test:
 *
 *   const xl = new ExcelDouble({ apiVersion: "1.20" });
 *   const data = xl.model.addSheet("Data");
 *   xl.model.setCells(data, 0, 0, [["Customer", "Revenue"], ["Acme", 10]]);
 *   xl.install();                       // globalThis.Excel / Office / CustomFunctions
 *   await Excel.run(async (ctx) => { ... });
 *   xl.syncs                            // one record per round trip: bytes, writes, flags
 *
 * Choices where the behaviour is unconfirmed are listed in model.ts (cells) and next to the
 * code that makes them; the double is deliberately pessimistic.
 */
import { RequestContextDouble, SyncRecord, DoubleConfig, Host, InjectedFailure, versionAtLeast } from "./client";
import { CF_ERROR_CODES, CustomFunctionsErrorDouble } from "./custom-functions";
import { ErrorCode, apiError } from "./errors";
import { Cell, ChartEntity, SeriesEntity, SheetEntity, WorkbookModel, WriteRecord } from "./model";
import { WorkbookDouble } from "./workbook";

export { RequestContextDouble } from "./client";
export type { SyncRecord, DoubleConfig } from "./client";
export { RichApiError } from "./errors";
export { WorkbookModel, SheetEntity } from "./model";
export { invokeCustomFunction, CustomFunctionsErrorDouble } from "./custom-functions";

export const DEFAULT_CONFIG: DoubleConfig = {
  apiVersion: "1.20",
  platform: "web",
  payloadLimit: 5 * 1024 * 1024,
  cellReadLimit: 5_000_000,
  failureMode: "keepEarlier",
};

interface RunOptions {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

type Batch<T> = (ctx: RequestContextDouble) => Promise<T>;

/** Excel enums are strings equal to their PascalCase member name: `Excel.ChartType.radarMarkers === "RadarMarkers"`. */
function stringEnum(): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get: (_t, key) => (typeof key === "string" ? key.replace(/^_/, "").replace(/^[a-z]/, (c) => c.toUpperCase()) : undefined),
  });
}

export class ExcelDouble implements Host {
  readonly model = new WorkbookModel();
  readonly config: DoubleConfig;
  readonly syncs: SyncRecord[] = [];
  undo = { records: 0, cleared: 0 };
  failures: InjectedFailure[] = [];
  readonly ownerOf = new WeakMap<object, RequestContextDouble>();
  private saved: { Excel: unknown; Office: unknown; CustomFunctions: unknown } | null = null;

  constructor(config: Partial<DoubleConfig> = {}) {
    this.config = { ...DEFAULT_CONFIG, ...config };
  }

  // ---- the Office.js surface ----

  gate(location: string, version: string): void {
    if (!versionAtLeast(this.config.apiVersion, version)) {
      throw apiError("ApiNotFound", `The API ${location} needs ExcelApi ${version}; this Excel supports ${this.config.apiVersion}.`, location);
    }
  }

  newContext(mergeUndoGroup = false): RequestContextDouble {
    const ctx = new RequestContextDouble(this, mergeUndoGroup);
    const wb = new WorkbookDouble(ctx);
    ctx.workbook = wb;
    ctx.application = wb.application;
    return ctx;
  }

  /** Excel.run(batch) | Excel.run(options, batch) | Excel.run(context, batch). */
  run = async <T>(a: Batch<T> | RunOptions | RequestContextDouble, b?: Batch<T>): Promise<T> => {
    if (typeof a === "function") return this.runWith({}, a);
    if (a instanceof RequestContextDouble) {
      if (!b) throw apiError("InvalidArgument", "Excel.run needs a batch function.", "Excel.run");
      const r = await b(a);
      await a.sync();
      return r;
    }
    if (!b) throw apiError("InvalidArgument", "Excel.run needs a batch function.", "Excel.run");
    return this.runWith(a, b);
  };

  private async runWith<T>(options: RunOptions, batch: Batch<T>): Promise<T> {
    if (options.mergeUndoGroup) this.gate("Excel.run(mergeUndoGroup)", "1.20");
    const ctx = this.newContext(options.mergeUndoGroup === true);
    try {
      const result = await batch(ctx);
      await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
      if (ctx.groupWrote) this.undo.records++;
    }
  }

  get Excel(): Record<string, unknown> {
    const e: Record<string, unknown> = { run: this.run };
    for (const name of [
      "ChartType", "ChartSeriesBy", "ChartAxisType", "ChartAxisGroup", "ChartLegendPosition", "ChartLineStyle",
      "RangeCopyType", "ClearApplyTo", "ConditionalFormatType", "ConditionalCellValueOperator", "ConditionalTextOperator",
      "BorderIndex", "BorderLineStyle", "BorderWeight", "HorizontalAlignment", "SheetVisibility", "CalculationType", "ErrorCodes",
    ]) {
      e[name] = stringEnum();
    }
    return e;
  }

  get Office(): Record<string, unknown> {
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string): boolean =>
            name.toLowerCase() === "excelapi" && versionAtLeast(this.config.apiVersion, version ?? "1.1"),
        },
      },
      onReady: async () => ({ host: "Excel", platform: this.config.platform === "web" ? "OfficeOnline" : "PC" }),
    };
  }

  /** Put Excel, Office and CustomFunctions on globalThis; returns the function that restores them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    this.saved = { Excel: g.Excel, Office: g.Office, CustomFunctions: g.CustomFunctions };
    g.Excel = this.Excel;
    g.Office = this.Office;
    g.CustomFunctions = { Error: CustomFunctionsErrorDouble, ErrorCode: CF_ERROR_CODES };
    return () => this.uninstall();
  }

  uninstall(): void {
    if (!this.saved) return;
    const g = globalThis as Record<string, unknown>;
    g.Excel = this.saved.Excel;
    g.Office = this.saved.Office;
    g.CustomFunctions = this.saved.CustomFunctions;
    this.saved = null;
  }

  // ---- test controls and observations ----

  /** Make the next command matching `when` fail with `code` (one shot). */
  failNext(code: ErrorCode, when: (location: string, index: number) => boolean, message = "Injected failure."): void {
    this.failures.push({ code, when, message });
  }

  get roundTrips(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  writes(): WriteRecord[] {
    return this.syncs.flatMap((s) => s.writes);
  }

  /** Forget the sync log (e.g. after setting up a workbook through the API). */
  resetLog(): void {
    this.syncs.length = 0;
    this.undo = { records: 0, cleared: 0 };
  }

  /** Everything a user could see of a sheet, as plain data, for before/after comparisons. */
  sheetState(sheet: SheetEntity): unknown {
    const cells: [number, Cell][] = [...sheet.cells].sort((a, b) => a[0] - b[0]);
    return JSON.parse(
      JSON.stringify({
        name: sheet.name,
        cells,
        merges: sheet.merges,
        names: sheet.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
        cfs: sheet.cfs,
        charts: sheet.charts.filter((c) => !c.deleted).map((c) => ({ name: c.name, type: c.type, series: c.series.length })),
        tables: this.model.liveTables().filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, rect: t.rect })),
        colWidths: [...sheet.colWidths],
        rowHeights: [...sheet.rowHeights],
        freeze: sheet.freeze,
        tabColor: sheet.tabColor,
        visibility: sheet.visibility,
      }),
    );
  }

  /** The series a chart actually draws: those that have values. */
  visibleSeries(chart: ChartEntity): SeriesEntity[] {
    return chart.series.filter((s) => !s.deleted && s.values !== null);
  }

  /** Restore point for the "rollback" failure mode. */
  snapshot(): () => void {
    const m = this.model;
    const sheets = m.sheets.slice();
    const perSheet = sheets.map((s) => ({
      s,
      fields: { name: s.name, visibility: s.visibility, tabColor: s.tabColor, deleted: s.deleted, freeze: { ...s.freeze } },
      cells: new Map([...s.cells].map(([k, c]) => [k, structuredClone(c)])),
      merges: s.merges.map((r) => ({ ...r })),
      names: s.names.map((n) => ({ n, copy: { ...n } })),
      charts: s.charts.map((c) => ({
        c,
        copy: { ...c, series: c.series.map((x) => ({ ...x })), axes: c.axes.map((a) => ({ ...a })), title: { ...c.title }, legend: { ...c.legend } },
      })),
      cfs: s.cfs.map((cf) => ({ cf, copy: { ...cf } })),
      colWidths: new Map(s.colWidths),
      rowHeights: new Map(s.rowHeights),
    }));
    const tables = m.tables.map((t) => ({ t, copy: { ...t } }));
    const names = m.names.map((n) => ({ n, copy: { ...n } }));
    const settings = new Map(m.settings);
    const { activeSheet, selection } = m;
    const logLengths = [m.formulaLog.length, m.lostWrites.length];
    return () => {
      m.sheets = sheets;
      for (const p of perSheet) {
        Object.assign(p.s, p.fields);
        p.s.cells.clear();
        for (const [k, c] of p.cells) p.s.cells.set(k, c);
        p.s.merges = p.merges;
        p.s.names = p.names.map(({ n, copy }) => Object.assign(n, copy));
        p.s.charts = p.charts.map(({ c, copy }) => Object.assign(c, copy));
        p.s.cfs = p.cfs.map(({ cf, copy }) => Object.assign(cf, copy));
        p.s.colWidths.clear();
        for (const [k, w] of p.colWidths) p.s.colWidths.set(k, w);
        p.s.rowHeights.clear();
        for (const [k, h] of p.rowHeights) p.s.rowHeights.set(k, h);
      }
      m.tables = tables.map(({ t, copy }) => Object.assign(t, copy));
      m.names = names.map(({ n, copy }) => Object.assign(n, copy));
      m.settings.clear();
      for (const [k, v] of settings) m.settings.set(k, v);
      m.activeSheet = activeSheet;
      m.selection = selection;
      m.formulaLog.length = logLengths[0];
      m.lostWrites.length = logLengths[1];
    };
  }
}
