/**
 * Invariants of the helpers the renderer relies on, checked against the Excel double's rules:
 * any string the renderer writes without "@" is kept verbatim by Excel's typed-input parsing, and
 * any sheet or table name it picks is one Excel accepts and nothing else uses.
 */
import fc from "fast-check";
import { ExcelDouble } from "../../excel-double";
import { columnFormatWrites, needsTextFormat } from "../../../src/hosts/excel/text-cells";
import { cleanSheetName, freeSheetName, freeTableName, charsToPoints } from "../../../src/hosts/excel/render-plan";
import { validName } from "../../excel-double/workbook";

const tricky = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "'", "#", " ", "0", "1,234", "TRUE", "true", "2025-01-31", "12%", ".5", "1e5", "#N/A"), fc.string()).map(([a, b]) => a + b),
);

describe("text stays text", () => {
  it("a string written without the Text format is one the double keeps verbatim as text", () => {
    const xl = new ExcelDouble();
    const s = xl.model.addSheet("S");
    fc.assert(
      fc.property(tricky, (text) => {
        fc.pre(!needsTextFormat(text));
        xl.model.setCells(s, 0, 0, [[text]]);
        const cell = s.get(0, 0);
        return text === "" ? (cell?.type ?? "Empty") === "Empty" : cell?.type === "String" && cell.value === text && cell.formula === undefined;
      }),
      { numRuns: 2000 },
    );
  });

  it("every string is kept verbatim in a cell formatted as Text", () => {
    const xl = new ExcelDouble();
    const s = xl.model.addSheet("S");
    s.ensure(0, 0).numberFormat = "@";
    fc.assert(
      fc.property(tricky.filter((t) => t !== ""), (text) => {
        xl.model.setCells(s, 0, 0, [[text]]);
        return s.get(0, 0)?.value === text && s.get(0, 0)?.type === "String";
      }),
    );
  });

  it("the four injection strings need the Text format; plain names do not", () => {
    for (const s of ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "'quoted", "#N/A", "00123", "TRUE"]) expect(needsTextFormat(s)).toBe(true);
    for (const s of ["Acme", "客户 Ab Ltd", "Key account", "A", ""]) expect(needsTextFormat(s)).toBe(false);
  });

  it("a column with a format writes it everywhere, with @ on text cells; without one only the text cells, cheaply", () => {
    expect(columnFormatWrites([1, "+1", 2], "0.0%")).toEqual([{ row: 0, formats: [["0.0%"], ["@"], ["0.0%"]] }]);
    expect(columnFormatWrites(["Acme", "Beta"], null)).toEqual([]);
    const sparse = Array.from({ length: 200 }, (_, i) => (i === 10 ? "-2" : i === 11 ? "=x" : i === 150 ? "+1" : "Acme"));
    expect(columnFormatWrites(sparse, undefined)).toEqual([
      { row: 10, formats: [["@"], ["@"]] },
      { row: 150, formats: [["@"]] },
    ]);
    // For a handful of rows one array with null ("unchanged") elsewhere is smaller than separate commands.
    expect(columnFormatWrites(["Acme", "-2", "Beta", "+1"], undefined)).toEqual([{ row: 0, formats: [[null], ["@"], [null], ["@"]] }]);
    const alternating = Array.from({ length: 1000 }, (_, i) => (i % 2 ? "Acme" : "-1"));
    const writes = columnFormatWrites(alternating, null);
    expect(writes).toHaveLength(1);
    expect(writes[0].formats.filter((f) => f[0] === "@")).toHaveLength(500);
  });
});

describe("names the renderer picks", () => {
  it("a sheet name is always accepted by Excel and differs from every taken name", () => {
    const xl = new ExcelDouble();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 5 }), (wanted, others) => {
        const taken = new Set(others.map((o) => o.toLowerCase()));
        taken.add(cleanSheetName(wanted).toLowerCase());
        const name = freeSheetName(wanted, taken);
        xl.model.validateSheetName(name, "test");
        return !taken.has(name.toLowerCase());
      }),
    );
  });

  it("a table name is always well formed and unused", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (wanted, others) => {
        const taken = new Set(others.map((o) => o.toLowerCase()));
        const name = freeTableName(wanted, taken);
        return validName(name) && !taken.has(name.toLowerCase());
      }),
    );
    expect(freeTableName("ABC1", new Set())).toBe("ABC1_");
    expect(freeTableName("2025 sales", new Set())).toBe("_2025_sales");
    expect(freeTableName("ABC", new Set(["abc", "abc_2"]))).toBe("ABC_3");
  });

  it("column widths in characters become points (Calibri 11: 7 px a character + 5 px padding)", () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charsToPoints(28)).toBe(150.75);
  });
});
