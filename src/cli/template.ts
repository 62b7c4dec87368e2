/**
 * The default card template as a worksheet. A card copies the formats and column widths of its
 * template (SheetPlan.formatsFrom), so the writer needs the template as a worksheet: a user's
 * template sheet (--template) comes from the input workbook (hosts/xlsx loadTemplateSheets); the
 * default one is rendered from its plan here, and is also written into the output so the user can
 * restyle it, copy it into the workbook and pass it back with --template.
 */
import ExcelJS from "exceljs";
import { renderXlsxBuffer } from "../hosts/xlsx/render-xlsx";
import type { ReportPlan, SheetPlan } from "../reports/plan";

/** The worksheet a template plan renders to. */
export async function worksheetOfPlan(sheet: SheetPlan): Promise<ExcelJS.Worksheet> {
  const plan: ReportPlan = { report: "card-template", sheets: [sheet] };
  const { buffer, sheets } = await renderXlsxBuffer(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheets[0].name);
  if (!ws) throw new Error(`the rendered template has no sheet "${sheets[0].name}"`);
  return ws;
}
