/** Light or dark pane from the colours Office reports for its theme. */
import fc from "fast-check";
import { luminance, parseHexColour, themeKindOf } from "../../src/taskpane/theme";

describe("Office theme → pane theme", () => {
  test("Excel's white and colourful themes are light", () => {
    expect(themeKindOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeKindOf({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
  });

  test("Excel's black and dark grey themes are dark", () => {
    expect(themeKindOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeKindOf({ bodyBackgroundColor: "#000000" })).toBe("dark");
    expect(themeKindOf({ bodyBackgroundColor: "#444" })).toBe("dark");
  });

  test("without a theme, the browser's preference decides", () => {
    expect(themeKindOf(undefined)).toBe("light");
    expect(themeKindOf(undefined, true)).toBe("dark");
    expect(themeKindOf({ bodyBackgroundColor: "not a colour" }, true)).toBe("dark");
  });

  test("the control background is used when the body colour is missing", () => {
    expect(themeKindOf({ controlBackgroundColor: "#1F1F1F" })).toBe("dark");
  });

  test("colours parse with or without #, in 3 or 6 digits", () => {
    expect(parseHexColour("#fff")).toEqual([255, 255, 255]);
    expect(parseHexColour("1F2E3D")).toEqual([31, 46, 61]);
    expect(parseHexColour("#12345")).toBeUndefined();
  });

  test("a darker background never gives a lighter theme (monotone in grey)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const hex = (v: number) => `#${v.toString(16).padStart(2, "0").repeat(3)}`;
        expect(luminance([lo, lo, lo])).toBeLessThanOrEqual(luminance([hi, hi, hi]));
        if (themeKindOf({ bodyBackgroundColor: hex(lo) }) === "light") expect(themeKindOf({ bodyBackgroundColor: hex(hi) })).toBe("light");
      }),
    );
  });
});
