import fc from "fast-check";
import { safeSheetName, safeTableName, tableHeaders } from "../../../src/hosts/xlsx/names";

const fold = (s: string): string => s.toLocaleUpperCase("en-US");

describe("sheet names", () => {
  test("examples", () => {
    expect(safeSheetName("ABC 分析", [])).toBe("ABC 分析");
    expect(safeSheetName("Q1/Q2 [draft]: *?", [])).toBe("Q1_Q2 _draft__ __");
    expect(safeSheetName("'quoted'", [])).toBe("quoted");
    expect(safeSheetName("history", [])).toBe("History_");
    expect(safeSheetName("Data", ["DATA"])).toBe("Data (2)");
    expect(safeSheetName("Data", ["data", "Data (2)"])).toBe("Data (3)");
    expect(safeSheetName("客".repeat(40), ["客".repeat(31)])).toBe(`${"客".repeat(27)} (2)`);
  });

  test("property: the result is legal for Excel and not taken", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (desired, taken) => {
        const name = safeSheetName(desired, taken);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        // eslint-disable-next-line no-control-regex -- a sheet name must not contain control characters
        expect(name).not.toMatch(/[/\\?*:[\]\u0000-\u001F]/);
        expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
        expect(fold(name)).not.toBe("HISTORY");
        expect(taken.map(fold)).not.toContain(fold(name));
      }),
    );
  });
});

describe("table names", () => {
  test("examples", () => {
    expect(safeTableName("KAM ABC", [])).toBe("KAM_ABC");
    expect(safeTableName("客户表", [])).toBe("客户表");
    expect(safeTableName("2024 sales", [])).toBe("_2024_sales");
    expect(safeTableName("A1", [])).toBe("_A1");
    expect(safeTableName("R1C1", [])).toBe("_R1C1");
    expect(safeTableName("c", [])).toBe("_c");
    expect(safeTableName("Sales", ["SALES", "Sales_2"])).toBe("Sales_3");
  });

  test("property: letters, digits, _ and . only, starting with a letter or _, not a cell reference, not taken", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (desired, taken) => {
        const name = safeTableName(desired, taken);
        expect(name).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
        expect(name.length).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/);
        expect(name).not.toMatch(/^[RrCc][0-9]*([Cc][0-9]*)?$/);
        expect(taken.map(fold)).not.toContain(fold(name));
      }),
    );
  });
});

describe("table headers", () => {
  test("blank, duplicate and multi-line headers are renamed as Excel renames them", () => {
    expect(tableHeaders(["Amount", "amount", null, "", 2024, "a\nb", "Amount"])).toEqual(["Amount", "amount2", "Column3", "Column4", "2024", "a b", "Amount3"]);
  });

  test("property: headers are non-empty and unique ignoring case", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }), (values) => {
        const h = tableHeaders(values);
        expect(h).toHaveLength(values.length);
        expect(h.every((x) => x.trim() !== "")).toBe(true);
        expect(new Set(h.map(fold)).size).toBe(h.length);
      }),
    );
  });
});
