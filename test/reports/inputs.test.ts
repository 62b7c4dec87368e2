import fc from "fast-check";
import { fail, ok } from "../../src/domain/errors";
import { ymdToSerial } from "../../src/domain/dates";
import { describeColumns, openTable, selectByName } from "../../src/reports/inputs";
import { expectCellNamed, inputErrorOf, source } from "./helpers";

describe("openTable: finding columns", () => {
  test("columns are detected from English or Chinese headers and reported with their letters", () => {
    const t = openTable(source("销售", ["日期", "客户名称", "销售额（元）"], [["2025-01-01", "甲", 5]], { col: 2 }), { required: ["customer", "amount"], optional: ["date", "product"] });
    expect(t.chosen.map((c) => [c.role, c.header, c.letter, c.index])).toEqual([
      ["customer", "客户名称", "D", 1],
      ["amount", "销售额（元）", "E", 2],
      ["date", "日期", "C", 0],
    ]);
    expect(t.has("product")).toBe(false);
    expect(describeColumns(t.chosen, "en")).toEqual(["Customer → 客户名称 (D)", "Sales → 销售额（元） (E)", "Date → 日期 (C)"]);
    expect(describeColumns(t.chosen, "zh")[0]).toBe("客户 → 客户名称 (D)");
  });

  test("an override takes its column out of detection, so one column never serves two roles", () => {
    const header = ["Customer", "Sales", "Sales 2024"];
    const t = openTable(source("S", header, [["A", 1, 2]]), { required: ["customer", "amount"] }, { amount: "Sales 2024" });
    expect(t.chosen.find((c) => c.role === "amount")).toMatchObject({ letter: "C", overridden: true });
    const byLetter = openTable(source("S", header, [["A", 1, 2]]), { required: ["customer", "amount"] }, { customer: "c", amount: "A" });
    expect(byLetter.chosen.map((c) => c.letter)).toEqual(["C", "A"]);
  });

  test("a letter beyond the table is not a column", () => {
    const e = inputErrorOf(() => openTable(source("S", ["Customer", "Sales"], [["A", 1]]), { required: ["amount"] }, { amount: "F" }));
    expect(e.code).toBe("unknown_column");
    expect(e.en).toContain('"F"');
  });
});

describe("InputTable: reading cells", () => {
  const table = () =>
    openTable(
      source("Log", ["Customer", "Sales", "Date"], [
        ["  Acme ", "1,234.5", "2025-03-01"],
        ["", "", ""],
        ["Beta", "35%", ymdToSerial(2025, 1, 2)],
        ["#REF!", true, "yesterday"],
      ], { row: 9 }),
      { required: ["customer", "amount", "date"] },
    );

  test("blank rows are skipped; text is trimmed; numbers and dates are read the way a user types them", () => {
    const t = table();
    expect(t.rows).toEqual([0, 2, 3]);
    expect(t.text(0, "customer")).toBe("Acme");
    expect(t.number(0, "amount")).toBe(1234.5);
    expect(t.number(2, "amount")).toBeCloseTo(0.35);
    expect(t.date(0, "date")).toBe(ymdToSerial(2025, 3, 1));
    expect(t.date(2, "date")).toBe(ymdToSerial(2025, 1, 2));
    expect(t.cell(3, "date")).toBe("C14");
    expect(t.sheetRow(3)).toBe(14);
  });

  test("every failure names sheet, column, letter and cell in both languages", () => {
    const t = table();
    expectCellNamed(inputErrorOf(() => t.text(3, "customer")), "Log", "Customer", "A", "A14");
    expect(inputErrorOf(() => t.text(3, "customer")).en).toContain("#REF!");
    expectCellNamed(inputErrorOf(() => t.number(3, "amount")), "Log", "Sales", "B", "B14");
    expect(inputErrorOf(() => t.number(3, "amount")).en).toContain("TRUE is not a number");
    const d = inputErrorOf(() => t.date(3, "date"));
    expectCellNamed(d, "Log", "Date", "C", "C14");
    expect(d.en).toContain("yesterday");
    expect(inputErrorOf(() => t.text(1, "customer")).code).toBe("missing_value");
  });

  test("checkCells names the first cell that fails on its own, or the row when no single cell explains it", () => {
    const t = openTable(source("W", ["Customer", "Sales", "Date"], [["A", 5, 7]]), { required: ["customer", "amount", "date"] });
    const atMostSix = (vals: unknown[]) => (vals.every((v) => Number(v) <= 6) ? ok(1) : fail("too_big", "invalid", "too big", "太大"));
    expectCellNamed(inputErrorOf(() => t.checkCells(0, ["amount", "date"], atMostSix)), "W", "Date", "C", "C2");
    const sumBelowTen = (vals: unknown[]) => (vals.reduce((a: number, v) => a + Number(v), 0) < 10 ? ok(1) : fail("sum", "invalid", "sum too big", "合计太大"));
    const e = inputErrorOf(() => t.checkCells(0, ["amount", "date"], sumBelowTen));
    expect(e.en).toBe("Sheet 'W', row 2: sum too big");
    expect(e.zh).toBe("工作表“W”，第 2 行：合计太大");
  });

  test("for any position of the table, the cell named is the one the bad value sits in", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(30), fc.nat(20), (row, col, bad) => {
        const rows = Array.from({ length: 21 }, (_, k) => ["C", k === bad ? "x" : k]);
        const t = openTable(source("S", ["Customer", "Sales"], rows, { row, col }), { required: ["customer", "amount"] });
        const e = inputErrorOf(() => t.rows.forEach((i) => t.number(i, "amount")));
        const letter = t.letter("amount");
        expect(e.en).toContain(`cell ${letter}${row + 2 + bad}`);
      }),
      { numRuns: 50 },
    );
  });
});

describe("selectByName", () => {
  test("matches case- and width-insensitively, keeps the order asked, drops repeats, refuses unknown names", () => {
    const names = ["Acme", "Beta", "客户甲"];
    expect(selectByName(names, ["ＢＥＴＡ", "acme", "Acme"], [], { en: "Account", zh: "客户" })).toEqual([1, 0]);
    expect(selectByName(names, undefined, [2], { en: "Account", zh: "客户" })).toEqual([2]);
    const e = inputErrorOf(() => selectByName(names, ["Gamma"], [], { en: "Account", zh: "客户" }));
    expect(e.en).toBe('Account "Gamma" is not in the table (found: Acme, Beta, 客户甲)');
    expect(e.zh).toContain("客户“Gamma”不在表中");
  });
});
