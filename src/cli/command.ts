/**
 * What every `kam` command shares: the context it runs in, the common options, and the flow of a
 * report command (check the output, read the table, build the plan, write the file, print).
 */
import * as fs from "fs";
import * as path from "path";
import { COLUMN_ALIASES, COLUMN_ROLES, type ColumnRole } from "../domain/columns";
import { at, kamError, KamInputException, type Lang, type Msg } from "../domain/errors";
import { labelIndex, parseLabel } from "../domain/labels";
import { parseSettings, type Settings } from "../domain/settings";
import { renderXlsx, type RenderOptions, type RenderResult } from "../hosts/xlsx/render-xlsx";
import { describeColumns, type ChosenColumn, type ColumnOverrides } from "../reports/inputs";
import type { ReportPlan } from "../reports/plan";
import type { SourceTable } from "../reports/source";
import { optFlag, optList, optString, type OptionSpec, type ParsedArgs } from "./args";
import { chooseTable, displayPath, InputFile, type TableNeed } from "./input";
import type { CliIo } from "./io";
import { checkOutput, defaultOutput } from "./output";
import type { Progress } from "./progress";

export interface Ctx {
  readonly command: string;
  readonly io: CliIo;
  readonly lang: Lang;
  readonly args: ParsedArgs;
  readonly settings: Settings;
  readonly progress: Progress;
}

export interface Command {
  readonly name: string;
  readonly summary: Msg;
  /** e.g. "kam abc <file> [options]" */
  readonly usage: string;
  readonly options: readonly OptionSpec[];
  /** Extra help paragraphs (columns recognised, what is written). */
  readonly details?: readonly Msg[];
  readonly examples: readonly string[];
  run(ctx: Ctx): Promise<number>;
}

/** Wrong arguments: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
    this.name = "UsageError";
  }
}

export function usage(en: string, zh: string): UsageError {
  return new UsageError({ en, zh });
}

export function inputException(code: string, m: Msg): KamInputException {
  return new KamInputException(kamError(code, "invalid", m.en, m.zh));
}

// ───────────────────────────── common options ─────────────────────────────

export const OPT = {
  help: { name: "help", short: "h", value: false, help: { en: "show this help", zh: "显示本帮助" } },
  sheet: { name: "sheet", value: true, meta: "NAME", help: { en: "sheet to read (default: the first sheet with the needed columns)", zh: "要读取的工作表（默认：第一个含所需列的工作表）" } },
  out: { name: "out", value: true, meta: "FILE.xlsx", help: { en: "output workbook (default: <input>-kam-<report>.xlsx beside the input)", zh: "输出工作簿（默认：输入文件旁的 <输入>-kam-<报表>.xlsx）" } },
  force: { name: "force", value: false, help: { en: "replace the output file if it exists", zh: "输出文件已存在时覆盖" } },
  json: { name: "json", value: false, help: { en: "print the result as JSON on stdout (writes a workbook only with --out)", zh: "以 JSON 输出结果到标准输出（仅在给出 --out 时写工作簿）" } },
  lang: { name: "lang", value: true, meta: "en|zh", help: { en: "language of messages and report labels (default: from LANG)", zh: "消息和报表标签的语言（默认取自 LANG）" } },
  settings: { name: "settings", value: true, meta: "FILE.json", help: { en: "workbook settings (thresholds, lines, weights) as JSON", zh: "JSON 格式的工作簿设置（阈值、分数线、权重）" } },
  column: {
    name: "column",
    value: true,
    repeat: true,
    meta: "ROLE=COL",
    help: { en: "use column COL (header text or letter) for ROLE, e.g. --column annualSales=F; repeatable", zh: "指定某角色使用的列（标题或列字母），如 --column annualSales=F；可重复" },
  },
  customer: { name: "customer", value: true, meta: "COL", help: { en: "customer column: header text or letter (客户名称, C)", zh: "客户列：标题或列字母（客户名称、C）" } },
  asOf: { name: "as-of", value: true, meta: "DATE", help: { en: "review date, e.g. 2026-03-01 (default: today)", zh: "评估日期，如 2026-03-01（默认：今天）" } },
} as const satisfies Record<string, OptionSpec>;

/** Options of every report command. */
export const REPORT_OPTIONS: readonly OptionSpec[] = [OPT.sheet, OPT.out, OPT.force, OPT.json, OPT.lang, OPT.settings, OPT.column, OPT.help];

const ROLE_INDEX = labelIndex(COLUMN_ALIASES);

/**
 * Column choices from `--column ROLE=COL` and the command's own column options (e.g. --customer).
 * ROLE is a role key (annualSales) or its English or Chinese name (Annual sales, 年销售额).
 */
