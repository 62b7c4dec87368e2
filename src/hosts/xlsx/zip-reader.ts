/**
 * A read-only view of a zip package held in memory, inflating entries with Node's native zlib.
 * Reading is the hot path of the CLI (a sheet of 1,048,576 rows is ~200 MB of XML): JSZip's
 * JavaScript inflate took 4.8 s of that where zlib takes well under one, and a stream lets the
 * XML be parsed while it inflates, without ever holding it whole.
 *
 * Handles the zip features Office and common writers use: stored and deflated entries, data
 * descriptors, ZIP64 sizes and offsets, and part names that differ only in case (OPC part names are
 * case-insensitive).
 */
import { Readable } from "stream";
import * as zlib from "zlib";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly crc: number;
}

export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip64 value too large");
  return Number(v);
}

export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();

  constructor(private readonly buf: Buffer) {
    const eocd = this.findEocd();
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
      const loc = eocd - 20;
      if (loc < 0 || buf.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR) throw new ZipFormatError("zip64 end record missing");
      const at = u64(buf, loc + 8);
      if (at + 56 > buf.length || buf.readUInt32LE(at) !== SIG_EOCD64) throw new ZipFormatError("zip64 end record damaged");
      count = u64(buf, at + 32);
      cdSize = u64(buf, at + 40);
      cdOffset = u64(buf, at + 48);
    }
    if (cdOffset + cdSize > buf.length) throw new ZipFormatError("central directory is outside the file (truncated?)");
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError("central directory damaged");
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
      // ZIP64 extended information: only the fields whose 32-bit value is saturated are present, in this order.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = buf.readUInt16LE(x);
        const len = buf.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === MAX32) {
            size = u64(buf, q);
            q += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = u64(buf, q);
            q += 8;
          }
          if (localOffset === MAX32) localOffset = u64(buf, q);
        }
        x += 4 + len;
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, localOffset, crc };
      this.entries.set(name, entry);
      this.folded.set(name.toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  private findEocd(): number {
    const buf = this.buf;
    if (buf.length < 22) throw new ZipFormatError("too short to be a zip package");
    const stop = Math.max(0, buf.length - 22 - 0xffff);
    for (let i = buf.length - 22; i >= stop; i--) {
      if (buf.readUInt32LE(i) === SIG_EOCD) return i;
    }
    throw new ZipFormatError("end of central directory not found (the file is truncated or not a zip package)");
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry of a part name (leading "/" ignored; case-insensitive as OPC part names are). */
  entry(name: string): ZipEntry | undefined {
    const n = name.replace(/^\//, "");
    return this.entries.get(n) ?? this.folded.get(n.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The entries in the order of the central directory. */
  list(): ZipEntry[] {
    return [...this.entries.values()];
  }

  /** The compressed bytes of an entry, for copying it unchanged into another package. */
  compressed(e: ZipEntry): Buffer {
    return this.raw(e);
  }

  private raw(e: ZipEntry): Buffer {
    if (e.flags & 0x1) throw new ZipFormatError(`${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`${e.name} uses unsupported compression method ${e.method}`);
    const at = e.localOffset;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== SIG_LOCAL) throw new ZipFormatError(`${e.name}: local header damaged`);
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > this.buf.length) throw new ZipFormatError(`${e.name} is cut off (the file is truncated)`);
    return this.buf.subarray(start, end);
  }

  /** The whole content of a (small) entry. */
  read(name: string): Buffer {
    const e = this.entry(name);
    if (!e) throw new ZipFormatError(`no part ${name}`);
    const data = this.raw(e);
    if (e.method === 0) return data;
    try {
      return zlib.inflateRawSync(data);
    } catch (err) {
      throw new ZipFormatError(`${e.name}: ${(err as Error).message}`);
    }
  }

  readText(name: string): string | undefined {
    return this.has(name) ? this.read(name).toString("utf8") : undefined;
  }

  /** A stream of the inflated content, in chunks of `chunkSize` bytes. */
  stream(name: string, chunkSize = 256 * 1024): Readable {
    const e = this.entry(name);
    if (!e) throw new ZipFormatError(`no part ${name}`);
    const data = this.raw(e);
    if (e.method === 0) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
      return Readable.from(chunks);
    }
    const inflate = zlib.createInflateRaw({ chunkSize });
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += 1024 * 1024) yield data.subarray(i, i + 1024 * 1024);
      })(),
    );
    source.on("error", (err) => inflate.destroy(err));
    return source.pipe(inflate);
  }
}
