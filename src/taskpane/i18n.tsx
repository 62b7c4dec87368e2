/** The pane's language as React context: `useT()` gives the translator of the language shown. */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang, Msg } from "../domain/errors";
import type { Label } from "../domain/labels";
import { formatAmount, formatInteger, formatPercent, translate, type MessageKey, type Params } from "../i18n";

export interface Translator {
  readonly lang: Lang;
  (key: MessageKey, params?: Params): string;
  /** A bilingual domain label or message in the pane's language. */
  label(l: Label | Msg): string;
  int(n: number): string;
  amount(n: number): string;
  pct(share: number, digits?: number): string;
}

function makeTranslator(lang: Lang): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as Translator;
  Object.assign(t, {
    lang,
    label: (l: Label | Msg) => l[lang],
    int: (n: number) => formatInteger(n, lang),
    amount: (n: number) => formatAmount(n, lang),
    pct: (share: number, digits?: number) => formatPercent(share, lang, digits),
  });
  return t;
}

const LangContext = createContext<Translator>(makeTranslator("en"));

export function LanguageProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const t = useMemo(() => makeTranslator(lang), [lang]);
  return <LangContext.Provider value={t}>{children}</LangContext.Provider>;
}

export function useT(): Translator {
  return useContext(LangContext);
}
