import { decodeEntities } from "./xml-scan";
/**
 * Small XML helpers for the parts of the package we write by hand (charts, drawings, rels,
 * patches of workbook.xml). Text that reaches XML can come from users (customer names, sheet
 * names), so every value goes through `esc`, which also drops characters XML 1.0 forbids —
 * a single stray control character would otherwise make Excel "repair" the whole file.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; lone surrogates are out too.
// eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 forbids
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, "");
}

/** Escape text for use in element content or a double-quoted attribute. */
export function esc(s: string): string {
  return stripInvalidXmlChars(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** Decode the five predefined entities and numeric character references (one decoder for the package). */
export function unesc(s: string): string {
  return decodeEntities(s);
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
} as const;

export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

/** Attributes of the first start tag named `tag` (no namespace handling: callers pass the literal tag). */
export function parseAttributes(tagText: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tagText)) !== null) {
    out[m[1]] = unesc(m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every start (or empty) tag `<name …>` in `xml`, with its attributes. */
export function findTags(xml: string, name: string): { text: string; index: number; attrs: Record<string, string> }[] {
  const re = new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g");
  const out: { text: string; index: number; attrs: Record<string, string> }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    out.push({ text: m[0], index: m.index, attrs: parseAttributes(m[0].slice(name.length + 1)) });
  }
  return out;
}

/** Resolve a relationship target against the folder of the part that owns the rels. */
export function resolvePartPath(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = ownerPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels" */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly targetMode?: string;
}

export function parseRelationships(xml: string): Relationship[] {
  return findTags(xml, "Relationship").map((t) => ({
    id: t.attrs.Id ?? "",
    type: t.attrs.Type ?? "",
    target: t.attrs.Target ?? "",
    targetMode: t.attrs.TargetMode,
  }));
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${
          r.targetMode ? ` TargetMode="${esc(r.targetMode)}"` : ""
        }/>`,
    )
    .join("");
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${items}</Relationships>`;
}
