/**
 * The file host's input errors: each names the file (and the sheet where there is one), says what
 * is wrong and what to do, in English and Simplified Chinese. They are thrown as KamInputException
 * so the CLI can print either language.
 */
import { KamInputException, kamError } from "../../domain/errors";

function ex(code: string, en: string, zh: string): KamInputException {
  return new KamInputException(kamError(code, "invalid", en, zh));
}

const q = (s: string): string => `"${s}"`;
const zq = (s: string): string => `“${s}”`;

export const fileErrors = {
  missing: (file: string) => ex("file-missing", `File ${q(file)} was not found.`, `找不到文件${zq(file)}。`),
  notAFile: (file: string) => ex("file-not-file", `${q(file)} is a folder, not a file.`, `${zq(file)}是文件夹，不是文件。`),
  unreadableIo: (file: string, detail: string) =>
    ex("file-unreadable", `File ${q(file)} cannot be opened (${detail}).`, `无法打开文件${zq(file)}（${detail}）。`),
  empty: (file: string) => ex("file-empty", `File ${q(file)} is empty (0 bytes).`, `文件${zq(file)}是空的（0 字节）。`),
  encrypted: (file: string) =>
    ex(
      "file-encrypted",
      `File ${q(file)} is protected with a password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.`,
      `文件${zq(file)}设置了打开密码。请在 Excel 中打开它，取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密），保存后重试。`,
    ),
  legacyXls: (file: string) =>
    ex(
      "file-legacy-xls",
      `File ${q(file)} is an Excel 97-2003 workbook (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.`,
      `文件${zq(file)}是 Excel 97-2003 工作簿（.xls）。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）后重试。`,
    ),
  notXlsx: (file: string, detail: string) =>
    ex(
      "file-unreadable",
      `File ${q(file)} cannot be read as an Excel workbook (.xlsx): it is damaged, incomplete or another kind of file (${detail}).`,
      `无法将文件${zq(file)}读取为 Excel 工作簿（.xlsx）：文件已损坏、不完整或不是工作簿（${detail}）。`,
    ),
  sheetMissing: (file: string, sheet: string, sheets: readonly string[]) =>
    ex(
      "sheet-missing",
      `File ${q(file)} has no sheet ${q(sheet)}. Its sheets are: ${sheets.map(q).join(", ") || "(none)"}.`,
      `文件${zq(file)}中没有工作表${zq(sheet)}。现有工作表：${sheets.map(zq).join("、") || "（无）"}。`,
    ),
  noSheets: (file: string) =>
    ex("sheet-missing", `File ${q(file)} contains no worksheets.`, `文件${zq(file)}中没有任何工作表。`),
  sheetEmpty: (file: string, sheet: string) =>
    ex(
      "sheet-empty",
      `Sheet ${q(sheet)} in file ${q(file)} is empty: there is no header row and no data.`,
      `文件${zq(file)}的工作表${zq(sheet)}是空的：没有标题行，也没有数据。`,
    ),
  csvEmpty: (file: string) =>
    ex("sheet-empty", `CSV file ${q(file)} has no header row and no data.`, `CSV 文件${zq(file)}没有标题行，也没有数据。`),
  csvUnclosedQuote: (file: string, line: number) =>
    ex(
      "csv-unclosed-quote",
      `CSV file ${q(file)}: the quoted field that starts on line ${line} is never closed (a " is missing).`,
      `CSV 文件${zq(file)}：第 ${line} 行开始的带引号字段没有结束（缺少一个 "）。`,
    ),
  csvEncoding: (file: string) =>
    ex(
      "csv-encoding",
      `CSV file ${q(file)} is neither UTF-8 nor GB18030 text. Save it from Excel as "CSV UTF-8 (Comma delimited)" and try again.`,
      `CSV 文件${zq(file)}既不是 UTF-8 也不是 GB18030 编码的文本。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。`,
    ),
  outputExists: (file: string) =>
    ex(
      "output-exists",
      `File ${q(file)} already exists and was left unchanged. Choose another name, or use --force to replace it.`,
      `文件${zq(file)}已存在，未做改动。请换一个文件名，或使用 --force 覆盖它。`,
    ),
  outputFolderMissing: (file: string, dir: string) =>
    ex(
      "output-folder-missing",
      `Cannot write ${q(file)}: the folder ${q(dir)} does not exist.`,
      `无法写入${zq(file)}：文件夹${zq(dir)}不存在。`,
    ),
  outputBusy: (file: string, detail: string) =>
    ex(
      "output-busy",
      `Cannot replace ${q(file)} (${detail}). If it is open in Excel, close it and try again.`,
      `无法覆盖${zq(file)}（${detail}）。如果它正在 Excel 中打开，请先关闭再重试。`,
    ),
  outputIsFolder: (file: string) =>
    ex("output-is-folder", `Cannot write ${q(file)}: a folder has that name.`, `无法写入${zq(file)}：已有同名文件夹。`),
  outputFailed: (file: string, detail: string) =>
    ex("output-failed", `Cannot write ${q(file)} (${detail}).`, `无法写入${zq(file)}（${detail}）。`),
  templateMissing: (sheet: string, key: string, available: readonly string[]) =>
    ex(
      "template-missing",
      `The template sheet ${q(sheet)} needed by report sheet ${q(key)} was not found. Available sheets: ${available.map(q).join(", ") || "(none)"}.`,
      `找不到报表工作表${zq(key)}所需的模板工作表${zq(sheet)}。可用的工作表：${available.map(zq).join("、") || "（无）"}。`,
    ),
  textTooLong: (sheet: string, address: string, length: number) =>
    ex(
      "text-too-long",
      `Sheet ${q(sheet)}, cell ${address}: the text has ${length} characters, more than the 32,767 an Excel cell can hold.`,
      `工作表${zq(sheet)}的单元格 ${address}：文本有 ${length} 个字符，超过了 Excel 单元格的上限 32,767。`,
    ),
};
