/**
 * Bad input ends with exit code 2 and one line that names what is wrong and where (file, sheet,
 * column, cell), in the user's language — and never leaves an output file behind.
 */
import * as fs from "fs";
import * as path from "path";
import { cleanTempDirs, copySample, filesIn, kam, tempDir, writeWorkbook } from "./helpers";

afterAll(cleanTempDirs);

function oneLine(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("Columns used"));
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe("bad input: exit 2, a message naming the problem, no output file", () => {
  test("a missing file", async () => {
    const dir = tempDir();
    const r = await kam(dir, ["abc", "nope.xlsx"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^kam abc: File ".*nope\.xlsx" was not found\.$/);
    expect(filesIn(dir)).toEqual([]);
  });

  test("a sheet that is not there: the message lists the sheets", async () => {
    const dir = tempDir();
    copySample(dir);
    const r = await kam(dir, ["abc", "kam-sample.xlsx", "--sheet", "Umsatz"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain("kam-sample.xlsx");
    expect(line).toContain('"Umsatz"');
    expect(line).toContain('"销售明细 Sales"');
    expect(line).toContain('"客户档案 Accounts"');
    expect(filesIn(dir)).toEqual(["kam-sample.xlsx"]);
  });

  test("a sheet with nothing in it (no header row)", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "blank.xlsx"), [{ name: "Sheet1", rows: [] }]);
    const r = await kam(dir, ["abc", "blank.xlsx"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain("blank.xlsx");
    expect(line).toContain('"Sheet1"');
    expect(line).toMatch(/no header row/);
    expect(filesIn(dir)).toEqual(["blank.xlsx"]);
  });

  test("data without a header row: the message shows what was found in the first row and what is accepted", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "nohead.xlsx"), [{ name: "Data", rows: [["Acme", 100], ["Bolt", 200]] }]);
    const r = await kam(dir, ["abc", "nohead.xlsx"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain('File "');
    expect(line).toContain("nohead.xlsx");
    expect(line).toContain("Sheet 'Data'");
    expect(line).toContain("Acme (A)");
    expect(line).toContain('"客户名称"');
    expect(filesIn(dir)).toEqual(["nohead.xlsx"]);
  });

  test("a text amount: the file, sheet, column and cell are named", async () => {
    const dir = tempDir();
    const rows = [["Customer", "Region", "Sales"], ["Acme", "East", 100], ["Bolt", "West", "twelve"], ["Core", "East", 50]];
    await writeWorkbook(path.join(dir, "text.xlsx"), [{ name: "Sales", rows }]);
    const r = await kam(dir, ["abc", "text.xlsx"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/^kam abc: File ".*text\.xlsx": Sheet 'Sales', column 'Sales' \(C\), cell C3: "twelve" is not a number$/);
    expect(filesIn(dir)).toEqual(["text.xlsx"]);

    const zh = await kam(dir, ["abc", "text.xlsx"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.code).toBe(2);
    expect(oneLine(zh.stderr)).toMatch(/^kam abc：文件“.*text\.xlsx”：工作表“Sales”，列“Sales”（C），单元格 C3：“twelve” 不是数字$/);
  });

  test("a truncated file", async () => {
    const dir = tempDir();
    const bytes = fs.readFileSync(copySample(dir, "whole.xlsx"));
    fs.writeFileSync(path.join(dir, "cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await kam(dir, ["abc", "cut.xlsx"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/cut\.xlsx.*cannot be read as an Excel workbook/);
    expect(filesIn(dir)).toEqual(["cut.xlsx", "whole.xlsx"]);
  });

  test("a file that is not a workbook at all", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "notes.xlsx"), "these are my meeting notes\n");
    const r = await kam(dir, ["abc", "notes.xlsx"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/notes\.xlsx.*cannot be read as an Excel workbook/);
    expect(filesIn(dir)).toEqual(["notes.xlsx"]);
  });

  test("a password-protected workbook (an OLE container with an EncryptionInfo stream)", async () => {
    const dir = tempDir();
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const body = Buffer.concat([header, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(1024)]);
    fs.writeFileSync(path.join(dir, "locked.xlsx"), body);
    const r = await kam(dir, ["abc", "locked.xlsx"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain("locked.xlsx");
    expect(line).toMatch(/password/);
    expect(filesIn(dir)).toEqual(["locked.xlsx"]);
  });

  test("an empty (0-byte) file", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "empty.xlsx"), "");
    fs.writeFileSync(path.join(dir, "empty.csv"), "");
    for (const f of ["empty.xlsx", "empty.csv"]) {
      const r = await kam(dir, ["abc", f]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(`${f}" is empty`);
    }
    expect(filesIn(dir)).toEqual(["empty.csv", "empty.xlsx"]);
  });

  test("no sheet of a workbook has the columns: the sheets are listed and --sheet suggested", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "two.xlsx"), [
      { name: "Notes", rows: [["Topic", "Owner"], ["x", "y"]] },
      { name: "People", rows: [["Name", "Age"], ["Ann", 30]] },
    ]);
    const r = await kam(dir, ["abc", "two.xlsx"]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain('"Notes", "People"');
    expect(line).toContain("--sheet");
    expect(filesIn(dir)).toEqual(["two.xlsx"]);
  });

  test("a bad cell found after reading leaves no partial output, even with --force over an existing file", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "s.xlsx"), [{ name: "S", rows: [["Customer", "Sales"], ["Acme", "#N/A"]] }]);
    fs.writeFileSync(path.join(dir, "out.xlsx"), "keep me");
    const r = await kam(dir, ["abc", "s.xlsx", "--out", "out.xlsx", "--force"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain("cell B2");
    expect(fs.readFileSync(path.join(dir, "out.xlsx"), "utf8")).toBe("keep me");
    expect(filesIn(dir)).toEqual(["out.xlsx", "s.xlsx"]);
  });

  test("bad options: unknown option (with a suggestion), missing value, unknown command, no file, two files", async () => {
    const dir = tempDir();
    const typo = await kam(dir, ["abc", "x.xlsx", "--shet", "S"]);
    expect(typo.code).toBe(2);
    expect(oneLine(typo.stderr)).toContain("unknown option --shet (did you mean --sheet?)");
    const noValue = await kam(dir, ["abc", "x.xlsx", "--sheet"]);
    expect(noValue.code).toBe(2);
    expect(oneLine(noValue.stderr)).toContain("--sheet needs a value");
    const cmd = await kam(dir, ["abcd", "x.xlsx"]);
    expect(cmd.code).toBe(2);
    expect(oneLine(cmd.stderr)).toContain('unknown command "abcd"');
    const none = await kam(dir, ["abc"]);
    expect(none.code).toBe(2);
    expect(oneLine(none.stderr)).toContain("name the input file");
    const two = await kam(dir, ["abc", "a.xlsx", "b.xlsx"]);
    expect(two.code).toBe(2);
    expect(oneLine(two.stderr)).toContain("one input file expected");
    const lang = await kam(dir, ["abc", "a.xlsx", "--lang", "fr"]);
    expect(lang.code).toBe(2);
    expect(filesIn(dir)).toEqual([]);
  });

  test("a settings file that breaks the rules is named with the offending setting", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "s.xlsx"), [{ name: "S", rows: [["Customer", "Sales"], ["Acme", 1]] }]);
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ abc: { a: 0.8, b: 0.4 } }));
    fs.writeFileSync(path.join(dir, "broken.json"), "{ abc: ");
    const r = await kam(dir, ["abc", "s.xlsx", "--settings", "bad.json"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/bad\.json.*abc\.b: A \+ B must not exceed 100 %/);
    const j = await kam(dir, ["abc", "s.xlsx", "--settings", "broken.json"]);
    expect(j.code).toBe(2);
    expect(oneLine(j.stderr)).toContain("is not valid JSON");
    expect(filesIn(dir)).toEqual(["bad.json", "broken.json", "s.xlsx"]);
  });
});

describe("unexpected errors", () => {
  test("exit 1 with a message that says it is a bug, not the user's input", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, "s.xlsx"), [{ name: "S", rows: [["Customer", "Sales"], ["Acme", 1]] }]);
    const r = await kam(dir, ["abc", "s.xlsx", "--json"], {
      io: {
        stdout: () => {
          throw new Error("stdout is gone");
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unexpected error: stdout is gone");
    expect(r.stderr).toContain("KAM_DEBUG");
  });
});
