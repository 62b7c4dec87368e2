/** Charts at the depth a report renderer needs: combo (columns + lines on a secondary axis) and radar. */
import { parseAddress, rectA1 } from "./address";
import { AnyProxy, ClientResultDouble, CollectionBase, NULL, PropDef, ProxyBase, RequestContextDouble, Res } from "./client";
import { apiError } from "./errors";
import { AxisEntity, ChartEntity, RangeRef, SeriesEntity, SheetEntity, WorkbookModel } from "./model";
import type { RangeDouble } from "./range";

const CHART_TYPES = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
  "Line", "LineStacked", "LineStacked100", "LineMarkers", "LineMarkersStacked", "LineMarkersStacked100",
  "Pie", "PieExploded", "Doughnut", "Area", "AreaStacked", "AreaStacked100",
  "XYScatter", "XYScatterLines", "XYScatterSmooth", "Radar", "RadarMarkers", "RadarFilled",
  "Histogram", "Pareto", "Waterfall", "Treemap", "Sunburst", "Funnel",
]);
const isRadar = (t: string): boolean => t.startsWith("Radar");
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"];

function model(ctx: RequestContextDouble): WorkbookModel {
  return ctx.host.model;
}

function rangeArg(r: RangeDouble | string, sheet: SheetEntity, m: WorkbookModel, location: string): RangeRef {
  if (typeof r === "string") {
    const p = parseAddress(r);
    const s = p.sheet ? m.findSheet(p.sheet) : sheet;
    if (!s) throw apiError("InvalidArgument", `No worksheet for ${r}.`, location);
    return { sheet: s, rect: p.rect };
  }
  const e = r._resolve();
  if (e === NULL) throw apiError("InvalidArgument", "The range is a null object.", location);
  return e as RangeRef;
}

function oneDimensional(ref: RangeRef, location: string): RangeRef {
  if (ref.rect.rows !== 1 && ref.rect.cols !== 1) throw apiError("InvalidArgument", "Series values must be one row or one column.", location);
  return ref;
}

function newAxis(type: "Category" | "Value", group: "Primary" | "Secondary"): AxisEntity {
  return { type, group, minimum: "", maximum: "", numberFormat: "General", title: "", visible: true };
}

function newSeries(name: string): SeriesEntity {
  return { name, chartType: null, axisGroup: "Primary", values: null, xValues: null, fillColor: null, lineColor: null, lineStyle: "Automatic", deleted: false };
}

