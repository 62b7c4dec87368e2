import { mkdirSync, readFileSync, writeFileSync } from "fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { listSheetInfo, listSheets, readSheetGrid, readXlsxTable } from "../../../src/hosts/xlsx/read-xlsx";
import { isDateFormat } from "../../../src/hosts/xlsx/sheet-stream";
import { rawXlsx, sheetXml } from "./raw-package";
import { expectInputError, serial, tempDir } from "./helpers";

const tmp = tempDir("read");
afterAll(() => tmp.cleanup());

describe("reading a workbook written by Excel-like software (ExcelJS)", () => {
  const file = tmp.file("sales.xlsx");
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sales 销售");
    // Two empty title rows and an empty column A: the header is the first non-empty row.
    ws.getCell("B3").value = "Customer 客户";
    ws.getCell("C3").value = "Amount";
    ws.getCell("D3").value = "Date";
    ws.getCell("E3").value = "Active";
    ws.getCell("F3").value = "Note";
    ws.getRow(4).values = [null, "Acme", 1234.5, new Date(Date.UTC(2026, 2, 1)), true, { error: "#N/A" }];
    ws.getCell("D4").numFmt = "yyyy-mm-dd";
    ws.getRow(5).values = [null, "=HYPERLINK(\"x\")", { formula: "C4*2", result: 2469 }, null, false, { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] }];
    // Row 6 empty, row 7 has data, rows 8–9 only have formatting.
    ws.getRow(7).values = [null, "Beta", -0.25, null, null, "  spaced  "];
    ws.getCell("B8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("C9").numFmt = "0.00";
    const hidden = wb.addWorksheet("Hidden");
    hidden.state = "hidden";
    hidden.getCell("A1").value = "h";
    wb.addWorksheet("Empty");
    await wb.xlsx.writeFile(file);
  });

  test("lists the sheets in tab order, with hidden state", async () => {
    expect(await listSheets(file)).toEqual(["Sales 销售", "Hidden", "Empty"]);
    expect((await listSheetInfo(file)).map((s) => s.hidden)).toEqual([false, true, false]);
  });

  test("the first non-empty row is the header; the table starts at the first used column", async () => {
    const t = await readXlsxTable(file);
    expect(t.sheet).toBe("Sales 销售");
    expect(t.row).toBe(2);
    expect(t.col).toBe(1);
    expect(t.header).toEqual(["Customer 客户", "Amount", "Date", "Active", "Note"]);
  });

  test("values as Excel hands them: numbers, date serials, booleans, errors, formula results, rich text joined", async () => {
    const t = await readXlsxTable(file);
    expect(t.rows[0]).toEqual(["Acme", 1234.5, serial(2026, 3, 1), true, "#N/A"]);
    expect(t.rows[1]).toEqual(["=HYPERLINK(\"x\")", 2469, "", false, "rich text"]);
  });

  test("an empty row inside the data stays (so row numbers match the sheet); formatted-only rows at the end are dropped", async () => {
    const t = await readXlsxTable(file);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[2]).toEqual(["", "", "", "", ""]);
    // rows[i] is worksheet row t.row + 1 + i (0-based): "Beta", on worksheet row 7, is rows[3].
    expect(t.rows[3]).toEqual(["Beta", -0.25, "", "", "  spaced  "]);
  });

  test("a sheet is found by name, ignoring case", async () => {
    expect((await readXlsxTable(file, { sheet: "hidden" })).header).toEqual(["h"]);
  });

  test("readSheetGrid gives every value from A1 as a dense grid", async () => {
    const g = await readSheetGrid(file, "Sales 销售");
    expect(g.values).toHaveLength(7);
    expect(g.values[0]).toEqual(["", "", "", "", "", ""]);
    expect(g.values[2][1]).toBe("Customer 客户");
    expect(g.values[6]).toEqual(["", "Beta", -0.25, "", "", "  spaced  "]);
  });
});

