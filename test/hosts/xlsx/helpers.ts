/** Test helpers: temporary folders and reading written workbooks back. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { KamInputException } from "../../../src/domain/errors";

export function tempDir(prefix: string): { dir: string; file: (name: string) => string; list: () => string[]; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `kam-${prefix}-`));
  return {
    dir,
    file: (name) => path.join(dir, name),
    list: () => readdirSync(dir).sort(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
  return wb;
}

export async function loadZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(file));
}

export async function partText(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

/** Awaits `p`, which must fail with the input error `code`; returns its message in both languages. */
export async function expectInputError(p: Promise<unknown>, code: string): Promise<{ en: string; zh: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KamInputException);
    expect((e as KamInputException).error.code).toBe(code);
    return (e as KamInputException).error.msg;
  }
  throw new Error(`expected ${code}`);
}

/** Serial number of a date in Excel's 1900 system. */
export const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
