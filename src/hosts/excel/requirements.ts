/**
 * The ExcelApi requirement set each Office.js API the Excel host calls needs (office-js-docs-reference).
 * One table, so the manifest's minimum and the code cannot drift apart: a test runs the host against
 * an Excel double that supports exactly MIN_EXCEL_API and fails on any API above it.
 */
export const EXCEL_API = {
  "Worksheet.getRange / Range.values / numberFormat / format / clear": "1.1",
  "WorksheetCollection.add / getItem": "1.1",
  "ChartCollection.add / Chart.setPosition / ChartAxis.minimum, maximum": "1.1",
  "Range.getEntireColumn": "1.1",
  "Workbook.getSelectedRange": "1.1",
  "RangeFormat.columnWidth": "1.2",
  "Range.merge / unmerge": "1.2",
  "Worksheet.getUsedRange(valuesOnly)": "1.2",
  "TableCollection.add(Range)": "1.3",
  "Workbook.settings": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "Worksheet.names": "1.4",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getItemOrNullObject": "1.4",
  "NamedItem.getRangeOrNullObject": "1.4",
  "TableCollection.getItemOrNullObject": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Range.conditionalFormats": "1.6",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.tabColor": "1.7",
  "Range.getSurroundingRegion": "1.7",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartSeries.chartType": "1.7",
  "ChartAxes.getItem": "1.7",
  "ChartLineFormat.lineStyle": "1.7",
  "ChartSeries.axisGroup": "1.8",
  "ChartAxis.numberFormat": "1.8",
  "Range.copyFrom": "1.9",
  "Range.getTables": "1.9",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
} as const;

/** Used when present, with a fallback when not. */
export const OPTIONAL_EXCEL_API = {
  /** A merged header cell gets its own message; without it, the blank cell it leaves is reported. */
  "Range.getMergedAreasOrNullObject": "1.13",
  /** A report run is one undo step; without it, each write sync is one. */
  "Excel.run(mergeUndoGroup)": "1.20",
} as const;

/** The minimum the manifest must declare: the highest version in EXCEL_API. */
export const MIN_EXCEL_API = "1.9";

export function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

export function excelApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}
