/**
 * KAM settings live in the workbook (`workbook.settings`, key "kam.settings"), so everyone who opens
 * the file computes the same classes. The value is the JSON text of the SettingsInput the user gave;
 * it is validated with the one settings schema whenever it is read or written.
 */
import { KamError, KamInputException } from "../../domain/errors";
import { Settings, SettingsInput, parseSettings } from "../../domain/settings";
import { msg } from "./messages";

export const SETTINGS_KEY = "kam.settings";

export type LoadedSettings =
  | { readonly ok: true; readonly settings: Settings; readonly stored: boolean }
  | { readonly ok: false; readonly error: KamError };

async function within<T>(context: Excel.RequestContext | undefined, f: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return context ? f(context) : Excel.run(f);
}

/** The workbook's settings, or SPEC defaults when it has none; an invalid stored value is reported, not replaced. */
export async function loadSettings(context?: Excel.RequestContext): Promise<LoadedSettings> {
  return within(context, async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await ctx.sync();
    if (item.isNullObject) {
      const r = parseSettings({});
      if (!r.ok) throw new Error("the default settings do not validate");
      return { ok: true, settings: r.settings, stored: false };
    }
    let raw: unknown = item.value;
    if (typeof raw === "string") {
      try {
        raw = JSON.parse(raw);
      } catch {
        return { ok: false, error: msg.settingsNotJson(SETTINGS_KEY) };
      }
    }
    const r = parseSettings(raw);
    return r.ok ? { ok: true, settings: r.settings, stored: true } : { ok: false, error: msg.settingsInvalid(SETTINGS_KEY, r.issues) };
  });
}

/** Validate, then store; invalid input throws KamInputException before anything is written. Returns the effective settings. */
export async function saveSettings(input: SettingsInput, context?: Excel.RequestContext): Promise<Settings> {
  const r = parseSettings(input);
  if (!r.ok) throw new KamInputException(msg.settingsInvalid(SETTINGS_KEY, r.issues));
  await within(context, async (ctx) => {
    ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(input));
    await ctx.sync();
  });
  return r.settings;
}
