/**
 * Rendering report plans through the Excel double: round trips, payload size, what gets written
 * where, text that stays text, re-runs, undo, templates and the minimum ExcelApi version.
 */
import { ExcelDouble, SheetEntity } from "../../excel-double";
import { DEFAULT_REQUEST_BYTES, renderPlan } from "../../../src/hosts/excel/render-plan";
import { EXCEL_API, MIN_EXCEL_API, compareVersions } from "../../../src/hosts/excel/requirements";
import { KamInputException } from "../../../src/domain/errors";
import { INJECTIONS, abcPlan, cardPlan, customerName, radarPlan } from "./plans";
import { buildCardsReport, defaultCardTemplate } from "../../../src/reports/cards";
import type { SourceTable } from "../../../src/reports/source";

/** A one-account table for the cards. */
function cardAccounts(): SourceTable {
  return { sheet: "Data", row: 0, col: 0, header: ["Customer", "Revenue", "Owner"], rows: [["Acme", 1250000, "Li Wei"]] };
}

let xl: ExcelDouble;
let restore: () => void;

function workbook(config: ConstructorParameters<typeof ExcelDouble>[0] = {}): ExcelDouble {
  xl = new ExcelDouble(config);
  const data = xl.model.addSheet("Data");
  xl.model.setCells(data, 0, 0, [["Customer", "Revenue"], ["Acme", 10]]);
  // A user sheet that happens to carry the report's name, with its own content and look.
  const abc = xl.model.addSheet("ABC");
  xl.model.setCells(abc, 0, 0, [["my notes", 1], ["do not touch", 2]]);
  abc.ensure(0, 0).font = { bold: true };
  abc.colWidths.set(0, 120);
  restore = xl.install();
  return xl;
}

afterEach(() => restore?.());

function reportSheetIds(names: readonly string[]): Set<string> {
  return new Set(names.map((n) => xl.model.sheet(n).id));
}

function expectWritesOnlyOn(names: readonly string[]): void {
  const ids = reportSheetIds(names);
  const outside = xl.writes().filter((w) => !ids.has(w.sheetId));
  expect(outside).toEqual([]);
}

