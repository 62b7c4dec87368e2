import { mkdirSync, writeFileSync } from "fs";
import fc from "fast-check";
import { CsvParser, csvValue, detectSeparator, readCsvTable, type CsvSeparator } from "../../../src/hosts/xlsx/read-csv";
import type { Cell } from "../../../src/hosts/xlsx/table-collector";
import { expectInputError, serial, tempDir } from "./helpers";

const tmp = tempDir("csv");
afterAll(() => tmp.cleanup());

function write(name: string, content: string | Buffer): string {
  const f = tmp.file(name);
  writeFileSync(f, content);
  return f;
}

describe("CSV files as users save them", () => {
  test("UTF-8 with BOM and comma separator (Excel's CSV UTF-8)", async () => {
    const t = await readCsvTable(write("bom.csv", "\uFEFF客户,金额,日期\r\n华东电子,1234.5,2026-03-01\r\nAcme,\"1,200\",2026/3/2\r\n"));
    expect(t.sheet).toBe("bom.csv");
    expect(t.header).toEqual(["客户", "金额", "日期"]);
    expect(t.rows).toEqual([
      ["华东电子", 1234.5, serial(2026, 3, 1)],
      ["Acme", 1200, serial(2026, 3, 2)],
    ]);
  });

  test("semicolon separator with decimal commas (European Excel)", async () => {
    const t = await readCsvTable(write("semi.csv", "Customer;Amount;Share\nAcme;1.234,50;12,5%\nBeta;7;0,5\n"));
    expect(t.rows).toEqual([
      ["Acme", 1234.5, 0.125],
      ["Beta", 7, 0.5],
    ]);
  });

  test("quoted fields hold separators, doubled quotes and line breaks", async () => {
    const csv = 'Name,Note,Amount\n"Acme, Inc.","He said ""hi""\nand left",10\n"=HYPERLINK(""x"")",+1,-2\n';
    const t = await readCsvTable(write("quotes.csv", csv));
    expect(t.rows).toEqual([
      ["Acme, Inc.", 'He said "hi"\nand left', 10],
      ['=HYPERLINK("x")', 1, -2],
    ]);
  });

  test("a leading 'sep=' line chooses the separator and is not data", async () => {
    const t = await readCsvTable(write("sep.csv", "sep=;\nA;B\n1,5;x,y\n"));
    expect(t.header).toEqual(["A", "B"]);
    expect(t.rows).toEqual([[1.5, "x,y"]]);
  });

  test("blank lines before the header are skipped; blank lines inside stay; blank lines at the end go", async () => {
    const t = await readCsvTable(write("blank.csv", "\n\nA,B\n1,2\n\n3,4\n\n\n"));
    expect(t.row).toBe(2);
    expect(t.rows).toEqual([
      [1, 2],
      ["", ""],
      [3, 4],
    ]);
  });

  test("rows shorter than the header are padded with empty values", async () => {
    const t = await readCsvTable(write("ragged.csv", "A,B,C\n1\n1,2,3,4\n"));
    expect(t.header).toEqual(["A", "B", "C", ""]);
    expect(t.rows).toEqual([
      [1, "", "", ""],
      [1, 2, 3, 4],
    ]);
  });

  test("a header with no data rows is a table with no rows", async () => {
    const t = await readCsvTable(write("header.csv", "Customer,Amount"));
    expect(t.header).toEqual(["Customer", "Amount"]);
    expect(t.rows).toEqual([]);
  });

  test("a GB18030 file (Excel in Chinese, plain CSV) is read too", async () => {
    const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a, 0xb6, 0xab, 0xb7, 0xbd, 0x2c, 0x31, 0x30, 0x0a]);
    const t = await readCsvTable(write("gbk.csv", gbk));
    expect(t.header).toEqual(["客户", "金额"]);
    expect(t.rows).toEqual([["东方", 10]]);
  });

  test("a UTF-16 file with BOM and tabs (Excel's Unicode text)", async () => {
    const t = await readCsvTable(write("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户\t金额\r\nAcme\t5\r\n", "utf16le")])));
    expect(t.rows).toEqual([["Acme", 5]]);
  });

  test("a file of several megabytes is streamed across chunk boundaries (multi-byte characters included)", async () => {
    const lines = ["客户,金额"];
    for (let i = 0; i < 60_000; i++) lines.push(`"客户 ${i}, 有限公司",${i}.5`);
    const t = await readCsvTable(write("big.csv", lines.join("\r\n")));
    expect(t.rows).toHaveLength(60_000);
    expect(t.rows[59_999]).toEqual(["客户 59999, 有限公司", 59_999.5]);
    expect(t.rows.every((r, i) => r[0] === `客户 ${i}, 有限公司` && r[1] === i + 0.5)).toBe(true);
  });
});

