/**
 * The task pane's strings: one catalog per language with the same keys (the type of zh-CN.ts is
 * derived from en.ts, so a key missing from either is a compile error). Templates name their
 * parameters in braces: "{rows} data rows" / "{rows} 行数据".
 */
import type { Lang, Msg } from "../domain/errors";
import { en, type Catalog, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";

export type { Catalog, MessageKey } from "./en";

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, zh: zhCN };

export type Params = Readonly<Record<string, string | number>>;

/** The names of the parameters a template uses, sorted, e.g. ["rows", "sheet"]. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  return [...names].sort();
}

/** Fill a template; a parameter the caller forgot stays visible as "{name}" rather than vanishing. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(CATALOGS[lang][key], params);
}

/** A catalog message in both languages, e.g. for a Problem that the user may read in either. */
export function msgOf(key: MessageKey, params?: Params): Msg {
  return { en: translate("en", key, params), zh: translate("zh", key, params) };
}

/** The language of Excel's UI as a pane language: Chinese for any zh-* locale, English otherwise. */
export function paneLanguage(locale: string | undefined): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The BCP 47 tag for the `lang` attribute and number formatting. */
export function localeTag(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

export function formatInteger(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 0 }).format(n);
}

export function formatAmount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 2 }).format(n);
}

/** 0.5512 → "55.1 %" / "55.1%". */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  const n = new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: digits }).format(share * 100);
  return lang === "zh" ? `${n}%` : `${n} %`;
}
