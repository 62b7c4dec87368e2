/**
 * Reading user data through the Excel double: one sync for a table or a named range, two for the
 * selection, chunks for large data; bad input named by sheet, column and cell, nothing written.
 */
import { ExcelDouble, SheetEntity } from "../../excel-double";
import { readSource, ReadSourceOptions } from "../../../src/hosts/excel/read-source";
import { KamInputException } from "../../../src/domain/errors";
import type { SourceTable } from "../../../src/reports/source";
import { MIN_EXCEL_API } from "../../../src/hosts/excel/requirements";

let xl: ExcelDouble;
let restore: () => void;
afterEach(() => restore?.());

function workbook(config: ConstructorParameters<typeof ExcelDouble>[0] = {}): SheetEntity {
  xl = new ExcelDouble(config);
  const s = xl.model.addSheet("Sales 2025");
  restore = xl.install();
  return s;
}

function addTable(s: SheetEntity, name: string, r: number, c: number, rows: number, cols: number): void {
  xl.model.tables.push({ id: String(xl.model.tables.length + 1), name, sheet: s, rect: { r, c, rows, cols }, style: "TableStyleMedium2", showTotals: false, showHeaders: true, deleted: false });
}

function select(s: SheetEntity, r: number, c: number, rows = 1, cols = 1): void {
  xl.model.activeSheet = s;
  xl.model.selection = { sheet: s, rect: { r, c, rows, cols } };
}

const read = (options: ReadSourceOptions): Promise<SourceTable> => Excel.run((ctx) => readSource(ctx, options));

async function failure(options: ReadSourceOptions): Promise<KamInputException> {
  const e = await read(options).catch((x: unknown) => x);
  if (!(e instanceof KamInputException)) throw new Error(`expected a KamInputException, got ${String(e)}`);
  return e;
}

const sample = [
  ["Customer", "Revenue", "Region"],
  ["Acme", 1200, "North"],
  ["=HYPERLINK(\"x\")", 800, "South"],
  ["Beta", "", "East"],
];

describe("a table", () => {
  it("is read in one sync with its position", async () => {
    const s = workbook();
    xl.model.setCells(s, 2, 1, sample);
    xl.model.sheet("Sales 2025").ensure(4, 1).numberFormat = "@";
    xl.model.setCells(s, 4, 1, [['=HYPERLINK("x")']]);
    addTable(s, "Sales", 2, 1, 4, 3);
    const t = await read({ source: { kind: "table", name: "sales" } });
    expect(xl.roundTrips).toBe(1);
    expect(t).toEqual({
      sheet: "Sales 2025",
      row: 2,
      col: 1,
      header: ["Customer", "Revenue", "Region"],
      rows: [["Acme", 1200, "North"], ['=HYPERLINK("x")', 800, "South"], ["Beta", "", "East"]],
      name: "sales",
    });
    expect(xl.writes()).toEqual([]);
  });

  it("that does not exist is named in both languages", async () => {
    workbook();
    const e = await failure({ source: { kind: "table", name: "Nope" } });
    expect(e.error.code).toBe("excel.source.tableNotFound");
    expect(e.error.msg.en).toContain('"Nope"');
    expect(e.error.msg.zh).toContain("“Nope”");
  });
});

describe("a named range", () => {
  it("is read in one sync", async () => {
    const s = workbook();
    xl.model.setCells(s, 0, 0, sample);
    xl.model.names.push({ name: "Customers", formula: "='Sales 2025'!$A$1:$C$4", comment: "", visible: true, sheet: null });
    const t = await read({ source: { kind: "name", name: "Customers" } });
    expect(xl.roundTrips).toBe(1);
    expect(t.header).toEqual(["Customer", "Revenue", "Region"]);
    expect(t.rows).toHaveLength(3);
    expect(t.name).toBe("Customers");
  });

  it("that is missing, or is not a range, is reported", async () => {
    workbook();
    xl.model.names.push({ name: "Rate", formula: "=0.1", comment: "", visible: true, sheet: null });
    expect((await failure({ source: { kind: "name", name: "Missing" } })).error.code).toBe("excel.source.nameNotFound");
    expect((await failure({ source: { kind: "name", name: "Rate" } })).error.code).toBe("excel.source.nameNotRange");
  });
});

