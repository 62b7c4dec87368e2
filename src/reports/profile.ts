/**
 * Customer profile reports (SPEC §4a external, §4b internal) with radar charts.
 *
 * API
 *   buildProfileReport(
 *     sources: { profiles: SourceTable },        // one row per customer
 *     options: ProfileOptions,                   // kind is required
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: ProfileSummary; columns: ChosenColumn[] }
 *   buildExternalProfileReport(sources, options?, settings?)  = kind "external"
 *   buildInternalProfileReport(sources, options?, settings?)  = kind "internal"
 *
 *   ProfileOptions { kind: "external" | "internal"
 *                    customers?: string[]   (customers that get a radar chart; default the first `radarCount`)
 *                    radarCount?: number    (default 5)
 *                    columns?: ColumnOverrides }
 *   ProfileSummary { kind, customers, classes: { key, label, count }[], radar: string[] }
 *
 * Column roles: customer and the six dimension scores — external: ext_market ext_rnd ext_quality
 * ext_regulatory ext_price ext_professional; internal: int_sales int_profit int_quality int_credit
 * int_relationship int_professional. A cell holds a score 0–100 or, for level dimensions, a level
 * in either language ("high", "高 85", "豪放型"), scored as KAM.LEVEL does. Internal credit may be
 * blank (left out, SPEC §4b).
 *
 * External: class, dimensions below the baseline and below the warning line; radar of each chosen
 * customer against both lines. Internal: class, next tier and the gaps to it; radar of each chosen
 * customer against the three tier lines. Rows keep their input order.
 */
import type { ColumnRole } from "../domain/columns";
import { failWith, ok, type Lang, type Result } from "../domain/errors";
import {
  EXTERNAL_CLASS_LABELS,
  EXTERNAL_DIMENSIONS,
  INTERNAL_CLASS_LABELS,
  INTERNAL_DIMENSIONS,
  PROFILE_DIMENSION_LABELS,
  PROFILE_LINE_LABELS,
  classifyExternal,
  classifyInternal,
  levelPoints,
  validateProfileRow,
  type ExternalClass,
  type InternalClass,
  type ProfileDimension,
} from "../domain/profile";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { isBlank, toNumber } from "../domain/values";
import { inputError, openTable, selectByName, type ChosenColumn, type ColumnOverrides, type InputTable } from "./inputs";
import { COLORS, SheetBuilder, chartGrid, equalRules, fitWidth, radarChart, radarData, tr, type Tone } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export type ProfileKind = "external" | "internal";

export interface ProfileOptions {
  readonly kind: ProfileKind;
  readonly customers?: readonly string[];
  readonly radarCount?: number;
  readonly columns?: ColumnOverrides;
}

export interface ProfileSummary {
  readonly kind: ProfileKind;
  readonly customers: number;
  /** Customers per class, best class first. */
  readonly classes: readonly { readonly key: ExternalClass | InternalClass; readonly label: string; readonly count: number }[];
  readonly radar: readonly string[];
}

export const PROFILE_RADAR_COUNT = 5;

const T = {
  sheetExt: { en: "External profile", zh: "客户外部画像" },
  sheetInt: { en: "Internal profile", zh: "客户内部画像" },
  titleExt: { en: "External customer profile (prospecting)", zh: "客户外部画像（开发目标客户）" },
  titleInt: { en: "Internal customer profile (account management)", zh: "客户内部画像（客户管理）" },
  customer: { en: "Customer", zh: "客户" },
  class: { en: "Class", zh: "分类" },
  belowBaseline: { en: "Below baseline", zh: "低于基准线" },
  belowWarning: { en: "Below warning line", zh: "低于警戒线" },
  next: { en: "Next tier", zh: "上一级" },
  gaps: { en: "Gaps to next tier", zh: "与上一级的差距" },
  dimension: { en: "Dimension", zh: "维度" },
  radarData: { en: "Radar data", zh: "雷达图数据" },
  keyLine: { en: "Key-account line", zh: "大客户线" },
  importantLine: { en: "Important line", zh: "重点客户线" },
  generalLine: { en: "General line", zh: "一般客户线" },
} as const;

function noteText(kind: ProfileKind, lang: Lang): string {
  if (kind === "external") {
    return lang === "en"
      ? "Target customer: every dimension on or above the baseline. Not a target: any dimension below the warning line. Otherwise a potential target."
      : "目标客户：每个维度都不低于基准线。非目标客户：任一维度低于警戒线。其余为潜在目标客户。";
  }
  return lang === "en"
    ? "Class: the highest tier whose line the customer meets on every dimension; a blank credit score is left out. Gaps: points missing to the next tier's line."
    : "分类：客户在每个维度都达到的最高等级线；信用分为空时不参与比较。差距：距上一级分数线还差的分数。";
}

