/** Running `kam` in-process against temporary folders, and building small input workbooks. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/run";
import type { CliIo } from "../../src/cli/io";

export const SAMPLE = path.resolve(__dirname, "../../assets/samples/kam-sample.xlsx");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
  readonly io?: Partial<CliIo>;
}

export async function kam(dir: string, argv: readonly string[], opts: RunOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: opts.tty === true,
    stderrColumns: 100,
    env: opts.env ?? { LANG: "en_US.UTF-8" },
    cwd: dir,
    ...opts.io,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "kam-cli-"));
  made.push(d);
  return d;
}

export function cleanTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Every file in a folder (hidden temp files included), sorted. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
}

/** Write an .xlsx with the given sheets (first row of each = header). */
export async function writeWorkbook(file: string, sheets: readonly SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow([...r]);
  }
  await wb.xlsx.writeFile(file);
}

export function copySample(dir: string, name = "kam-sample.xlsx"): string {
  const dest = path.join(dir, name);
  fs.copyFileSync(SAMPLE, dest);
  return dest;
}

/** Sheet names of a workbook, in tab order. */
export async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}
