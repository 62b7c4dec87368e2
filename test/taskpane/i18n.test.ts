/**
 * The pane's two catalogs: the same keys (also enforced by the type of zh-CN.ts), the same
 * parameters in every message, no empty text, and Chinese text in the Chinese catalog.
 */
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { CATALOGS, format, formatPercent, msgOf, paneLanguage, placeholders, translate, type MessageKey } from "../../src/i18n";

const keys = Object.keys(en) as MessageKey[];

describe("task pane catalogs", () => {
  test("English and Chinese have exactly the same keys", () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
  });

  test.each(keys)("%s uses the same parameters in both languages", (key) => {
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });

  test("no message is empty", () => {
    for (const k of keys) {
      expect(en[k].trim()).not.toBe("");
      expect(zhCN[k].trim()).not.toBe("");
    }
  });

  test("Chinese messages are written in Chinese", () => {
    // Exempt: the language switch names the other language in that language, and labels that are
    // the same in both (the class letters, the percent sign, the ABC tab).
    const same = new Set<MessageKey>(["app.otherLanguage", "nav.abc", "settings.unit.percent", "abc.chart.class", "stakeholders.result.action"]);
    const untranslated = keys.filter((k) => !same.has(k) && !/[\u4e00-\u9fff]/.test(zhCN[k]));
    expect(untranslated).toEqual([]);
  });
});

describe("formatting messages", () => {
  test("parameters are filled in; a forgotten one stays visible", () => {
    expect(translate("en", "source.rows", { rows: "37" })).toBe("37 data rows.");
    expect(translate("zh", "source.rows", { rows: "37" })).toBe("共 37 行数据。");
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  test("placeholders in double braces (template syntax) are not parameters", () => {
    expect(placeholders(en["cards.template.userHint"])).toEqual([]);
    expect(translate("en", "cards.template.userHint")).toContain("{{Customer name}}");
  });

  test("a message can be had in both languages at once", () => {
    const m = msgOf("result.wrote", { sheet: "ABC analysis" });
    expect(m.en).toBe("The report is on sheet 'ABC analysis'.");
    expect(m.zh).toBe("报表已写入工作表“ABC analysis”。");
  });

  test("percent follows each language's spacing", () => {
    expect(formatPercent(0.551, "en")).toBe("55.1 %");
    expect(formatPercent(0.551, "zh")).toBe("55.1%");
  });

  test("Excel's display language picks the pane language", () => {
    expect(paneLanguage("zh-CN")).toBe("zh");
    expect(paneLanguage("zh-TW")).toBe("zh");
    expect(paneLanguage("en-GB")).toBe("en");
    expect(paneLanguage("de-DE")).toBe("en");
    expect(paneLanguage(undefined)).toBe("en");
    expect(CATALOGS.zh).toBe(zhCN);
  });
});