/** A profile cell: a score, or a level name the dimension's level table knows. */
function cellScore(dimension: ProfileDimension, v: unknown, s: Settings): Result<unknown> {
  if (isBlank(v) || typeof v === "number") return ok(v);
  const n = toNumber(v, { en: "score", zh: "分数" });
  if (n.ok) return ok(n.value);
  if (dimension === "market" || dimension === "rnd" || dimension === "sales" || dimension === "credit") return ok(v);
  const p = levelPoints(dimension, v, s);
  return p.ok ? ok(p.value) : failWith(p.error);
}

/** Read and validate the six profile scores of row i (scores or level names), naming a bad cell. */
export function readProfileScores(table: InputTable, i: number, kind: ProfileKind, roles: readonly ColumnRole[], s: Settings): (number | null)[] {
  const dims: readonly ProfileDimension[] = kind === "external" ? EXTERNAL_DIMENSIONS : INTERNAL_DIMENSIONS;
  const values = roles.map((role, k) => table.check(i, role, cellScore(dims[k], table.value(i, role), s)));
  // Each cell alone first (the others set to a valid 0), so the message names the cell.
  for (let k = 0; k < roles.length; k++) {
    const alone = validateProfileRow(values.map((x, j) => (j === k ? x : 0)), kind);
    if (!alone.ok) table.fail(i, roles[k], alone.error);
  }
  const r = validateProfileRow(values, kind);
  if (!r.ok) return table.failRow(i, r.error);
  return r.value;
}

