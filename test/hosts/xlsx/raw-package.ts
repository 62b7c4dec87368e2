/**
 * Test helper: build a minimal .xlsx package by hand, so reader tests can use constructs ExcelJS
 * never writes (inline strings, formula strings, ISO date cells, namespace prefixes, missing cell
 * references, the 1904 date system, chart sheets, stored entries).
 */
import JSZip from "jszip";

export interface RawSheet {
  readonly name: string;
  /** The XML of the worksheet part, or "chart" for a chart sheet. */
  readonly xml: string | "chart";
  readonly state?: "hidden" | "veryHidden";
}

export interface RawOptions {
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly date1904?: boolean;
  readonly compression?: "STORE" | "DEFLATE";
  readonly definedNames?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function sheetXml(rows: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${R}"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
}

export async function rawXlsx(sheets: readonly RawSheet[], o: RawOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    if (s.xml === "chart") {
      zip.file(`xl/chartsheets/sheet${n}.xml`, `<chartsheet xmlns="${MAIN}"/>`);
      wbRels.push(`<Relationship Id="rId${n}" Type="${R}/chartsheet" Target="chartsheets/sheet${n}.xml"/>`);
      overrides.push(`<Override PartName="/xl/chartsheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
    } else {
      zip.file(`xl/worksheets/sheet${n}.xml`, s.xml);
      wbRels.push(`<Relationship Id="rId${n}" Type="${R}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
      overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    }
    sheetTags.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`);
  });
  if (o.sharedStrings !== undefined) {
    zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${o.sharedStrings}</sst>`);
    wbRels.push(`<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (o.styles !== undefined) {
    zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${o.styles}</styleSheet>`);
    wbRels.push(`<Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/>`);
  }
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}">${o.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetTags.join("")}</sheets>${o.definedNames ?? ""}</workbook>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`);
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: o.compression ?? "DEFLATE" });
}
