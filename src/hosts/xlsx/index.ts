/** The file host: read user data from .xlsx/.csv, render ReportPlans into a new .xlsx with native charts. */
export { renderXlsx, renderXlsxBuffer, templateNames, excelText, REPORT_MARK, type RenderOptions, type RenderResult, type WrittenSheet } from "./render-xlsx";
export { readXlsxTable, listSheets, listSheetInfo, readSheetGrid, type ReadXlsxOptions, type SheetInfo, type SheetGrid } from "./read-xlsx";
export { readCsvTable, csvValue, detectSeparator, type CsvOptions, type CsvSeparator } from "./read-csv";
export { loadTemplateSheets } from "./templates";
export { writeFileAtomic, checkOutputPath } from "./write-file";
export { chartXml, drawingXml, rangeFormula, quoteSheetName, sheetChartParts, type ChartSource } from "./charts";
export { finishPackage, type SheetFinish } from "./finish-package";
