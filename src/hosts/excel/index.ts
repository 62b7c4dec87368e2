/** The Excel host: read user data, render report plans, keep settings in the workbook. */
export { readSource, DEFAULT_READ_BYTES, DEFAULT_READ_CELLS } from "./read-source";
export type { SourceSpec, ReadSourceOptions } from "./read-source";
export { renderPlan, MARK_NAME, DEFAULT_REQUEST_BYTES, freeSheetName, freeTableName, cleanSheetName, charsToPoints } from "./render-plan";
export type { RenderOptions, RenderResult } from "./render-plan";
export { loadSettings, saveSettings, SETTINGS_KEY } from "./settings-store";
export type { LoadedSettings } from "./settings-store";
export { EXCEL_API, OPTIONAL_EXCEL_API, MIN_EXCEL_API, excelApiSupported } from "./requirements";
export { needsTextFormat } from "./text-cells";
