/**
 * Measures the two ways of reading a full-height sheet (1,048,576 rows) into a SourceTable: our
 * reader (JSZip nodeStream + sax) and ExcelJS's streaming WorkbookReader. Not a test: run it with
 *   npx esbuild test/hosts/xlsx/measure-reader.ts --bundle --platform=node --outfile=/tmp/measure.js
 *   node /tmp/measure.js gen /tmp/big.xlsx     # write the file once
 *   node /tmp/measure.js kam /tmp/big.xlsx     # time + peak RSS of our reader
 *   node /tmp/measure.js exceljs /tmp/big.xlsx # the same for ExcelJS
 * Each reader runs in its own process so that peak RSS belongs to it alone.
 */
import ExcelJS from "exceljs";
import { readXlsxTable } from "../../../src/hosts/xlsx/read-xlsx";
import { TableCollector, type Cell } from "../../../src/hosts/xlsx/table-collector";

const ROWS = 1_048_576;

async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Sales");
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  ws.addRow(["Customer 客户", "Amount 金额", "Date 日期", "Region 区域"]).commit();
  const regions = ["East 华东", "South 华南", "North 华北", "West 西部"];
  for (let i = 1; i < ROWS; i++) {
    const row = ws.addRow([`Customer ${i % 50_000}`, Math.round(((i * 7919) % 100_000) * 1.37 * 100) / 100, 45_000 + (i % 1000), regions[i % 4]]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function viaExcelJs(file: string): Promise<{ rows: number; width: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const collector = new TableCollector();
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: Cell[] = [];
      const vals = row.values as unknown[];
      for (let c = 1; c < vals.length; c++) {
        const v = vals[c];
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") cells[c - 1] = v;
        else if (v && typeof v === "object" && "richText" in v) cells[c - 1] = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      }
      collector.push(row.number - 1, cells);
    }
    break;
  }
  const t = collector.finish("Sales");
  return { rows: t.rows.length, width: t.header.length };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  let result: unknown;
  if (mode === "gen") {
    await generate(file);
    result = "written";
  } else if (mode === "kam") {
    const t = await readXlsxTable(file);
    result = { rows: t.rows.length, width: t.header.length, last: t.rows[t.rows.length - 1] };
  } else if (mode === "exceljs") {
    result = await viaExcelJs(file);
  } else {
    throw new Error("usage: gen|kam|exceljs <file>");
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const usage = process.resourceUsage();
  // CPU time is reported beside wall time because the measuring machine may be shared.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  console.log(JSON.stringify({ mode, wallMs: Math.round(ms), cpuMs: Math.round(cpuMs), peakRssMb: Math.round(usage.maxRSS / 1024), result }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
