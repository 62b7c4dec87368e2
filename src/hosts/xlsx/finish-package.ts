/**
 * Finishing the package ExcelJS's streaming writer produced, with what it cannot write:
 *  - native charts (charts.ts) and Excel tables (table-part.ts), with the sheets' <drawing> and
 *    <tableParts>, the sheets' relationships and the content types;
 *  - the sheet marks: a sheet-scoped defined name KAM_REPORT whose value is the plan key;
 *  - the `operator` and `text` attributes of "contains" rules.
 *
 * The package is rewritten entry by entry: untouched parts are copied compressed, small parts
 * are edited as text, and a worksheet that needs an edit streams through a transform that only
 * holds what follows its </sheetData> (every edit lands there), so a sheet of a million rows is
 * never held whole.
 */
import { Transform, type TransformCallback } from "stream";
import type { ChartPlan } from "../../reports/plan";
import { relativeTarget, sheetChartParts, type ChartSource } from "./charts";
import { tableXml, type TablePart } from "./table-part";
import { ZipReader } from "./zip-reader";
import { ZipWriter } from "./zip-writer";
import { esc, findTags, parseRelationships, relationshipsXml, relsPathOf, resolvePartPath, unesc, type Relationship } from "./xml";

/** Name of the sheet-scoped defined name that marks a report sheet; its value is the plan key as a text constant. */
export const REPORT_MARK = "KAM_REPORT";

const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

export interface SheetFinish {
  readonly sheet: string;
  /** The report sheet's key, written as its KAM_REPORT mark. */
  readonly key: string;
  readonly charts: readonly ChartPlan[];
  readonly source: ChartSource;
  readonly tables: readonly Omit<TablePart, "id">[];
  /** The sheet has "contains" conditional rules to complete. */
  readonly containsText: boolean;
}

