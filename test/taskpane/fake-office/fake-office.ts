/**
 * The fake Office host the browser tests load before the task pane: `Office` (onReady, theme,
 * display language, requirement sets, add-in and ribbon-command APIs) and `Excel.run`, backed by
 * the Excel double (test/excel-double) holding the sample workbook. Query parameters set it up:
 *   lang=zh-CN        Office.context.displayLanguage
 *   theme=dark        Office.context.officeTheme (Excel's "Black" theme colours)
 *   latency=700       every context.sync() takes this many milliseconds
 *   select=Sales!B5   the selection when the pane opens
 *   flow=openScore    a ribbon command clicked before the pane loaded
 * Tests reach the workbook through `window.__fake`.
 */
import { ExcelDouble, RequestContextDouble } from "../../excel-double";
import { parseAddress } from "../../excel-double/address";
import { fillSampleWorkbook } from "./sample-workbook";

interface CommandEventLike {
  completed(): void;
  source: { id: string };
}
type CommandHandler = (event: CommandEventLike) => unknown;

const g = globalThis as unknown as Record<string, unknown>;
// The double measures payloads with Buffer.byteLength, which browsers lack.
if (g.Buffer === undefined) {
  g.Buffer = { byteLength: (s: string) => new TextEncoder().encode(s).length };
}

const params = new URLSearchParams(location.search);
const xl = new ExcelDouble({ apiVersion: params.get("api") ?? "1.20", platform: "web" });
const model = xl.model;
fillSampleWorkbook(model);

function select(address: string): void {
  const parsed = parseAddress(address);
  const sheet = model.sheet(parsed.sheet ?? model.activeSheet?.name ?? "Sales");
  model.activeSheet = sheet;
  model.selection = { sheet, rect: parsed.rect };
}
select(params.get("select") ?? "Sales!B3");

const latency = Number(params.get("latency") ?? "0");
if (latency > 0) {
  const sync = RequestContextDouble.prototype.sync;
  RequestContextDouble.prototype.sync = async function (this: RequestContextDouble) {
    await new Promise((ok) => setTimeout(ok, latency));
    return sync.call(this);
  };
}

/** Excel's Office theme colours for the "Colorful" (light) and "Black" (dark) themes. */
const THEMES = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000", isDarkTheme: false },
  dark: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF", isDarkTheme: true },
};

const commands = new Map<string, CommandHandler>();
const paneShown: number[] = [];
const commandCalls: { name: string; completed: boolean }[] = [];

function invokeCommand(name: string): Promise<void> {
  const handler = commands.get(name);
  if (!handler) return Promise.reject(new Error(`no ribbon command ${name} was associated`));
  const call = { name, completed: false };
  commandCalls.push(call);
  return new Promise<void>((resolve) => {
    void handler({
      source: { id: name },
      completed: () => {
        call.completed = true;
        resolve();
      },
    });
  });
}

const readyInfo = { host: "Excel", platform: "OfficeOnline" };
const double = xl.Office as { context: { requirements: unknown } };

g.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  context: {
    requirements: double.context.requirements,
    displayLanguage: params.get("lang") ?? "en-US",
    officeTheme: THEMES[params.get("theme") === "dark" ? "dark" : "light"],
  },
  onReady(callback?: (info: typeof readyInfo) => void): Promise<typeof readyInfo> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(readyInfo);
        resolve(readyInfo);
      }, 0),
    );
  },
  addin: {
    showAsTaskpane: async () => {
      paneShown.push(Date.now());
    },
    hide: async () => undefined,
  },
  actions: {
    associate(name: string, handler: CommandHandler) {
      commands.set(name, handler);
      // A ribbon click that happened before the pane's script ran (the shared runtime loads the
      // commands first, so the click reaches the handler as soon as it is associated).
      if (params.get("flow") === name) setTimeout(() => void invokeCommand(name), 0);
    },
  },
};
g.Excel = xl.Excel;

/** Cells of a sheet as a 2-D array of values ("" when empty), for assertions. */
function values(sheetName: string, address?: string): unknown[][] {
  const sheet = model.sheet(sheetName);
  const rect = address ? parseAddress(address).rect : model.usedRect(sheet, true);
  if (!rect) return [];
  const out: unknown[][] = [];
  for (let r = rect.r; r < rect.r + rect.rows; r++) {
    const row: unknown[] = [];
    for (let c = rect.c; c < rect.c + rect.cols; c++) row.push(sheet.valueAt(r, c));
    out.push(row);
  }
  return out;
}

g.__fake = {
  xl,
  model,
  select,
  values,
  sheetNames: () => model.liveSheets().map((s) => s.name),
  activeSheet: () => model.activeSheet?.name ?? null,
  settings: () => Object.fromEntries(model.settings),
  writes: () => xl.writes().map((w) => `${w.sheet}!${w.address} ${w.what}`),
  calculations: () => model.calculations,
  charts: (sheetName: string) => model.sheet(sheetName).charts.filter((c) => !c.deleted).map((c) => ({ type: c.type, series: c.series.filter((s) => !s.deleted).length })),
  tables: () => model.liveTables().map((t) => ({ name: t.name, sheet: t.sheet.name })),
  invokeCommand,
  commandNames: () => [...commands.keys()],
  commandCalls: () => commandCalls.map((c) => ({ ...c })),
  paneShown: () => paneShown.length,
  setCell(sheetName: string, address: string, value: unknown) {
    const { rect } = parseAddress(address);
    model.setCells(model.sheet(sheetName), rect.r, rect.c, [[value]]);
  },
};