export class ChartCollectionDouble extends CollectionBase<SheetEntity, ChartDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SheetEntity>) {
    super(ctx, resolver, "ChartCollection");
  }
  protected _entities(s: SheetEntity): unknown[] {
    return s.charts.filter((c) => !c.deleted);
  }
  protected _itemProxy(entity: unknown): ChartDouble {
    const p = new ChartDouble(this.context, () => entity as ChartEntity);
    p._memo = entity as ChartEntity;
    return p;
  }
  protected _sampleItem(): ChartDouble {
    return new ChartDouble(this.context, () => NULL);
  }

  /** One series per column (or row) of the source; a first row / column of text names the series / categories. */
  add(type: string, sourceData: RangeDouble, seriesBy?: "Auto" | "Columns" | "Rows"): ChartDouble {
    this.context.own(sourceData, "ChartCollection.add");
    let created: ChartEntity | undefined;
    const proxy = new ChartDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The chart was not created.", "ChartCollection.add");
      return created;
    });
    this.context.enqueue({
      location: "ChartCollection.add",
      payload: { o: this._id, m: "add", a: [type, { ref: sourceData._id }, seriesBy ?? "Auto"], r: proxy._id },
      undo: "undoable",
      target: this,
      exec: () => {
        const sheet = this._resolve();
        if (sheet === NULL) return;
        if (!CHART_TYPES.has(type)) throw apiError("InvalidArgument", `Unknown chart type ${type}.`, "ChartCollection.add");
        const m = model(this.context);
        const src = rangeArg(sourceData, sheet, m, "ChartCollection.add");
        const { rect } = src;
        const text = (r: number, c: number): boolean => typeof src.sheet.valueAt(r, c) === "string" && src.sheet.valueAt(r, c) !== "";
        let headerRow = false;
        let headerCol = false;
        if (rect.rows > 1) {
          headerRow = true;
          for (let c = rect.c + (rect.cols > 1 ? 1 : 0); c < rect.c + rect.cols; c++) if (!text(rect.r, c)) headerRow = false;
        }
        if (rect.cols > 1) {
          headerCol = true;
          for (let r = rect.r + (headerRow ? 1 : 0); r < rect.r + rect.rows; r++) if (!text(r, rect.c)) headerCol = false;
        }
        const r0 = rect.r + (headerRow ? 1 : 0);
        const c0 = rect.c + (headerCol ? 1 : 0);
        const rows = rect.rows - (headerRow ? 1 : 0);
        const cols = rect.cols - (headerCol ? 1 : 0);
        const by = seriesBy === "Rows" || seriesBy === "Columns" ? seriesBy : rows >= cols ? "Columns" : "Rows";
        const series: SeriesEntity[] = [];
        if (by === "Columns") {
          for (let j = 0; j < cols; j++) {
            const s = newSeries(headerRow ? String(src.sheet.valueAt(rect.r, c0 + j)) : `Series${j + 1}`);
            s.values = { sheet: src.sheet, rect: { r: r0, c: c0 + j, rows, cols: 1 } };
            s.xValues = headerCol ? { sheet: src.sheet, rect: { r: r0, c: rect.c, rows, cols: 1 } } : null;
            series.push(s);
          }
        } else {
          for (let i = 0; i < rows; i++) {
            const s = newSeries(headerCol ? String(src.sheet.valueAt(r0 + i, rect.c)) : `Series${i + 1}`);
            s.values = { sheet: src.sheet, rect: { r: r0 + i, c: c0, rows: 1, cols } };
            s.xValues = headerRow ? { sheet: src.sheet, rect: { r: rect.r, c: c0, rows: 1, cols } } : null;
            series.push(s);
          }
        }
        created = {
          id: m.newChartId(),
          name: m.newChartName(),
          type,
          sheet,
          series,
          title: { text: "", visible: false },
          legend: { visible: true, position: "Right" },
          axes: [newAxis("Category", "Primary"), newAxis("Value", "Primary")],
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          startCell: null,
          endCell: null,
          deleted: false,
        };
        sheet.charts.push(created);
        proxy._memo = created;
        m.record(sheet, null, `charts.add(${type})`);
      },
    });
    return proxy;
  }

  getItem(name: string): ChartDouble {
    return this._child("getItem", [name], (res) => new ChartDouble(this.context, res), (s: SheetEntity) => {
      const c = s.charts.find((x) => !x.deleted && x.name === name);
      if (!c) throw apiError("ItemNotFound", `The requested resource doesn't exist: chart "${name}".`, "ChartCollection.getItem");
      return c;
    });
  }
  getItemAt(index: number): ChartDouble {
    return this._child("getItemAt", [index], (res) => new ChartDouble(this.context, res), (s: SheetEntity) => {
      const c = s.charts.filter((x) => !x.deleted)[index];
      if (!c) throw apiError("InvalidArgument", `No chart at index ${index}.`, "ChartCollection.getItemAt");
      return c;
    });
  }
  getItemOrNullObject(name: string): ChartDouble {
    return this._child("getItemOrNullObject", [name], (res) => new ChartDouble(this.context, res), (s: SheetEntity) => s.charts.find((x) => !x.deleted && x.name === name) ?? NULL, {
      version: "1.4",
      orNull: true,
    });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (s) => s.charts.filter((x) => !x.deleted).length);
  }
}

