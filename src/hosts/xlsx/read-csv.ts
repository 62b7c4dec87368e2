/**
 * Reading a CSV file into a SourceTable, streamed (a million lines never become one string).
 *
 * - Encoding: UTF-8 with or without BOM; a UTF-16 file with BOM (Excel's "Unicode text"); and,
 *   when the bytes are not valid UTF-8, GB18030 — what Excel in Chinese writes for plain "CSV".
 * - Separator: a first line "sep=;" (Excel's own directive) wins; otherwise the character among
 *   comma, semicolon and tab that occurs most often outside quotes in the first non-empty record
 *   (comma on a tie or when there is none).
 * - Quoting: RFC 4180 — a quoted field may hold separators, line breaks and doubled quotes. A quote
 *   inside an unquoted field is kept as an ordinary character, as Excel does.
 * - Values become what Excel would hand an add-in after opening the file (see csvValue), so a CSV
 *   and the same data in an .xlsx give the same report.
 */
import { createReadStream } from "fs";
import * as path from "path";
import type { SourceTable } from "../../reports/source";
import { fileErrors } from "./input-errors";
import { readInputFileHead } from "./open-package";
import { TableCollector, type Cell } from "./table-collector";

export type CsvSeparator = "," | ";" | "\t";

export interface CsvOptions {
  /** Force a separator instead of detecting it. */
  readonly separator?: CsvSeparator;
}

const DAY_MS = 86_400_000;
const SERIAL_ZERO_MS = Date.UTC(1899, 11, 30);

function isoSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  // Excel's serials follow real calendar days only from 1900-03-01 on (it counts a 29 Feb 1900).
  if (ms < Date.UTC(1900, 2, 1)) return undefined;
  return (ms - SERIAL_ZERO_MS) / DAY_MS + (hh * 3600 + mm * 60 + ss) / 86_400;
}

const DOT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+(?:,\d+)?$/;
const DOT_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ERROR_TEXTS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);

/**
 * What Excel would hand an add-in for a CSV field after opening the file [chosen]:
 * - numbers as numbers: "1234.5", "-3", "1e3", "12.5%" (→ 0.125), "1,234.5" (quoted, comma files);
 *   in semicolon files the comma is the decimal mark: "12,5", "1.234,5";
 * - TRUE/FALSE as booleans, ISO dates "2026-03-01" / "2026/3/1" (with an optional time) as date serials;
 * - error texts ("#N/A") as they are — that is how Excel hands errors over;
 * - unlike Excel, text that only looks like a number stays text when converting would lose
 *   information: leading zeros ("007", a code) and more than 15 significant digits (an ID number);
 * - everything else, including "" for an empty field, unchanged.
 */
export function csvValue(raw: string, separator: CsvSeparator): Cell {
  if (raw === "") return "";
  const t = raw.trim();
  if (t === "") return raw;
  const c0 = t.charCodeAt(0);
  const numeric = (c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45 || c0 === 46;
  if (numeric) {
    let s = t;
    let scale = 1;
    if (s.endsWith("%")) {
      s = s.slice(0, -1).trimEnd();
      scale = 0.01;
    }
    let normal: string | undefined;
    if (separator === ";") {
      if (COMMA_DECIMAL.test(s)) normal = s.replace(",", ".");
      else if (DOT_THOUSANDS.test(s)) normal = s.replace(/\./g, "").replace(",", ".");
      else if (DOT_NUMBER.test(s)) normal = s;
    } else if (DOT_NUMBER.test(s)) normal = s;
    else if (COMMA_THOUSANDS.test(s)) normal = s.replace(/,/g, "");
    if (normal !== undefined) {
      const mantissa = normal.replace(/^[+-]/, "").replace(/[eE].*$/, "");
      const leadingZero = /^0\d/.test(mantissa);
      const significant = mantissa.replace(".", "").replace(/^0+/, "").length;
      if (!leadingZero && significant <= 15) {
        const n = Number(normal) * scale;
        if (Number.isFinite(n)) return scale === 1 ? n : Number(n.toPrecision(15));
      }
      return raw;
    }
    const d = ISO_DATE.exec(t);
    if (d) {
      const serial = isoSerial(+d[1], +d[2], +d[3], d[4] ? +d[4] : 0, d[5] ? +d[5] : 0, d[6] ? +d[6] : 0);
      if (serial !== undefined) return serial;
    }
    return raw;
  }
  const upper = t.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  if (ERROR_TEXTS.has(upper)) return upper;
  return raw;
}

/** Separator of the first non-empty record: most frequent of , ; tab outside quotes; comma on a tie. */
export function detectSeparator(firstRecord: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstRecord) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  let best: CsvSeparator = ",";
  for (const s of [";", "\t"] as const) if (counts[s] > counts[best]) best = s;
  return best;
}

/** The first record's text (up to a line break outside quotes), for separator detection. */
function firstRecordOf(text: string): string | undefined {
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (!quoted && (ch === 10 || ch === 13)) {
      if (text.slice(start, i).trim() !== "") return text.slice(start, i);
      start = i + 1;
    }
  }
  return undefined;
}

class EncodingError extends Error {}

/** TextDecoder in fatal mode throws this code on bytes that are not valid in the encoding. */
function asEncodingError(e: unknown): unknown {
  const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  return code === "ERR_ENCODING_INVALID_ENCODED_DATA" ? new EncodingError(String(e)) : e;
}

/**
 * Streaming RFC 4180 parser: feed text in chunks of any size with `write`, then `end`; each record
 * is emitted with its 0-based index and its fields converted by csvValue.
 */
