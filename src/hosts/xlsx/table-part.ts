/**
 * An Excel table part (xl/tables/tableN.xml). The streaming ExcelJS writer cannot write tables, so
 * the file host writes the part itself; the header cells on the sheet carry the same texts as the
 * table's column names (Excel repairs a table whose names and header cells differ).
 */
import type { Rect } from "../../reports/plan";
import { rectAddress } from "../../reports/plan";
import { esc, NS, XML_DECL } from "./xml";

export interface TablePart {
  /** Workbook-unique id (1, 2, …). */
  readonly id: number;
  /** Legal, workbook-unique name (see names.ts). */
  readonly name: string;
  /** Header row plus at least one data row. */
  readonly rect: Rect;
  /** Column names as stored (escaped like cell text, see excelText). */
  readonly columns: readonly string[];
  readonly style: string;
}

/** CT_Table: autoFilter, tableColumns, tableStyleInfo. */
export function tableXml(t: TablePart): string {
  const ref = rectAddress(t.rect);
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join("");
  return (
    `${XML_DECL}<table xmlns="${NS.main}" id="${t.id}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${esc(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