export class ChartDouble extends ProxyBase<ChartEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ChartEntity>) {
    super(ctx, resolver, "Chart");
  }
  private _live(c: ChartEntity, location: string): ChartEntity {
    if (c.deleted || c.sheet.deleted) throw apiError("ItemNotFound", "The chart has been deleted.", location);
    return c;
  }
  protected override _props(): Record<string, PropDef<ChartEntity>> {
    return {
      id: { version: "1.7", get: (c) => c.id },
      name: { get: (c) => c.name },
      chartType: { version: "1.7", get: (c) => c.type },
      top: { get: (c) => c.top },
      left: { get: (c) => c.left },
      width: { get: (c) => c.width },
      height: { get: (c) => c.height },
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { title: () => this.title, legend: () => this.legend };
  }
  get id(): string {
    return this._get("id", "1.7");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      this._live(c, "Chart.name");
      c.name = v;
      model(this.context).record(c.sheet, null, "chart.name");
    });
  }
  get chartType(): string {
    return this._get("chartType", "1.7");
  }
  set chartType(v: string) {
    this._set("chartType", v, (c) => {
      if (!CHART_TYPES.has(v)) throw apiError("InvalidArgument", `Unknown chart type ${v}.`, "Chart.chartType");
      c.type = v;
      model(this.context).record(c.sheet, null, "chart.chartType");
    }, { version: "1.7" });
  }
  private _dim(k: "top" | "left" | "width" | "height", v: number): void {
    this._set(k, v, (c) => {
      if (typeof v !== "number" || v < 0) throw apiError("InvalidArgument", `${k} must be a non-negative number.`, `Chart.${k}`);
      c[k] = v;
      model(this.context).record(c.sheet, null, `chart.${k}`);
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._dim("top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._dim("left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._dim("width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._dim("height", v);
  }
  get title(): ChartTitleDouble {
    return this._nav("title", () => new ChartTitleDouble(this.context, () => this._resolve()));
  }
  get legend(): ChartLegendDouble {
    return this._nav("legend", () => new ChartLegendDouble(this.context, () => this._resolve()));
  }
  get axes(): ChartAxesDouble {
    return this._nav("axes", () => new ChartAxesDouble(this.context, () => this._resolve()));
  }
  get series(): ChartSeriesCollectionDouble {
    return this._nav("series", () => new ChartSeriesCollectionDouble(this.context, () => this._resolve()));
  }
  /** With endCell the chart is sized to cover it (REF chart). */
  setPosition(startCell: RangeDouble | string, endCell?: RangeDouble | string): void {
    this._call("setPosition", [startCell, endCell ?? null], (c) => {
      this._live(c, "Chart.setPosition");
      const m = model(this.context);
      const start = rangeArg(startCell, c.sheet, m, "Chart.setPosition");
      const end = endCell === undefined ? null : rangeArg(endCell, c.sheet, m, "Chart.setPosition");
      if (start.sheet !== c.sheet || (end && end.sheet !== c.sheet)) throw apiError("InvalidArgument", "A chart is positioned on its own worksheet.", "Chart.setPosition");
      const s = start.rect;
      let top = 0;
      for (let r = 0; r < s.r; r++) top += c.sheet.rowHeight(r);
      let left = 0;
      for (let col = 0; col < s.c; col++) left += c.sheet.colWidth(col);
      c.top = top;
      c.left = left;
      c.startCell = rectA1({ r: s.r, c: s.c, rows: 1, cols: 1 });
      if (end) {
        const e = end.rect;
        const lastR = e.r + e.rows - 1;
        const lastC = e.c + e.cols - 1;
        if (lastR < s.r || lastC < s.c) throw apiError("InvalidArgument", "The end cell is above or left of the start cell.", "Chart.setPosition");
        let h = 0;
        for (let r = s.r; r <= lastR; r++) h += c.sheet.rowHeight(r);
        let w = 0;
        for (let col = s.c; col <= lastC; col++) w += c.sheet.colWidth(col);
        c.width = w;
        c.height = h;
        c.endCell = rectA1({ r: lastR, c: lastC, rows: 1, cols: 1 });
      }
      m.record(c.sheet, null, "chart.setPosition");
    });
  }
  delete(): void {
    this._call("delete", [], (c) => {
      this._live(c, "Chart.delete");
      c.deleted = true;
      model(this.context).record(c.sheet, null, "chart.delete");
    });
  }
}

export class ChartTitleDouble extends ProxyBase<ChartEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ChartEntity>) {
    super(ctx, resolver, "ChartTitle");
  }
  protected override _props(): Record<string, PropDef<ChartEntity>> {
    return { text: { get: (c) => c.title.text }, visible: { get: (c) => c.title.visible } };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => {
      c.title.text = String(v);
      c.title.visible = true;
      model(this.context).record(c.sheet, null, "chart.title");
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => (c.title.visible = v));
  }
}

export class ChartLegendDouble extends ProxyBase<ChartEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ChartEntity>) {
    super(ctx, resolver, "ChartLegend");
  }
  protected override _props(): Record<string, PropDef<ChartEntity>> {
    return { visible: { get: (c) => c.legend.visible }, position: { get: (c) => c.legend.position } };
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => {
      c.legend.visible = v;
      model(this.context).record(c.sheet, null, "chart.legend");
    });
  }
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._set("position", v, (c) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v)) throw apiError("InvalidArgument", `Unknown legend position ${v}.`, "ChartLegend.position");
      c.legend.position = v;
      model(this.context).record(c.sheet, null, "chart.legend");
    });
  }
}

