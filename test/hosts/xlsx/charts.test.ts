import fc from "fast-check";
import type { CellValue, ChartPlan } from "../../../src/reports/plan";
import { rect } from "../../../src/reports/plan";
import { chartXml, checkChartPlan, drawingXml, quoteSheetName, rangeFormula, relativeTarget, sheetChartParts, type ChartSource } from "../../../src/hosts/xlsx/charts";
import { abcPlan, abcRows, CUSTOMERS, profilePlan } from "./fixtures";
import { all, child, parseXml, path, type El } from "./xml-tree";

/**
 * Child order of the DrawingML chart schema (dml-chart.xsd, ECMA-376 Part 1 §21.2) for the elements
 * we write; Excel refuses a chart whose children are out of this order.
 */
const SEQUENCES: Record<string, readonly string[]> = {
  "c:chartSpace": ["c:date1904", "c:lang", "c:roundedCorners", "c:style", "c:clrMapOvr", "c:pivotSource", "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings", "c:userShapes", "c:extLst"],
  "c:chart": ["c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall", "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax", "c:extLst"],
  "c:plotArea": ["c:layout", "*chart", "*axis", "c:dTable", "c:spPr", "c:extLst"],
  "c:barChart": ["c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap", "c:serLines", "c:axId", "c:extLst"],
  "c:lineChart": ["c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:dropLines", "c:hiLowLines", "c:upDownBars", "c:marker", "c:smooth", "c:axId", "c:extLst"],
  "c:radarChart": ["c:radarStyle", "c:varyColors", "c:ser", "c:dLbls", "c:axId", "c:extLst"],
  "bar:c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"],
  "line:c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:smooth", "c:extLst"],
  "radar:c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:cat", "c:val", "c:extLst"],
  "c:catAx": ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", "c:crosses", "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
  "c:valAx": ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", "c:crosses", "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:marker": ["c:symbol", "c:size", "c:spPr", "c:extLst"],
  "c:numRef": ["c:f", "c:numCache", "c:extLst"],
  "c:strRef": ["c:f", "c:strCache", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
  "a:ln": ["a:noFill", "a:solidFill", "a:gradFill", "a:pattFill", "a:prstDash", "a:custDash", "a:round", "a:bevel", "a:miter", "a:headEnd", "a:tailEnd", "a:extLst"],
  "xdr:twoCellAnchor": ["xdr:from", "xdr:to", "xdr:sp", "xdr:grpSp", "xdr:graphicFrame", "xdr:cxnSp", "xdr:pic", "xdr:contentPart", "xdr:clientData"],
  "xdr:from": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
  "xdr:to": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
  "xdr:graphicFrame": ["xdr:nvGraphicFramePr", "xdr:xfrm", "a:graphic"],
};

const CHART_GROUPS = ["c:areaChart", "c:area3DChart", "c:lineChart", "c:line3DChart", "c:stockChart", "c:radarChart", "c:scatterChart", "c:pieChart", "c:pie3DChart", "c:doughnutChart", "c:barChart", "c:bar3DChart", "c:ofPieChart", "c:surfaceChart", "c:surface3DChart", "c:bubbleChart"];
const AXES = ["c:valAx", "c:catAx", "c:dateAx", "c:serAx"];

function slot(seq: readonly string[], name: string): number {
  if (CHART_GROUPS.includes(name)) return seq.indexOf("*chart");
  if (AXES.includes(name)) return seq.indexOf("*axis");
  return seq.indexOf(name);
}

/** Every element with a known sequence has only known children, in schema order. */
function checkOrder(el: El, parentKind = ""): string[] {
  const problems: string[] = [];
  const key = el.name === "c:ser" ? `${parentKind}:c:ser` : el.name;
  const seq = SEQUENCES[key];
  if (seq) {
    let last = -1;
    for (const c of el.children) {
      const i = slot(seq, c.name);
      if (i < 0) problems.push(`${key} has unexpected child ${c.name}`);
      else if (i < last) problems.push(`${key}: ${c.name} is out of order`);
      else last = i;
    }
  }
  const kind = el.name === "c:barChart" ? "bar" : el.name === "c:lineChart" ? "line" : el.name === "c:radarChart" ? "radar" : parentKind;
  for (const c of el.children) problems.push(...checkOrder(c, kind));
  return problems;
}