export function columnOverrides(args: ParsedArgs, own: Readonly<Record<string, ColumnRole>>): ColumnOverrides {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const item of optList(args, "column")) {
    const eq = item.indexOf("=");
    const roleText = eq > 0 ? item.slice(0, eq).trim() : "";
    const col = eq > 0 ? item.slice(eq + 1).trim() : "";
    if (roleText === "" || col === "") {
      throw usage(`--column needs ROLE=COL, e.g. --column customer=B, got "${item}"`, `--column 的格式是 角色=列，如 --column customer=B，而不是“${item}”`);
    }
    const role = (COLUMN_ROLES as readonly string[]).includes(roleText) ? (roleText as ColumnRole) : parseLabel(roleText, ROLE_INDEX);
    if (role === undefined) {
      throw usage(
        `--column: unknown column role "${roleText}"; roles are ${COLUMN_ROLES.join(", ")}`,
        `--column：未知的列角色“${roleText}”；可用角色：${COLUMN_ROLES.join("、")}`,
      );
    }
    out[role] = col;
  }
  for (const [option, role] of Object.entries(own)) {
    const v = optString(args, option);
    if (v !== undefined) out[role] = v;
  }
  return out;
}

/** Settings: defaults, then --settings FILE (validated with the settings schema), then the language. */
export function loadSettings(args: ParsedArgs, io: CliIo, lang: Lang): Settings {
  const file = optString(args, "settings");
  let raw: unknown = {};
  if (file !== undefined) {
    const abs = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(abs, "utf8");
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw inputException("settings_unreadable", { en: `Settings file "${file}" cannot be read (${why})`, zh: `无法读取设置文件“${file}”（${why}）` });
    }
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw inputException("settings_not_json", { en: `Settings file "${file}" is not valid JSON (${why})`, zh: `设置文件“${file}”不是有效的 JSON（${why}）` });
    }
  }
  const r = parseSettings(raw);
  if (!r.ok) {
    const list = r.issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ");
    throw inputException("settings_invalid", { en: `Settings file "${file}": ${list}`, zh: `设置文件“${file}”有误：${list}` });
  }
  return { ...r.settings, language: lang };
}

// ───────────────────────────── printing ─────────────────────────────

export function say(ctx: Ctx, m: Msg): void {
  ctx.io.stdout(`${m[ctx.lang]}\n`);
}

export function note(ctx: Ctx, m: Msg): void {
  ctx.progress.done();
  ctx.io.stderr(`${m[ctx.lang]}\n`);
}

/** "Columns used" on stderr, one line per sheet, so a user sees what was detected. */
export function printColumns(ctx: Ctx, columns: readonly ChosenColumn[]): void {
  const bySheet = new Map<string, ChosenColumn[]>();
  for (const c of columns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheet, cols] of bySheet) {
    const list = describeColumns(cols, ctx.lang).join(ctx.lang === "en" ? ", " : "，");
    note(ctx, { en: `Columns used in sheet "${sheet}": ${list}`, zh: `工作表“${sheet}”使用的列：${list}` });
  }
}

/** Warnings on stderr; `where` names the report sheet when one run writes several. */
export function printWarnings(ctx: Ctx, warnings: readonly Msg[], where?: string): void {
  const en = where !== undefined ? `warning (${where})` : "warning";
  const zh = where !== undefined ? `警告（${where}）` : "警告";
  for (const w of warnings) note(ctx, { en: `${en}: ${w.en}`, zh: `${zh}：${w.zh}` });
}

