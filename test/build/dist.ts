/**
 * Helpers for the build tests: where things are, a small element tree from the `sax` parser
 * (strict: a malformed document throws with its line and column), and a PNG header reader that
 * also inflates the pixels, so a truncated or corrupt icon fails.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import * as sax from "sax";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const DEV_ORIGIN = "https://localhost:3000/";

export function readDist(file: string): Buffer {
  const p = path.join(DIST, file);
  if (!fs.existsSync(p)) throw new Error(`dist/${file} is missing: the build did not write it`);
  return fs.readFileSync(p);
}

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { trim: false, normalize: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (err) => {
    throw new Error(`malformed XML: ${err.message}`);
  };
  parser.onopentag = (node) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes)) attrs[k] = typeof v === "string" ? v : v.value;
    const el: XmlElement = { name: node.name, attrs, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root === undefined) root = el;
    else throw new Error("malformed XML: more than one root element");
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  };
  parser.write(xml).close();
  if (!root) throw new Error("malformed XML: no root element");
  return root;
}

/** Every element named `name` under `el` (depth first, document order), `el` included. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = el.name === name ? [el] : [];
  for (const c of el.children) out.push(...findAll(c, name));
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Every URL-valued attribute in the manifest: DefaultValue/Value of URL-ish elements. */
export function manifestUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  const visit = (el: XmlElement) => {
    for (const key of ["DefaultValue", "Value"]) {
      const v = el.attrs[key];
      if (v !== undefined && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    el.children.forEach(visit);
  };
  visit(root);
  return urls;
}

export interface PngInfo {
  width: number;
  height: number;
  /** Pixels with any opacity: 0 means an empty image. */
  opaquePixels: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads an 8-bit RGBA, non-interlaced PNG (what scripts/make-icons.js writes); throws otherwise. */
export function readPng(buf: Buffer): PngInfo {
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG (bad signature)");
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("ascii", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) throw new Error(`PNG chunk ${type} is truncated`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error("PNG is not 8-bit RGBA, non-interlaced");
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      ended = true;
    }
    offset += 12 + length;
  }
  if (!ended || width === 0) throw new Error("PNG has no IHDR or no IEND");
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  if (raw.length !== stride * height) throw new Error(`PNG pixel data is ${raw.length} bytes, expected ${stride * height}`);
  let opaquePixels = 0;
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error("PNG uses a row filter this reader does not decode");
    for (let x = 0; x < width; x++) if (raw[y * stride + 1 + x * 4 + 3] > 0) opaquePixels++;
  }
  return { width, height, opaquePixels };
}

export interface HtmlTag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** The text directly inside the element. */
  text: string;
}

/** The elements of an HTML page in document order (sax in its lenient, HTML-tolerant mode). */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const open: HtmlTag[] = [];
  const parser = sax.parser(false, { lowercase: true });
  parser.onopentag = (node) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes)) attrs[k] = typeof v === "string" ? v : v.value;
    const tag: HtmlTag = { name: node.name, attrs, text: "" };
    tags.push(tag);
    open.push(tag);
  };
  parser.onclosetag = () => {
    open.pop();
  };
  parser.ontext = (t) => {
    if (open.length > 0) open[open.length - 1].text += t;
  };
  parser.write(html).close();
  return tags;
}

export interface ScriptTag {
  src: string;
  defer: boolean;
  async: boolean;
}

export function scriptTags(html: string): ScriptTag[] {
  return htmlTags(html)
    .filter((t) => t.name === "script")
    .map((t) => ({ src: t.attrs.src ?? "", defer: "defer" in t.attrs, async: "async" in t.attrs }));
}
