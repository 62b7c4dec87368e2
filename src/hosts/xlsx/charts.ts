/**
 * Native Excel charts (DrawingML) for the file host. ExcelJS cannot write charts, so after it has
 * written the workbook the chart parts are added to the package (finish-package.ts):
 *   xl/charts/chartN.xml, xl/drawings/drawingN.xml (+ _rels) from here; the sheet's <drawing r:id>,
 *   the sheet's rels and the [Content_Types].xml overrides there.
 *
 * Scope: the two chart shapes reports use — "combo" (clustered columns on the primary axes, lines on
 * the primary or a secondary value axis: the Pareto chart) and "radar" (radarStyle marker). Every
 * element is written in the order the CT_* sequences of the DrawingML chart schema demand; Excel
 * rejects (and "repairs") a chart whose children are out of order.
 *
 * Series point at cells ('Sheet name'!$B$2:$B$20) and carry cached values, so viewers that do not
 * recalculate (previewers, LibreOffice on load, Excel in protected view) still draw the chart.
 */
import type { AxisPlan, CellValue, ChartPlan, Rect, SeriesPlan } from "../../reports/plan";
import { columnLetter } from "../../reports/plan";
import { CONTENT_TYPE, esc, NS, REL_TYPE, relationshipsXml, relsPathOf, XML_DECL, type Relationship } from "./xml";

/** Where a chart's ranges live: the final sheet name and the cells written there. */
export interface ChartSource {
  readonly sheet: string;
  valueAt(row: number, col: number): CellValue | undefined;
  /** Number format of a cell (for the cached values' formatCode); undefined = General. */
  formatAt?(row: number, col: number): string | undefined;
}

/** Office's default series colours, used when a series has no colour of its own. */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * A sheet name as it must appear in a formula. Always quoted: quoting is valid for every name and
 * required for names with spaces, punctuation, non-ASCII letters or a leading digit; an apostrophe
 * inside the name is doubled.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet name'!$B$2:$B$20` (a single cell gives `'Sheet'!$B$2`). */
export function rangeFormula(sheet: string, r: Rect): string {
  const tl = `$${columnLetter(r.col)}$${r.row + 1}`;
  const ref = r.rows === 1 && r.cols === 1 ? tl : `${tl}:$${columnLetter(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return `${quoteSheetName(sheet)}!${ref}`;
}

/** The cells of a one-row or one-column rect, in order. */
function cellsOf(r: Rect): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  if (r.rows === 1) for (let c = 0; c < r.cols; c++) out.push({ row: r.row, col: r.col + c });
  else for (let i = 0; i < r.rows; i++) out.push({ row: r.row + i, col: r.col });
  return out;
}

function checkLine(r: Rect, what: string): void {
  const ok =
    Number.isInteger(r.row) &&
    Number.isInteger(r.col) &&
    Number.isInteger(r.rows) &&
    Number.isInteger(r.cols) &&
    r.row >= 0 &&
    r.col >= 0 &&
    r.rows >= 1 &&
    r.cols >= 1 &&
    (r.rows === 1 || r.cols === 1) &&
    r.row + r.rows <= MAX_ROWS &&
    r.col + r.cols <= MAX_COLS;
  if (!ok) throw new Error(`chart ${what} must be one row or one column inside the sheet, got ${JSON.stringify(r)}`);
}

/** Validate a chart plan before writing it: a bad plan is a report-builder bug, so it throws. */
export function checkChartPlan(chart: ChartPlan): void {
  checkLine(chart.categories, "categories");
  if (chart.series.length === 0) throw new Error(`chart "${chart.title}" has no series`);
  for (const s of chart.series) {
    checkLine(s.values, `series "${s.name}"`);
    if (chart.type === "radar" && s.kind !== "radar") throw new Error(`radar chart "${chart.title}": series "${s.name}" is ${s.kind}`);
    if (chart.type === "combo" && s.kind === "radar") throw new Error(`combo chart "${chart.title}": series "${s.name}" is radar`);
  }
  const p = chart.position;
  if (!(p.rows >= 1 && p.cols >= 1 && p.row >= 0 && p.col >= 0)) throw new Error(`chart "${chart.title}" has no area: ${JSON.stringify(p)}`);
}

function num(n: number): string {
  // Excel writes doubles with up to 17 significant digits; String() gives the shortest exact form.
  return String(n);
}

function color(hex: string | undefined, i: number): string {
  const h = (hex ?? "").replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? h : PALETTE[i % PALETTE.length];
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** CT_Title: tx, layout, overlay. */
function title(text: string, size: number): string {
  return `<c:title>${richText(text, size, true)}<c:overlay val="0"/></c:title>`;
}

function categoriesXml(chart: ChartPlan, src: ChartSource): string {
  const cells = cellsOf(chart.categories);
  const values = cells.map((c) => src.valueAt(c.row, c.col));
  const f = esc(rangeFormula(src.sheet, chart.categories));
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (present.length > 0 && present.every((v) => typeof v === "number")) {
    const pts = values
      .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>` : ""))
      .join("");
    const fc = src.formatAt?.(cells[0].row, cells[0].col) ?? "General";
    return `<c:cat><c:numRef><c:f>${f}</c:f><c:numCache><c:formatCode>${esc(fc)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef></c:cat>`;
  }
  const pts = values
    .map((v, i) => (v === null || v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:cat><c:strRef><c:f>${f}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef></c:cat>`;
}

function valuesXml(s: SeriesPlan, src: ChartSource): string {
  const cells = cellsOf(s.values);
  const pts = cells
    .map((c, i) => {
      const v = src.valueAt(c.row, c.col);
      return typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>` : "";
    })
    .join("");
  const fc = src.formatAt?.(cells[0].row, cells[0].col) ?? "General";
  return (
    `<c:val><c:numRef><c:f>${esc(rangeFormula(src.sheet, s.values))}</c:f>` +
    `<c:numCache><c:formatCode>${esc(fc)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef></c:val>`
  );
}

