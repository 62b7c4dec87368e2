import JSZip from "jszip";
import fc from "fast-check";
import { attrText, decodeEntities, nameIs, parseNumber, readText, XmlByteScanner } from "../../../src/hosts/xlsx/xml-scan";
import { ZipReader } from "../../../src/hosts/xlsx/zip-reader";
import { TableCollector, type Cell } from "../../../src/hosts/xlsx/table-collector";

/** Scan XML given as byte chunks; record "<name attrs>" / "</name>" / text events. */
function events(chunks: readonly Buffer[]): string[] {
  const out: string[] = [];
  const scanner = new XmlByteScanner({
    tag(buf, close, selfClosing, ns, ne, _start, end) {
      const name = buf.toString("utf8", ns, ne);
      if (close) out.push(`</${name}>`);
      else {
        out.push(`<${name}${attrText(buf, ne, end, "a") !== undefined ? ` a=${attrText(buf, ne, end, "a")}` : ""}>`);
        if (selfClosing) out.push(`</${name}>`);
        else {
          const t = readText(buf, end).text;
          if (t.trim() !== "") out.push(`text:${t}`);
        }
      }
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return out;
}

function cut(buf: Buffer, points: number[]): Buffer[] {
  const ps = [...new Set(points.map((p) => p % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of ps) {
    out.push(buf.subarray(last, p));
    last = p;
  }
  out.push(buf.subarray(last));
  return out;
}

describe("the byte-level XML scanner", () => {
  const xml = Buffer.from(
    '<?xml version="1.0"?><!-- a <comment> --><x:root xmlns:x="u"><x:c a="1 > 0" b=\'q"\'>t &amp; &#x4E2D;文</x:c><v/><w a = "sp"/>' +
      "<t><![CDATA[<raw> & ]]></t><u>a<!-- <c> -->b<?pi x?>c</u></x:root>",
    "utf8",
  );

  test("reports local names, attributes (with > inside quotes), self-closing tags, decoded text, CDATA, and skips comments", () => {
    expect(events([xml])).toEqual([
      "<root>",
      "<c a=1 > 0>",
      "text:t & 中文",
      "</c>",
      "<v>",
      "</v>",
      "<w a=sp>",
      "</w>",
      "<t>",
      "text:<raw> & ",
      "</t>",
      "<u>",
      "text:abc",
      "</u>",
      "</root>",
    ]);
  });

  test("property: the events do not depend on where the bytes are cut (multi-byte characters included)", () => {
    const whole = events([xml]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), (points) => {
        expect(events(cut(xml, points))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test("a chunk without any markup is kept for the next one", () => {
    expect(events([Buffer.from("<a>"), Buffer.from("x".repeat(1000)), Buffer.from("</a>")])).toEqual(["<a>", `text:${"x".repeat(1000)}`, "</a>"]);
  });

  test("input that ends inside a tag is an error", () => {
    expect(() => events([Buffer.from("<a><b c='1'")])).toThrow(/unexpected end/);
  });

  test("entities and character references are decoded", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;")).toBe("<>&\"'A😀");
    expect(nameIs(Buffer.from("row"), 0, 3, "row")).toBe(true);
    expect(nameIs(Buffer.from("rows"), 0, 4, "row")).toBe(false);
  });
});

describe("numbers in cell values", () => {
  test("property: parseNumber agrees exactly with Number() on what spreadsheet writers write", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        for (const text of [String(n), n.toPrecision(15), n.toExponential(), n.toFixed(Math.min(20, Math.max(0, 8)))]) {
          const b = Buffer.from(text, "latin1");
          expect(Object.is(parseNumber(b, 0, b.length), Number(text))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("decimals up to 15 digits, signs, surrounding space; anything else goes to Number()", () => {
    const p = (s: string): number => parseNumber(Buffer.from(s), 0, s.length);
    expect(p("89632.25")).toBe(89632.25);
    expect(p("-0.1")).toBe(-0.1);
    expect(p(" 42 ")).toBe(42);
    expect(p("1.5E3")).toBe(1500);
    expect(p("123456789012345678")).toBe(Number("123456789012345678"));
    expect(p("abc")).toBeNaN();
    expect(p("")).toBeNaN();
  });
});

describe("the zip reader", () => {
  async function pkg(compression: "STORE" | "DEFLATE"): Promise<Buffer> {
    const z = new JSZip();
    z.file("xl/Worksheets/Sheet1.xml", "<a>" + "x".repeat(300_000) + "中</a>");
    z.file("small.txt", "hello");
    return z.generateAsync({ type: "nodebuffer", compression });
  }

  test.each(["STORE", "DEFLATE"] as const)("reads %s entries whole and as a stream; part names ignore case", async (compression) => {
    const zip = new ZipReader(await pkg(compression));
    expect(zip.readText("small.txt")).toBe("hello");
    expect(zip.has("/xl/worksheets/sheet1.xml")).toBe(true);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = zip.stream("xl/worksheets/sheet1.xml", 64 * 1024);
      s.on("data", (c: Buffer) => chunks.push(c));
      s.on("end", resolve);
      s.on("error", reject);
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString("utf8")).toBe("<a>" + "x".repeat(300_000) + "中</a>");
  });

  test("a truncated package is refused before any part is read", async () => {
    const bytes = await pkg("DEFLATE");
    expect(() => new ZipReader(bytes.subarray(0, bytes.length - 30))).toThrow(/end of central directory|central directory/);
    expect(() => new ZipReader(Buffer.from("not a zip at all, just text"))).toThrow();
  });
});

describe("collecting rows into a table", () => {
  test("header is the first non-empty row; columns start at the leftmost value; trailing empty rows are dropped", () => {
    // Readers hand over sparse rows: cells[c] only where column c has a value.
    const sparse = (entries: [number, Cell][]): Cell[] => {
      const a: Cell[] = [];
      for (const [i, v] of entries) a[i] = v;
      return a;
    };
    const c = new TableCollector();
    c.push(1, ["", "", ""]);
    c.push(2, sparse([[2, "H1"], [3, "H2"]]));
    c.push(3, sparse([[1, "left"]]));
    c.push(5, sparse([[2, 1], [3, 2], [4, 3]]));
    c.push(7, ["", ""]);
    const t = c.finish("S");
    expect(t).toEqual({ sheet: "S", row: 2, col: 1, header: ["", "H1", "H2", ""], rows: [["left", "", "", ""], ["", "", "", ""], ["", 1, 2, 3]] });
  });

  test("rows must arrive in order", () => {
    const c = new TableCollector();
    c.push(3, ["a"]);
    expect(() => c.push(3, ["b"])).toThrow(/in order/);
  });
});
