/**
 * Writing a zip package into memory, entry by entry: entries copied unchanged from another
 * package keep their compressed bytes (no inflate/deflate round trip), new or edited entries are
 * deflated with Node's native zlib — also from a stream, so a large worksheet part is never held
 * whole. Used to finish the package ExcelJS's streaming writer produced.
 */
import { Readable } from "stream";
import * as zlib from "zlib";
import type { ZipEntry } from "./zip-reader";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the zip one), continued from `crc` over `buf`. */
export function crc32(buf: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

const MAX32 = 0xffffffff;
/** DOS date/time of 1980-01-01 00:00: the package's parts carry no meaningful time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly names = new Set<string>();

  private push(b: Buffer): void {
    this.chunks.push(b);
    this.offset += b.length;
  }

  private localHeader(name: Buffer, method: number, crc: number, compressedSize: number, size: number): void {
    if (compressedSize > MAX32 || size > MAX32 || this.offset > MAX32) throw new Error("package part too large for a zip without ZIP64");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x800, 6); // UTF-8 names
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(DOS_TIME, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressedSize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    this.push(h);
    this.push(name);
  }

  private claim(name: string): Buffer {
    if (this.names.has(name)) throw new Error(`duplicate part ${name}`);
    this.names.add(name);
    return Buffer.from(name, "utf8");
  }

  /** Copy an entry of another package as it is (its compressed bytes and CRC). */
  addRaw(entry: ZipEntry, compressed: Buffer): void {
    const name = this.claim(entry.name);
    const offset = this.offset;
    this.localHeader(name, entry.method, entry.crc, compressed.length, entry.size);
    this.push(compressed);
    this.entries.push({ name, method: entry.method, crc: entry.crc, compressedSize: compressed.length, size: entry.size, offset });
  }

  /** Add a part from bytes or text, deflated. */
  add(partName: string, content: Buffer | string): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const name = this.claim(partName);
    const compressed = zlib.deflateRawSync(data, { level: 6 });
    const offset = this.offset;
    const crc = crc32(data);
    this.localHeader(name, 8, crc, compressed.length, data.length);
    this.push(compressed);
    this.entries.push({ name, method: 8, crc, compressedSize: compressed.length, size: data.length, offset });
  }

  /** Add a part from a stream, deflated as it arrives. */
  async addStream(partName: string, source: Readable): Promise<void> {
    const name = this.claim(partName);
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    deflate.on("data", (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
      source.on("error", (e) => {
        deflate.destroy(e);
        reject(e);
      });
    });
    source.on("data", (c: Buffer) => {
      crc = crc32(c, crc);
      size += c.length;
    });
    source.pipe(deflate);
    await done;
    const compressed = Buffer.concat(out);
    const offset = this.offset;
    this.localHeader(name, 8, crc, compressed.length, size);
    this.push(compressed);
    this.entries.push({ name, method: 8, crc, compressedSize: compressed.length, size, offset });
  }

  /** The finished package: entries, central directory, end record. */
  finish(): Buffer {
    const cdStart = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x800, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.push(h);
      this.push(e.name);
    }
    const cdSize = this.offset - cdStart;
    if (this.entries.length > 0xffff || cdStart > MAX32) throw new Error("package too large for a zip without ZIP64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }
}