/** CT_SerTx: a literal name (the plan gives text, not a cell). */
function seriesName(s: SeriesPlan): string {
  return `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
}

/** a:CT_LineProperties children in order: fill, prstDash, join. */
function lineProps(rgb: string, dashed: boolean | undefined, width: number): string {
  return `<a:ln w="${width}" cap="rnd"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>${
    dashed ? '<a:prstDash val="dash"/>' : ""
  }<a:round/></a:ln>`;
}

/** CT_Marker: symbol, size, spPr. */
function marker(rgb: string, show: boolean): string {
  if (!show) return `<c:marker><c:symbol val="none"/></c:marker>`;
  return (
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>` +
    `<a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr></c:marker>`
  );
}

interface IndexedSeries {
  readonly s: SeriesPlan;
  readonly idx: number;
}

/** CT_BarSer: idx, order, tx, spPr, invertIfNegative, cat, val. */
function barSer({ s, idx }: IndexedSeries, chart: ChartPlan, src: ChartSource): string {
  const rgb = color(s.color, idx);
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesName(s)}` +
    `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `${categoriesXml(chart, src)}${valuesXml(s, src)}</c:ser>`
  );
}

/** CT_LineSer: idx, order, tx, spPr, marker, cat, val, smooth. Dashed lines (reference lines) carry no markers. */
function lineSer({ s, idx }: IndexedSeries, chart: ChartPlan, src: ChartSource): string {
  const rgb = color(s.color, idx);
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesName(s)}` +
    `<c:spPr>${lineProps(rgb, s.dashed, s.dashed ? 19050 : 28575)}</c:spPr>${marker(rgb, !s.dashed)}` +
    `${categoriesXml(chart, src)}${valuesXml(s, src)}<c:smooth val="0"/></c:ser>`
  );
}

/** CT_RadarSer: idx, order, tx, spPr, marker, cat, val. */
function radarSer({ s, idx }: IndexedSeries, chart: ChartPlan, src: ChartSource): string {
  const rgb = color(s.color, idx);
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesName(s)}` +
    `<c:spPr>${lineProps(rgb, s.dashed, 28575)}</c:spPr>${marker(rgb, true)}` +
    `${categoriesXml(chart, src)}${valuesXml(s, src)}</c:ser>`
  );
}

const AX = { cat: 500000001, val: 500000002, cat2: 500000003, val2: 500000004 } as const;

/** CT_Scaling: orientation, max, min (max before min). */
function scaling(axis: AxisPlan | undefined, defaults: { min?: number; max?: number } = {}): string {
  const max = axis?.max ?? defaults.max;
  const min = axis?.min ?? defaults.min;
  return `<c:scaling><c:orientation val="minMax"/>${max !== undefined ? `<c:max val="${num(max)}"/>` : ""}${
    min !== undefined ? `<c:min val="${num(min)}"/>` : ""
  }</c:scaling>`;
}

function axisTitle(axis: AxisPlan | undefined): string {
  return axis?.title ? title(axis.title, 1000) : "";
}

const GRIDLINES = `<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`;