export function printJson(ctx: Ctx, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

// ───────────────────────────── files ─────────────────────────────

/** The one input file of a report command. */
export function inputFile(ctx: Ctx): string {
  const files = ctx.args.positionals;
  if (files.length === 0) throw usage(`kam ${ctx.command}: name the input file (.xlsx or .csv)`, `kam ${ctx.command}：请指定输入文件（.xlsx 或 .csv）`);
  if (files.length > 1) {
    throw usage(`kam ${ctx.command}: one input file expected, got ${files.length}: ${files.join(" ")}`, `kam ${ctx.command}：只接受一个输入文件，但给出了 ${files.length} 个：${files.join(" ")}`);
  }
  return files[0];
}

/**
 * The output path, checked before any work: `--out` or the default beside the input; undefined
 * for --json without --out (the JSON is the result).
 */
export function outputFor(ctx: Ctx, input: string, report: string, opts: { defaultPath?: string; mayReplaceDefault?: boolean; writeWithJson?: boolean } = {}): string | undefined {
  const given = optString(ctx.args, "out");
  if (given === undefined && optFlag(ctx.args, "json") && opts.writeWithJson !== true) return undefined;
  const out = path.resolve(ctx.io.cwd, given ?? opts.defaultPath ?? defaultOutput(input, report));
  const mayReplace = optFlag(ctx.args, "force") || (given === undefined && opts.mayReplaceDefault === true);
  const check = checkOutput(out, input === "" ? [] : [path.resolve(ctx.io.cwd, input)], mayReplace, displayPath(out, ctx.io.cwd));
  if (!check.ok) throw inputException("output_refused", check.error);
  return out;
}

/** Show the reading stage for files big enough to take a moment (the reader has no row callback). */
export function announceReading(ctx: Ctx, file: string): void {
  let size: number;
  try {
    size = fs.statSync(path.resolve(ctx.io.cwd, file)).size;
  } catch {
    return; // the reader reports a missing file properly
  }
  // About 40 bytes a row in a compressed sheet: 2 MB is roughly the 50,000-row threshold.
  if (size > 2_000_000) {
    ctx.progress.size(Number.MAX_SAFE_INTEGER);
    const mb = (size / 1_000_000).toFixed(1);
    ctx.progress.stage({ en: `Reading ${file} (${mb} MB)…`, zh: `正在读取 ${file}（${mb} MB）…` });
  }
}

export async function writePlans(ctx: Ctx, plans: readonly ReportPlan[], out: string, options: RenderOptions = {}): Promise<RenderResult> {
  ctx.progress.stage({ en: `Writing ${path.basename(out)}…`, zh: `正在写入 ${path.basename(out)}…` });
  // Without --force the writer refuses a file that appeared since outputFor checked (it never replaces one).
  const result = await renderXlsx(plans, out, { ...options, force: options.force ?? optFlag(ctx.args, "force") });
  ctx.progress.done();
  return result;
}

export function wroteLine(ctx: Ctx, out: string, result: RenderResult): void {
  const charts = result.sheets.reduce((n, s) => n + s.charts, 0);
  const shown = displayPath(out, ctx.io.cwd);
  say(ctx, {
    en: `Wrote ${shown} (${result.sheets.length} sheet${result.sheets.length === 1 ? "" : "s"}, ${charts} chart${charts === 1 ? "" : "s"})`,
    zh: `已写入 ${shown}（${result.sheets.length} 个工作表，${charts} 个图表）`,
  });
}

// ───────────────────────────── the report flow ─────────────────────────────

export interface Built<S> {
  readonly plans: readonly ReportPlan[];
  readonly summary: S;
  readonly columns: readonly ChosenColumn[];
  readonly warnings: readonly Msg[];
  readonly renderOptions?: RenderOptions;
}

export interface ReportFlow<S> {
  /** Suffix of the default output name: <input>-kam-<report>.xlsx */
  readonly report: string;
  /** "the ABC analysis" — used in "no sheet has the columns the … needs". */
  readonly what: Msg;
  readonly need: TableNeed;
  readonly overrides: ColumnOverrides;
  build(table: SourceTable, input: InputFile): Promise<Built<S>> | Built<S>;
  /** Human summary lines (stdout). */
  lines(built: Built<S>): Msg[];
  json(built: Built<S>): unknown;
}

export async function runReport<S>(ctx: Ctx, flow: ReportFlow<S>): Promise<number> {
  const file = inputFile(ctx);
  const out = outputFor(ctx, file, flow.report);
  announceReading(ctx, file);
  const input = await InputFile.open(file, ctx.io.cwd);
  const table = await chooseTable(input, optString(ctx.args, "sheet"), flow.need, flow.overrides, flow.what);
  ctx.progress.size(table.rows.length);
  ctx.progress.stage({ en: `Building the report from ${table.rows.length.toLocaleString("en-US")} rows…`, zh: `正在根据 ${table.rows.length.toLocaleString("en-US")} 行数据生成报表…` });
  const built = await inFile(input.file, () => flow.build(table, input));
  printColumns(ctx, built.columns);
  printWarnings(ctx, built.warnings);
  const result = out !== undefined ? await writePlans(ctx, built.plans, out, built.renderOptions) : undefined;
  ctx.progress.done();
  if (optFlag(ctx.args, "json")) {
    printJson(ctx, flow.json(built));
  } else {
    for (const line of flow.lines(built)) say(ctx, line);
  }
  if (result && out) {
    if (optFlag(ctx.args, "json")) note(ctx, { en: `Wrote ${displayPath(out, ctx.io.cwd)}`, zh: `已写入 ${displayPath(out, ctx.io.cwd)}` });
    else wroteLine(ctx, out, result);
  }
  return 0;
}

/**
 * Run a report builder, naming the file in its input errors: the report layer names the sheet,
 * column and cell, and a user with several workbooks open needs the file too.
 */
export async function inFile<T>(file: string, build: () => T | Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (e) {
    if (e instanceof KamInputException) throw new KamInputException(at(e.error, { en: `File "${file}"`, zh: `文件“${file}”` }));
    throw e;
  }
}

/** "1 customer", "3 customers". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
