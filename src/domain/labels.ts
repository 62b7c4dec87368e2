/**
 * Bilingual labels and tolerant parsing of label input (SPEC preamble): either language,
 * case-insensitive, width-insensitive (full-width letters and digits), surrounding spaces ignored.
 */
import type { Lang } from "./errors";

export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** A label that can also be recognised from extra spellings (synonyms, abbreviations). */
export interface ParseableLabel extends Label {
  readonly aliases?: readonly string[];
}

export function text(label: Label, lang: Lang): string {
  return label[lang];
}

/** Canonical form used for matching: NFKC folds full-width forms, then trim, lower-case, single spaces. */
export function normalize(input: string): string {
  return input.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Build a lookup from every spelling of every label to its key. */
export function labelIndex<K extends string>(table: Readonly<Record<K, ParseableLabel>>): ReadonlyMap<string, K> {
  const index = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    const l = table[key];
    for (const spelling of [key, l.en, l.zh, ...(l.aliases ?? [])]) index.set(normalize(spelling), key);
  }
  return index;
}

/** The key whose label matches `input` in either language, or undefined. */
export function parseLabel<K extends string>(input: unknown, index: ReadonlyMap<string, K>): K | undefined {
  if (typeof input !== "string") return undefined;
  return index.get(normalize(input));
}

/** "a, b or c" / "a、b 或 c": lists the accepted spellings in an error message. */
export function choices(labels: readonly Label[], lang: Lang): string {
  const names = labels.map((l) => l[lang]);
  if (names.length <= 1) return names.join("");
  const last = names[names.length - 1];
  const head = names.slice(0, -1);
  return lang === "en" ? `${head.join(", ")} or ${last}` : `${head.join("、")} 或 ${last}`;
}

export const LANGUAGE_LABELS: Readonly<Record<Lang, Label>> = {
  en: { en: "English", zh: "英文" },
  zh: { en: "Simplified Chinese", zh: "简体中文" },
};