/**
 * CT_CatAx: axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark, minorTickMark,
 * tickLblPos, spPr, txPr, crossAx, crosses, auto, lblAlgn, lblOffset, noMultiLvlLbl.
 */
function catAx(o: { id: number; cross: number; deleted: boolean; gridlines?: boolean; axis?: AxisPlan }): string {
  return (
    `<c:catAx><c:axId val="${o.id}"/>${scaling(undefined)}<c:delete val="${o.deleted ? 1 : 0}"/><c:axPos val="b"/>` +
    `${o.gridlines ? GRIDLINES : ""}${axisTitle(o.axis)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${o.cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/**
 * CT_ValAx: axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark, minorTickMark,
 * tickLblPos, spPr, txPr, crossAx, crosses, crossBetween, majorUnit.
 */
function valAx(o: {
  id: number;
  cross: number;
  pos: "l" | "r";
  crosses: "autoZero" | "max";
  gridlines: boolean;
  axis?: AxisPlan;
  defaults?: { min?: number; max?: number };
  tickMark?: "out" | "cross";
  majorUnit?: number;
}): string {
  const fmt = o.axis?.numberFormat;
  return (
    `<c:valAx><c:axId val="${o.id}"/>${scaling(o.axis, o.defaults)}<c:delete val="0"/><c:axPos val="${o.pos}"/>` +
    `${o.gridlines ? GRIDLINES : ""}${axisTitle(o.axis)}` +
    `<c:numFmt formatCode="${esc(fmt ?? "General")}" sourceLinked="${fmt ? 0 : 1}"/>` +
    `<c:majorTickMark val="${o.tickMark ?? "out"}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${o.cross}"/><c:crosses val="${o.crosses}"/><c:crossBetween val="between"/>` +
    `${o.majorUnit !== undefined ? `<c:majorUnit val="${num(o.majorUnit)}"/>` : ""}</c:valAx>`
  );
}

/** The plot area of a combo chart: bar and line groups per axis pair, then the axes. */
function comboPlotArea(chart: ChartPlan, src: ChartSource): string {
  const indexed = chart.series.map((s, idx) => ({ s, idx }));
  // Without a primary series, a "secondary" axis would be the only one: draw everything on primary.
  const anyPrimary = indexed.some((x) => x.s.axis !== "secondary");
  const onSecondary = (x: IndexedSeries): boolean => anyPrimary && x.s.axis === "secondary";
  const groups: string[] = [];
  const barGroup = (list: IndexedSeries[], cat: number, val: number): string =>
    // CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, overlap, axId×2
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${list
      .map((x) => barSer(x, chart, src))
      .join("")}<c:gapWidth val="60"/><c:overlap val="0"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:barChart>`;
  const lineGroup = (list: IndexedSeries[], cat: number, val: number): string =>
    // CT_LineChart: grouping, varyColors, ser*, marker, axId×2
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${list
      .map((x) => lineSer(x, chart, src))
      .join("")}<c:marker val="1"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:lineChart>`;

  const bars1 = indexed.filter((x) => x.s.kind === "column" && !onSecondary(x));
  const lines1 = indexed.filter((x) => x.s.kind === "line" && !onSecondary(x));
  const bars2 = indexed.filter((x) => x.s.kind === "column" && onSecondary(x));
  const lines2 = indexed.filter((x) => x.s.kind === "line" && onSecondary(x));
  if (bars1.length) groups.push(barGroup(bars1, AX.cat, AX.val));
  if (lines1.length) groups.push(lineGroup(lines1, AX.cat, AX.val));
  if (bars2.length) groups.push(barGroup(bars2, AX.cat2, AX.val2));
  if (lines2.length) groups.push(lineGroup(lines2, AX.cat2, AX.val2));
  const hasSecondary = bars2.length + lines2.length > 0;

  const axes =
    catAx({ id: AX.cat, cross: AX.val, deleted: false }) +
    valAx({ id: AX.val, cross: AX.cat, pos: "l", crosses: "autoZero", gridlines: true, axis: chart.primaryAxis }) +
    (hasSecondary
      ? catAx({ id: AX.cat2, cross: AX.val2, deleted: true }) +
        valAx({ id: AX.val2, cross: AX.cat2, pos: "r", crosses: "max", gridlines: false, axis: chart.secondaryAxis })
      : "");
  return `<c:plotArea><c:layout/>${groups.join("")}${axes}</c:plotArea>`;
}

function radarPlotArea(chart: ChartPlan, src: ChartSource): string {
  const ser = chart.series.map((s, idx) => radarSer({ s, idx }, chart, src)).join("");
  // CT_RadarChart: radarStyle, varyColors, ser*, axId×2
  const group = `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${ser}<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:radarChart>`;
  const axes =
    catAx({ id: AX.cat, cross: AX.val, deleted: false, gridlines: true }) +
    valAx({
      id: AX.val,
      cross: AX.cat,
      pos: "l",
      crosses: "autoZero",
      gridlines: true,
      axis: chart.primaryAxis,
      defaults: { min: 0, max: 100 },
      tickMark: "cross",
      // Five rings whatever the range (0–100 gives 0, 20, … 100), as profile charts are read by ring.
      majorUnit: ((chart.primaryAxis?.max ?? 100) - (chart.primaryAxis?.min ?? 0)) / 5 || undefined,
    });
  return `<c:plotArea><c:layout/>${group}${axes}</c:plotArea>`;
}

/** CT_Legend: legendPos, overlay. */
function legend(chart: ChartPlan): string {
  const pos = chart.legend ?? "bottom";
  if (pos === "none") return "";
  return `<c:legend><c:legendPos val="${pos === "right" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`;
}

/**
 * The chart part (xl/charts/chartN.xml).
 * CT_ChartSpace: date1904, lang, roundedCorners, chart, spPr, txPr.
 * CT_Chart: title, autoTitleDeleted, plotArea, legend, plotVisOnly, dispBlanksAs.
 */
export function chartXml(chart: ChartPlan, src: ChartSource): string {
  checkChartPlan(chart);
  const plotArea = chart.type === "radar" ? radarPlotArea(chart, src) : comboPlotArea(chart, src);
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.rel}">` +
    `<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, 1400)}<c:autoTitleDeleted val="0"/>${plotArea}${legend(chart)}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

export interface DrawingAnchor {
  readonly position: Rect;
  /** Relationship id of the chart in the drawing's rels. */
  readonly relId: string;
  readonly name: string;
  /** Alternative text for screen readers. */
  readonly description: string;
}

/**
 * The drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart, so the chart covers
 * exactly the cells of its plan position and moves and sizes with them.
 */
export function drawingXml(anchors: readonly DrawingAnchor[]): string {
  const body = anchors
    .map((a, i) => {
      const p = a.position;
      // xdr:from / xdr:to: col, colOff, row, rowOff. The "to" corner is the cell after the last covered one.
      return (
        `<xdr:twoCellAnchor>` +
        `<xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${p.col + p.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row + p.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(a.name)}" descr="${esc(a.description)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${esc(a.relId)}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.rel}">${body}</xdr:wsDr>`;
}

