/**
 * The settings every custom function reads. The functions run in the shared runtime, so the task
 * pane and the functions see this one module: the task pane may call `setSettings`, and the
 * workbook setting "kam.settings" is read when Office is ready and again whenever it changes.
 *
 * Every reference to `Office` and `Excel` is guarded so that the module also loads in jest and in
 * a functions-only runtime (neither global exists there).
 */
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../domain/settings";

export const SETTINGS_KEY = "kam.settings";

let current: Settings = DEFAULT_SETTINGS;
/** True once the workbook setting has been read (or found absent). */
let loaded = false;
/** A function ran before the workbook setting was read, so its result may use the defaults. */
let servedBeforeLoad = false;

export function getSettings(): Settings {
  if (!loaded) servedBeforeLoad = true;
  return current;
}

/** Replace the settings; returns whether anything changed. */
export function setSettings(next: Settings): boolean {
  const changed = JSON.stringify(next) !== JSON.stringify(current);
  current = next;
  loaded = true;
  return changed;
}

/** Back to the SPEC defaults and the "not yet loaded" state (tests; a workbook without settings). */
export function resetSettings(): void {
  current = DEFAULT_SETTINGS;
  loaded = false;
  servedBeforeLoad = false;
  started = false;
}

/**
 * The settings a stored value describes, or null when it is not valid. The value may have been
 * stored as an object or as JSON text; an absent setting means the defaults.
 */
export function settingsFromStoredValue(raw: unknown): Settings | null {
  let value: unknown = raw;
  if (raw === null || raw === undefined) return DEFAULT_SETTINGS;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const r = parseSettings(value);
  return r.ok ? r.settings : null;
}

/* The Office boundary: the globals are looked up at run time, never assumed. */
/* eslint-disable @typescript-eslint/no-explicit-any */
function excelGlobal(): any {
  return typeof Excel === "undefined" ? undefined : (Excel as any);
}
function officeGlobal(): any {
  return typeof Office === "undefined" ? undefined : (Office as any);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export type LoadOutcome = "loaded" | "absent" | "invalid" | "unavailable" | "failed";

/**
 * Read "kam.settings" from the workbook. Invalid settings keep the current ones (a half-edited
 * setting must not turn every formula into an error). When the settings change and a function may
 * already have computed with the old ones, Excel is asked to recalculate so no cell keeps a stale
 * label or class.
 */
export async function loadSettingsFromWorkbook(trigger: "startup" | "changed" = "startup"): Promise<LoadOutcome> {
  const excel = excelGlobal();
  if (!excel || typeof excel.run !== "function") return "unavailable";
  try {
    return await excel.run(async (ctx: Excel.RequestContext) => {
      const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await ctx.sync();
      const raw: unknown = item.isNullObject ? null : item.value;
      const next = settingsFromStoredValue(raw);
      const mayBeStale = trigger === "changed" || servedBeforeLoad;
      if (next === null) {
        loaded = true;
        return "invalid";
      }
      if (setSettings(next) && mayBeStale) {
        ctx.workbook.application.calculate("Full");
        await ctx.sync();
      }
      return raw === null ? "absent" : "loaded";
    });
  } catch {
    // A host error (an old Excel without workbook settings, a closing workbook) keeps the settings.
    loaded = true;
    return "failed";
  }
}

/**
 * For the task pane: use these settings now and recalculate the functions if they changed.
 * (Writing "kam.settings" into the workbook has the same effect through the change event.)
 */
export async function applySettings(next: Settings): Promise<boolean> {
  const changed = setSettings(next);
  const excel = excelGlobal();
  if (!changed || !excel || typeof excel.run !== "function") return changed;
  try {
    await excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
  } catch {
    // Recalculation is a courtesy; the next edit recalculates the cells anyway.
  }
  return changed;
}

/** Whether `startSettingsSync` has already hooked into Office (once per runtime). */
let started = false;

/** At Office.onReady: read the workbook setting, then re-read it whenever workbook settings change. */
export function startSettingsSync(): boolean {
  const office = officeGlobal();
  if (started || !office || typeof office.onReady !== "function") return false;
  started = true;
  office.onReady(() => {
    void loadSettingsFromWorkbook("startup").then(() => subscribeToChanges());
  });
  return true;
}

async function subscribeToChanges(): Promise<void> {
  const excel = excelGlobal();
  if (!excel || typeof excel.run !== "function") return;
  try {
    await excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.settings.onSettingsChanged.add(async () => {
        await loadSettingsFromWorkbook("changed");
      });
      await ctx.sync();
    });
  } catch {
    // Settings events need ExcelApi 1.4; without them the settings read at start-up stay in use.
  }
}