/** A ChartSource over the fixture's cells. */
function sourceOf(sheet: string, blocks: readonly { readonly row: number; readonly col: number; readonly values: readonly (readonly CellValue[])[] }[], formats: Record<string, string> = {}): ChartSource {
  const cells = new Map<string, CellValue>();
  for (const b of blocks) b.values.forEach((r, i) => r.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
  return { sheet, valueAt: (r, c) => cells.get(`${r},${c}`) ?? null, formatAt: (r, c) => formats[`${r},${c}`] };
}

const abc = abcPlan().sheets[0];
const pareto = abc.charts![0];
// The name the writer gives the sheet (a trailing apostrophe is not allowed in a sheet name).
const paretoSource = sourceOf("ABC 分析 'Q1", abc.blocks);
const profile = profilePlan().sheets[0];
const radar = profile.charts![0];
const radarSource = sourceOf(profile.name, profile.blocks);

describe("sheet names and ranges in chart formulas", () => {
  test("a name with spaces, an apostrophe and Chinese is quoted and its apostrophe doubled", () => {
    expect(quoteSheetName("ABC 分析 'Q1")).toBe("'ABC 分析 ''Q1'");
    expect(rangeFormula("ABC 分析 'Q1", rect(1, 2, 10, 1))).toBe("'ABC 分析 ''Q1'!$C$2:$C$11");
  });

  test("a plain name is quoted too (always valid) and a single cell has no colon", () => {
    expect(rangeFormula("Sheet1", rect(0, 0, 1, 1))).toBe("'Sheet1'!$A$1");
    expect(rangeFormula("Sheet1", rect(4, 26, 1, 3))).toBe("'Sheet1'!$AA$5:$AC$5");
  });

  test("property: the sheet name can always be recovered from the formula", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        const f = rangeFormula(name, rect(0, 0, 3, 1));
        const m = /^'((?:[^']|'')*)'!\$A\$1:\$A\$3$/.exec(f);
        expect(m).not.toBeNull();
        expect(m![1].replace(/''/g, "'")).toBe(name);
      }),
    );
  });
});

describe("Pareto chart (combo: columns + lines on a secondary axis)", () => {
  const xml = chartXml(pareto, paretoSource);
  const doc = parseXml(xml);

  test("is well-formed XML whose elements follow the schema order", () => {
    expect(doc.name).toBe("c:chartSpace");
    expect(checkOrder(doc)).toEqual([]);
  });

  test("has one clustered column group on the primary axes and one line group on the secondary axes", () => {
    const plot = path(doc, "c:chart", "c:plotArea")!;
    const groups = plot.children.filter((c) => CHART_GROUPS.includes(c.name)).map((c) => c.name);
    expect(groups).toEqual(["c:barChart", "c:lineChart"]);
    const bar = child(plot, "c:barChart")!;
    expect(child(bar, "c:barDir")!.attrs.val).toBe("col");
    expect(child(bar, "c:grouping")!.attrs.val).toBe("clustered");
    expect(all(bar, "c:ser")).toHaveLength(1);
    const line = child(plot, "c:lineChart")!;
    expect(all(line, "c:ser").map((s) => path(s, "c:tx", "c:v")!.text)).toEqual(["Cumulative 累计", "A line", "B line"]);

    const axIds = (g: El): string[] => g.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val);
    const catAxes = plot.children.filter((c) => c.name === "c:catAx");
    const valAxes = plot.children.filter((c) => c.name === "c:valAx");
    expect(catAxes).toHaveLength(2);
    expect(valAxes).toHaveLength(2);
    expect(axIds(bar)).not.toEqual(axIds(line));
    const secondary = valAxes.find((v) => child(v, "c:axId")!.attrs.val === axIds(line)[1])!;
    expect(child(secondary, "c:axPos")!.attrs.val).toBe("r");
    expect(child(secondary, "c:crosses")!.attrs.val).toBe("max");
    expect(path(secondary, "c:scaling", "c:min")!.attrs.val).toBe("0");
    expect(path(secondary, "c:scaling", "c:max")!.attrs.val).toBe("1");
    expect(child(secondary, "c:numFmt")!.attrs.formatCode).toBe("0%");
    const hiddenCat = catAxes.find((c) => child(c, "c:axId")!.attrs.val === axIds(line)[0])!;
    expect(child(hiddenCat, "c:delete")!.attrs.val).toBe("1");
    const primary = valAxes.find((v) => v !== secondary)!;
    expect(child(primary, "c:numFmt")!.attrs.formatCode).toBe("#,##0");
    expect(path(primary, "c:title", "c:tx", "c:rich")).toBeDefined();
  });

  test("every series references the sheet's cells and caches their values", () => {
    const sers = all(doc, "c:ser");
    expect(sers.map((s) => path(s, "c:val", "c:numRef", "c:f")!.text)).toEqual([
      "'ABC 分析 ''Q1'!$C$2:$C$11",
      "'ABC 分析 ''Q1'!$E$2:$E$11",
      "'ABC 分析 ''Q1'!$G$2:$G$11",
      "'ABC 分析 ''Q1'!$H$2:$H$11",
    ]);
    for (const s of sers) expect(path(s, "c:cat", "c:strRef", "c:f")!.text).toBe("'ABC 分析 ''Q1'!$B$2:$B$11");
    const cumulative = path(sers[1], "c:val", "c:numRef", "c:numCache")!;
    expect(child(cumulative, "c:ptCount")!.attrs.val).toBe("10");
    const rows = abcRows();
    expect(all(cumulative, "c:pt").map((p) => Number(child(p, "c:v")!.text))).toEqual(rows.map((r) => r[4]));
    const cats = path(sers[0], "c:cat", "c:strRef", "c:strCache")!;
    expect(all(cats, "c:pt").map((p) => child(p, "c:v")!.text)).toEqual(CUSTOMERS);
  });

  test("the constant A and B lines are dashed and have no markers; the cumulative line has markers", () => {
    const sers = all(doc, "c:ser");
    const dash = (s: El): string | undefined => path(s, "c:spPr", "a:ln", "a:prstDash")?.attrs.val;
    const symbol = (s: El): string | undefined => path(s, "c:marker", "c:symbol")?.attrs.val;
    expect(sers.slice(1).map(dash)).toEqual([undefined, "dash", "dash"]);
    expect(sers.slice(1).map(symbol)).toEqual(["circle", "none", "none"]);
    expect(path(sers[0], "c:spPr", "a:solidFill", "a:srgbClr")!.attrs.val).toBe("4472C4");
  });

  test("series indexes are unique across the chart's groups", () => {
    const idx = all(doc, "c:ser").map((s) => child(s, "c:idx")!.attrs.val);
    expect(new Set(idx).size).toBe(idx.length);
  });

  test("the title and legend are there", () => {
    expect(all(path(doc, "c:chart", "c:title")!, "a:t")[0].text).toBe("Pareto 帕累托图");
    expect(path(doc, "c:chart", "c:legend", "c:legendPos")!.attrs.val).toBe("b");
  });

  test("a combo chart without secondary series has only the primary axes", () => {
    const onlyPrimary: ChartPlan = { ...pareto, series: [pareto.series[0], { ...pareto.series[1], axis: "primary" }] };
    const plot = path(parseXml(chartXml(onlyPrimary, paretoSource)), "c:chart", "c:plotArea")!;
    expect(plot.children.filter((c) => AXES.includes(c.name))).toHaveLength(2);
    expect(child(plot, "c:barChart")!.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val)).toEqual(
      child(plot, "c:lineChart")!.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val),
    );
  });
});

