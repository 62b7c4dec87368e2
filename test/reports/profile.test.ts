import { settingsSchema } from "../../src/domain/settings";
import { buildExternalProfileReport, buildInternalProfileReport, buildProfileReport } from "../../src/reports/profile";
import { cellAt, expectCellNamed, findCell, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });
const EXT = ["Customer", "Market size", "R&D capability", "Quality requirement", "Regulatory requirement", "Price type", "Professional level"];
const INT = ["Customer", "Sales volume", "Profit contribution", "Quality requirement", "Credit", "Relationship", "Professional level"];

function external() {
  return source("Prospects", EXT, [
    ["Example A", 100, 95, 80, 90, 70, 90],
    ["Example B", 60, 100, 90, 70, 95, 85],
    ["On the line", 60, 60, 90, 90, 85, 80],
    ["Small", 30, 60, 90, 90, 85, 80],
  ]);
}

function internal() {
  return source("Accounts", INT, [
    ["Key", 50, 90, 80, 90, 90, 90],
    ["Important", 30, 85, 90, 80, 85, 70],
    ["General", 20, 70, 70, "", 70, 70],
    ["Low", 5, 90, 90, 90, 90, 90],
  ]);
}

describe("External profile (SPEC §4a)", () => {
  test("SPEC examples A and B are potential targets; on the baseline is a target; below a warning line is not", () => {
    const { plan, summary } = buildExternalProfileReport({ profiles: external() });
    const sheet = sheetOf(plan, "profile-external");
    expect(sheet.name).toBe("External profile");
    const t = sheet.tables![0].rect;
    expect(readLine(sheet, { ...t, rows: 1 })).toEqual([...EXT, "Class", "Below baseline", "Below warning line"]);
    const body = readRect(sheet, { row: t.row + 1, col: 0, rows: 4, cols: t.cols });
    expect(body.map((r) => [r[0], r[7], r[8], r[9]])).toEqual([
      ["Example A", "Potential target", "Quality requirement, Price type", null],
      ["Example B", "Potential target", "Regulatory requirement", null],
      ["On the line", "Target customer", null, null],
      ["Small", "Not a target", "Market size", "Market size"],
    ]);
    expect(summary.classes.map((c) => [c.key, c.count])).toEqual([
      ["target", 1],
      ["potentialTarget", 2],
      ["notTarget", 1],
    ]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("radar of each chosen customer against the baseline and the warning line, read from the helper block", () => {
    const { plan, summary } = buildExternalProfileReport({ profiles: external() }, { customers: ["Example B"] });
    const sheet = sheetOf(plan, "profile-external");
    expect(summary.radar).toEqual(["Example B"]);
    const [chart] = sheet.charts!;
    expect(chart.type).toBe("radar");
    expect(readLine(sheet, chart.categories)).toEqual(EXT.slice(1));
    const byName = Object.fromEntries(chart.series.map((s) => [s.name, readLine(sheet, s.values)]));
    expect(byName["Example B"]).toEqual([60, 100, 90, 70, 95, 85]);
    expect(byName["Baseline"]).toEqual([60, 60, 90, 90, 85, 80]);
    expect(byName["Warning line"]).toEqual([40, 0, 60, 60, 60, 70]);
    expect(chart.series.find((s) => s.name === "Baseline")!.dashed).toBe(true);
    expect(chart.primaryAxis).toMatchObject({ min: 0, max: 100 });
  });

  test("the first five customers get a radar by default", () => {
    const rows = Array.from({ length: 7 }, (_, k) => [`C${k}`, 60, 60, 90, 90, 85, 80]);
    const { summary, plan } = buildExternalProfileReport({ profiles: source("P", EXT, rows) });
    expect(summary.radar).toEqual(["C0", "C1", "C2", "C3", "C4"]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("a level name scores the middle of its band (medium quality → 95)", () => {
    const s = source("Prospects", EXT, [["Lvl", 60, 60, "medium", "高", "豪放型", "expert 92"]]);
    const sheet = sheetOf(buildExternalProfileReport({ profiles: s }).plan, "profile-external");
    expect(readLine(sheet, { row: 4, col: 1, rows: 1, cols: 6 })).toEqual([60, 60, 95, 95, 95, 92]);
  });

  test("a score above 100 or an unknown level names its cell", () => {
    const over = source("Prospects", EXT, [["X", 60, 60, 90, 90, 85, 80], ["Y", 60, 120, 90, 90, 85, 80]]);
    expectCellNamed(inputErrorOf(() => buildExternalProfileReport({ profiles: over })), "Prospects", "R&D capability", "C", "C3");
    const lvl = source("Prospects", EXT, [["X", 60, 60, 90, 90, "cheap", 80]]);
    const e = inputErrorOf(() => buildExternalProfileReport({ profiles: lvl }));
    expectCellNamed(e, "Prospects", "Price type", "F", "F2");
    expect(e.en).toContain("cheap");
    const blank = source("Prospects", EXT, [["X", 60, "", 90, 90, 85, 80]]);
    expectCellNamed(inputErrorOf(() => buildExternalProfileReport({ profiles: blank })), "Prospects", "R&D capability", "C", "C2");
  });
});

describe("Internal profile (SPEC §4b)", () => {
  test("class is the highest tier met on every dimension; gaps to the next tier are listed; a blank credit is left out", () => {
    const { plan, summary } = buildInternalProfileReport({ profiles: internal() });
    const sheet = sheetOf(plan, "profile-internal");
    expect(sheet.name).toBe("Internal profile");
    const body = readRect(sheet, { row: 4, col: 0, rows: 4, cols: 10 });
    expect(body.map((r) => [r[0], r[7], r[8], r[9]])).toEqual([
      ["Key", "Key account", null, null],
      ["Important", "Important account", "Key account", "Sales volume +20, Profit contribution +5, Credit +10, Relationship +5, Professional level +20"],
      ["General", "General account", "Important account", "Sales volume +10, Profit contribution +15, Quality requirement +20, Relationship +15"],
      ["Low", "Below general", "General account", "Sales volume +5"],
    ]);
    expect(cellAt(sheet, 6, 4)).toBeNull();
    expect(summary.classes.map((c) => c.count)).toEqual([1, 1, 1, 1]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("radar against the three tier lines", () => {
    const { plan } = buildInternalProfileReport({ profiles: internal() }, { customers: ["General"] });
    const sheet = sheetOf(plan, "profile-internal");
    const [chart] = sheet.charts!;
    expect(chart.series.map((s) => s.name)).toEqual(["General", "Key-account line", "Important line", "General line"]);
    expect(readLine(sheet, chart.series[0].values)).toEqual([20, 70, 70, null, 70, 70]);
    expect(readLine(sheet, chart.series[1].values)).toEqual([50, 90, 80, 90, 90, 90]);
    expect(readLine(sheet, chart.series[3].values)).toEqual([10, 60, 60, 70, 60, 70]);
  });

  test("Chinese report and the kind option", () => {
    const { plan } = buildProfileReport({ profiles: internal() }, { kind: "internal" }, zh);
    const sheet = sheetOf(plan, "profile-internal");
    expect(sheet.name).toBe("客户内部画像");
    expect(cellAt(sheet, 4, 7)).toBe("大客户");
    expect(findCell(sheet, "大客户线")).toBeDefined();
    expect(inputErrorOf(() => buildProfileReport({ profiles: internal() }, { kind: "other" as "internal" })).en).toContain("external");
  });

  test("only credit may be blank", () => {
    const s = source("Accounts", INT, [["X", 50, "", 80, 90, 90, 90]]);
    expectCellNamed(inputErrorOf(() => buildInternalProfileReport({ profiles: s })), "Accounts", "Profit contribution", "C", "C2");
  });
});