/** The parts that draw one sheet's charts: chart parts, the drawing part and its relationships. */
export interface SheetChartParts {
  readonly files: readonly { readonly part: string; readonly xml: string }[];
  readonly overrides: readonly { readonly part: string; readonly type: string }[];
  /** The drawing part the worksheet must point at with a <drawing r:id> relationship. */
  readonly drawingPart: string;
}

/**
 * Build the parts for the charts of one sheet. `freePart(folder, stem)` hands out unused part
 * names ("xl/charts/chart3.xml"); `firstNumber` numbers the charts' display names across the workbook.
 */
export function sheetChartParts(
  charts: readonly ChartPlan[],
  source: ChartSource,
  freePart: (folder: string, stem: string) => string,
  firstNumber: number,
): SheetChartParts {
  const files: { part: string; xml: string }[] = [];
  const overrides: { part: string; type: string }[] = [];
  const drawingPart = freePart("xl/drawings", "drawing");
  const rels: Relationship[] = [];
  const anchors: DrawingAnchor[] = [];
  charts.forEach((chart, i) => {
    const chartPart = freePart("xl/charts", "chart");
    files.push({ part: chartPart, xml: chartXml(chart, source) });
    overrides.push({ part: chartPart, type: CONTENT_TYPE.chart });
    const relId = `rId${i + 1}`;
    rels.push({ id: relId, type: REL_TYPE.chart, target: relativeTarget(drawingPart, chartPart) });
    anchors.push({ position: chart.position, relId, name: `Chart ${firstNumber + i}`, description: chart.title });
  });
  files.push({ part: drawingPart, xml: drawingXml(anchors) });
  files.push({ part: relsPathOf(drawingPart), xml: relationshipsXml(rels) });
  overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
  return { files, overrides, drawingPart };
}

/** A relative target from one part to another ("xl/worksheets/sheet1.xml" → "xl/drawings/d1.xml" = "../drawings/d1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill(".."), ...to.slice(i)].join("/");
}