describe("radar chart", () => {
  const doc = parseXml(chartXml(radar, radarSource));

  test("is well-formed and in schema order", () => {
    expect(checkOrder(doc)).toEqual([]);
  });

  test("is a marker radar with three series over the six dimensions, value axis 0–100", () => {
    const plot = path(doc, "c:chart", "c:plotArea")!;
    const group = child(plot, "c:radarChart")!;
    expect(child(group, "c:radarStyle")!.attrs.val).toBe("marker");
    const sers = all(group, "c:ser");
    expect(sers.map((s) => path(s, "c:tx", "c:v")!.text)).toEqual(["Acme", "Beta", "Average 平均"]);
    expect(sers.map((s) => path(s, "c:val", "c:numRef", "c:f")!.text)).toEqual([
      "'Profile/画像 [ext]'!$B$2:$B$7",
      "'Profile/画像 [ext]'!$C$2:$C$7",
      "'Profile/画像 [ext]'!$D$2:$D$7",
    ]);
    expect(all(path(sers[0], "c:val")!, "c:v").map((v) => Number(v.text))).toEqual([65, 80, 90, 70, 55, 85]);
    const val = child(plot, "c:valAx")!;
    expect(path(val, "c:scaling", "c:min")!.attrs.val).toBe("0");
    expect(path(val, "c:scaling", "c:max")!.attrs.val).toBe("100");
    expect(child(val, "c:majorUnit")!.attrs.val).toBe("20");
    expect(child(plot, "c:catAx")).toBeDefined();
    expect(path(doc, "c:chart", "c:legend", "c:legendPos")!.attrs.val).toBe("r");
  });

  test("without an axis plan the value axis still runs 0–100 in steps of 20", () => {
    const plot = path(parseXml(chartXml({ ...radar, primaryAxis: undefined }, radarSource)), "c:chart", "c:plotArea")!;
    const val = child(plot, "c:valAx")!;
    expect(path(val, "c:scaling", "c:max")!.attrs.val).toBe("100");
    expect(child(val, "c:majorUnit")!.attrs.val).toBe("20");
  });
});