describe("constructs other writers use", () => {
  test("inline strings, formula strings, ISO date cells, booleans, errors, entities, escapes and missing references", async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name &amp; Co</t></is></c><c r="B1" t="inlineStr"><is><r><t>Amo</t></r><r><rPr><b/></rPr><t>unt</t></r></is></c><c r="C1" t="s"><v>0</v></c></row>' +
      '<row r="2"><c t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c><v>1.5E3</v></c><c t="d"><v>2026-03-01</v></c></row>' +
      '<row><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3" t="s"><v>1</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>line_x000D_break</t></is></c><c r="C4" t="d"><v>2026-03-01T12:00:00</v></c></row>';
    const sst = '<si><t>Date 日期</t></si><si><r><t>漢字</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>';
    const file = tmp.file("raw.xlsx");
    writeFileSync(file, await rawXlsx([{ name: "R&D \"data\"", xml: sheetXml(rows) }], { sharedStrings: sst, compression: "STORE" }));
    expect(await listSheets(file)).toEqual(['R&D "data"']);
    const t = await readXlsxTable(file);
    expect(t.header).toEqual(["Name & Co", "Amount", "Date 日期"]);
    expect(t.rows).toEqual([
      ["a<b", 1500, serial(2026, 3, 1)],
      [true, "#DIV/0!", "漢字"],
      ["line\rbreak", "", serial(2026, 3, 1) + 0.5],
    ]);
  });

  test("namespace-prefixed sheet XML reads the same", async () => {
    const rows = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>h</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>42</x:v></x:c></x:row>';
    const file = tmp.file("prefixed.xlsx");
    writeFileSync(file, await rawXlsx([{ name: "P", xml: sheetXml(rows, "x") }]));
    expect((await readXlsxTable(file)).rows).toEqual([[42]]);
  });

  test("a 1904 workbook's date cells are shifted to 1900-system serials; plain numbers are not", async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="A2" s="1"><v>44620</v></c><c r="B2" s="2"><v>44620</v></c><c r="C2" s="0"><v>44620</v></c></row>';
    const file = tmp.file("1904.xlsx");
    writeFileSync(file, await rawXlsx([{ name: "S", xml: sheetXml(rows) }], { styles, date1904: true }));
    const t = await readXlsxTable(file);
    expect(t.rows[0]).toEqual([44620 + 1462, 44620 + 1462, 44620]);
    expect(44620 + 1462).toBe(serial(2026, 3, 1));
  });

  test("without a sheet name the first visible worksheet is read", async () => {
    const file = tmp.file("hidden-first.xlsx");
    writeFileSync(
      file,
      await rawXlsx([
        { name: "Lookup", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: "hidden" },
        { name: "Sales", xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
      ]),
    );
    expect((await readXlsxTable(file)).sheet).toBe("Sales");
  });

  test("chart sheets are not listed; report marks are", async () => {
    const file = tmp.file("chartsheet.xlsx");
    const names = '<definedNames><definedName name="KAM_REPORT" localSheetId="2">"card:A ""1"""</definedName></definedNames>';
    writeFileSync(
      file,
      await rawXlsx(
        [
          { name: "Data", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
          { name: "Chart1", xml: "chart" },
          { name: "Card", xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'), state: "veryHidden" },
        ],
        { definedNames: names },
      ),
    );
    expect(await listSheetInfo(file)).toEqual([
      { name: "Data", hidden: false },
      { name: "Card", hidden: true, reportKey: 'card:A "1"' },
    ]);
  });

  test("number formats that show dates and times are recognised, others are not", () => {
    for (const f of ["yyyy-mm-dd", "m/d/yy", "[$-804]yyyy\"年\"m\"月\"d\"日\"", "h:mm:ss", "[h]:mm", "dd/mm/yyyy;@"]) expect(isDateFormat(f)).toBe(true);
    for (const f of ["General", "0.00", "#,##0", "0%", '"days"0', "[Red]0.0", "@", '0.0" mm"']) expect(isDateFormat(f)).toBe(false);
  });
});

describe("a large sheet is streamed", () => {
  test("30,000 rows across many chunks come back complete and in order", async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp.file("big.xlsx"), useSharedStrings: true });
    const ws = wb.addWorksheet("Big");
    ws.addRow(["Customer", "Amount"]).commit();
    for (let i = 1; i <= 30_000; i++) ws.addRow([`客户 ${i}`, i * 1.25]).commit();
    ws.commit();
    await wb.commit();
    const t = await readXlsxTable(tmp.file("big.xlsx"));
    expect(t.rows).toHaveLength(30_000);
    expect(t.rows[0]).toEqual(["客户 1", 1.25]);
    expect(t.rows[29_999]).toEqual(["客户 30000", 37_500]);
    expect(t.rows.every((r, i) => r[1] === (i + 1) * 1.25)).toBe(true);
  });
});

describe("property: what ExcelJS writes, we read back", () => {
  const value = fc.oneof(
    // eslint-disable-next-line no-control-regex -- ExcelJS drops control characters, so they cannot round-trip through it
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !/[\u0000-\u001F]/.test(s)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.boolean(),
  );
  test("random tables round-trip", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("T");
        ws.addRow(["a", "b", "c"]);
        for (const r of rows) ws.addRow(r);
        const file = tmp.file("prop.xlsx");
        await wb.xlsx.writeFile(file);
        const t = await readXlsxTable(file);
        expect(t.rows).toEqual(rows);
      }),
      { numRuns: 30 },
    );
  });
});

