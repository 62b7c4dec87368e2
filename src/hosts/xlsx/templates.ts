/**
 * Loading the user's template sheets (for `SheetPlan.formatsFrom`) as ExcelJS worksheets, which
 * the writer copies styles, widths, heights and merges from.
 *
 * A template usually lives in the same workbook as the data, and ExcelJS loads a workbook whole —
 * a data sheet of a million rows would take gigabytes. So every worksheet that is not asked for is
 * replaced by an empty one (and its relationships dropped) before ExcelJS sees the package.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fileErrors } from "./input-errors";
import { openPackage, pickSheet } from "./open-package";
import { relsPathOf } from "./xml";

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/**
 * The named sheets of `file` as ExcelJS worksheets, keyed by the names asked for (sheet names are
 * matched exactly, else ignoring case). A name that is not there is an error listing the sheets.
 */
export async function loadTemplateSheets(file: string, names: readonly string[]): Promise<Map<string, ExcelJS.Worksheet>> {
  const pkg = await openPackage(file);
  const wanted = new Map(names.map((n) => [n, pickSheet(pkg, n)]));
  const keepParts = new Set([...wanted.values()].map((s) => s.part.toLowerCase()));
  const dropParts = new Set(pkg.sheets.filter((s) => !keepParts.has(s.part.toLowerCase())).map((s) => s.part.toLowerCase()));
  const dropRels = new Set([...dropParts].map((p) => relsPathOf(p).toLowerCase()));

  const slim = new JSZip();
  try {
    for (const name of pkg.zip.names()) {
      if (name.endsWith("/")) continue;
      const lower = name.toLowerCase();
      if (dropParts.has(lower)) slim.file(name, EMPTY_SHEET);
      else if (dropRels.has(lower)) slim.file(name, EMPTY_RELS);
      else slim.file(name, pkg.zip.read(name));
    }
  } catch (e) {
    throw fileErrors.notXlsx(file, e instanceof Error ? e.message : String(e));
  }
  const bytes = await slim.generateAsync({ type: "nodebuffer", compression: "STORE" });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e) {
    throw fileErrors.notXlsx(file, e instanceof Error ? e.message : String(e));
  }
  const out = new Map<string, ExcelJS.Worksheet>();
  for (const [asked, entry] of wanted) {
    const ws = wb.getWorksheet(entry.name);
    if (!ws) throw fileErrors.sheetMissing(file, asked, pkg.sheets.map((s) => s.name));
    out.set(asked, ws);
  }
  return out;
}
