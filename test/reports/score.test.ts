import fc from "fast-check";
import { settingsSchema } from "../../src/domain/settings";
import { buildScoreReport } from "../../src/reports/score";
import { cellAt, expectCellNamed, findCell, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });
const HEADER = ["Customer", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential"];

function accounts(withScope = false) {
  const rows: unknown[][] = [
    ["Gamma", 10, 10, 10, 0, 0, 0], // 30 general
    ["Acme", 30, 20, 20, 10, 10, 10], // 100 key
    ["Delta", 25, 15, 15, 10, 10, 5], // 80 key (80 counts as key account)
    ["Beta", 20, 15, 15, 5, 5, 5], // 65 potential
    ["Eps", 20, 15, 15, 5, 5, 0], // 60 potential
    ["Zeta", 20, 15, 15, 5, 4, 0], // 59 general
  ];
  if (!withScope) return source("Accounts", HEADER, rows);
  const scopes = ["", "Company-level", "区域级", "", "", ""];
  return source("Accounts", [...HEADER, "Scope"], rows.map((r, k) => [...r, scopes[k]]));
}

describe("Score report, six criteria (SPEC §1)", () => {
  test("accounts are ranked by total and tiered: 80 is a key account, 60 a potential key account, 59 general", () => {
    const { plan, summary } = buildScoreReport({ accounts: accounts() });
    const sheet = sheetOf(plan, "score");
    const t = sheet.tables![0].rect;
    expect(readLine(sheet, { ...t, rows: 1 })).toEqual(["Rank", "Customer", "Strategic fit (30)", "Profit contribution (20)", "Business scale (20)", "Industry influence (10)", "Market & brand effect (10)", "Growth potential (10)", "Total", "Tier"]);
    const body = readRect(sheet, { row: t.row + 1, col: 0, rows: t.rows - 1, cols: t.cols });
    expect(body.map((r) => [r[1], r[8], r[9]])).toEqual([
      ["Acme", 100, "Key account"],
      ["Delta", 80, "Key account"],
      ["Beta", 65, "Potential key account"],
      ["Eps", 60, "Potential key account"],
      ["Zeta", 59, "General account"],
      ["Gamma", 30, "General account"],
    ]);
    expect(body[0].slice(2, 8)).toEqual([30, 20, 20, 10, 10, 10]);
    expect(summary.tiers.map((x) => [x.key, x.count])).toEqual([
      ["keyAccount", 2],
      ["potential", 2],
      ["general", 2],
    ]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("scope column is shown in the language of the report when present", () => {
    const { plan } = buildScoreReport({ accounts: accounts(true) });
    const sheet = sheetOf(plan, "score");
    expect(cellAt(sheet, 3, 2)).toBe("Scope");
    expect(cellAt(sheet, 4, 1)).toBe("Acme");
    expect(cellAt(sheet, 4, 2)).toBe("Company-level");
    expect(cellAt(sheet, findCell(sheet, "Delta")!.row, 2)).toBe("Region-level");
    expect(cellAt(sheet, findCell(sheet, "Gamma")!.row, 2)).toBeNull();
  });

  test("tiers are coloured: key account green, potential amber, general grey", () => {
    const sheet = sheetOf(buildScoreReport({ accounts: accounts() }).plan, "score");
    const c = sheet.conditional![0];
    expect(c.rect).toEqual({ row: 4, col: 9, rows: 6, cols: 1 });
    expect(c.rules.map((r) => (r.op === "equal" ? [r.value, r.fill] : []))).toEqual([
      ["Key account", "#C6EFCE"],
      ["Potential key account", "#FFEB9C"],
      ["General account", "#E7E6E6"],
    ]);
  });

  test("radar charts: the top 5 by default, each criterion as a share of its maximum read from the helper block", () => {
    const { plan, summary } = buildScoreReport({ accounts: accounts() });
    const sheet = sheetOf(plan, "score");
    expect(summary.radar).toEqual(["Acme", "Delta", "Beta", "Eps", "Zeta"]);
    const charts = sheet.charts!;
    expect(charts).toHaveLength(5);
    expect(charts.every((c) => c.type === "radar")).toBe(true);
    expect(readLine(sheet, charts[0].categories)).toEqual(["Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential"]);
    // Delta: 25/30, 15/20, 15/20, 10/10, 10/10, 5/10
    const delta = charts[1];
    expect(delta.title).toContain("Delta");
    expect(delta.series).toHaveLength(1);
    expect(delta.series[0].name).toBe("Delta");
    expect(readLine(sheet, delta.series[0].values).map((v) => Number((v as number).toFixed(4)))).toEqual([0.8333, 0.75, 0.75, 1, 1, 0.5]);
    expect(delta.primaryAxis).toMatchObject({ min: 0, max: 1 });
  });

  test("radar accounts can be chosen by name, in either case; an unknown name is refused", () => {
    const { summary, plan } = buildScoreReport({ accounts: accounts() }, { accounts: ["gamma", "ACME"] });
    expect(summary.radar).toEqual(["Gamma", "Acme"]);
    expect(sheetOf(plan, "score").charts).toHaveLength(2);
    const e = inputErrorOf(() => buildScoreReport({ accounts: accounts() }, { accounts: ["Nobody"] }));
    expect(e.en).toContain('"Nobody"');
    expect(e.zh).toContain("“Nobody”");
    expect(sheetOf(buildScoreReport({ accounts: accounts() }, { radarCount: 0 }).plan, "score").charts).toHaveLength(0);
  });

  test("Chinese report", () => {
    const { plan } = buildScoreReport({ accounts: accounts() }, {}, zh);
    const sheet = sheetOf(plan, "score");
    expect(sheet.name).toBe("大客户评分");
    expect(cellAt(sheet, 4, 9)).toBe("大客户");
    expect(cellAt(sheet, 3, 2)).toBe("战略契合度 (30)");
    expect(planProblems(plan)).toEqual([]);
  });

  test("a point above its criterion's maximum stops the report with the cell named", () => {
    const s = source("Accounts", HEADER, [
      ["Acme", 30, 20, 20, 10, 10, 10],
      ["Beta", 20, 25, 15, 5, 5, 5],
    ]);
    const e = inputErrorOf(() => buildScoreReport({ accounts: s }));
    expectCellNamed(e, "Accounts", "Profit contribution", "C", "C3");
    expect(e.en).toContain("above its maximum 20");
  });

  test("a blank criterion is missing, never a silent 0", () => {
    const s = source("Accounts", HEADER, [["Acme", 30, 20, 20, 10, "", 10]]);
    const e = inputErrorOf(() => buildScoreReport({ accounts: s }));
    expectCellNamed(e, "Accounts", "Market & brand effect", "F", "F2");
    expect(e.en).toContain("missing");
  });

  test("text in a criterion and an unknown scope are named", () => {
    const e = inputErrorOf(() => buildScoreReport({ accounts: source("Accounts", HEADER, [["Acme", "high", 20, 20, 10, 10, 10]]) }));
    expectCellNamed(e, "Accounts", "Strategic fit", "B", "B2");
    const s = source("Accounts", [...HEADER, "Scope"], [["Acme", 30, 20, 20, 10, 10, 10, "Global"]]);
    expectCellNamed(inputErrorOf(() => buildScoreReport({ accounts: s })), "Accounts", "Scope", "H", "H2");
  });
});

describe("Score report, weighted model (SPEC §1b)", () => {
  const W = ["Customer", "Current value", "Potential value", "Strategic value", "Relationship health"];
  const rows = [
    ["North", 80, 80, 80, 80], // 80 strategic
    ["South", 100, 40, 60, 60], // 35 + 10 + 12 + 12 = 69 key
    ["West", 50, 50, 50, 50], // 50 normal
  ];

  test("composite = Σ weight × score; tiers strategic ≥ 80, key ≥ 60", () => {
    const { plan, summary } = buildScoreReport({ accounts: source("Weighted", W, rows) }, { model: "weighted" });
    const sheet = sheetOf(plan, "score-weighted");
    expect(sheet.name).toBe("Weighted score");
    expect(readLine(sheet, { row: 3, col: 2, rows: 1, cols: 4 })).toEqual(["Current value (35 %)", "Potential value (25 %)", "Strategic value (20 %)", "Relationship health (20 %)"]);
    const body = readRect(sheet, { row: 4, col: 1, rows: 3, cols: 7 });
    expect(body.map((r) => [r[0], r[5], r[6]])).toEqual([
      ["North", 80, "Strategic"],
      ["South", 69, "Key"],
      ["West", 50, "Normal"],
    ]);
    expect(summary.weights).toEqual([0.35, 0.25, 0.2, 0.2]);
    expect(readLine(sheet, sheet.charts![1].series[0].values)).toEqual([1, 0.4, 0.6, 0.6]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("weights given as options must sum to 1", () => {
    const ok = buildScoreReport({ accounts: source("Weighted", W, rows) }, { model: "weighted", weights: [0.25, 0.25, 0.25, 0.25] });
    expect(ok.summary.weights).toEqual([0.25, 0.25, 0.25, 0.25]);
    const e = inputErrorOf(() => buildScoreReport({ accounts: source("Weighted", W, rows) }, { model: "weighted", weights: [0.5, 0.5, 0.5, 0.5] }));
    expect(e.en).toContain("sum to 1");
    expect(e.zh).toContain("权重");
  });

  test("a score above 100 names its cell", () => {
    const e = inputErrorOf(() => buildScoreReport({ accounts: source("Weighted", W, [["North", 80, 80, 180, 80]]) }, { model: "weighted" }));
    expectCellNamed(e, "Weighted", "Strategic value", "D", "D2");
  });
});

describe("Score report: properties", () => {
  test("for any valid points the ranking is by total, the tiers follow the cut-offs and the layout rules hold", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (points) => {
        const s = source("Accounts", HEADER, points.map((p, k) => [`A${k}`, ...p]));
        const { plan } = buildScoreReport({ accounts: s });
        expect(planProblems(plan)).toEqual([]);
        const sheet = sheetOf(plan, "score");
        const totals = readLine(sheet, { row: 4, col: 8, rows: points.length, cols: 1 }) as number[];
        const tiers = readLine(sheet, { row: 4, col: 9, rows: points.length, cols: 1 });
        totals.forEach((t, k) => {
          if (k > 0) expect(totals[k - 1]).toBeGreaterThanOrEqual(t);
          expect(tiers[k]).toBe(t >= 80 ? "Key account" : t >= 60 ? "Potential key account" : "General account");
        });
      }),
      { numRuns: 50 },
    );
  });
});
