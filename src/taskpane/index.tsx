/**
 * The task pane entry. It loads deferred, after the functions and commands chunks
 * (webpack.config.js), and mounts once Office is ready, in the language of Excel's UI and the
 * light or dark look of the Office theme.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../domain/errors";
import { paneLanguage } from "../i18n";
import { App } from "./app";
import { themeKindOf, type OfficeThemeColours, type ThemeKind } from "./theme";

function officeLook(): { lang: Lang; theme: ThemeKind } {
  const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  let locale: string | undefined = typeof navigator !== "undefined" ? navigator.language : undefined;
  let theme: OfficeThemeColours | undefined;
  try {
    if (typeof Office !== "undefined" && Office.context) {
      locale = Office.context.displayLanguage || locale;
      // officeTheme is missing on hosts that do not report one (and throws on some old builds).
      theme = Office.context.officeTheme as OfficeThemeColours | undefined;
    }
  } catch {
    theme = undefined;
  }
  return { lang: paneLanguage(locale), theme: themeKindOf(theme, prefersDark) };
}

function mount(): void {
  const root = document.getElementById("root");
  if (!root) return;
  document.body.style.margin = "0";
  const { lang, theme } = officeLook();
  createRoot(root).render(
    <StrictMode>
      <App initialLang={lang} theme={theme} />
    </StrictMode>,
  );
}

// Outside Office (the dev server in a plain browser) Office.onReady still resolves, with host null.
if (typeof Office !== "undefined") void Office.onReady(() => mount());
else mount();