interface AxisRef {
  chart: ChartEntity;
  axis: AxisEntity;
}

export class ChartAxesDouble extends ProxyBase<ChartEntity> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ChartEntity>) {
    super(ctx, resolver, "ChartAxes");
  }
  private _axis(name: string, type: "Category" | "Value", group: "Primary" | "Secondary", version?: string, args: unknown[] = []): ChartAxisDouble {
    const find = (c: ChartEntity): AxisRef => {
      const axis = c.axes.find((a) => a.type === type && a.group === group);
      if (!axis) throw apiError("InvalidArgument", `The chart has no ${group.toLowerCase()} ${type.toLowerCase()} axis.`, `ChartAxes.${name}`);
      return { chart: c, axis };
    };
    if (name === "getItem") return this._child("getItem", args, (res) => new ChartAxisDouble(this.context, res), find, { version });
    return this._nav(name, () => new ChartAxisDouble(this.context, () => {
      const c = this._resolve();
      return c === NULL ? NULL : find(c);
    }));
  }
  get categoryAxis(): ChartAxisDouble {
    return this._axis("categoryAxis", "Category", "Primary");
  }
  get valueAxis(): ChartAxisDouble {
    return this._axis("valueAxis", "Value", "Primary");
  }
  getItem(type: "Category" | "Value" | "Series", group?: "Primary" | "Secondary"): ChartAxisDouble {
    if (type === "Series") throw apiError("InvalidArgument", "The double has no series axes.", "ChartAxes.getItem");
    return this._axis("getItem", type, group ?? "Primary", "1.7", [type, group ?? "Primary"]);
  }
}

export class ChartAxisDouble extends ProxyBase<AxisRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<AxisRef>) {
    super(ctx, resolver, "ChartAxis");
  }
  protected override _props(): Record<string, PropDef<AxisRef>> {
    // An automatic bound reads back as a number (REF chartaxis): the double reports 0 for auto.
    return {
      minimum: { get: (a) => (a.axis.minimum === "" ? 0 : a.axis.minimum) },
      maximum: { get: (a) => (a.axis.maximum === "" ? 0 : a.axis.maximum) },
      numberFormat: { version: "1.8", get: (a) => a.axis.numberFormat },
      visible: { version: "1.7", get: (a) => a.axis.visible },
      axisGroup: { version: "1.8", get: (a) => a.axis.group },
    };
  }
  private _bound(k: "minimum" | "maximum", v: number | string): void {
    this._set(k, v, (a) => {
      if (!(v === "" || (typeof v === "number" && Number.isFinite(v)))) {
        throw apiError("InvalidArgument", `Axis ${k} takes a number or "" (automatic).`, `ChartAxis.${k}`);
      }
      a.axis[k] = v;
      model(this.context).record(a.chart.sheet, null, `axis.${k}`);
    });
  }
  get minimum(): number {
    return this._get("minimum");
  }
  set minimum(v: number | string) {
    this._bound("minimum", v);
  }
  get maximum(): number {
    return this._get("maximum");
  }
  set maximum(v: number | string) {
    this._bound("maximum", v);
  }
  get numberFormat(): string {
    return this._get("numberFormat", "1.8");
  }
  set numberFormat(v: string) {
    this._set("numberFormat", v, (a) => {
      if (typeof v !== "string") throw apiError("InvalidArgument", "numberFormat must be a string.", "ChartAxis.numberFormat");
      a.axis.numberFormat = v;
      model(this.context).record(a.chart.sheet, null, "axis.numberFormat");
    }, { version: "1.8" });
  }
  get visible(): boolean {
    return this._get("visible", "1.7");
  }
  set visible(v: boolean) {
    this._set("visible", v, (a) => (a.axis.visible = v), { version: "1.7" });
  }
  get title(): ChartAxisTitleDouble {
    return this._nav("title", () => new ChartAxisTitleDouble(this.context, () => this._resolve()));
  }
}