describe("the selection", () => {
  it("a single cell stands for its current region, read in the one sync that locates it", async () => {
    const s = workbook();
    xl.model.setCells(s, 3, 2, sample);
    xl.model.setCells(s, 0, 0, [["Report title"]]);
    select(s, 5, 3);
    const t = await read({ source: { kind: "selection" } });
    expect(xl.roundTrips).toBe(1);
    expect([t.row, t.col, t.header[0], t.rows.length]).toEqual([3, 2, "Customer", 3]);
  });

  it("a region too large for one response is located again and read in chunks", async () => {
    const s = workbook({ payloadLimit: 4000 });
    const rows = Array.from({ length: 400 }, (_, i) => [`Customer ${i}`, i * 10, "x"]);
    xl.model.setCells(s, 0, 0, [["Customer", "Amount", "Note"], ...rows]);
    select(s, 2, 1);
    const t = await read({ source: { kind: "selection" }, maxResponseBytes: 3000 });
    expect(t.rows.length).toBe(400);
    expect(t.rows[399]).toEqual(["Customer 399", 3990, "x"]);
    // The first, optimistic answer was refused: one wasted round trip, then located and chunked.
    expect(xl.syncs[0].failed).toBeDefined();
    expect(xl.roundTrips).toBeGreaterThan(3);
  });

  it("inside a table means that table", async () => {
    const s = workbook();
    xl.model.setCells(s, 0, 0, [["Title above the table"], ...sample]);
    addTable(s, "Sales", 1, 0, 4, 3);
    select(s, 2, 1);
    const t = await read({ source: { kind: "selection" } });
    expect([t.row, t.name, t.rows.length]).toEqual([1, "Sales", 3]);
    expect(xl.roundTrips).toBe(2);
  });

  it("a larger selection is taken as it is, trimmed to the used cells", async () => {
    const s = workbook();
    xl.model.setCells(s, 0, 0, sample);
    select(s, 0, 0, 1_048_576, 2);
    const t = await read({ source: { kind: "selection" } });
    expect(t.header).toEqual(["Customer", "Revenue"]);
    expect(t.rows).toHaveLength(3);
  });
});

describe("bad input names the sheet, the column and the cell, and writes nothing", () => {
  const cases: { what: string; setup: (s: SheetEntity) => void; code: string; en: string[]; zh: string[] }[] = [
    {
      what: "an empty selection",
      setup: (s) => select(s, 9, 4),
      code: "excel.source.empty",
      en: ['Sheet "Sales 2025"', "column E", "cell E10"],
      zh: ["工作表“Sales 2025”", "E 列", "单元格 E10"],
    },
    {
      what: "a selection of only one row",
      setup: (s) => {
        xl.model.setCells(s, 1, 1, [["Customer", "Revenue"]]);
        select(s, 1, 1);
      },
      code: "excel.source.oneRow",
      en: ['Sheet "Sales 2025"', "column B", "cell B2"],
      zh: ["B 列", "单元格 B2"],
    },
    {
      what: "a blank header cell",
      setup: (s) => {
        xl.model.setCells(s, 0, 0, [["Customer", "", "Region"], ["Acme", 1, "N"]]);
        select(s, 1, 0);
      },
      code: "excel.source.headerBlank",
      en: ['Sheet "Sales 2025"', "column B", "cell B1"],
      zh: ["B 列", "单元格 B1"],
    },
    {
      what: "a numeric header (no header row)",
      setup: (s) => {
        xl.model.setCells(s, 0, 0, [["Acme", 1200], ["Beta", 800]]);
        select(s, 0, 0);
      },
      code: "excel.source.headerNotText",
      en: ['Sheet "Sales 2025"', "column B", "cell B1", "1200"],
      zh: ["B 列", "单元格 B1"],
    },
    {
      what: "a merged header cell",
      setup: (s) => {
        xl.model.setCells(s, 0, 0, [["Customer", "Revenue", ""], ["Acme", 1, 2]]);
        s.merges.push({ r: 0, c: 1, rows: 1, cols: 2 });
        select(s, 1, 1);
      },
      code: "excel.source.headerMerged",
      en: ['Sheet "Sales 2025"', "column B", "cell B1", "B1:C1"],
      zh: ["B 列", "单元格 B1", "B1:C1"],
    },
  ];

  it.each(cases)("$what", async ({ setup, code, en, zh }) => {
    const s = workbook();
    setup(s);
    const before = xl.sheetState(s);
    const e = await failure({ source: { kind: "selection" } });
    expect(e.error.code).toBe(code);
    for (const part of en) expect(e.error.msg.en).toContain(part);
    for (const part of zh) expect(e.error.msg.zh).toContain(part);
    expect(xl.writes()).toEqual([]);
    expect(xl.sheetState(s)).toEqual(before);
  });

  it("without ExcelApi 1.13 a merged header is reported as the blank cell it leaves", async () => {
    const s = workbook({ apiVersion: "1.12" });
    xl.model.setCells(s, 0, 0, [["Customer", "Revenue", ""], ["Acme", 1, 2]]);
    s.merges.push({ r: 0, c: 1, rows: 1, cols: 2 });
    select(s, 1, 0);
    const e = await failure({ source: { kind: "selection" } });
    expect(e.error.code).toBe("excel.source.headerBlank");
    expect(e.error.msg.en).toContain("cell C1");
  });

  it("a selection touching two tables asks for one", async () => {
    const s = workbook();
    xl.model.setCells(s, 0, 0, [["a", "", "b"], [1, "", 2]]);
    addTable(s, "Left", 0, 0, 2, 1);
    addTable(s, "Right", 0, 2, 2, 1);
    select(s, 0, 0, 2, 3);
    const e = await failure({ source: { kind: "selection" } });
    expect(e.error.code).toBe("excel.source.manyTables");
    expect(e.error.msg.en).toContain("Left, Right");
  });
});

