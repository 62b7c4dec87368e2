/**
 * Light or dark, from the Office theme. Office reports colours, not a mode: the pane is dark when
 * the body background Office paints behind it is dark (Excel's "Black" and "Dark Gray" themes).
 */
export type ThemeKind = "light" | "dark";

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly controlBackgroundColor?: string;
}

/** "#RGB" or "#RRGGBB" (with or without "#") → [r, g, b] in 0..255, or undefined. */
export function parseHexColour(text: string | undefined): [number, number, number] | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Dark when the background is darker than mid-grey (luminance of #767676 ≈ 0.18). Without a theme
 * (Office too old to report one, or outside Office) the pane follows the browser's preference.
 */
export function themeKindOf(theme: OfficeThemeColours | undefined, prefersDark = false): ThemeKind {
  const rgb = parseHexColour(theme?.bodyBackgroundColor) ?? parseHexColour(theme?.controlBackgroundColor);
  if (!rgb) return prefersDark ? "dark" : "light";
  return luminance(rgb) < 0.18 ? "dark" : "light";
}