describe("files that cannot be read say why, naming the file and sheet in both languages", () => {
  let good: Buffer;
  beforeAll(async () => {
    good = await rawXlsx([
      {
        name: "Data",
        xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>' + Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("")),
      },
      { name: "客户", xml: sheetXml("") },
    ]);
  });

  test("a missing file", async () => {
    const msg = await expectInputError(readXlsxTable(tmp.file("nope.xlsx")), "file-missing");
    expect(msg.en).toContain("nope.xlsx");
    expect(msg.zh).toContain("nope.xlsx");
  });

  test("a folder instead of a file", async () => {
    mkdirSync(tmp.file("folder.xlsx"));
    await expectInputError(readXlsxTable(tmp.file("folder.xlsx")), "file-not-file");
  });

  test("an empty file", async () => {
    writeFileSync(tmp.file("empty.xlsx"), "");
    await expectInputError(listSheets(tmp.file("empty.xlsx")), "file-empty");
  });

  test("a sheet that is not there: the message lists the sheets", async () => {
    writeFileSync(tmp.file("good.xlsx"), good);
    const msg = await expectInputError(readXlsxTable(tmp.file("good.xlsx"), { sheet: "Sales" }), "sheet-missing");
    expect(msg.en).toBe(`File "${tmp.file("good.xlsx")}" has no sheet "Sales". Its sheets are: "Data", "客户".`);
    expect(msg.zh).toBe(`文件“${tmp.file("good.xlsx")}”中没有工作表“Sales”。现有工作表：“Data”、“客户”。`);
  });

  test("an empty sheet", async () => {
    const msg = await expectInputError(readXlsxTable(tmp.file("good.xlsx"), { sheet: "客户" }), "sheet-empty");
    expect(msg.en).toContain('Sheet "客户"');
    expect(msg.zh).toContain("工作表“客户”");
  });

  test("a truncated file", async () => {
    writeFileSync(tmp.file("cut.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
    const msg = await expectInputError(readXlsxTable(tmp.file("cut.xlsx")), "file-unreadable");
    expect(msg.en).toContain("cut.xlsx");
  });

  test("damaged compressed data inside an intact package", async () => {
    const bad = Buffer.from(good);
    const at = bad.indexOf("xl/worksheets/sheet1.xml");
    bad.fill(0xff, at + 60, at + 120);
    writeFileSync(tmp.file("damaged.xlsx"), bad);
    await expectInputError(readXlsxTable(tmp.file("damaged.xlsx")), "file-unreadable");
  });

  test("a text file with an .xlsx name", async () => {
    writeFileSync(tmp.file("text.xlsx"), "Customer,Amount\nAcme,1\n");
    const msg = await expectInputError(readXlsxTable(tmp.file("text.xlsx")), "file-unreadable");
    expect(msg.en).toContain("not a zip package");
  });

  test("a password-protected workbook (an encrypted OOXML file is a CFB container)", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    writeFileSync(tmp.file("secret.xlsx"), cfb);
    const msg = await expectInputError(readXlsxTable(tmp.file("secret.xlsx")), "file-encrypted");
    expect(msg.en).toContain("password");
    expect(msg.zh).toContain("密码");
  });

  test("an Excel 97-2003 .xls file", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from("Workbook", "utf16le").copy(cfb, 1024);
    writeFileSync(tmp.file("old.xls"), cfb);
    const msg = await expectInputError(readXlsxTable(tmp.file("old.xls")), "file-legacy-xls");
    expect(msg.en).toContain(".xlsx");
  });

  test("a workbook whose only sheet is a chart sheet", async () => {
    writeFileSync(tmp.file("charts-only.xlsx"), await rawXlsx([{ name: "C", xml: "chart" }]));
    await expectInputError(readXlsxTable(tmp.file("charts-only.xlsx")), "sheet-missing");
  });

  test("malformed sheet XML", async () => {
    writeFileSync(tmp.file("malformed.xlsx"), await rawXlsx([{ name: "M", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace("</worksheet>", "<unclosed") }]));
    const msg = await expectInputError(readXlsxTable(tmp.file("malformed.xlsx")), "file-unreadable");
    expect(msg.en).toContain("xl/worksheets/sheet1.xml");
  });

  test("the good file itself reads", async () => {
    expect((await readXlsxTable(tmp.file("good.xlsx"))).rows).toHaveLength(2000);
    expect(readFileSync(tmp.file("good.xlsx")).length).toBe(good.length);
  });
});