describe("an ABC report of 100,000 customers", () => {
  it("is written in one read sync plus the write syncs its bytes need, each request under 5 MB", async () => {
    workbook();
    const userAbc = xl.sheetState(xl.model.sheet("ABC"));
    const userData = xl.sheetState(xl.model.sheet("Data"));
    const plan = abcPlan(100_000);

    const result = await renderPlan(plan);

    const writes = xl.syncs.slice(1);
    const writeBytes = writes.reduce((n, s) => n + s.requestBytes, 0);
    console.log(
      `ABC 100,000 rows: ${result.syncs} syncs (1 read + ${writes.length} write), largest request ${xl.maxRequestBytes.toLocaleString("en")} bytes, ` +
        `write requests ${writes.map((s) => s.requestBytes.toLocaleString("en")).join(" + ")} = ${writeBytes.toLocaleString("en")} bytes`,
    );
    expect(result.syncs).toBe(xl.roundTrips);
    expect(xl.syncs[0].writes).toEqual([]);
    expect(xl.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // Chunking is justified by bytes alone: every write sync but the last is nearly full.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(writeBytes / (DEFAULT_REQUEST_BYTES - 600_000)));
    for (const s of writes.slice(0, -1)) expect(s.requestBytes).toBeGreaterThan(DEFAULT_REQUEST_BYTES * 0.7);
    for (const s of writes) {
      expect(s.calculationSuspended).toBe(true);
      expect(s.screenUpdatingSuspended).toBe(true);
    }

    expect(result.sheets).toEqual([{ key: "abc", name: "ABC (2)" }]);
    expectWritesOnlyOn(["ABC (2)"]);
    expect(xl.sheetState(xl.model.sheet("ABC"))).toEqual(userAbc);
    expect(xl.sheetState(xl.model.sheet("Data"))).toEqual(userData);

    const report = xl.model.sheet("ABC (2)");
    expect(xl.model.formulaLog).toEqual([]);
    INJECTIONS.forEach((s, i) => {
      expect(report.get(1 + i, 1)).toMatchObject({ value: s, type: "String" });
    });
    expect(report.get(100_000, 1)?.value).toBe(customerName(99_999));
    expect(report.get(1, 3)?.numberFormat).toBe("0.0%");
    expect(report.get(1, 2)?.type).toBe("Double");
    expect(xl.model.activeSheet?.name).toBe("ABC (2)");
    expect(xl.undo).toEqual({ records: 1, cleared: 0 });
  }, 120_000);
});

describe("a small ABC report", () => {
  it("takes at most 3 syncs (one read, one write) and builds the table, colours, chart and layout", async () => {
    workbook();
    const result = await renderPlan(abcPlan(1000));
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(2);
    const s = xl.model.sheet("ABC (2)");

    const [table] = xl.model.liveTables().filter((t) => t.sheet === s);
    expect(table).toMatchObject({ name: "ABC", style: "TableStyleMedium2", rect: { r: 0, c: 0, rows: 1001, cols: 6 } });

    const classOf = (r: number): unknown => s.get(r, 5)?.value;
    const fillOf = (r: number): string | null | undefined => xl.model.conditionalFill(s, r, 5)?.fill;
    const firstB = [...Array(1000).keys()].map((i) => i + 1).find((r) => classOf(r) === "B") ?? 0;
    expect(fillOf(1)).toBe("#C6EFCE");
    expect(xl.model.conditionalFill(s, 1, 5)?.fontColor).toBe("#006100");
    expect(fillOf(firstB)).toBe("#FFEB9C");
    expect(fillOf(1000)).toBe("#FFC7CE");

    expect(s.freeze).toEqual({ rows: 1, cols: 0 });
    expect(s.tabColor).toBe("#1F6FB2");
    expect(s.colWidth(1)).toBeCloseTo((28 * 7 + 5) * 0.75);
    expect(s.get(0, 8)?.font?.bold).toBe(true);
    expect(s.get(0, 11)?.borders?.right?.style).toBe("Continuous");

    const [chart] = s.charts;
    expect(chart.title.text).toBe("Revenue by class");
    expect(chart.legend).toEqual({ visible: true, position: "Bottom" });
    const series = xl.visibleSeries(chart);
    expect(series.map((x) => [x.name, x.chartType ?? chart.type, x.axisGroup])).toEqual([
      ["Revenue", "ColumnClustered", "Primary"],
      ["Share", "Line", "Secondary"],
    ]);
    expect(series[1]).toMatchObject({ lineColor: "#ED7D31", lineStyle: "Dash" });
    expect(series[0].fillColor).toBe("#4472C4");
    expect(series.map((x) => x.xValues?.rect)).toEqual([{ r: 1, c: 8, rows: 3, cols: 1 }, { r: 1, c: 8, rows: 3, cols: 1 }]);
    const secondary = chart.axes.find((a) => a.type === "Value" && a.group === "Secondary");
    expect(secondary).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
    expect(chart.axes.find((a) => a.type === "Value" && a.group === "Primary")).toMatchObject({ minimum: 0, numberFormat: "#,##0", title: "Revenue" });
    expect([chart.startCell, chart.endCell]).toEqual(["I7", "P21"]);
  });

  it("a re-run finds its sheet by the mark, clears and reuses it, even after the user renamed it", async () => {
    workbook();
    await renderPlan(abcPlan(300));
    const sheetsBefore = xl.model.liveSheets().length;
    const report = xl.model.sheet("ABC (2)");
    report.name = "My ABC";
    xl.resetLog();

    const result = await renderPlan(abcPlan(200));

    expect(result.sheets).toEqual([{ key: "abc", name: "My ABC" }]);
    expect(xl.model.liveSheets().length).toBe(sheetsBefore);
    expect(xl.model.liveTables().filter((t) => t.sheet === report).map((t) => [t.name, t.rect.rows])).toEqual([["ABC", 201]]);
    expect(report.charts.filter((c) => !c.deleted)).toHaveLength(1);
    expect(report.get(250, 1)).toBeUndefined();
    expect(report.names.map((n) => n.name)).toEqual(["KAM_REPORT"]);
    expectWritesOnlyOn(["My ABC"]);
    expect(xl.undo).toEqual({ records: 1, cleared: 0 });
    expect(result.syncs).toBe(2);
  });

  it("a report sheet the user hid is refreshed but stays hidden and is not activated", async () => {
    workbook();
    await renderPlan(abcPlan(20));
    xl.model.sheet("ABC (2)").visibility = "Hidden";
    xl.model.activeSheet = xl.model.sheet("Data");
    const result = await renderPlan(abcPlan(30));
    expect(result.sheets[0].name).toBe("ABC (2)");
    expect(xl.model.sheet("ABC (2)").visibility).toBe("Hidden");
    expect(xl.model.activeSheet?.name).toBe("Data");
    expect(xl.model.sheet("ABC (2)").get(30, 1)?.value).toBe(customerName(29));
  });

  it("a user sheet that copies the mark's name but not its value is left alone", async () => {
    workbook();
    const abc = xl.model.sheet("ABC");
    abc.names.push({ name: "KAM_REPORT", formula: '="something else"', comment: "", visible: true, sheet: abc });
    const before = xl.sheetState(abc);
    const result = await renderPlan(abcPlan(10));
    expect(result.sheets[0].name).toBe("ABC (2)");
    expect(xl.sheetState(abc)).toEqual(before);
  });

  it("a table name already used elsewhere in the workbook gets a free variant", async () => {
    workbook();
    const data = xl.model.sheet("Data");
    xl.model.tables.push({ id: "9", name: "abc", sheet: data, rect: { r: 0, c: 0, rows: 2, cols: 2 }, style: "TableStyleLight1", showTotals: false, showHeaders: true, deleted: false });
    await renderPlan(abcPlan(10));
    expect(xl.model.liveTables().map((t) => t.name)).toEqual(["abc", "ABC_2"]);
  });
});

describe("radar charts", () => {
  it("draw one RadarMarkers chart with a polygon per series on a 0–100 axis", async () => {
    workbook();
    const result = await renderPlan(radarPlan());
    expect(result).toEqual({ sheets: [{ key: "profile-external", name: "Profile" }], syncs: 2 });
    const s = xl.model.sheet("Profile");
    const [chart] = s.charts;
    expect(chart.type).toBe("RadarMarkers");
    const series = xl.visibleSeries(chart);
    expect(series.map((x) => x.name)).toEqual(["Baseline", "Warning", "Acme", "Beta"]);
    expect(series.map((x) => x.values?.rect.c)).toEqual([1, 2, 3, 4]);
    expect(series.every((x) => x.xValues?.rect.c === 0 && x.xValues.rect.rows === 6)).toBe(true);
    expect(series.map((x) => x.lineStyle)).toEqual(["Dash", "Dash", "Automatic", "Automatic"]);
    expect(chart.axes.find((a) => a.type === "Value")).toMatchObject({ minimum: 0, maximum: 100 });
    expect(chart.legend.position).toBe("Right");
    expectWritesOnlyOn(["Profile"]);
  });
});

describe("account cards with formatsFrom", () => {
  function template(): SheetEntity {
    const tpl = xl.model.addSheet("Card template");
    xl.model.setCells(tpl, 0, 0, [["{title}"], [], ["{label}", "{value}"]]);
    tpl.ensure(0, 0).font = { bold: true, size: 16, color: "#1F4E79" };
    tpl.ensure(0, 0).fill = "#DDEBF7";
    tpl.merges.push({ r: 0, c: 0, rows: 1, cols: 4 });
    tpl.ensure(3, 3).numberFormat = "#,##0";
    tpl.colWidths.set(0, 90);
    tpl.colWidths.set(3, 70);
    return tpl;
  }

  it("copy the template's formats, merges and column widths, then the values; the template is untouched", async () => {
    workbook();
    const tpl = template();
    const before = xl.sheetState(tpl);
    const result = await renderPlan(cardPlan("Acme"));
    expect(result.syncs).toBe(2);
    const card = xl.model.sheet("Card Acme");
    expect(card.get(0, 0)).toMatchObject({ value: "Account card — Acme", font: { bold: true, size: 16, color: "#1F4E79" }, fill: "#DDEBF7" });
    expect(card.merges).toEqual([{ r: 0, c: 0, rows: 1, cols: 4 }]);
    expect(card.get(3, 3)).toMatchObject({ value: 1250000, numberFormat: "#,##0" });
    expect(card.get(2, 0)?.value).toBe("Score");
    expect([card.colWidth(0), card.colWidth(1), card.colWidth(3)]).toEqual([90, 48, 70]);
    expect(xl.model.lostWrites).toEqual([]);
    expect(xl.sheetState(tpl)).toEqual(before);
    expectWritesOnlyOn(["Card Acme"]);
    expect(xl.undo.cleared).toBe(0);
  });

  it("the default card template written in the same plan, before the cards: its formats and widths, in 2 syncs", async () => {
    workbook();
    const built = buildCardsReport({ accounts: cardAccounts() }, { accounts: ["Acme"] });
    const tplPlan = defaultCardTemplate("en");
    const result = await renderPlan({ ...built.plan, sheets: [tplPlan, ...built.plan.sheets] });
    expect(result.syncs).toBe(2);
    const tplName = result.sheets.find((x) => x.key === tplPlan.key)?.name as string;
    const cardName = result.sheets.find((x) => x.key !== tplPlan.key)?.name as string;
    const tpl = xl.model.sheet(tplName);
    const card = xl.model.sheet(cardName);
    // The title row's look and the column widths came from the template just written.
    expect(card.get(0, 0)?.font).toEqual(tpl.get(0, 0)?.font);
    expect(card.get(0, 0)?.font?.bold).toBe(true);
    expect(card.merges).toEqual(expect.arrayContaining(tpl.merges));
    expect([0, 1, 2, 3].map((c) => card.colWidth(c))).toEqual([0, 1, 2, 3].map((c) => tpl.colWidth(c)));
    const texts: string[] = [];
    for (let r = 0; r < 16; r++) for (let c = 0; c < 4; c++) texts.push(String(card.get(r, c)?.value ?? ""));
    expect(texts).toContain("Acme");
    expect(xl.model.lostWrites).toEqual([]);
  });

  it("the same when a user sheet already has the template's name: the plan's own template is copied, the user's is untouched", async () => {
    workbook();
    const user = xl.model.addSheet("Card template");
    xl.model.setCells(user, 0, 0, [["my own sheet"]]);
    user.ensure(0, 0).font = { italic: true };
    const before = xl.sheetState(user);
    const built = buildCardsReport({ accounts: cardAccounts() }, { accounts: ["Acme"] });
    const tplPlan = defaultCardTemplate("en");
    const result = await renderPlan({ ...built.plan, sheets: [tplPlan, ...built.plan.sheets] });
    const tplName = result.sheets.find((x) => x.key === tplPlan.key)?.name as string;
    expect(tplName).not.toBe("Card template");
    const card = xl.model.sheet(result.sheets.find((x) => x.key !== tplPlan.key)?.name as string);
    expect(card.get(0, 0)?.font).toEqual(xl.model.sheet(tplName).get(0, 0)?.font);
    expect(xl.sheetState(user)).toEqual(before);
  });

  it("a missing template sheet is reported by name before anything is written", async () => {
    workbook();
    const e = await renderPlan(cardPlan("Acme", "Gone")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KamInputException);
    const err = (e as KamInputException).error;
    expect(err.msg.en).toContain('Sheet "Gone", cell A1:D6');
    expect(err.msg.zh).toContain("工作表“Gone”");
    expect(xl.writes()).toEqual([]);
    expect(xl.model.findSheet("Card Acme")).toBeUndefined();
  });
});

describe("requirement sets", () => {
  it("MIN_EXCEL_API is the highest version the host's APIs need", () => {
    const highest = Object.values(EXCEL_API).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    expect(highest).toBe(MIN_EXCEL_API);
  });

  it(`every report renders in an Excel that supports exactly ExcelApi ${MIN_EXCEL_API}, one undo record per write sync`, async () => {
    workbook({ apiVersion: MIN_EXCEL_API });
    xl.model.setCells(xl.model.addSheet("Card template"), 0, 0, [["t"]]);
    for (const plan of [abcPlan(50), radarPlan(), cardPlan("Acme")]) await renderPlan(plan);
    expect(xl.undo).toEqual({ records: 3, cleared: 0 });
    expect(xl.model.formulaLog).toEqual([]);
  });

  it("and fails on an Excel one step older", async () => {
    workbook({ apiVersion: "1.8" });
    await expect(renderPlan(abcPlan(5))).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("the desktop (no payload limit, renames not undoable) renders the same", async () => {
    workbook({ platform: "desktop" });
    const result = await renderPlan(abcPlan(100));
    expect(result.sheets[0].name).toBe("ABC (2)");
    expect(xl.undo).toEqual({ records: 1, cleared: 0 });
  });
});

describe("failures", () => {
  it("a host error mid-batch rejects the render with the Excel error", async () => {
    workbook();
    xl.failNext("GeneralException", (loc) => loc === "ChartCollection.add");
    await expect(renderPlan(abcPlan(20))).rejects.toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
  });
});