/** Add <definedName name="KAM_REPORT" localSheetId="i">"key"</definedName> for each report sheet. */
export function addSheetMarks(workbookXml: string, marks: readonly { sheetIndex: number; key: string }[]): string {
  if (marks.length === 0) return workbookXml;
  const items = marks
    .map((m) => `<definedName name="${REPORT_MARK}" localSheetId="${m.sheetIndex}">${esc(`"${m.key.replace(/"/g, '""')}"`)}</definedName>`)
    .join("");
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${items}</definedNames>`);
  const close = workbookXml.indexOf("</definedNames>");
  if (close >= 0) return workbookXml.slice(0, close) + items + workbookXml.slice(close);
  // CT_Workbook: … sheets, functionGroups, externalReferences, definedNames, calcPr …
  const after = /<\/sheets>(\s*<functionGroups[^>]*\/>|\s*<functionGroups[\s\S]*?<\/functionGroups>)?(\s*<externalReferences[\s\S]*?<\/externalReferences>)?/.exec(workbookXml);
  if (!after) throw new Error("workbook.xml has no </sheets>");
  const at = after.index + after[0].length;
  return `${workbookXml.slice(0, at)}<definedNames>${items}</definedNames>${workbookXml.slice(at)}`;
}

/** The literal text a "contains" rule searches for, from the formula the writer had ExcelJS write. */
function containsTextOf(formula: string): string | undefined {
  const m = /^NOT\(ISERROR\(SEARCH\("((?:[^"]|"")*)",/.exec(formula);
  return m ? m[1].replace(/""/g, '"').replace(/~([~*?])/g, "$1") : undefined;
}

/** Give each containsText rule the `operator` and `text` attributes Excel writes for it (ExcelJS omits them). */
export function patchContainsText(sheetXml: string): string {
  return sheetXml.replace(/<cfRule([^>]*\stype="containsText"[^>]*)>\s*<formula>([^<]*)<\/formula>/g, (all, attrs: string, f: string) => {
    if (/\stext=/.test(attrs)) return all;
    const text = containsTextOf(unesc(f));
    if (text === undefined) return all;
    const operator = /\soperator=/.test(attrs) ? "" : ' operator="containsText"';
    return `<cfRule${attrs}${operator} text="${esc(text)}"><formula>${f}</formula>`;
  });
}

/** First index of any of the elements `names` in `xml` (start tags), or -1. */
function firstElement(xml: string, names: readonly string[]): number {
  let at = -1;
  for (const name of names) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

/**
 * Edit what follows </sheetData> in a worksheet: add <drawing> and <tableParts> where CT_Worksheet
 * wants them (drawing before legacyDrawing … tableParts; tableParts before extLst) and complete
 * "contains" rules.
 */
export function editSheetTail(tail: string, edit: { drawingRelId?: string; tableRelIds: readonly string[]; containsText: boolean }): string {
  let xml = edit.containsText ? patchContainsText(tail) : tail;
  const insert = (el: string, before: readonly string[]): void => {
    let at = firstElement(xml, before);
    if (at < 0) at = xml.lastIndexOf("</worksheet>");
    if (at < 0) throw new Error("worksheet part has no </worksheet>");
    xml = xml.slice(0, at) + el + xml.slice(at);
  };
  if (edit.drawingRelId !== undefined) {
    if (/<drawing[\s/>]/.test(xml)) throw new Error("worksheet already has a drawing");
    insert(`<drawing r:id="${esc(edit.drawingRelId)}"/>`, ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);
  }
  if (edit.tableRelIds.length > 0) {
    if (/<tableParts[\s/>]/.test(xml)) throw new Error("worksheet already has tables");
    insert(`<tableParts count="${edit.tableRelIds.length}">${edit.tableRelIds.map((id) => `<tablePart r:id="${esc(id)}"/>`).join("")}</tableParts>`, ["extLst"]);
  }
  return xml;
}

const SHEET_DATA_END = Buffer.from("</sheetData>", "latin1");

/** Passes a worksheet part through unchanged up to </sheetData>, then hands the rest to `edit`. */
export class SheetTailTransform extends Transform {
  private found = false;
  private pending: Buffer = Buffer.alloc(0);
  private readonly tail: Buffer[] = [];

  constructor(private readonly edit: (tail: string) => string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.found) {
      this.tail.push(chunk);
      done();
      return;
    }
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const at = buf.indexOf(SHEET_DATA_END);
    if (at >= 0) {
      this.found = true;
      const end = at + SHEET_DATA_END.length;
      this.push(buf.subarray(0, end));
      this.tail.push(buf.subarray(end));
      this.pending = Buffer.alloc(0);
    } else {
      // Keep enough bytes to recognise a </sheetData> cut by the chunk boundary.
      const keep = Math.min(buf.length, SHEET_DATA_END.length - 1);
      this.push(buf.subarray(0, buf.length - keep));
      this.pending = Buffer.from(buf.subarray(buf.length - keep));
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.found) {
        // A worksheet without sheetData content: the whole part is the tail.
        this.push(Buffer.from(this.edit(this.pending.toString("utf8")), "utf8"));
      } else {
        this.push(Buffer.from(this.edit(Buffer.concat(this.tail).toString("utf8")), "utf8"));
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}

function addContentTypeOverrides(ctXml: string, overrides: readonly { part: string; type: string }[]): string {
  const existing = new Set(findTags(ctXml, "Override").map((t) => t.attrs.PartName));
  const add = overrides
    .filter((o) => !existing.has(`/${o.part}`))
    .map((o) => `<Override PartName="/${esc(o.part)}" ContentType="${esc(o.type)}"/>`)
    .join("");
  const at = ctXml.lastIndexOf("</Types>");
  if (at < 0) throw new Error("[Content_Types].xml has no </Types>");
  return ctXml.slice(0, at) + add + ctXml.slice(at);
}

function freeRelId(rels: readonly Relationship[], prefix: string): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) if (!ids.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Rewrite the package `raw` with the charts, tables, marks and rule texts of `sheets`. */
export async function finishPackage(raw: Buffer, sheets: readonly SheetFinish[]): Promise<Buffer> {
  const zip = new ZipReader(raw);
  const text = (part: string): string => {
    const t = zip.readText(part);
    if (t === undefined) throw new Error(`package has no part ${part}`);
    return t;
  };
  const workbookPart = "xl/workbook.xml";
  const wbXml = text(workbookPart);
  const wbRels = new Map(parseRelationships(text(relsPathOf(workbookPart))).map((r) => [r.id, r]));
  const order = findTags(wbXml, "sheet").map((t) => ({ name: t.attrs.name, part: resolvePartPath(workbookPart, wbRels.get(t.attrs["r:id"] ?? "")?.target ?? "") }));

  const taken = new Set(zip.names().map((n) => n.toLowerCase()));
  const freePart = (folder: string, stem: string): string => {
    for (let n = 1; ; n++) {
      const p = `${folder}/${stem}${n}.xml`;
      if (!taken.has(p.toLowerCase())) {
        taken.add(p.toLowerCase());
        return p;
      }
    }
  };

  const newFiles = new Map<string, string>();
  const overrides: { part: string; type: string }[] = [];
  const sheetEdits = new Map<string, { drawingRelId?: string; tableRelIds: string[]; containsText: boolean }>();
  const marks: { sheetIndex: number; key: string }[] = [];
  let chartNumber = 1;
  let tableId = 1;

  for (const s of sheets) {
    const index = order.findIndex((o) => o.name === s.sheet);
    if (index < 0) throw new Error(`package has no sheet named "${s.sheet}"`);
    const sheetPart = order[index].part;
    marks.push({ sheetIndex: index, key: s.key });
    if (s.charts.length === 0 && s.tables.length === 0 && !s.containsText) continue;

    const relsPath = relsPathOf(sheetPart);
    const rels = parseRelationships(newFiles.get(relsPath) ?? zip.readText(relsPath) ?? "");
    const edit: { drawingRelId?: string; tableRelIds: string[]; containsText: boolean } = { tableRelIds: [], containsText: s.containsText };
    if (s.charts.length > 0) {
      const parts = sheetChartParts(s.charts, s.source, freePart, chartNumber);
      chartNumber += s.charts.length;
      for (const f of parts.files) newFiles.set(f.part, f.xml);
      overrides.push(...parts.overrides);
      edit.drawingRelId = freeRelId(rels, "rIdKamDrawing");
      rels.push({ id: edit.drawingRelId, type: REL_DRAWING, target: relativeTarget(sheetPart, parts.drawingPart) });
    }
    for (const t of s.tables) {
      const part = freePart("xl/tables", "table");
      newFiles.set(part, tableXml({ ...t, id: tableId++ }));
      overrides.push({ part, type: TABLE_TYPE });
      const id = freeRelId(rels, "rIdKamTable");
      rels.push({ id, type: REL_TABLE, target: relativeTarget(sheetPart, part) });
      edit.tableRelIds.push(id);
    }
    newFiles.set(relsPath, relationshipsXml(rels));
    sheetEdits.set(sheetPart.toLowerCase(), edit);
  }
  newFiles.set(workbookPart, addSheetMarks(wbXml, marks));
  newFiles.set("[Content_Types].xml", addContentTypeOverrides(text("[Content_Types].xml"), overrides));

  const out = new ZipWriter();
  for (const entry of zip.list()) {
    if (entry.name.endsWith("/")) continue;
    const edit = sheetEdits.get(entry.name.toLowerCase());
    const replaced = newFiles.get(entry.name);
    if (edit) await out.addStream(entry.name, zip.stream(entry.name).pipe(new SheetTailTransform((tail) => editSheetTail(tail, edit))));
    else if (replaced !== undefined) {
      out.add(entry.name, replaced);
      newFiles.delete(entry.name);
    } else out.addRaw(entry, zip.compressed(entry));
  }
  for (const [part, xml] of newFiles) if (!zip.has(part)) out.add(part, xml);
  return out.finish();
}

