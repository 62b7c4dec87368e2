/**
 * ABC class migration for `kam abc <file> --compare <file-or-sheet>` (issue 8): the earlier
 * period's table is another file or another sheet of the same workbook; the report shows who moved
 * up, who moved down, who is new and who was lost.
 */
import * as fs from "fs";
import * as path from "path";
import { ABC_CLASS_LABELS } from "../../domain/abc";
import type { Msg } from "../../domain/errors";
import { normalize } from "../../domain/labels";
import type { Settings } from "../../domain/settings";
import type { ChosenColumn, ColumnOverrides } from "../../reports/inputs";
import { buildMigrationReport, type MigrationSummary } from "../../reports/migration";
import type { ReportPlan } from "../../reports/plan";
import type { SourceTable } from "../../reports/source";
import { inFile, inputException, plural, type Ctx } from "../command";
import { chooseTable, InputFile } from "../input";
import { money } from "../lang";

export const COMPARE_OPTION = {
  name: "compare",
  value: true,
  meta: "FILE|SHEET",
  help: {
    en: "compare with an earlier period (a file or a sheet of this workbook): ABC migration",
    zh: "同时与较早一期比较（另一文件或本工作簿的工作表），写入 ABC 迁移表",
  },
} as const;

export interface CompareRequest {
  readonly spec: string;
  readonly basis: "sales" | "profit";
  readonly overrides: ColumnOverrides;
  readonly a?: string;
  readonly b?: string;
}

export interface MigrationBuilt {
  readonly plan: ReportPlan;
  readonly summary: MigrationSummary;
  readonly columns: ChosenColumn[];
  readonly warnings: Msg[];
}

const LOOKS_LIKE_FILE = /\.(xlsx|xlsm|csv|tsv|txt)$/i;

/**
 * The earlier period's table: `spec` is a file when one exists at that path (relative to the
 * working folder) or it ends like one; otherwise a sheet of the current workbook.
 */
async function earlierTable(ctx: Ctx, current: InputFile, currentTable: SourceTable, req: CompareRequest): Promise<{ table: SourceTable; label: string }> {
  const abs = path.resolve(ctx.io.cwd, req.spec);
  const need = [["customer"], [req.basis === "sales" ? "amount" : "profit"]] as const;
  const what = { en: "ABC migration", zh: "ABC 迁移" };
  if (fs.existsSync(abs) ? fs.statSync(abs).isFile() : LOOKS_LIKE_FILE.test(req.spec)) {
    const other = await InputFile.open(req.spec, ctx.io.cwd);
    const table = await chooseTable(other, undefined, need, {}, what);
    return { table, label: other.csv ? path.basename(req.spec) : `${path.basename(req.spec)} · ${table.sheet}` };
  }
  if (current.csv) {
    throw inputException("compare_not_found", {
      en: `--compare "${req.spec}": there is no such file (a CSV file has no other sheets to compare with)`,
      zh: `--compare“${req.spec}”：没有这个文件（CSV 文件没有可比较的其他工作表）`,
    });
  }
  const sheet = current.dataSheets.find((s) => s.name === req.spec) ?? current.dataSheets.find((s) => normalize(s.name) === normalize(req.spec));
  if (sheet === undefined) {
    const names = current.dataSheets.map((s) => `"${s.name}"`);
    throw inputException("compare_not_found", {
      // The caller prefixes the workbook's file name.
      en: `--compare "${req.spec}" is neither a file nor a sheet of this workbook (sheets: ${names.join(", ")})`,
      zh: `--compare“${req.spec}”既不是文件，也不是本工作簿中的工作表（现有工作表：${names.join("、")}）`,
    });
  }
  if (sheet.name === currentTable.sheet) {
    throw inputException("compare_same", {
      en: `--compare "${req.spec}" is the sheet being classified; name the earlier period's sheet or file`,
      zh: `--compare“${req.spec}”就是正在分类的工作表；请指定较早一期的工作表或文件`,
    });
  }
  return { table: await current.table(sheet.name), label: sheet.name };
}

export async function buildComparison(ctx: Ctx, current: InputFile, currentTable: SourceTable, req: CompareRequest, settings: Settings): Promise<MigrationBuilt> {
  const earlier = await earlierTable(ctx, current, currentTable, req);
  const later = current.csv ? path.basename(current.file) : currentTable.sheet;
  const r = await inFile(current.file, () =>
    buildMigrationReport(
      { sales: currentTable, compare: earlier.table },
      {
        basis: req.basis,
        columns: { sales: req.overrides },
        labels: { period1: earlier.label, period2: later },
        ...(req.a !== undefined ? { a: req.a } : {}),
        ...(req.b !== undefined ? { b: req.b } : {}),
      },
      settings,
    ),
  );
  return { plan: r.plan, summary: r.summary, columns: r.columns.filter((c) => c.sheet === earlier.table.sheet), warnings: r.summary.warnings.slice() };
}

/** Terminal lines: the counts and the customers that changed the most. */
export function migrationLines(s: MigrationSummary): Msg[] {
  const c = s.counts;
  const out: Msg[] = [
    {
      en: `ABC migration from ${s.period1.label} (${plural(s.period1.customers, "customer")}) to ${s.period2.label} (${plural(s.period2.customers, "customer")}): moved up ${c.up}, moved down ${c.down}, unchanged ${c.unchanged}, new ${c.new}, lost ${c.lost}`,
      zh: `ABC 迁移：从 ${s.period1.label}（${s.period1.customers} 个客户）到 ${s.period2.label}（${s.period2.customers} 个客户）：上升 ${c.up}，下降 ${c.down}，不变 ${c.unchanged}，新增 ${c.new}，流失 ${c.lost}`,
    },
  ];
  const cls = (x: "A" | "B" | "C" | null, lang: "en" | "zh"): string => (x === null ? "—" : ABC_CLASS_LABELS[x][lang]);
  for (const r of s.rows.filter((x) => x.move === "down" || x.move === "lost").slice(0, 5)) {
    out.push({
      en: `  ${r.move === "lost" ? "lost" : "down"}: ${r.customer} ${cls(r.from, "en")} → ${cls(r.to, "en")} (${money(r.amount1)} → ${money(r.amount2)})`,
      zh: `  ${r.move === "lost" ? "流失" : "下降"}：${r.customer} ${cls(r.from, "zh")} → ${cls(r.to, "zh")}（${money(r.amount1)} → ${money(r.amount2)}）`,
    });
  }
  return out;
}

export function migrationJson(s: MigrationSummary): unknown {
  return {
    period1: s.period1,
    period2: s.period2,
    counts: s.counts,
    matrix: s.matrix,
    newByClass: s.newByClass,
    lostByClass: s.lostByClass,
    customers: s.rows.filter((r) => r.move !== "unchanged").map((r) => ({ customer: r.customer, move: r.move, from: r.from, to: r.to, amount1: r.amount1, amount2: r.amount2 })),
  };
}
