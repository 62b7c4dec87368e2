import { PassThrough, Readable } from "stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import type { ChartPlan } from "../../../src/reports/plan";
import { rect } from "../../../src/reports/plan";
import { addSheetMarks, editSheetTail, finishPackage, patchContainsText, SheetTailTransform } from "../../../src/hosts/xlsx/finish-package";
import { ZipReader } from "../../../src/hosts/xlsx/zip-reader";
import { crc32, ZipWriter } from "../../../src/hosts/xlsx/zip-writer";
import { all, child, parseXml } from "./xml-tree";

async function streamedWorkbook(rows: number): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Data 数据");
  ws.addRow(["Customer", "Amount"]).commit();
  for (let i = 1; i <= rows; i++) ws.addRow([`客户 ${i}`, i]).commit();
  ws.commit();
  const other = wb.addWorksheet("Other");
  other.addRow(["x"]).commit();
  other.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const chart: ChartPlan = { type: "combo", title: "T", position: rect(0, 3, 10, 6), categories: rect(1, 0, 5, 1), series: [{ name: "Amount", values: rect(1, 1, 5, 1), kind: "column" }] };
const source = { sheet: "Data 数据", valueAt: (r: number, c: number) => (c === 0 ? `客户 ${r}` : r), formatAt: () => undefined };

describe("finishing a package written by ExcelJS's streaming writer", () => {
  let raw: Buffer;
  let done: Buffer;
  beforeAll(async () => {
    raw = await streamedWorkbook(20_000);
    done = await finishPackage(raw, [
      { sheet: "Data 数据", key: "abc", charts: [chart, { ...chart, title: "T2" }], source, tables: [{ name: "Sales", rect: rect(0, 0, 20_001, 2), columns: ["Customer", "Amount"], style: "TableStyleLight9" }], containsText: false },
      { sheet: "Other", key: "other", charts: [], source: { ...source, sheet: "Other" }, tables: [], containsText: false },
    ]);
  });

  test("the result is a valid zip (CRCs checked) that ExcelJS opens with all rows", async () => {
    await JSZip.loadAsync(done, { checkCRC32: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(done).buffer);
    const ws = wb.getWorksheet("Data 数据")!;
    expect(ws.getCell("A20001").value).toBe("客户 20000");
    expect(ws.getCell("B20001").value).toBe(20_000);
  });

  test("the worksheet gets <drawing> then <tableParts> after its data, and relationships for both", async () => {
    const zip = new ZipReader(done);
    const sheet = zip.readText("xl/worksheets/sheet1.xml")!;
    const tail = sheet.slice(sheet.indexOf("</sheetData>"));
    expect(tail).toMatch(/<drawing r:id="rIdKamDrawing1"\/><tableParts count="1"><tablePart r:id="rIdKamTable1"\/><\/tableParts><\/worksheet>$/);
    // Everything up to </sheetData> is what ExcelJS wrote.
    const before = new ZipReader(raw).readText("xl/worksheets/sheet1.xml")!;
    expect(sheet.slice(0, sheet.indexOf("</sheetData>"))).toBe(before.slice(0, before.indexOf("</sheetData>")));
    const rels = all(parseXml(zip.readText("xl/worksheets/_rels/sheet1.xml.rels")!), "Relationship").map((r) => [r.attrs.Id, r.attrs.Target]);
    expect(rels).toEqual(expect.arrayContaining([["rIdKamDrawing1", "../drawings/drawing1.xml"], ["rIdKamTable1", "../tables/table1.xml"]]));
    expect(zip.readText("xl/worksheets/sheet2.xml")).not.toMatch(/<drawing|<tableParts/);
  });

  test("chart, drawing and table parts are added with their content types", () => {
    const zip = new ZipReader(done);
    for (const p of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/tables/table1.xml"]) expect(zip.has(p)).toBe(true);
    const table = parseXml(zip.readText("xl/tables/table1.xml")!);
    expect(table.attrs).toMatchObject({ id: "1", name: "Sales", displayName: "Sales", ref: "A1:B20001" });
    expect(child(table, "autoFilter")!.attrs.ref).toBe("A1:B20001");
    expect(all(table, "tableColumn").map((c) => c.attrs.name)).toEqual(["Customer", "Amount"]);
    expect(child(table, "tableStyleInfo")!.attrs.name).toBe("TableStyleLight9");
    const types = all(parseXml(zip.readText("[Content_Types].xml")!), "Override").map((o) => o.attrs.PartName);
    expect(types).toEqual(expect.arrayContaining(["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/drawings/drawing1.xml", "/xl/tables/table1.xml"]));
  });

  test("both sheets carry their marks", () => {
    const wbXml = parseXml(new ZipReader(done).readText("xl/workbook.xml")!);
    expect(all(wbXml, "definedName").map((d) => [d.attrs.localSheetId, d.text])).toEqual([
      ["0", '"abc"'],
      ["1", '"other"'],
    ]);
  });

  test("parts nobody changed are copied as they were (same compressed bytes)", () => {
    const a = new ZipReader(raw);
    const b = new ZipReader(done);
    for (const name of ["xl/theme/theme1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet2.xml"]) {
      const ea = a.entry(name)!;
      const eb = b.entry(name)!;
      expect(eb.crc).toBe(ea.crc);
      expect(b.compressed(eb).equals(a.compressed(ea))).toBe(true);
    }
  });
});

describe("editing what follows </sheetData>", () => {
  test("<drawing> goes before legacyDrawing/tableParts/extLst, <tableParts> before extLst", () => {
    const tail = '</sheetData><pageMargins/><legacyDrawing r:id="c"/><extLst><ext/></extLst></worksheet>';
    expect(editSheetTail(tail, { drawingRelId: "d", tableRelIds: ["t1", "t2"], containsText: false })).toBe(
      '</sheetData><pageMargins/><drawing r:id="d"/><legacyDrawing r:id="c"/><tableParts count="2"><tablePart r:id="t1"/><tablePart r:id="t2"/></tableParts><extLst><ext/></extLst></worksheet>',
    );
    expect(() => editSheetTail('<drawing r:id="x"/></worksheet>', { drawingRelId: "d", tableRelIds: [], containsText: false })).toThrow(/already has a drawing/);
  });

  test("a contains rule gets the operator and the literal text it looks for", () => {
    const xml = '<cfRule type="containsText" dxfId="0" priority="1"><formula>NOT(ISERROR(SEARCH(&quot;a&quot;&quot;~*&quot;,B2)))</formula></cfRule>';
    expect(patchContainsText(xml)).toBe(
      '<cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="a&quot;*"><formula>NOT(ISERROR(SEARCH(&quot;a&quot;&quot;~*&quot;,B2)))</formula></cfRule>',
    );
  });

  test("property: the transform passes the head through unchanged whatever the chunking, and edits only the tail", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.string({ maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), async (head, rest, cuts) => {
        const text = `<worksheet><sheetData>${head.replace(/</g, "")}</sheetData>${rest.replace(/</g, "")}</worksheet>`;
        const bytes = Buffer.from(text, "utf8");
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(bytes.subarray(last, p));
          last = p;
        }
        chunks.push(bytes.subarray(last));
        const out: Buffer[] = [];
        const t = Readable.from(chunks).pipe(new SheetTailTransform((tail) => `[${tail}]`));
        for await (const c of t) out.push(c as Buffer);
        const at = text.indexOf("</sheetData>") + "</sheetData>".length;
        expect(Buffer.concat(out).toString("utf8")).toBe(`${text.slice(0, at)}[${text.slice(at)}]`);
      }),
      { numRuns: 200 },
    );
  });
});

