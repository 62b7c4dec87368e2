/** `kam demo`: every report on the bundled sample, into one workbook with native charts. */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { listSheetInfo } from "../../src/hosts/xlsx/read-xlsx";
import { cleanTempDirs, filesIn, kam, sheetNames, tempDir, writeWorkbook } from "./helpers";

afterAll(cleanTempDirs);

/** Sheet name → the chart parts its drawing holds, read from the package's relationships. */
async function chartsBySheet(file: string): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async("string")) ?? "";
  const rels = (xml: string): Map<string, string> => new Map([...xml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const wbRels = rels(await text("xl/_rels/workbook.xml.rels"));
  const out = new Map<string, string[]>();
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet\b[^>]*\bname="([^"]+)"[^>]*\br:id="([^"]+)"/g)) {
    const part = `xl/${(wbRels.get(m[2]) ?? "").replace(/^\/?xl\//, "")}`;
    const sheetRels = rels(await text(part.replace(/worksheets\//, "worksheets/_rels/") + ".rels"));
    const charts: string[] = [];
    for (const target of sheetRels.values()) {
      if (!/drawings\/drawing\d+\.xml$/.test(target)) continue;
      const drawing = `xl/drawings/${path.basename(target)}`;
      for (const t of rels(await text(`xl/drawings/_rels/${path.basename(drawing)}.rels`)).values()) {
        if (/charts\/chart\d+\.xml$/.test(t)) charts.push(`xl/charts/${path.basename(t)}`);
      }
    }
    out.set(m[1].replace(/&amp;/g, "&"), charts);
  }
  return out;
}

describe("kam demo", () => {
  let dir: string;
  let first: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = tempDir();
    first = await kam(dir, ["demo"]);
  });

  test("writes kam-demo.xlsx in the working folder with every report sheet", async () => {
    expect(first.code).toBe(0);
    expect(filesIn(dir)).toEqual(["kam-demo.xlsx"]);
    const names = await sheetNames(path.join(dir, "kam-demo.xlsx"));
    for (const sheet of ["ABC analysis", "ABC analysis (profit)", "Key-account score", "Credit review", "External profile", "Internal profile", "Card template"]) {
      expect(names).toContain(sheet);
    }
    expect(names.filter((n) => n.startsWith("Stakeholders "))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith("Card ") && n !== "Card template")).toHaveLength(5);
    // Every sheet is a report sheet kam marked as its own.
    const info = await listSheetInfo(path.join(dir, "kam-demo.xlsx"));
    expect(info.every((s) => s.reportKey !== undefined)).toBe(true);
  });

  test("the charting reports carry native charts: a Pareto combo for ABC, radars for scores, profiles and stakeholders", async () => {
    const file = path.join(dir, "kam-demo.xlsx");
    const charts = await chartsBySheet(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const kinds = async (sheet: string): Promise<string[]> => {
      const parts = charts.get(sheet) ?? [];
      const xml = await Promise.all(parts.map(async (p) => (await zip.file(p)?.async("string")) ?? ""));
      return xml.map((x) => (/<c:radarChart>/.test(x) ? "radar" : /<c:barChart>/.test(x) && /<c:lineChart>/.test(x) ? "combo" : "other"));
    };
    expect(await kinds("ABC analysis")).toEqual(["combo"]);
    expect(await kinds("ABC analysis (profit)")).toEqual(["combo"]);
    expect(await kinds("Key-account score")).toEqual(["radar", "radar", "radar", "radar", "radar"]);
    expect((await kinds("External profile")).length).toBeGreaterThan(0);
    expect(new Set(await kinds("External profile"))).toEqual(new Set(["radar"]));
    expect(new Set(await kinds("Internal profile"))).toEqual(new Set(["radar"]));
    for (const [name] of charts) if (name.startsWith("Stakeholders ")) expect(await kinds(name)).toEqual(["radar"]);
    const total = [...charts.values()].reduce((n, c) => n + c.length, 0);
    expect(first.stdout).toContain(`${charts.size} report sheets, ${total} charts`);
  });

  test("prints where it wrote and a short summary: A/B/C customers, key accounts, red-list accounts", () => {
    expect(first.stdout).toMatch(/Wrote .*kam-demo\.xlsx: 17 report sheets/);
    expect(first.stdout).toMatch(/ABC \(sample, 150 customers\): A \d+ \([\d.]+ % of sales\), B \d+, C \d+\./);
    expect(first.stdout).toMatch(/Key accounts \(score ≥ 80\): \d+ of 40\. Red list: \d+ accounts, \d+ losing key-account status\./);
    expect(first.stdout).toMatch(/Cards for: .+\./);
  });

  test("runs again over its own file without --force (and in Chinese)", async () => {
    const r = await kam(dir, ["demo", "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写入");
    expect(filesIn(dir)).toEqual(["kam-demo.xlsx"]);
    const names = await sheetNames(path.join(dir, "kam-demo.xlsx"));
    expect(names).toContain("ABC 分析");
  });

  test("never replaces a kam-demo.xlsx the user made, nor an existing --out, without --force", async () => {
    const d = tempDir();
    await writeWorkbook(path.join(d, "kam-demo.xlsx"), [{ name: "Budget", rows: [["Item", "Cost"], ["Booth", 1200]] }]);
    const before = fs.readFileSync(path.join(d, "kam-demo.xlsx"));
    const r = await kam(d, ["demo"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already exists");
    expect(fs.readFileSync(path.join(d, "kam-demo.xlsx")).equals(before)).toBe(true);
    fs.writeFileSync(path.join(d, "mine.xlsx"), "x");
    const out = await kam(d, ["demo", "--out", "mine.xlsx"]);
    expect(out.code).toBe(2);
    expect(fs.readFileSync(path.join(d, "mine.xlsx"), "utf8")).toBe("x");
    expect(filesIn(d)).toEqual(["kam-demo.xlsx", "mine.xlsx"]);
    const file = await kam(d, ["demo", "some.xlsx"]);
    expect(file.code).toBe(2);
  });
});
