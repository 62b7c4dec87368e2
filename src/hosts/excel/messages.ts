/** Messages of the Excel host, in both languages. Each names where the problem is: sheet, column, cell. */
import { KamError, kamError } from "../../domain/errors";

export interface Place {
  readonly sheet: string;
  readonly column: string;
  readonly cell: string;
}

function where(p: Place): { en: string; zh: string } {
  return { en: `Sheet "${p.sheet}", column ${p.column}, cell ${p.cell}`, zh: `工作表“${p.sheet}”，${p.column} 列，单元格 ${p.cell}` };
}

function placed(code: string, p: Place, en: string, zh: string): KamError {
  const w = where(p);
  return kamError(code, "invalid", `${w.en}: ${en}`, `${w.zh}：${zh}`);
}

export const msg = {
  emptySelection: (p: Place): KamError =>
    placed(
      "excel.source.empty",
      p,
      "the selection is empty. Select a cell inside your data (a header row and at least one data row).",
      "所选区域为空。请选中数据中的一个单元格（需要一行标题和至少一行数据）。",
    ),
  oneRow: (p: Place): KamError =>
    placed(
      "excel.source.oneRow",
      p,
      "the range has only one row. It needs a header row and at least one data row below it.",
      "区域只有一行。需要一行标题，其下至少一行数据。",
    ),
  headerBlank: (p: Place): KamError =>
    placed(
      "excel.source.headerBlank",
      p,
      "the header cell is blank. The first row must name every column (for example “Customer”, “Revenue”).",
      "标题单元格为空。第一行必须为每一列命名（例如“客户”“销售额”）。",
    ),
  headerNotText: (p: Place, value: unknown): KamError =>
    placed(
      "excel.source.headerNotText",
      p,
      `the header cell holds ${JSON.stringify(value)}, not a column name. The first row must be a header row of text.`,
      `标题单元格的内容是 ${JSON.stringify(value)}，不是列名。第一行必须是文字标题行。`,
    ),
  headerMerged: (p: Place, area: string): KamError =>
    placed(
      "excel.source.headerMerged",
      p,
      `the header cell is part of the merged area ${area}. Unmerge the header row so each column has its own name.`,
      `标题单元格属于合并区域 ${area}。请取消标题行的合并，使每一列都有自己的列名。`,
    ),
  manyTables: (p: Place, tables: readonly string[]): KamError =>
    placed(
      "excel.source.manyTables",
      p,
      `the selection touches several tables (${tables.join(", ")}). Select a cell inside one of them.`,
      `所选区域涉及多个表（${tables.join("、")}）。请选中其中一个表内的单元格。`,
    ),
  tableNotFound: (name: string): KamError =>
    kamError("excel.source.tableNotFound", "missing", `There is no table named "${name}" in this workbook.`, `此工作簿中没有名为“${name}”的表。`),
  nameNotFound: (name: string): KamError =>
    kamError("excel.source.nameNotFound", "missing", `There is no named range "${name}" in this workbook.`, `此工作簿中没有名为“${name}”的命名区域。`),
  nameNotRange: (name: string): KamError =>
    kamError("excel.source.nameNotRange", "invalid", `The name "${name}" does not refer to a range of cells.`, `名称“${name}”引用的不是单元格区域。`),
  templateMissing: (sheet: string, cell: string): KamError =>
    kamError(
      "excel.render.templateMissing",
      "missing",
      `Sheet "${sheet}", cell ${cell}: the template sheet does not exist. Restore or rename the template sheet, then run the report again.`,
      `工作表“${sheet}”，单元格 ${cell}：模板工作表不存在。请恢复模板工作表或更正其名称后重新运行报表。`,
    ),
  settingsNotJson: (key: string): KamError =>
    kamError("excel.settings.notJson", "invalid", `The workbook setting "${key}" is not valid JSON.`, `工作簿设置“${key}”不是有效的 JSON。`),
  settingsInvalid: (key: string, issues: readonly { path: string; message: string }[]): KamError => {
    const list = issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ");
    return kamError("excel.settings.invalid", "invalid", `The workbook setting "${key}" is invalid: ${list}.`, `工作簿设置“${key}”无效：${list}。`);
  },
};