describe("sheet marks in workbook.xml", () => {
  test("inserted after </sheets>, or into existing definedNames; keys with quotes are doubled", () => {
    const marks = [{ sheetIndex: 1, key: 'card:"A"' }];
    expect(addSheetMarks("<workbook><sheets><sheet/></sheets><calcPr/></workbook>", marks)).toBe(
      '<workbook><sheets><sheet/></sheets><definedNames><definedName name="KAM_REPORT" localSheetId="1">&quot;card:&quot;&quot;A&quot;&quot;&quot;</definedName></definedNames><calcPr/></workbook>',
    );
    expect(addSheetMarks('<workbook><sheets/><definedNames><definedName name="x">1</definedName></definedNames></workbook>', marks)).toContain(
      '<definedName name="x">1</definedName><definedName name="KAM_REPORT" localSheetId="1">',
    );
    expect(addSheetMarks("<workbook><sheets/><definedNames/></workbook>", marks)).toContain("<definedNames><definedName");
  });
});

describe("the zip writer", () => {
  test("CRC-32 of the standard check string", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("56789"), crc32(Buffer.from("1234")))).toBe(0xcbf43926);
  });

  test("what it writes, JSZip and our reader read back (CRCs checked)", async () => {
    const w = new ZipWriter();
    w.add("a.txt", "hello 你好");
    await w.addStream("big.xml", Readable.from([Buffer.from("<a>"), Buffer.alloc(500_000, 0x78), Buffer.from("</a>")]));
    const src = new ZipReader(w.finish());
    const w2 = new ZipWriter();
    for (const e of src.list()) w2.addRaw(e, src.compressed(e));
    const bytes = w2.finish();
    const z = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await z.file("a.txt")!.async("string")).toBe("hello 你好");
    expect((await z.file("big.xml")!.async("string")).length).toBe(500_007);
    expect(() => w2.add("a.txt", "again")).toThrow(/duplicate/);
  });
});
