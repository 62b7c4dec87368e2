/**
 * The CLI's language: `--lang en|zh`, else the locale environment (LC_ALL, LC_MESSAGES, LANG —
 * the order POSIX gives them precedence), Chinese when it starts with "zh", English otherwise.
 */
import type { Lang } from "../domain/errors";

export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name];
    if (v !== undefined && v !== "") return v.toLowerCase().startsWith("zh") ? "zh" : "en";
  }
  return "en";
}

/** `--lang` value → Lang, or undefined when it is neither language. */
export function parseLang(v: string): Lang | undefined {
  const t = v.trim().toLowerCase();
  if (t === "en" || t.startsWith("en-") || t.startsWith("en_") || t === "english" || t === "英文") return "en";
  if (t === "zh" || t.startsWith("zh-") || t.startsWith("zh_") || t === "chinese" || t === "中文" || t === "简体中文") return "zh";
  return undefined;
}

export function money(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