export class ChartAxisTitleDouble extends ProxyBase<AxisRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<AxisRef>) {
    super(ctx, resolver, "ChartAxisTitle");
  }
  protected override _props(): Record<string, PropDef<AxisRef>> {
    return { text: { get: (a) => a.axis.title } };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (a) => {
      a.axis.title = String(v);
      model(this.context).record(a.chart.sheet, null, "axis.title");
    });
  }
}

interface SeriesRef {
  chart: ChartEntity;
  series: SeriesEntity;
}

export class ChartSeriesCollectionDouble extends CollectionBase<ChartEntity, ChartSeriesDouble> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<ChartEntity>) {
    super(ctx, resolver, "ChartSeriesCollection");
  }
  protected _entities(c: ChartEntity): unknown[] {
    return c.series.filter((s) => !s.deleted).map((series) => ({ chart: c, series }));
  }
  protected _itemProxy(entity: unknown): ChartSeriesDouble {
    const p = new ChartSeriesDouble(this.context, () => entity as SeriesRef);
    p._memo = entity as SeriesRef;
    return p;
  }
  protected _sampleItem(): ChartSeriesDouble {
    return new ChartSeriesDouble(this.context, () => NULL);
  }
  getItemAt(index: number): ChartSeriesDouble {
    return this._child("getItemAt", [index], (res) => new ChartSeriesDouble(this.context, res), (c: ChartEntity) => {
      const series = c.series.filter((s) => !s.deleted)[index];
      if (!series) throw apiError("InvalidArgument", `No series at index ${index}.`, "ChartSeriesCollection.getItemAt");
      return { chart: c, series };
    });
  }
  getCount(): ClientResultDouble<number> {
    return this._result("getCount", [], (c) => c.series.filter((s) => !s.deleted).length);
  }
  /** A new series shows nothing until it has values (REF chartseriescollection). */
  add(name?: string, index?: number): ChartSeriesDouble {
    this._gate("add", "1.7");
    let created: SeriesRef | undefined;
    const proxy = new ChartSeriesDouble(this.context, () => {
      if (!created) throw apiError("InvalidObjectPath", "The series was not created.", "ChartSeriesCollection.add");
      return created;
    });
    this.context.enqueue({
      location: "ChartSeriesCollection.add",
      payload: { o: this._id, m: "add", a: [name ?? null, index ?? null], r: proxy._id },
      undo: "undoable",
      target: this,
      exec: () => {
        const c = this._resolve();
        if (c === NULL) return;
        const live = c.series.filter((s) => !s.deleted);
        const series = newSeries(name ?? `Series${live.length + 1}`);
        if (index === undefined || index >= live.length) c.series.push(series);
        else c.series.splice(c.series.indexOf(live[index]), 0, series);
        created = { chart: c, series };
        proxy._memo = created;
        model(this.context).record(c.sheet, null, "series.add");
      },
    });
    return proxy;
  }
}

