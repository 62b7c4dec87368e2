import { settingsSchema } from "../../src/domain/settings";
import { buildStakeholderReport } from "../../src/reports/stakeholders";
import { cellAt, expectCellNamed, inputErrorOf, planProblems, readLine, readRect, sheetOf, source } from "./helpers";

const zh = settingsSchema.parse({ language: "zh" });
const HEADER = ["旅程点", "姓名", "年龄", "学历", "组织角色", "权力角色", "关系角色", "发展潜力"];

/** The source's table for customer A (seed 000 §五). */
function customerA() {
  return source("人员", HEADER, [
    ["销售", "X", 50, "本科", "董事长", "最终决策者", "支持者", "蓝筹股 100"],
    ["FAT", "Y", 35, "硕士", "总监", "影响者", "教练", "潜力股 90"],
    ["SAT", "Z", 40, "本科", "总经理", "决策者", "反对者", "红筹股 70"],
  ]);
}

describe("Stakeholder radar (SPEC §4c)", () => {
  test("the source's people are scored as in its table, with age fit and the next action", () => {
    const { plan, summary } = buildStakeholderReport({ people: customerA() });
    const sheet = sheetOf(plan, "stakeholders");
    const t = sheet.tables![0].rect;
    expect(readLine(sheet, { ...t, rows: 1 })).toEqual([
      "Journey point",
      "Name",
      "Age",
      "Education",
      "Organisational role",
      "Power role",
      "Relationship role",
      "Development potential",
      "Age fit",
      "Education (points)",
      "Organisational role (points)",
      "Power role (points)",
      "Relationship role (points)",
      "Development potential (points)",
      "Next action",
    ]);
    const body = readRect(sheet, { row: t.row + 1, col: 0, rows: 3, cols: t.cols });
    expect(body.map((r) => [r[0], r[1], ...r.slice(8)])).toEqual([
      ["销售", "X", 60, 80, 100, 100, 90, 100, "Turn into a coach"],
      ["FAT", "Y", 90, 90, 80, 80, 100, 90, "Keep as coach"],
      ["SAT", "Z", 80, 80, 90, 90, 50, 70, "Make friends"],
    ]);
    // The inputs stay as typed.
    expect(body[0].slice(2, 8)).toEqual([50, "本科", "董事长", "最终决策者", "支持者", "蓝筹股 100"]);
    expect(summary.roles).toEqual({ coach: 1, supporter: 1, neutral: 0, opponent: 1 });
    expect(summary.actions.map((a) => [a.person, a.role])).toEqual([
      ["X", "supporter"],
      ["Y", "coach"],
      ["Z", "opponent"],
    ]);
    expect(planProblems(plan)).toEqual([]);
  });

  test("one radar of the people against the ideal profile, read from the helper block", () => {
    const { plan } = buildStakeholderReport({ people: customerA() });
    const sheet = sheetOf(plan, "stakeholders");
    const [chart] = sheet.charts!;
    expect(chart.type).toBe("radar");
    expect(readLine(sheet, chart.categories)).toEqual(["Age fit", "Education", "Organisational role", "Power role", "Relationship role", "Development potential"]);
    const byName = Object.fromEntries(chart.series.map((s) => [s.name, readLine(sheet, s.values)]));
    expect(byName["Ideal profile"]).toEqual([100, 100, 100, 100, 100, 100]);
    expect(byName["Z"]).toEqual([80, 80, 90, 90, 50, 70]);
    expect(chart.series.map((s) => s.name)).toEqual(["X", "Y", "Z", "Ideal profile"]);
  });

  test("a table holding several accounts needs the account chosen", () => {
    const s = source("People", ["Customer", ...HEADER], [
      ["Acme", "销售", "X", 50, "本科", "董事长", "最终决策者", "支持者", "蓝筹股"],
      ["Beta", "FAT", "Y", 35, "硕士", "总监", "影响者", "教练", "潜力股"],
      ["acme", "SAT", "Z", 40, "本科", "总经理", "决策者", "反对者", "红筹股"],
    ]);
    const e = inputErrorOf(() => buildStakeholderReport({ people: s }));
    expect(e.en).toContain("Acme, Beta");
    expect(e.zh).toContain("Acme、Beta");
    const { plan, summary } = buildStakeholderReport({ people: s }, { account: "ACME" }, zh);
    expect(summary.account).toBe("Acme");
    expect(summary.people).toBe(2);
    const sheet = sheetOf(plan, "stakeholders:Acme");
    expect(sheet.name).toBe("人员画像 Acme");
    expect(cellAt(sheet, 4, 14)).toBe("发展成为教练");
    expect(planProblems(plan)).toEqual([]);
    expect(inputErrorOf(() => buildStakeholderReport({ people: s }, { account: "Gamma" })).en).toContain('"Gamma"');
  });

  test("an unknown level or an impossible age names its cell", () => {
    const bad = source("人员", HEADER, [
      ["销售", "X", 50, "本科", "董事长", "最终决策者", "支持者", "蓝筹股"],
      ["FAT", "Y", 35, "幼儿园", "总监", "影响者", "教练", "潜力股"],
    ]);
    const e = inputErrorOf(() => buildStakeholderReport({ people: bad }));
    expectCellNamed(e, "人员", "学历", "D", "D3");
    expect(e.en).toContain("幼儿园");
    const age = source("人员", HEADER, [["销售", "X", 500, "本科", "董事长", "最终决策者", "支持者", "蓝筹股"]]);
    expectCellNamed(inputErrorOf(() => buildStakeholderReport({ people: age })), "人员", "年龄", "C", "C2");
  });

  test("at most maxChart people are drawn, and the title says so", () => {
    const rows = Array.from({ length: 10 }, (_, k) => ["销售", `P${k}`, 30 + k, "本科", "经理", "执行者", "中立者", "潜力股"]);
    const { plan, summary } = buildStakeholderReport({ people: source("人员", HEADER, rows) }, { maxChart: 4 });
    expect(summary.charted).toBe(4);
    const chart = sheetOf(plan, "stakeholders").charts![0];
    expect(chart.series).toHaveLength(5);
    expect(chart.title).toContain("first 4 of 10");
    expect(planProblems(plan)).toEqual([]);
  });
});
