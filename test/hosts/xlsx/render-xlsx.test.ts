import { existsSync, mkdirSync, promises as fsPromises, readFileSync, writeFileSync } from "fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { KamInputException } from "../../../src/domain/errors";
import type { ReportPlan, SheetPlan } from "../../../src/reports/plan";
import { rect } from "../../../src/reports/plan";
import { excelText, renderXlsx, renderXlsxBuffer, templateNames } from "../../../src/hosts/xlsx/render-xlsx";
import { listSheetInfo, readXlsxTable } from "../../../src/hosts/xlsx/read-xlsx";
import { loadTemplateSheets } from "../../../src/hosts/xlsx/templates";
import { writeFileAtomic } from "../../../src/hosts/xlsx/write-file";
import { abcPlan, AMOUNTS, cardPlan, CUSTOMERS, INJECTION, profilePlan } from "./fixtures";
import { loadWorkbook, loadZip, partText, tempDir } from "./helpers";
import { all, child, parseXml, path } from "./xml-tree";

const tmp = tempDir("render");
afterAll(() => tmp.cleanup());

function codeOf(e: unknown): string | undefined {
  return e instanceof KamInputException ? e.error.code : undefined;
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<KamInputException> {
  try {
    await p;
  } catch (e) {
    expect(codeOf(e)).toBe(code);
    return e as KamInputException;
  }
  throw new Error(`expected a KamInputException ${code}`);
}

const ABC_NAME = "ABC 分析 'Q1"; // the plan asks for "ABC 分析 'Q1'": a sheet name cannot end with an apostrophe
const PROFILE_NAME = "Profile_画像 _ext_"; // "/", "[" and "]" are not allowed in sheet names

describe("an ABC report and a profile report written to one file", () => {
  const out = tmp.file("reports.xlsx");
  let wb: ExcelJS.Workbook;
  let result: Awaited<ReturnType<typeof renderXlsx>>;

  beforeAll(async () => {
    result = await renderXlsx([abcPlan(), profilePlan()], out);
    wb = await loadWorkbook(out);
  });

  test("reports the sheets it wrote with their legal names, tables, charts and the plans' warnings", () => {
    expect(result.sheets).toEqual([
      { report: "abc", key: "abc", name: ABC_NAME, tables: ["KAM_ABC"], charts: 1 },
      { report: "profile-external", key: "profile-external", name: PROFILE_NAME, tables: [], charts: 1 },
    ]);
    expect(result.warnings).toEqual([{ en: "one customer has a negative amount", zh: "有一个客户的金额为负" }]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([ABC_NAME, PROFILE_NAME]);
  });

  test("customer names that look like formulas are stored as text, never as formulas", async () => {
    const ws = wb.getWorksheet(ABC_NAME)!;
    INJECTION.forEach((name, i) => {
      const cell = ws.getCell(4 + i, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    });
    const sheetXml = await partText(await loadZip(out), "xl/worksheets/sheet1.xml");
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    for (const ref of ["B4", "B5", "B6", "B7"]) expect(sheetXml).toMatch(new RegExp(`<c r="${ref}"[^>]*t="s"`));
  });

  test("values and per-column number formats", () => {
    const ws = wb.getWorksheet(ABC_NAME)!;
    expect(ws.getCell("B2").value).toBe(CUSTOMERS[0]);
    expect(ws.getCell("C2").value).toBe(AMOUNTS[0]);
    expect(ws.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("D3").value).toBe(0.25);
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    expect(ws.getCell("B2").numFmt).toBe("@");
    expect(ws.getCell("A2").numFmt).toBeUndefined();
    expect(ws.getCell("C13").value).toBe(10000);
  });

  test("cell styles: bold header with fill, alignment, wrap and borders; italic red total", () => {
    const ws = wb.getWorksheet(ABC_NAME)!;
    const h = ws.getCell("C1");
    expect(h.font.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(h.alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(h.border.top?.style).toBe("thin");
    expect(h.border.right?.style).toBe("thin");
    const t = ws.getCell("C13");
    expect(t.font).toMatchObject({ italic: true, size: 12, color: { argb: "FFC00000" } });
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
  });

  test("merges, column widths, frozen panes and tab colour", () => {
    const ws = wb.getWorksheet(ABC_NAME)!;
    expect(ws.model.merges).toEqual(["A13:B13"]);
    expect(ws.getColumn(1).width).toBe(8);
    expect(ws.getColumn(2).width).toBe(28);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2" });
    expect(ws.properties.tabColor).toEqual({ argb: "FF2F75B5" });
  });

  test("report sheets print one page wide, so a chart is never sliced across pages", () => {
    for (const name of [ABC_NAME, PROFILE_NAME]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  test("an Excel table over the ABC rows with a legal name, its headers and style", async () => {
    const xml = parseXml(await partText(await loadZip(out), "xl/tables/table1.xml"));
    expect(xml.attrs).toMatchObject({ name: "KAM_ABC", displayName: "KAM_ABC", ref: "A1:H11" });
    expect(all(xml, "tableColumn").map((c) => c.attrs.name)).toEqual(["Rank 排名", "Customer 客户", "Amount 金额", "Share 占比", "Cumulative 累计", "Class 类别", "A line", "B line"]);
    expect(child(xml, "tableStyleInfo")!.attrs.name).toBe("TableStyleMedium2");
    const ws = wb.getWorksheet(ABC_NAME)!;
    expect(ws.getCell("B1").value).toBe("Customer 客户");
  });

  test("conditional colours: equal / ≥ / < / between / contains, in priority order", async () => {
    const xml = parseXml(await partText(await loadZip(out), "xl/worksheets/sheet1.xml"));
    const cfs = all(xml, "conditionalFormatting");
    expect(cfs.map((c) => c.attrs.sqref)).toEqual(["F2:F11", "D2:D11", "E2:E11", "B2:B11"]);
    const rules = all(xml, "cfRule");
    expect(rules.map((r) => [r.attrs.type, r.attrs.operator, r.attrs.priority])).toEqual([
      ["cellIs", "equal", "1"],
      ["cellIs", "equal", "2"],
      ["cellIs", "equal", "3"],
      ["cellIs", "greaterThanOrEqual", "4"],
      ["cellIs", "lessThan", "5"],
      ["cellIs", "between", "6"],
      ["containsText", "containsText", "7"],
    ]);
    expect(rules.map((r) => all(r, "formula").map((f) => f.text))).toEqual([['"A"'], ['"B"'], ['"C"'], ["0.1"], ["0.5"], ["0.5", "0.9"], ['NOT(ISERROR(SEARCH("Ltd ""~*~?""",B2)))']]);
    // The literal text the rule looks for: quotes and wildcards are not special.
    expect(rules[6].attrs.text).toBe('Ltd "*?"');
    const styles = parseXml(await partText(await loadZip(out), "xl/styles.xml"));
    const dxf = all(styles, "dxf")[Number(rules[0].attrs.dxfId)];
    expect(path(dxf, "fill", "patternFill", "bgColor")!.attrs.rgb).toBe("FFC6EFCE");
    expect(path(dxf, "font", "color")!.attrs.rgb).toBe("FF006100");
  });

  test("each report sheet carries its key as the sheet-scoped name KAM_REPORT", async () => {
    const wbXml = parseXml(await partText(await loadZip(out), "xl/workbook.xml"));
    const names = all(wbXml, "definedName").map((d) => [d.attrs.name, d.attrs.localSheetId, d.text]);
    expect(names).toEqual([
      ["KAM_REPORT", "0", '"abc"'],
      ["KAM_REPORT", "1", '"profile-external"'],
    ]);
    expect(await listSheetInfo(out)).toEqual([
      { name: ABC_NAME, hidden: false, reportKey: "abc" },
      { name: PROFILE_NAME, hidden: false, reportKey: "profile-external" },
    ]);
  });

  test("each sheet has a drawing with its native chart: a bar+line Pareto and a radar", async () => {
    const zip = await loadZip(out);
    const rels1 = parseXml(await partText(zip, "xl/worksheets/_rels/sheet1.xml.rels"));
    expect(all(rels1, "Relationship").map((r) => r.attrs.Target)).toEqual(expect.arrayContaining(["../tables/table1.xml", "../drawings/drawing1.xml"]));
    const chart1 = parseXml(await partText(zip, "xl/charts/chart1.xml"));
    const plot1 = path(chart1, "c:chart", "c:plotArea")!;
    expect(plot1.children.map((c) => c.name)).toEqual(["c:layout", "c:barChart", "c:lineChart", "c:catAx", "c:valAx", "c:catAx", "c:valAx"]);
    expect(all(chart1, "c:ser")).toHaveLength(4);
    expect(path(all(chart1, "c:ser")[0], "c:val", "c:numRef", "c:f")!.text).toBe("'ABC 分析 ''Q1'!$C$2:$C$11");
    const chart2 = parseXml(await partText(zip, "xl/charts/chart2.xml"));
    expect(child(path(chart2, "c:chart", "c:plotArea")!, "c:radarChart")).toBeDefined();
    expect(all(chart2, "c:ser").map((s) => path(s, "c:cat", "c:strRef", "c:f")!.text)).toEqual(Array(3).fill("'Profile_画像 _ext_'!$A$2:$A$7"));
  });

  test("the sheet named by `activate` is the active, selected tab", async () => {
    const wbXml = parseXml(await partText(await loadZip(out), "xl/workbook.xml"));
    expect(all(wbXml, "workbookView")[0].attrs.activeTab).toBe("0");
    expect(wb.getWorksheet(ABC_NAME)!.views[0]).toMatchObject({ state: "frozen" });
    const s1 = parseXml(await partText(await loadZip(out), "xl/worksheets/sheet1.xml"));
    const s2 = parseXml(await partText(await loadZip(out), "xl/worksheets/sheet2.xml"));
    expect(all(s1, "sheetView")[0].attrs.tabSelected).toBe("1");
    expect(all(s2, "sheetView")[0].attrs.tabSelected).toBeUndefined();
  });

  test("our reader reads the ABC sheet back as the plan wrote it", async () => {
    const t = await readXlsxTable(out, { sheet: ABC_NAME });
    expect(t.rows.slice(0, 10).map((r) => r[1])).toEqual(CUSTOMERS);
    expect(t.rows.slice(0, 10).map((r) => r[2])).toEqual(AMOUNTS);
  });
});

describe("text is always text", () => {
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  test("property: any string, including =, +, -, @ prefixes, control characters and _x0041_, reads back unchanged", async () => {
    const textArb = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("=1+1", "+1", "-2", "@SUM(A1)", "=HYPERLINK(\"x\")", "_x0041_", "a\u0001b", "x\r\ny", " lead", "trail ", "TRUE", "#N/A", "1e5"),
      fc.string({ maxLength: 10 }).map((s) => `=${s}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(textArb.filter((s) => s !== "" && !lone.test(s)), { minLength: 1, maxLength: 25 }), async (texts) => {
        const plan: ReportPlan = { report: "t", sheets: [{ key: "t", name: "T", blocks: [{ row: 1, col: 0, values: texts.map((t) => [t]) }, { row: 0, col: 0, values: [["h"]] }] }] };
        const { buffer } = await renderXlsxBuffer(plan);
        const file = tmp.file("prop.xlsx");
        writeFileSync(file, buffer);
        const table = await readXlsxTable(file);
        expect(table.rows.map((r) => r[0])).toEqual(texts);
        const xml = await partText(await loadZip(file), "xl/worksheets/sheet1.xml");
        expect(xml).not.toMatch(/<f[\s>]/);
      }),
      { numRuns: 25 },
    );
  });

  test("excelText escapes what XML cannot carry and protects literal _xHHHH_", () => {
    expect(excelText("a\u0001b")).toBe("a_x0001_b");
    expect(excelText("x\ry")).toBe("x_x000D_y");
    expect(excelText("_x0041_")).toBe("_x005F_x0041_");
    expect(excelText("tab\there\nnewline")).toBe("tab\there\nnewline");
  });

  test("NaN and infinities become #NUM! errors; a text longer than a cell holds is refused with the cell named", async () => {
    const plan: ReportPlan = { report: "t", sheets: [{ key: "t", name: "T", blocks: [{ row: 0, col: 0, values: [[Number.NaN, Number.POSITIVE_INFINITY, 1]] }] }] };
    const file = tmp.file("nan.xlsx");
    writeFileSync(file, (await renderXlsxBuffer(plan)).buffer);
    expect((await loadWorkbook(file)).getWorksheet("T")!.getCell("A1").value).toEqual({ error: "#NUM!" });
    const long: ReportPlan = { report: "t", sheets: [{ key: "t", name: "Long", blocks: [{ row: 2, col: 1, values: [["x".repeat(32_768)]] }] }] };
    const e = await rejectsWith(renderXlsxBuffer(long), "text-too-long");
    expect(e.error.msg.en).toContain("cell B3");
    expect(e.error.msg.zh).toContain("B3");
  });
});

describe("names Excel accepts", () => {
  const sheet = (key: string, name: string, extra: Partial<SheetPlan> = {}): SheetPlan => ({ key, name, blocks: [{ row: 0, col: 0, values: [["Amount", "Amount", null], [1, 2, 3]] }], ...extra });

  test("sheet names are made legal and unique (ignoring case)", async () => {
    const plan: ReportPlan = {
      report: "n",
      sheets: [sheet("1", "Data"), sheet("2", "data"), sheet("3", "a/b:c?"), sheet("4", "History"), sheet("5", "x".repeat(40)), sheet("6", "  ")],
    };
    const { sheets } = await renderXlsxBuffer(plan);
    expect(sheets.map((s) => s.name)).toEqual(["Data", "data (2)", "a_b_c_", "History_", "x".repeat(31), "Sheet"]);
  });

  test("table names are unique across sheets; duplicate and blank headers are renamed as Excel does", async () => {
    const t = { name: "KAM ABC", rect: rect(0, 0, 2, 3) };
    const plan: ReportPlan = { report: "n", sheets: [sheet("1", "One", { tables: [t] }), sheet("2", "Two", { tables: [t] })] };
    const file = tmp.file("tables.xlsx");
    const r = await renderXlsx(plan, file);
    expect(r.sheets.map((s) => s.tables)).toEqual([["KAM_ABC"], ["KAM_ABC_2"]]);
    const zip = await loadZip(file);
    const t1 = parseXml(await partText(zip, "xl/tables/table1.xml"));
    expect(all(t1, "tableColumn").map((c) => c.attrs.name)).toEqual(["Amount", "Amount2", "Column3"]);
    const ws = (await loadWorkbook(file)).getWorksheet("One")!;
    expect([1, 2, 3].map((c) => ws.getCell(1, c).value)).toEqual(["Amount", "Amount2", "Column3"]);
  });

  test("a table over a header alone gets one empty data row, as Excel makes it", async () => {
    const plan: ReportPlan = { report: "n", sheets: [{ key: "h", name: "H", blocks: [{ row: 0, col: 0, values: [["Customer", "Amount"]] }], tables: [{ name: "Empty", rect: rect(0, 0, 1, 2) }] }] };
    const file = tmp.file("header-only.xlsx");
    await renderXlsx(plan, file);
    expect(parseXml(await partText(await loadZip(file), "xl/tables/table1.xml")).attrs.ref).toBe("A1:B2");
  });

  test("overlapping tables and tables over merged cells are plan errors", async () => {
    const base = sheet("1", "One");
    await expect(renderXlsxBuffer({ report: "n", sheets: [{ ...base, tables: [{ name: "a", rect: rect(0, 0, 2, 2) }, { name: "b", rect: rect(1, 1, 2, 2) }] }] })).rejects.toThrow(/overlap/);
    await expect(renderXlsxBuffer({ report: "n", sheets: [{ ...base, merges: [rect(0, 0, 1, 2)], tables: [{ name: "a", rect: rect(0, 0, 2, 3) }] }] })).rejects.toThrow(/merged/);
    await expect(renderXlsxBuffer({ report: "n", sheets: [base, { ...base, name: "Other" }] })).rejects.toThrow(/key "1"/);
  });
});

describe("account cards keep the look of the user's template sheet", () => {
  let templateFile: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRow(["irrelevant"]);
    const tpl = wb.addWorksheet("卡片模板");
    tpl.getCell("A1").value = "{{title}}";
    tpl.getCell("A1").font = { bold: true, size: 16, color: { argb: "FF1F4E78" } };
    tpl.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    tpl.mergeCells("A1:C1");
    tpl.getRow(1).height = 30;
    tpl.getColumn(1).width = 26;
    tpl.getColumn(2).width = 18;
    tpl.getCell("B3").numFmt = "#,##0";
    tpl.getCell("A2").border = { bottom: { style: "medium" } };
    templateFile = tmp.file("template.xlsx");
    await wb.xlsx.writeFile(templateFile);
  });

  test("styles, widths, heights and merges come from the template; values from the plan", async () => {
    expect(templateNames([abcPlan(), cardPlan(), cardPlan()])).toEqual(["卡片模板"]);
    const templates = await loadTemplateSheets(templateFile, templateNames(cardPlan()));
    const file = tmp.file("card.xlsx");
    await renderXlsx(cardPlan(), file, { templates });
    const ws = (await loadWorkbook(file)).getWorksheet("Card Acme")!;
    expect(ws.getCell("A1").value).toBe("Account card 客户卡片");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16, color: { argb: "FF1F4E78" } });
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.model.merges).toEqual(["A1:C1"]);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getColumn(1).width).toBe(26);
    expect(ws.getColumn(2).width).toBe(18);
    expect(ws.getCell("B3").value).toBe(50000);
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    expect(ws.getCell("A2").border.bottom?.style).toBe("medium");
  });

  test("a template sheet that is missing is a bilingual error, and no file is written", async () => {
    const file = tmp.file("card-missing.xlsx");
    const e = await rejectsWith(renderXlsx(cardPlan(), file, { templates: new Map() }), "template-missing");
    expect(e.error.msg.en).toContain('"卡片模板"');
    expect(e.error.msg.zh).toContain("“卡片模板”");
    expect(existsSync(file)).toBe(false);
  });

  test("asking the loader for a sheet the file does not have lists the sheets there are", async () => {
    const e = await rejectsWith(loadTemplateSheets(templateFile, ["Card"]), "sheet-missing");
    expect(e.error.msg.en).toContain('"Data", "卡片模板"');
  });
});

describe("writing the file safely", () => {
  const plan = (): ReportPlan => profilePlan();

  test("an existing file is not replaced without force, and stays byte-for-byte the same", async () => {
    const file = tmp.file("exists.xlsx");
    writeFileSync(file, "precious");
    const e = await rejectsWith(renderXlsx(plan(), file), "output-exists");
    expect(e.error.msg.en).toContain("--force");
    expect(e.error.msg.zh).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("precious");
    expect(tmp.list().filter((f) => f.includes(".kam-"))).toEqual([]);
  });

  test("with force the file is replaced by a complete workbook", async () => {
    const file = tmp.file("replace.xlsx");
    writeFileSync(file, "old");
    await renderXlsx(plan(), file, { force: true });
    expect((await loadWorkbook(file)).worksheets.map((w) => w.name)).toEqual([PROFILE_NAME]);
    expect(tmp.list().filter((f) => f.includes(".kam-"))).toEqual([]);
  });

  test("a failure while building leaves neither the output nor a temporary file", async () => {
    const d = tempDir("fail");
    const bad: ReportPlan = { report: "x", sheets: [{ key: "x", name: "X", tabColor: "red", blocks: [] }] };
    await expect(renderXlsx(bad, d.file("out.xlsx"))).rejects.toThrow(/#RRGGBB/);
    expect(d.list()).toEqual([]);
    d.cleanup();
  });

  test("a folder with the output's name is not replaced, even with force", async () => {
    const d = tempDir("fail-folder");
    mkdirSync(d.file("out.xlsx"));
    await rejectsWith(writeFileAtomic(d.file("out.xlsx"), Buffer.from("x"), { force: true }), "output-is-folder");
    expect(d.list()).toEqual(["out.xlsx"]);
    d.cleanup();
  });

  describe("failures after the temporary file is written", () => {
    const failWith = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });
    afterEach(() => jest.restoreAllMocks());

    test("a file locked by Excel (rename refused): a hint to close it, the old file kept, no temporary file", async () => {
      const d = tempDir("busy");
      writeFileSync(d.file("out.xlsx"), "old");
      jest.spyOn(fsPromises, "rename").mockRejectedValueOnce(failWith("EBUSY"));
      const e = await rejectsWith(writeFileAtomic(d.file("out.xlsx"), Buffer.from("new"), { force: true }), "output-busy");
      expect(e.error.msg.en).toContain("close it");
      expect(e.error.msg.zh).toContain("关闭");
      expect(d.list()).toEqual(["out.xlsx"]);
      expect(readFileSync(d.file("out.xlsx"), "utf8")).toBe("old");
      d.cleanup();
    });

    test("a file that appears while we write is not replaced without force", async () => {
      const d = tempDir("race");
      jest.spyOn(fsPromises, "link").mockRejectedValueOnce(failWith("EEXIST"));
      await rejectsWith(writeFileAtomic(d.file("out.xlsx"), Buffer.from("new")), "output-exists");
      expect(d.list()).toEqual([]);
      d.cleanup();
    });

    test("on a file system without hard links the file is still written (checked, then renamed)", async () => {
      const d = tempDir("nolink");
      jest.spyOn(fsPromises, "link").mockRejectedValueOnce(failWith("ENOTSUP"));
      await writeFileAtomic(d.file("out.xlsx"), Buffer.from("new"));
      expect(d.list()).toEqual(["out.xlsx"]);
      expect(readFileSync(d.file("out.xlsx"), "utf8")).toBe("new");
      d.cleanup();
    });

    test("any other failure is reported and leaves nothing behind", async () => {
      const d = tempDir("eio");
      jest.spyOn(fsPromises, "link").mockRejectedValueOnce(failWith("EIO"));
      const e = await rejectsWith(writeFileAtomic(d.file("out.xlsx"), Buffer.from("new")), "output-failed");
      expect(e.error.msg.en).toContain("EIO");
      expect(d.list()).toEqual([]);
      d.cleanup();
    });
  });

  test("a missing output folder is named in the error", async () => {
    const e = await rejectsWith(renderXlsx(plan(), tmp.file("no/such/dir/out.xlsx")), "output-folder-missing");
    expect(e.error.msg.en).toContain("does not exist");
    expect(e.error.msg.zh).toContain("不存在");
  });
});