export function buildProfileReport(
  sources: { readonly profiles: SourceTable },
  options: ProfileOptions,
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: ProfileSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const kind = options.kind;
  if (kind !== "external" && kind !== "internal") {
    throw inputError("bad_option_kind", `The profile kind must be "external" or "internal", got "${String(kind)}"`, `画像类型必须是“external”（外部）或“internal”（内部），而不是“${String(kind)}”`);
  }
  const radarCount = options.radarCount ?? PROFILE_RADAR_COUNT;
  if (!Number.isInteger(radarCount) || radarCount < 0) {
    throw inputError("bad_option_radar_count", `The number of radar charts must be a whole number ≥ 0, got ${String(radarCount)}`, `雷达图数量必须是不小于 0 的整数，而不是 ${String(radarCount)}`);
  }
  const dims: readonly ProfileDimension[] = kind === "external" ? EXTERNAL_DIMENSIONS : INTERNAL_DIMENSIONS;
  const roles = dims.map((d) => `${kind === "external" ? "ext" : "int"}_${d}` as ColumnRole);
  const table = openTable(sources.profiles, { required: ["customer", ...roles] }, options.columns);
  table.requireRows();

  const dimLabel = (d: ProfileDimension): string => tr(PROFILE_DIMENSION_LABELS[d], lang);
  const list = (ds: readonly ProfileDimension[]): string | null => (ds.length === 0 ? null : ds.map(dimLabel).join(lang === "en" ? ", " : "、"));

  const customers: string[] = [];
  const scores: (number | null)[][] = [];
  const classes: (ExternalClass | InternalClass)[] = [];
  const body: CellValue[][] = [];
  for (const i of table.rows) {
    const customer = table.text(i, "customer");
    const sc = readProfileScores(table, i, kind, roles, settings);
    customers.push(customer);
    scores.push(sc);
    if (kind === "external") {
      const c = classifyExternal(sc as number[], settings);
      classes.push(c.class);
      body.push([customer, ...sc, tr(EXTERNAL_CLASS_LABELS[c.class], lang), list(c.belowBaseline), list(c.belowWarning)]);
    } else {
      const c = classifyInternal(sc, settings);
      classes.push(c.class);
      const gaps = c.gaps.length === 0 ? null : c.gaps.map((g) => `${dimLabel(g.dimension)} +${Number(g.gap.toFixed(2))}`).join(lang === "en" ? ", " : "、");
      body.push([customer, ...sc, tr(INTERNAL_CLASS_LABELS[c.class], lang), c.next ? tr(INTERNAL_CLASS_LABELS[c.next], lang) : null, gaps]);
    }
  }

  const classOrder: (ExternalClass | InternalClass)[] = kind === "external" ? ["target", "potentialTarget", "notTarget"] : ["keyAccount", "important", "general", "belowGeneral"];
  const tones: Tone[] = kind === "external" ? ["green", "amber", "red"] : ["green", "amber", "grey", "red"];
  const classLabel = (c: ExternalClass | InternalClass): string =>
    kind === "external" ? tr(EXTERNAL_CLASS_LABELS[c as ExternalClass], lang) : tr(INTERNAL_CLASS_LABELS[c as InternalClass], lang);

  const key = kind === "external" ? "profile-external" : "profile-internal";
  const sheet = new SheetBuilder(key, tr(kind === "external" ? T.sheetExt : T.sheetInt, lang), COLORS.tab);
  sheet.title(0, 0, tr(kind === "external" ? T.titleExt : T.titleInt, lang));
  sheet.note(1, 0, noteText(kind, lang));
  const top = 3;
  const header: string[] = [
    tr(T.customer, lang),
    ...dims.map(dimLabel),
    tr(T.class, lang),
    ...(kind === "external" ? [tr(T.belowBaseline, lang), tr(T.belowWarning, lang)] : [tr(T.next, lang), tr(T.gaps, lang)]),
  ];
  const rect = sheet.block(top, 0, [header, ...body]);
  sheet.table(kind === "external" ? "KamExternalProfile" : "KamInternalProfile", rect);
  const classCol = 1 + dims.length;
  sheet.conditionalFormat({ row: top + 1, col: classCol, rows: body.length, cols: 1 }, equalRules(classOrder.map((c, k) => ({ value: classLabel(c), tone: tones[k] }))));
  sheet.width(0, fitWidth([header[0], ...customers.slice(0, 2000)], 12, 40));
  dims.forEach((d, k) => sheet.width(1 + k, Math.min(fitWidth([dimLabel(d)], 9), 22)));
  sheet.width(classCol, fitWidth([header[classCol], ...classOrder.map(classLabel)], 10));
  sheet.width(classCol + 1, fitWidth([header[classCol + 1], ...body.slice(0, 500).map((r) => r[classCol + 1])], 14, 45));
  sheet.width(classCol + 2, fitWidth([header[classCol + 2], ...body.slice(0, 500).map((r) => r[classCol + 2])], 14, 45));
  sheet.freeze(top + 1, 1);

  const fallback = customers.slice(0, radarCount).map((_, k) => k);
  const picked = selectByName(customers, options.customers, fallback, { en: "Customer", zh: "客户" });
  if (picked.length > 0) {
    const hc = header.length + 1;
    sheet.heading(top - 1, hc, tr(T.radarData, lang));
    const lines =
      kind === "external"
        ? [
            { name: tr(PROFILE_LINE_LABELS.baseline, lang), values: settings.external.baseline, reference: true },
            { name: tr(PROFILE_LINE_LABELS.warning, lang), values: settings.external.warning, reference: true },
          ]
        : [
            { name: tr(T.keyLine, lang), values: settings.internal.keyAccount, reference: true },
            { name: tr(T.importantLine, lang), values: settings.internal.important, reference: true },
            { name: tr(T.generalLine, lang), values: settings.internal.general, reference: true },
          ];
    const data = radarData(
      sheet,
      top,
      hc,
      tr(T.dimension, lang),
      dims.map(dimLabel),
      [...lines, ...picked.map((k) => ({ name: customers[k], values: scores[k] }))],
      null,
    );
    sheet.width(hc, fitWidth([tr(T.dimension, lang), ...dims.map(dimLabel)], 12, 24));
    const positions = chartGrid(top + dims.length + 3, hc, picked.length, 2, 8, 18);
    picked.forEach((k, j) => {
      const title = `${customers[k]}: ${classLabel(classes[k])}`;
      sheet.chart(radarChart(title, positions[j], data, [lines.length + j, ...lines.map((_, m) => m)], { min: 0, max: 100 }));
    });
  }

  const plan: ReportPlan = { report: key, sheets: [sheet.build()], activate: key };
  const summary: ProfileSummary = {
    kind,
    customers: customers.length,
    classes: classOrder.map((c) => ({ key: c, label: classLabel(c), count: classes.filter((x) => x === c).length })),
    radar: picked.map((k) => customers[k]),
  };
  return { plan, summary, columns: [...table.chosen] };
}

export function buildExternalProfileReport(
  sources: { readonly profiles: SourceTable },
  options: Omit<ProfileOptions, "kind"> = {},
  settings: Settings = DEFAULT_SETTINGS,
): ReturnType<typeof buildProfileReport> {
  return buildProfileReport(sources, { ...options, kind: "external" }, settings);
}

export function buildInternalProfileReport(
  sources: { readonly profiles: SourceTable },
  options: Omit<ProfileOptions, "kind"> = {},
  settings: Settings = DEFAULT_SETTINGS,
): ReturnType<typeof buildProfileReport> {
  return buildProfileReport(sources, { ...options, kind: "internal" }, settings);
}
