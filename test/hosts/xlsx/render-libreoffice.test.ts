/**
 * Renders a written workbook with LibreOffice (headless, to PDF) and checks that the native charts
 * really draw: the chart titles and legends are in the PDF text, and the series colours are on the
 * page (blue columns and an orange cumulative line for the Pareto chart, the radar's polygons).
 * Needs `soffice` (libreoffice-calc-nogui) and poppler-utils (pdftotext, pdftoppm); CI installs them.
 * Without soffice the test is skipped with a message; without poppler it fails.
 */
import { execFileSync } from "child_process";
import { accessSync, constants, readFileSync, readdirSync } from "fs";
import * as path from "path";
import type { ReportPlan } from "../../../src/reports/plan";
import { renderXlsx } from "../../../src/hosts/xlsx/render-xlsx";
import { abcPlan, profilePlan } from "./fixtures";
import { tempDir } from "./helpers";

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const soffice = onPath("soffice");
if (!soffice) {
  console.warn("LibreOffice (soffice) is not installed: skipping the chart render test. Install libreoffice-calc-nogui to run it.");
}
const maybe = soffice ? describe : describe.skip;

/** Each chart at the top of its own sheet with the data under it, so a sheet prints as one page. */
function renderPlans(): ReportPlan[] {
  const abc = abcPlan();
  const a = abc.sheets[0];
  const shift = 22;
  const moved = <T extends { row: number }>(x: T): T => ({ ...x, row: x.row + shift });
  const pareto = a.charts![0];
  const abcSheet = {
    ...a,
    freeze: undefined,
    blocks: a.blocks.map(moved),
    formats: a.formats?.map((f) => ({ ...f, rect: moved(f.rect) })),
    merges: a.merges?.map(moved),
    tables: a.tables?.map((t) => ({ ...t, rect: moved(t.rect) })),
    conditional: a.conditional?.map((c) => ({ ...c, rect: moved(c.rect) })),
    columnWidths: [],
    charts: [{ ...pareto, position: { row: 0, col: 0, rows: 20, cols: 8 }, categories: moved(pareto.categories), series: pareto.series.map((s) => ({ ...s, values: moved(s.values) })) }],
  };
  const prof = profilePlan();
  const p = prof.sheets[0];
  const radar = p.charts![0];
  const profileSheet = {
    ...p,
    blocks: p.blocks.map(moved),
    formats: p.formats?.map((f) => ({ ...f, rect: moved(f.rect) })),
    columnWidths: [],
    charts: [{ ...radar, position: { row: 0, col: 0, rows: 20, cols: 8 }, categories: moved(radar.categories), series: radar.series.map((s) => ({ ...s, values: moved(s.values) })) }],
  };
  return [
    { ...abc, sheets: [abcSheet] },
    { ...prof, sheets: [profileSheet] },
  ];
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** Parse a binary PPM (P6) image as pdftoppm writes it. */
function readPpm(file: string): Image {
  const data = readFileSync(file);
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let tok = "";
    while (!/\s/.test(String.fromCharCode(data[i]))) tok += String.fromCharCode(data[i++]);
    header.push(tok);
  }
  if (header[0] !== "P6") throw new Error("not a P6 image");
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(i + 1) };
}

/** Pixels in the top `fraction` of the page within `tolerance` of a colour. */
function countColour(img: Image, hex: string, fraction: number, tolerance = 40): number {
  const [r, g, b] = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
  let n = 0;
  const rows = Math.floor(img.height * fraction);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 3;
      if (Math.abs(img.rgb[o] - r) <= tolerance && Math.abs(img.rgb[o + 1] - g) <= tolerance && Math.abs(img.rgb[o + 2] - b) <= tolerance) n++;
    }
  }
  return n;
}

function nonWhite(img: Image, fraction: number): number {
  let n = 0;
  const rows = Math.floor(img.height * fraction);
  for (let o = 0; o < rows * img.width * 3; o += 3) if (img.rgb[o] < 235 || img.rgb[o + 1] < 235 || img.rgb[o + 2] < 235) n++;
  return n;
}

maybe("LibreOffice renders the native charts", () => {
  const tmp = tempDir("lo");
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    const xlsx = tmp.file("charts.xlsx");
    await renderXlsx(renderPlans(), xlsx);
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${tmp.file("profile")}`, "--convert-to", "pdf", "--outdir", tmp.dir, xlsx], { stdio: "pipe", timeout: 170_000 });
    pdf = tmp.file("charts.pdf");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    pages = text.split("\f").filter((p) => p.trim() !== "");
    execFileSync("pdftoppm", ["-r", "40", pdf, tmp.file("page")]);
  }, 180_000);

  afterAll(() => tmp.cleanup());

  test("one page per report sheet", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(2);
    expect(pages).toHaveLength(2);
  });

  test("the Pareto chart's title, legend and percentage axis are on the first page", () => {
    const p = pages[0];
    expect(p).toContain("Pareto");
    expect(p).toMatch(/帕\s*累\s*托\s*图/);
    expect(p).toContain("A line");
    expect(p).toContain("B line");
    expect(p).toContain("100%");
    expect(p).toContain("Epsilon");
  });

  test("the radar chart's title, series and dimension labels are on the second page", () => {
    const p = pages[1];
    expect(p).toContain("External profile");
    expect(p).toContain("Acme");
    expect(p).toContain("Beta");
    expect(p).toMatch(/Market/);
  });

  test("the charts are drawn in their series colours", () => {
    const files = readdirSync(tmp.dir).filter((f) => f.startsWith("page") && f.endsWith(".ppm")).sort();
    expect(files).toHaveLength(2);
    const pareto = readPpm(tmp.file(files[0]));
    const radar = readPpm(tmp.file(files[1]));
    // The chart covers the top of the page (rows 1–20).
    expect(nonWhite(pareto, 0.45)).toBeGreaterThan(2000);
    expect(countColour(pareto, "4472C4", 0.45)).toBeGreaterThan(150); // columns
    expect(countColour(pareto, "ED7D31", 0.45)).toBeGreaterThan(30); // cumulative line
    expect(countColour(radar, "4472C4", 0.45)).toBeGreaterThan(30); // Acme polygon
    expect(countColour(radar, "ED7D31", 0.45)).toBeGreaterThan(30); // Beta polygon
  });
});
