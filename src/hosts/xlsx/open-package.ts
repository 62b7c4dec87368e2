/**
 * Opening a user's .xlsx for reading: every way a file can be wrong (missing, a folder, empty,
 * password-protected, an old .xls, not a zip, truncated, no workbook part) becomes a
 * KamInputException naming the file, before any sheet is read.
 */
import { promises as fs } from "fs";
import { KamInputException } from "../../domain/errors";
import { fileErrors } from "./input-errors";
import { ZipReader } from "./zip-reader";
import { findTags, parseAttributes, parseRelationships, resolvePartPath, relsPathOf, unesc } from "./xml";

export interface SheetEntry {
  readonly name: string;
  /** Zip path of the worksheet part. */
  readonly part: string;
  readonly hidden: boolean;
  /** The KAM_REPORT mark of a report sheet this add-in wrote, if any. */
  readonly reportKey?: string;
}

export interface OpenedPackage {
  readonly file: string;
  readonly zip: ZipReader;
  readonly workbookPart: string;
  readonly sheets: readonly SheetEntry[];
  readonly sharedStringsPart?: string;
  readonly stylesPart?: string;
  /** The workbook counts dates from 1904 (old Mac files). */
  readonly date1904: boolean;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function errCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An encrypted OOXML file is a CFB container holding an "EncryptionInfo" stream; an .xls holds "Workbook"/"Book". */
function isEncryptedCfb(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from("EncryptionInfo", "utf16le")) || bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
}

/** The checks every reader shares (exists, is a file, not empty); returns the size. */
async function checkInputFile(file: string): Promise<number> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw fileErrors.notAFile(file);
    size = st.size;
  } catch (e) {
    if (errCode(e) === "ENOENT" || errCode(e) === "ENOTDIR") throw fileErrors.missing(file);
    if (e instanceof KamInputException) throw e;
    throw fileErrors.unreadableIo(file, message(e));
  }
  if (size === 0) throw fileErrors.empty(file);
  return size;
}

/** Read the whole file after the shared checks. */
export async function readInputFile(file: string): Promise<Buffer> {
  await checkInputFile(file);
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw fileErrors.unreadableIo(file, message(e));
  }
}

/** The first `n` bytes of the file (fewer if it is shorter), after the shared checks. */
export async function readInputFileHead(file: string, n: number): Promise<Buffer> {
  await checkInputFile(file);
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(file, "r");
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw fileErrors.unreadableIo(file, message(e));
  } finally {
    await fh?.close();
  }
}

export async function openPackage(file: string): Promise<OpenedPackage> {
  const bytes = await readInputFile(file);
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    throw isEncryptedCfb(bytes) ? fileErrors.encrypted(file) : fileErrors.legacyXls(file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw fileErrors.notXlsx(file, "not a zip package");
  let zip: ZipReader;
  try {
    zip = new ZipReader(bytes);
  } catch (e) {
    throw fileErrors.notXlsx(file, message(e));
  }
  const read = (part: string): string | undefined => {
    try {
      return zip.readText(part);
    } catch (e) {
      throw fileErrors.notXlsx(file, message(e));
    }
  };

  const rootRels = parseRelationships((read("_rels/.rels")) ?? "");
  const office = rootRels.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPart = office ? resolvePartPath("", office.target) : "xl/workbook.xml";
  const wbXml = read(workbookPart);
  if (wbXml === undefined) throw fileErrors.notXlsx(file, "no workbook part");
  const rels = parseRelationships((read(relsPathOf(workbookPart))) ?? "");
  const byId = new Map(rels.map((r) => [r.id, r]));

  const marks = new Map<number, string>();
  const dn = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = dn.exec(wbXml)) !== null) {
    const attrs = parseAttributes(m[1]);
    const value = /^"((?:[^"]|"")*)"$/.exec(unesc(m[2]).trim());
    if (attrs.name === "KAM_REPORT" && attrs.localSheetId !== undefined && value) marks.set(Number(attrs.localSheetId), value[1].replace(/""/g, '"'));
  }

  const sheets: SheetEntry[] = [];
  const sheetTags = [...findTags(wbXml, "sheet"), ...findTags(wbXml, "x:sheet")].sort((a, b) => a.index - b.index);
  sheetTags.forEach((t, i) => {
    const rel = byId.get(t.attrs["r:id"] ?? "");
    if (!rel || !/\/worksheet$/.test(rel.type) || t.attrs.name === undefined) return;
    const reportKey = marks.get(i);
    sheets.push({
      name: t.attrs.name,
      part: resolvePartPath(workbookPart, rel.target),
      hidden: t.attrs.state === "hidden" || t.attrs.state === "veryHidden",
      ...(reportKey !== undefined ? { reportKey } : {}),
    });
  });
  const ss = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const st = rels.find((r) => /\/styles$/.test(r.type));
  const pr = findTags(wbXml, "workbookPr")[0]?.attrs.date1904;
  return {
    file,
    zip,
    workbookPart,
    sheets,
    sharedStringsPart: ss ? resolvePartPath(workbookPart, ss.target) : undefined,
    stylesPart: st ? resolvePartPath(workbookPart, st.target) : undefined,
    date1904: pr === "1" || pr === "true",
  };
}

/**
 * The sheet called `name` (exactly, else ignoring case), or an error listing the sheets there are.
 * Without a name: the first visible worksheet — the first tab the user sees [chosen].
 */
export function pickSheet(pkg: OpenedPackage, name: string | undefined): SheetEntry {
  if (pkg.sheets.length === 0) throw fileErrors.noSheets(pkg.file);
  if (name === undefined) return pkg.sheets.find((s) => !s.hidden) ?? pkg.sheets[0];
  const exact = pkg.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const folded = name.trim().toLocaleUpperCase("en-US");
  const loose = pkg.sheets.find((s) => s.name.toLocaleUpperCase("en-US") === folded);
  if (loose) return loose;
  throw fileErrors.sheetMissing(
    pkg.file,
    name,
    pkg.sheets.map((s) => s.name),
  );
}
