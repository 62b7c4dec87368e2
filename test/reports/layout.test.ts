import fc from "fast-check";
import { SheetBuilder, cellA1, chartGrid, safeSheetName, safeTableName } from "../../src/reports/layout";

describe("sheet and table names", () => {
  test("sheet names drop the characters Excel forbids and fit 31 characters", () => {
    expect(safeSheetName("Card A/B: [test]?*")).toBe("Card A_B_ _test___");
    expect(safeSheetName("'quoted'")).toBe("quoted");
    expect(safeSheetName("History")).toBe("History_");
    expect(safeSheetName("   ")).toBe("Sheet");
    expect(Array.from(safeSheetName("档案 " + "很长的客户名称".repeat(10))).length).toBe(31);
  });

  test("any name becomes a valid sheet name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const s = safeSheetName(name);
        expect(s.length).toBeGreaterThan(0);
        expect(Array.from(s).length).toBeLessThanOrEqual(31);
        expect(s).not.toMatch(/[/\\?*:[\]]/);
        expect(s).not.toMatch(/^'|'$/);
        expect(s.toLowerCase()).not.toBe("history");
      }),
    );
  });

  test("table names start with a letter or underscore and hold no spaces; cell-like names are avoided", () => {
    expect(safeTableName("Kam Visits 1")).toBe("Kam_Visits_1");
    expect(safeTableName("1st")).toBe("_1st");
    expect(safeTableName("AB12")).toBe("_AB12");
    expect(safeTableName("客户表")).toBe("客户表");
  });

  test("A1 addresses", () => {
    expect(cellA1(0, 0)).toBe("A1");
    expect(cellA1(16, 2)).toBe("C17");
    expect(cellA1(9, 27)).toBe("AB10");
  });
});

describe("SheetBuilder", () => {
  test("overlapping blocks are a layout bug, not a silent overwrite", () => {
    const b = new SheetBuilder("k", "K");
    b.block(0, 0, [["a", "b"], ["c", "d"]]);
    expect(() => b.block(1, 1, [["x"]])).toThrow(/overlaps/);
    b.chart({ type: "radar", title: "t", position: { row: 5, col: 0, rows: 3, cols: 3 }, categories: { row: 0, col: 0, rows: 2, cols: 1 }, series: [] });
    expect(() => b.block(6, 2, [["y"]])).toThrow(/chart/);
  });

  test("rows are padded to one width and the plan carries widths, frozen panes and hidden columns", () => {
    const b = new SheetBuilder("k", "K", "#123456");
    const r = b.block(2, 1, [["a"], ["b", "c", "d"]]);
    expect(r).toEqual({ row: 2, col: 1, rows: 2, cols: 3 });
    b.width(3, 10);
    b.width(3, 8);
    b.hide(5);
    b.freeze(3, 1);
    const plan = b.build();
    expect(plan.blocks[0].values).toEqual([
      ["a", null, null],
      ["b", "c", "d"],
    ]);
    expect(plan.columnWidths).toEqual([{ col: 3, width: 10 }]);
    expect(plan.hiddenColumns).toEqual([5]);
    expect(plan.freeze).toEqual({ rows: 3, cols: 1 });
    expect(plan.tabColor).toBe("#123456");
  });

  test("chart grids never overlap", () => {
    const rects = chartGrid(3, 10, 7, 2, 7, 15);
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i];
        const c = rects[j];
        const overlap = a.row < c.row + c.rows && c.row < a.row + a.rows && a.col < c.col + c.cols && c.col < a.col + a.cols;
        expect(overlap).toBe(false);
      }
  });
});
