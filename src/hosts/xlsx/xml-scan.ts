/**
 * A streaming XML tag scanner over bytes, for the two big parts of an .xlsx we read (a worksheet's
 * sheetData and the shared strings). A full-height sheet is ~200 MB of XML with ~10 million tags;
 * a general parser (sax) spent 9 s just tokenizing it. Here the markup (ASCII) is scanned as bytes
 * without decoding it to a string, tags are reported as byte positions, and only the text a caller
 * wants (a cell's value) is ever decoded — about a second for the same sheet.
 *
 * What it handles: namespace prefixes (the sink sees local names), self-closing tags, quoted
 * attribute values (a ">" inside quotes does not end a tag), comments, processing instructions,
 * <!DOCTYPE>, and CDATA sections and comments inside text. What it does not do: validate, or expand
 * entities other than the five predefined ones and character references.
 */

export interface TagSink {
  /**
   * One tag, `buf[start]` = "<" … `buf[end]` = ">". The local name is `buf[nameStart, nameEnd)`.
   * `close` for "</x>", `selfClosing` for "<x/>". Text after the tag runs to the next "<", which is
   * always inside `buf` (read it with `readText`).
   */
  tag(buf: Buffer, close: boolean, selfClosing: boolean, nameStart: number, nameEnd: number, start: number, end: number): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const COLON = 58;
const DQ = 34;
const SQ = 39;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

function startsWithAscii(buf: Buffer, at: number, lit: string): boolean {
  if (at + lit.length > buf.length) return false;
  for (let i = 0; i < lit.length; i++) if (buf[at + i] !== lit.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(buf: Buffer, lit: string, from: number): number {
  return buf.indexOf(lit, from, "latin1");
}

/**
 * The last "<" of `buf` that starts a start or end tag (text may go on after a comment, CDATA
 * section or processing instruction, and a "<" may sit inside a comment or CDATA section that is
 * still open); -1 if there is none.
 */
function safeLimit(buf: Buffer): number {
  let x = buf.lastIndexOf(LT);
  while (x >= 0) {
    const next = x + 1 < buf.length ? buf[x + 1] : -1;
    if (next === BANG || next === QMARK || next === -1) {
      x = x > 0 ? buf.lastIndexOf(LT, x - 1) : -1;
      continue;
    }
    const cs = buf.lastIndexOf("<![CDATA[", x, "latin1");
    if (cs >= 0) {
      const ce = indexOfAscii(buf, "]]>", cs + 9);
      if (ce < 0 || ce + 2 > x) {
        x = cs > 0 ? buf.lastIndexOf(LT, cs - 1) : -1;
        continue;
      }
    }
    const ms = buf.lastIndexOf("<!--", x, "latin1");
    if (ms >= 0) {
      const me = indexOfAscii(buf, "-->", ms + 4);
      if (me < 0 || me + 2 > x) {
        x = ms > 0 ? buf.lastIndexOf(LT, ms - 1) : -1;
        continue;
      }
    }
    return x;
  }
  return -1;
}

export class XmlByteScanner {
  private carry: Buffer | undefined;

  constructor(private readonly sink: TagSink) {}

  /** Scan a chunk; an incomplete tag at its end is kept for the next chunk. */
  write(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    // Process up to the last "<" that starts markup outside comments and CDATA: every text before
    // it is complete, so a sink can read it whole.
    const limit = safeLimit(buf);
    if (limit < 0) {
      this.carry = Buffer.from(buf);
      return;
    }
    const stop = this.scan(buf, limit, false);
    this.carry = Buffer.from(buf.subarray(stop));
  }

  /** Scan what is left; throws if the input ends inside a tag. */
  end(): void {
    const buf = this.carry;
    this.carry = undefined;
    if (!buf || buf.length === 0) return;
    const stop = this.scan(buf, buf.length, true);
    const rest = buf.subarray(stop).toString("utf8").trim();
    if (rest.length > 0) throw new Error(`unexpected end of XML in "${rest.slice(0, 40)}"`);
  }

  /** Scan tags starting before `limit`; returns where scanning stopped (the start of an unfinished tag). */
  private scan(buf: Buffer, limit: number, final: boolean): number {
    const sink = this.sink;
    const n = buf.length;
    let i = buf.indexOf(LT, 0);
    while (i >= 0 && (i < limit || (final && i < n))) {
      const c1 = buf[i + 1];
      if (c1 === BANG) {
        let end: number;
        if (startsWithAscii(buf, i, "<!--")) end = indexOfAscii(buf, "-->", i + 4) + 2;
        else if (startsWithAscii(buf, i, "<![CDATA[")) end = indexOfAscii(buf, "]]>", i + 9) + 2;
        else end = buf.indexOf(GT, i);
        if (end < 2 || end < i) return i;
        i = buf.indexOf(LT, end + 1);
        continue;
      }
      if (c1 === QMARK) {
        const end = indexOfAscii(buf, "?>", i + 2);
        if (end < 0) return i;
        i = buf.indexOf(LT, end + 2);
        continue;
      }
      const close = c1 === SLASH;
      let p = close ? i + 2 : i + 1;
      let nameStart = p;
      while (p < n && !isNameEnd(buf[p])) {
        if (buf[p] === COLON) nameStart = p + 1;
        p++;
      }
      const nameEnd = p;
      // Find the ">" that ends the tag, stepping over quoted attribute values.
      let end = -1;
      while (p < n) {
        const c = buf[p];
        if (c === GT) {
          end = p;
          break;
        }
        if (c === DQ || c === SQ) {
          const q = buf.indexOf(c, p + 1);
          if (q < 0) break;
          p = q + 1;
        } else p++;
      }
      if (end < 0) return i;
      const selfClosing = !close && buf[end - 1] === SLASH;
      sink.tag(buf, close, selfClosing, nameStart, nameEnd, i, end);
      i = buf.indexOf(LT, end + 1);
    }
    return i < 0 ? n : i;
  }
}

/** Whether `buf[s, e)` is the ASCII text `lit`. */
export function nameIs(buf: Buffer, s: number, e: number, lit: string): boolean {
  if (e - s !== lit.length) return false;
  for (let i = 0; i < lit.length; i++) if (buf[s + i] !== lit.charCodeAt(i)) return false;
  return true;
}

/**
 * The text after a tag ending at `tagEnd`, up to the next tag, decoded (UTF-8, entities; CDATA
 * sections kept literally; comments and processing instructions left out). Returns the text and
 * where it stops.
 */
export function readText(buf: Buffer, tagEnd: number): { text: string; next: number } {
  let from = tagEnd + 1;
  let out = "";
  for (;;) {
    let lt = buf.indexOf(LT, from);
    if (lt < 0) lt = buf.length;
    if (lt > from) out += decodeEntities(buf.toString("utf8", from, lt));
    if (lt >= buf.length) return { text: out, next: lt };
    let skipTo = -1;
    if (startsWithAscii(buf, lt, "<![CDATA[")) {
      const end = indexOfAscii(buf, "]]>", lt + 9);
      if (end >= 0) {
        out += buf.toString("utf8", lt + 9, end);
        skipTo = end + 3;
      }
    } else if (startsWithAscii(buf, lt, "<!--")) {
      const end = indexOfAscii(buf, "-->", lt + 4);
      if (end >= 0) skipTo = end + 3;
    } else if (buf[lt + 1] === QMARK) {
      const end = indexOfAscii(buf, "?>", lt + 2);
      if (end >= 0) skipTo = end + 2;
    }
    if (skipTo < 0) return { text: out, next: lt };
    from = skipTo;
  }
}

/** Where the last successful `findAttr` found its value: `buf[attrStart, attrEnd)`. Module state, so the hot path allocates nothing. */
export let attrStart = 0;
export let attrEnd = 0;

/**
 * Find attribute `name` (local name, e.g. "r") in the tag whose name ends at `nameEnd` and which
 * ends at `end`; on success its value is `buf[attrStart, attrEnd)`.
 */
export function findAttr(buf: Buffer, nameEnd: number, end: number, name: string): boolean {
  let p = nameEnd;
  while (p < end) {
    const c = buf[p];
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH) {
      p++;
      continue;
    }
    // attribute name [as, ae)
    let as = p;
    while (p < end && buf[p] !== 61 /* = */ && !(buf[p] === 32 || buf[p] === 9 || buf[p] === 10 || buf[p] === 13)) {
      if (buf[p] === COLON) as = p + 1;
      p++;
    }
    const ae = p;
    while (p < end && buf[p] !== 61) p++;
    p++;
    while (p < end && buf[p] !== DQ && buf[p] !== SQ) p++;
    if (p >= end) return false;
    const ve = buf.indexOf(buf[p], p + 1);
    if (ve < 0 || ve > end) return false;
    if (nameIs(buf, as, ae, name)) {
      attrStart = p + 1;
      attrEnd = ve;
      return true;
    }
    p = ve + 1;
  }
  return false;
}

/** Attribute value as a string (entities decoded), or undefined. */
export function attrText(buf: Buffer, nameEnd: number, end: number, name: string): string | undefined {
  return findAttr(buf, nameEnd, end, name) ? decodeEntities(buf.toString("utf8", attrStart, attrEnd)) : undefined;
}

/** Decode the predefined entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number written in `buf[s, e)` (XML double lexical form). Plain decimals of up to 15 digits
 * are computed directly — digits / 10^k is then exactly the correctly rounded value Number() gives;
 * anything else (exponents, long mantissas, INF/NaN) goes through Number().
 */
export function parseNumber(buf: Buffer, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9 || buf[s] === 10 || buf[s] === 13)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9 || buf[e - 1] === 10 || buf[e - 1] === 13)) e--;
  if (s === e) return Number.NaN;
  let p = s;
  let neg = false;
  if (buf[p] === 45 /* - */) {
    neg = true;
    p++;
  } else if (buf[p] === 43 /* + */) p++;
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; p < e; p++) {
    const c = buf[p];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 /* . */ && frac < 0) frac = 0;
    else break;
  }
  if (p === e && digits > 0 && digits <= 15) {
    const v = frac > 0 ? mant / POW10[frac] : mant;
    return neg ? -v : v;
  }
  return Number(buf.toString("latin1", s, e));
}

/** A non-negative integer written in `buf[s, e)`, or -1. */
export function parseIndex(buf: Buffer, s: number, e: number): number {
  let n = 0;
  let any = false;
  for (let p = s; p < e; p++) {
    const c = buf[p];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      any = true;
    } else if (!(c === 32 || c === 9 || c === 10 || c === 13)) return -1;
  }
  return any ? n : -1;
}