describe("cached values", () => {
  test("numeric categories use a number cache; empty and text cells leave gaps in a value cache", () => {
    const src = sourceOf("S", [{ row: 0, col: 0, values: [[2024, 10], [2025, "n/a"], [2026, null]] }], { "0,1": "0.0" });
    const chart: ChartPlan = { type: "combo", title: "t", position: rect(0, 3, 10, 5), categories: rect(0, 0, 3, 1), series: [{ name: "s", values: rect(0, 1, 3, 1), kind: "column" }] };
    const doc = parseXml(chartXml(chart, src));
    const cat = path(all(doc, "c:ser")[0], "c:cat", "c:numRef")!;
    expect(all(cat, "c:v").map((v) => v.text)).toEqual(["2024", "2025", "2026"]);
    const cache = path(all(doc, "c:ser")[0], "c:val", "c:numRef", "c:numCache")!;
    expect(child(cache, "c:formatCode")!.text).toBe("0.0");
    expect(child(cache, "c:ptCount")!.attrs.val).toBe("3");
    expect(all(cache, "c:pt").map((p) => p.attrs.idx)).toEqual(["0"]);
  });

  test("text with markup characters and control characters stays well-formed", () => {
    const src = sourceOf("S", [{ row: 0, col: 0, values: [["<b>&\u0001\"x\""], [5]] }]);
    const chart: ChartPlan = { type: "combo", title: "A & B <1>", position: rect(0, 3, 10, 5), categories: rect(0, 0, 1, 1), series: [{ name: "\"q\" & <s>", values: rect(1, 0, 1, 1), kind: "line" }] };
    const doc = parseXml(chartXml(chart, src));
    expect(path(all(doc, "c:ser")[0], "c:tx", "c:v")!.text).toBe("\"q\" & <s>");
    expect(all(path(all(doc, "c:ser")[0], "c:cat")!, "c:v")[0].text).toBe("<b>&\"x\"");
  });
});

describe("chart plans that cannot be drawn", () => {
  test("a series that is not one row or one column is refused", () => {
    expect(() => checkChartPlan({ ...pareto, series: [{ ...pareto.series[0], values: rect(1, 2, 10, 2) }] })).toThrow(/one row or one column/);
  });
  test("a radar chart with a column series is refused, and so is a chart without series", () => {
    expect(() => checkChartPlan({ ...radar, series: [{ ...radar.series[0], kind: "column" }] })).toThrow(/radar chart/);
    expect(() => checkChartPlan({ ...radar, series: [] })).toThrow(/no series/);
  });
});

describe("drawing part", () => {
  test("anchors each chart from its top-left cell to the cell after its bottom-right one", () => {
    const doc = parseXml(drawingXml([{ position: rect(0, 9, 20, 10), relId: "rId1", name: "Chart 1", description: "Pareto" }]));
    expect(checkOrder(doc)).toEqual([]);
    const anchor = child(doc, "xdr:twoCellAnchor")!;
    const at = (e: El): number[] => ["xdr:col", "xdr:row"].map((n) => Number(child(e, n)!.text));
    expect(at(child(anchor, "xdr:from")!)).toEqual([9, 0]);
    expect(at(child(anchor, "xdr:to")!)).toEqual([19, 20]);
    expect(all(anchor, "c:chart")[0].attrs["r:id"]).toBe("rId1");
    expect(all(anchor, "xdr:cNvPr")[0].attrs.descr).toBe("Pareto");
  });

  test("the parts of a sheet's charts: one chart part each, a drawing and its relationships", () => {
    let n = 0;
    const parts = sheetChartParts([pareto, { ...pareto, title: "Second" }], paretoSource, (folder, stem) => `${folder}/${stem}${++n}.xml`, 7);
    expect(parts.files.map((f) => f.part)).toEqual(["xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]);
    expect(parts.drawingPart).toBe("xl/drawings/drawing1.xml");
    expect(parts.overrides.map((o) => o.type)).toEqual([
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      "application/vnd.openxmlformats-officedocument.drawing+xml",
    ]);
    const rels = parseXml(parts.files[3].xml);
    expect(all(rels, "Relationship").map((r) => [r.attrs.Id, r.attrs.Target])).toEqual([
      ["rId1", "../charts/chart2.xml"],
      ["rId2", "../charts/chart3.xml"],
    ]);
    const drawing = parseXml(parts.files[2].xml);
    expect(all(drawing, "xdr:cNvPr").map((c) => c.attrs.name)).toEqual(["Chart 7", "Chart 8"]);
  });

  test("relative targets between parts", () => {
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe("../drawings/drawing1.xml");
    expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart1.xml")).toBe("../charts/chart1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
  });
});