export class ChartSeriesDouble extends ProxyBase<SeriesRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SeriesRef>) {
    super(ctx, resolver, "ChartSeries");
  }
  protected override _props(): Record<string, PropDef<SeriesRef>> {
    return {
      name: { get: (s) => s.series.name },
      chartType: { version: "1.7", get: (s) => s.series.chartType ?? s.chart.type },
      axisGroup: { version: "1.8", get: (s) => s.series.axisGroup },
    };
  }
  private _rec(s: SeriesRef, what: string): void {
    model(this.context).record(s.chart.sheet, null, what);
  }
  /** Assumption (unconfirmed): changing how an empty series is drawn fails with EmptyChartSeries. */
  private _needsValues(s: SeriesRef, location: string): void {
    if (!s.series.values) throw apiError("EmptyChartSeries", "The attempted operation failed because the chart series is empty.", location);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      s.series.name = String(v);
      this._rec(s, "series.name");
    });
  }
  get chartType(): string {
    return this._get("chartType", "1.7");
  }
  set chartType(v: string) {
    this._set("chartType", v, (s) => {
      this._needsValues(s, "ChartSeries.chartType");
      if (!CHART_TYPES.has(v)) throw apiError("InvalidArgument", `Unknown chart type ${v}.`, "ChartSeries.chartType");
      if (isRadar(v) !== isRadar(s.chart.type)) throw apiError("InvalidArgument", "Radar series cannot be combined with other chart types.", "ChartSeries.chartType");
      s.series.chartType = v;
      this._rec(s, "series.chartType");
    }, { version: "1.7" });
  }
  get axisGroup(): string {
    return this._get("axisGroup", "1.8");
  }
  set axisGroup(v: string) {
    this._set("axisGroup", v, (s) => {
      this._needsValues(s, "ChartSeries.axisGroup");
      if (v !== "Primary" && v !== "Secondary") throw apiError("InvalidArgument", `Unknown axis group ${v}.`, "ChartSeries.axisGroup");
      if (isRadar(s.chart.type) && v === "Secondary") throw apiError("InvalidArgument", "Radar charts have no secondary axis.", "ChartSeries.axisGroup");
      s.series.axisGroup = v;
      if (v === "Secondary" && !s.chart.axes.some((a) => a.group === "Secondary")) {
        s.chart.axes.push(newAxis("Category", "Secondary"), newAxis("Value", "Secondary"));
      }
      this._rec(s, "series.axisGroup");
    }, { version: "1.8" });
  }
  setValues(sourceData: RangeDouble): void {
    this._call("setValues", [sourceData], (s) => {
      s.series.values = oneDimensional(rangeArg(sourceData, s.chart.sheet, model(this.context), "ChartSeries.setValues"), "ChartSeries.setValues");
      this._rec(s, "series.setValues");
    }, { version: "1.7" });
  }
  setXAxisValues(sourceData: RangeDouble): void {
    this._call("setXAxisValues", [sourceData], (s) => {
      s.series.xValues = oneDimensional(rangeArg(sourceData, s.chart.sheet, model(this.context), "ChartSeries.setXAxisValues"), "ChartSeries.setXAxisValues");
      this._rec(s, "series.setXAxisValues");
    }, { version: "1.7" });
  }
  get format(): ChartSeriesFormatDouble {
    return this._nav("format", () => new ChartSeriesFormatDouble(this.context, () => this._resolve()));
  }
  delete(): void {
    this._call("delete", [], (s) => {
      s.series.deleted = true;
      this._rec(s, "series.delete");
    }, { version: "1.7" });
  }
}

export class ChartSeriesFormatDouble extends ProxyBase<SeriesRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SeriesRef>) {
    super(ctx, resolver, "ChartSeriesFormat");
  }
  get fill(): ChartFillDouble {
    return this._nav("fill", () => new ChartFillDouble(this.context, () => this._resolve()));
  }
  get line(): ChartLineFormatDouble {
    return this._nav("line", () => new ChartLineFormatDouble(this.context, () => this._resolve()));
  }
}

function chartColor(v: unknown, location: string): string {
  if (typeof v !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v))) throw apiError("InvalidArgument", `"${String(v)}" is not a colour.`, location);
  return v.startsWith("#") ? v.toUpperCase() : v;
}

export class ChartFillDouble extends ProxyBase<SeriesRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SeriesRef>) {
    super(ctx, resolver, "ChartFill");
  }
  setSolidColor(color: string): void {
    this._call("setSolidColor", [color], (s) => {
      s.series.fillColor = chartColor(color, "ChartFill.setSolidColor");
      model(this.context).record(s.chart.sheet, null, "series.fill");
    });
  }
  clear(): void {
    this._call("clear", [], (s) => (s.series.fillColor = null));
  }
}

export class ChartLineFormatDouble extends ProxyBase<SeriesRef> {
  constructor(ctx: RequestContextDouble, resolver: () => Res<SeriesRef>) {
    super(ctx, resolver, "ChartLineFormat");
  }
  protected override _props(): Record<string, PropDef<SeriesRef>> {
    return { color: { get: (s) => s.series.lineColor ?? "" }, lineStyle: { version: "1.7", get: (s) => s.series.lineStyle } };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (s) => {
      s.series.lineColor = chartColor(v, "ChartLineFormat.color");
      model(this.context).record(s.chart.sheet, null, "series.line");
    });
  }
  get lineStyle(): string {
    return this._get("lineStyle", "1.7");
  }
  set lineStyle(v: string) {
    this._set("lineStyle", v, (s) => {
      if (!LINE_STYLES.includes(v)) throw apiError("InvalidArgument", `Unknown line style ${v}.`, "ChartLineFormat.lineStyle");
      s.series.lineStyle = v;
      model(this.context).record(s.chart.sheet, null, "series.lineStyle");
    }, { version: "1.7" });
  }
}