export class CsvParser {
  private field = "";
  private record: Cell[] = [];
  private quoted = false;
  /** The current field started with a quote (it is a quoted field). */
  private wasQuoted = false;
  /** Just saw a quote inside a quoted field: either the closing quote or the first of a doubled pair. */
  private quotePending = false;
  private afterCR = false;
  private recordIndex = 0;
  private line = 1;
  private quoteLine = 1;
  private readonly sep: number;

  constructor(
    private readonly separator: CsvSeparator,
    private readonly onRecord: (index: number, cells: Cell[]) => void,
  ) {
    this.sep = separator.charCodeAt(0);
  }

  private endField(): void {
    // Quoted or not, Excel converts the field the same way ("123" in quotes becomes a number too).
    this.record.push(csvValue(this.field, this.separator));
    this.field = "";
    this.wasQuoted = false;
  }

  private endRecord(): void {
    this.endField();
    const r = this.record;
    this.record = [];
    this.onRecord(this.recordIndex++, r);
  }

  write(text: string): void {
    let fieldStart = 0;
    const n = text.length;
    let i = 0;
    // Plain characters are copied in runs (slice) rather than one by one.
    const flush = (to: number): void => {
      if (to > fieldStart) this.field += text.slice(fieldStart, to);
    };
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === 10) {
          fieldStart = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === 34) {
            // "" inside quotes: one literal quote (the first was not copied).
            fieldStart = i;
            continue;
          }
          this.quoted = false;
          // fall through: the quote closed the field; this character is handled as unquoted.
        } else {
          if (c === 34) {
            flush(i);
            this.quotePending = true;
            fieldStart = i + 1;
          } else if (c === 10 || c === 13) {
            if (c === 10 || text.charCodeAt(i + 1) !== 10) this.line++;
          }
          continue;
        }
      }
      if (c === this.sep) {
        flush(i);
        this.endField();
        fieldStart = i + 1;
      } else if (c === 10 || c === 13) {
        flush(i);
        this.endRecord();
        this.line++;
        if (c === 13) this.afterCR = true;
        fieldStart = i + 1;
      } else if (c === 34 && this.field === "" && fieldStart === i && !this.wasQuoted) {
        this.quoted = true;
        this.wasQuoted = true;
        this.quoteLine = this.line;
        fieldStart = i + 1;
      }
    }
    if (this.quoted && this.quotePending) return;
    flush(n);
  }

  /** End of input; `file` names the file in the unclosed-quote message. */
  end(file: string): void {
    if (this.quoted && !this.quotePending) throw fileErrors.csvUnclosedQuote(file, this.quoteLine);
    this.quoted = false;
    this.quotePending = false;
    if (this.field !== "" || this.record.length > 0 || this.wasQuoted) this.endRecord();
  }
}

type Decoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

async function parseWith(file: string, encoding: Decoding, skip: number, options: CsvOptions, collector: TableCollector): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let parser: CsvParser | undefined;
  let pending = "";
  const start = (text: string, final: boolean): string | undefined => {
    // Wait for the first complete record before choosing the separator.
    const directive = /^sep=(.)\r?\n/i.exec(text);
    if (directive && [",", ";", "\t"].includes(directive[1])) {
      parser = new CsvParser(directive[1] as CsvSeparator, (i, cells) => collector.push(i, cells));
      return text.slice(directive[0].length);
    }
    const first = firstRecordOf(text);
    if (first === undefined && !final) return undefined;
    const sep = options.separator ?? detectSeparator(first ?? text);
    parser = new CsvParser(sep, (i, cells) => collector.push(i, cells));
    return text;
  };
  const feed = (text: string, final: boolean): void => {
    if (parser) {
      parser.write(text);
      return;
    }
    pending += text;
    const ready = start(pending, final);
    if (ready !== undefined) {
      pending = "";
      parser!.write(ready);
    }
  };
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file, { start: skip, highWaterMark: 1 << 20 });
    stream.on("data", (chunk: Buffer | string) => {
      try {
        feed(decoder.decode(chunk as Buffer, { stream: true }), false);
      } catch (e) {
        stream.destroy();
        reject(asEncodingError(e));
      }
    });
    stream.on("error", (e) => reject(fileErrors.unreadableIo(file, e.message)));
    stream.on("end", () => {
      try {
        feed(decoder.decode(), true);
        if (!parser) feed("", true);
        parser!.end(file);
        resolve();
      } catch (e) {
        reject(asEncodingError(e));
      }
    });
  });
}

/** Read a CSV file into a SourceTable (header = first non-empty record). */
export async function readCsvTable(file: string, options: CsvOptions = {}): Promise<SourceTable> {
  const head = await readInputFileHead(file, 4);
  let encoding: Decoding = "utf-8";
  let skip = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
  else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = "utf-16le";
    skip = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = "utf-16be";
    skip = 2;
  }

  const name = path.basename(file);
  let collector = new TableCollector();
  try {
    await parseWith(file, encoding, skip, options, collector);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    if (encoding !== "utf-8" || skip > 0) throw fileErrors.csvEncoding(file);
    collector = new TableCollector();
    try {
      await parseWith(file, "gb18030", 0, options, collector);
    } catch (e2) {
      if (e2 instanceof EncodingError) throw fileErrors.csvEncoding(file);
      throw e2;
    }
  }
  if (collector.empty) throw fileErrors.csvEmpty(file);
  return collector.finish(name);
}