describe("CSV values become what Excel would hand over [chosen]", () => {
  test.each<[string, CsvSeparator, Cell]>([
    ["1234.5", ",", 1234.5],
    ["-3", ",", -3],
    ["+7", ",", 7],
    [".5", ",", 0.5],
    ["1e3", ",", 1000],
    ["1,234.5", ",", 1234.5],
    ["12.5%", ",", 0.125],
    ["12,5", ";", 12.5],
    ["1.234,5", ";", 1234.5],
    ["1.234", ";", 1234],
    ["12.5", ";", 12.5],
    ["TRUE", ",", true],
    ["false", ",", false],
    ["#N/A", ",", "#N/A"],
    ["#div/0!", ",", "#DIV/0!"],
    ["2026-03-01", ",", serial(2026, 3, 1)],
    ["2026/3/1 12:00", ",", serial(2026, 3, 1) + 0.5],
    ["2026-02-30", ",", "2026-02-30"],
    ["007", ",", "007"],
    ["0.5", ",", 0.5],
    ["123456789012345678", ",", "123456789012345678"],
    ["12,5", ",", "12,5"],
    ["  42 ", ",", 42],
    ["", ",", ""],
    ["  ", ",", "  "],
    ["Acme", ",", "Acme"],
    ["1-2", ",", "1-2"],
  ])("%j with %j → %j", (raw, sep, expected) => {
    expect(csvValue(raw, sep)).toEqual(expected);
  });

  test("separator detection counts only characters outside quotes", () => {
    expect(detectSeparator("a;b;c")).toBe(";");
    expect(detectSeparator('"a;b;c",d')).toBe(",");
    expect(detectSeparator("a\tb\tc,d")).toBe("\t");
    expect(detectSeparator("single")).toBe(",");
    expect(detectSeparator("a,b;c")).toBe(",");
  });
});

describe("the parser does not depend on how the text is cut into chunks", () => {
  const field = fc.oneof(fc.string({ unit: fc.constantFrom("a", "b", "客", " ", ",", ";", '"', "\n", "\r", "x"), maxLength: 8 }).map((s) => `x${s}`), fc.constant(""));

  function quote(f: string): string {
    return /[",;\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }

  function parse(chunks: readonly string[], sep: CsvSeparator): Cell[][] {
    const out: Cell[][] = [];
    const p = new CsvParser(sep, (i, cells) => {
      expect(i).toBe(out.length);
      out.push(cells);
    });
    for (const c of chunks) p.write(c);
    p.end("test.csv");
    return out;
  }

  test("property: records written with RFC 4180 quoting parse back to the same fields, whatever the chunking", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<CsvSeparator>(",", ";"),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 8 }),
        (records, sep, eol, cuts) => {
          const text = records.map((r) => r.map(quote).join(sep)).join(eol) + eol;
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let last = 0;
          for (const p of points) {
            chunks.push(text.slice(last, p));
            last = p;
          }
          chunks.push(text.slice(last));
          // Every field starts with "x" (or is empty), so conversion leaves it as text.
          expect(parse(chunks, sep)).toEqual(records.map((r) => r.map((f) => f)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("CSV files that cannot be read", () => {
  test("a quote that is never closed names the line it starts on", async () => {
    const msg = await expectInputError(readCsvTable(write("open.csv", 'A,B\n1,2\n3,"never\nclosed\n')), "csv-unclosed-quote");
    expect(msg.en).toContain("line 3");
    expect(msg.zh).toContain("第 3 行");
  });

  test("an empty file, a file of blank lines, a missing file and a folder", async () => {
    await expectInputError(readCsvTable(write("empty.csv", "")), "file-empty");
    const msg = await expectInputError(readCsvTable(write("blanks.csv", "\n\n,,\n")), "sheet-empty");
    expect(msg.en).toContain("blanks.csv");
    await expectInputError(readCsvTable(tmp.file("missing.csv")), "file-missing");
    mkdirSync(tmp.file("dir.csv"));
    await expectInputError(readCsvTable(tmp.file("dir.csv")), "file-not-file");
  });

  test("bytes that are neither UTF-8 nor GB18030", async () => {
    const msg = await expectInputError(readCsvTable(write("binary.csv", Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0x80, 0xff, 0xfe, 0x0a]))), "csv-encoding");
    expect(msg.en).toContain("CSV UTF-8");
    expect(msg.zh).toContain("UTF-8");
  });
});