describe("requirement sets", () => {
  it(`tables, names and the selection read in an Excel that supports exactly ExcelApi ${MIN_EXCEL_API}`, async () => {
    const s = workbook({ apiVersion: MIN_EXCEL_API });
    xl.model.setCells(s, 0, 0, sample);
    addTable(s, "Sales", 0, 0, 4, 3);
    xl.model.names.push({ name: "Customers", formula: "='Sales 2025'!$A$1:$B$4", comment: "", visible: true, sheet: null });
    select(s, 1, 1);
    for (const source of [{ kind: "table", name: "Sales" }, { kind: "name", name: "Customers" }, { kind: "selection" }] as const) {
      expect((await read({ source })).rows).toHaveLength(3);
    }
  });
});

describe("large data", () => {
  function bigTable(s: SheetEntity, rows: number, cols: number): void {
    const header = Array.from({ length: cols }, (_, j) => `Col ${j + 1}`);
    const data = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (j === 0 ? `Customer number ${i}` : i * 1.000123 + j)));
    xl.model.setCells(s, 0, 0, [header, ...data]);
    addTable(s, "Big", 0, 0, rows + 1, cols);
  }

  it("a table above 5 MB is read in chunks, each response under the limit, every row once", async () => {
    const s = workbook();
    bigTable(s, 100_000, 6);
    const t = await read({ source: { kind: "table", name: "Big" } });
    expect(t.rows).toHaveLength(100_000);
    expect(t.rows[99_999][0]).toBe("Customer number 99999");
    const ok = xl.syncs.filter((x) => !x.failed);
    expect(xl.syncs[0].failed).toBe("ResponsePayloadSizeLimitExceeded");
    expect(Math.max(...ok.map((x) => x.responseBytes))).toBeLessThan(4_500_000);
    const bytes = ok.reduce((n, x) => n + x.responseBytes, 0);
    // Syncs follow the bytes: a locating sync, then chunks of close to 4 MB.
    expect(ok.length).toBeLessThanOrEqual(1 + Math.ceil(bytes / 2_500_000));
    console.log(`read 100,000 × 6: ${xl.roundTrips} syncs (${xl.syncs.filter((x) => x.failed).length} refused), responses ${ok.map((x) => x.responseBytes.toLocaleString("en")).join(", ")} bytes`);
  }, 60_000);

  it("chunks respect the cell limit too, and the number of syncs grows with size, not with rows", async () => {
    const counts: number[] = [];
    for (const [rows, cols] of [
      [20_000, 2],
      [10_000, 4],
    ]) {
      const s = workbook({ cellReadLimit: 10_000 });
      bigTable(s, rows, cols);
      select(s, 5, 0);
      const t = await read({ source: { kind: "selection" }, maxCells: 10_000 });
      expect(t.rows).toHaveLength(rows);
      counts.push(xl.roundTrips);
      restore();
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeGreaterThanOrEqual(1 + 4);
  });
});
