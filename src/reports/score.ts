/**
 * Key-account score report (SPEC §1 six criteria, or §1b weighted model).
 *
 * API
 *   buildScoreReport(
 *     sources: { accounts: SourceTable },        // one row per account
 *     options: ScoreOptions = {},
 *     settings: Settings = DEFAULT_SETTINGS,
 *   ): { plan: ReportPlan; summary: ScoreSummary; columns: ChosenColumn[] }
 *
 *   ScoreOptions  { model?: "points" | "weighted"   (default "points")
 *                   weights?: unknown[]             (weighted model: 4 weights summing to 1; default settings.weighted.weights)
 *                   accounts?: string[]             (accounts that get a radar chart; default the top `radarCount` by total)
 *                   radarCount?: number             (default 5)
 *                   columns?: ColumnOverrides }
 *   ScoreSummary  { model, accounts, tiers: { key: tier, label, count }[], radar: string[], weights? }
 *
 * Column roles: customer; points model: strategicFit, profit, scale, influence, brand, potential;
 * weighted model: w_current, w_potential, w_strategic, w_relationship; optional scope.
 * Accounts are ranked by total (ties keep their input order). A row with a blank or invalid point
 * stops the report with the cell named: a blank is never read as 0 (SPEC §1 [chosen]).
 * Radar charts plot each criterion as a share of its maximum, from a helper block beside the table.
 */
import type { ColumnRole } from "../domain/columns";
import type { Lang } from "../domain/errors";
import { CRITERIA, CRITERION_LABELS, SCOPE_LABELS, SCORE_TIER_LABELS, parseScope, scoreRow, scoreTier, type ScoreTier } from "../domain/score";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { WEIGHTED_DIMENSIONS, WEIGHTED_DIMENSION_LABELS, WEIGHTED_TIER_LABELS, validateWeights, weightedScore, weightedTier, type WeightedTier } from "../domain/weighted";
import { inputError, openTable, selectByName, type ChosenColumn, type ColumnOverrides } from "./inputs";
import { COLORS, FMT, SheetBuilder, chartGrid, equalRules, fitWidth, radarChart, radarData, tr, type Tone } from "./layout";
import type { CellValue, ReportPlan } from "./plan";
import type { SourceTable } from "./source";

export type ScoreModel = "points" | "weighted";

export interface ScoreOptions {
  readonly model?: ScoreModel;
  readonly weights?: readonly unknown[];
  readonly accounts?: readonly string[];
  readonly radarCount?: number;
  readonly columns?: ColumnOverrides;
}

export interface ScoreSummary {
  readonly model: ScoreModel;
  readonly accounts: number;
  /** Accounts per tier, best tier first. */
  readonly tiers: readonly { readonly key: ScoreTier | WeightedTier; readonly label: string; readonly count: number }[];
  /** Accounts that got a radar chart. */
  readonly radar: readonly string[];
  /** Weights used by the weighted model. */
  readonly weights?: readonly number[];
}

export const DEFAULT_RADAR_COUNT = 5;

const T = {
  sheet: { en: "Key-account score", zh: "大客户评分" },
  sheetWeighted: { en: "Weighted score", zh: "加权评分" },
  title: { en: "Key-account score (six criteria)", zh: "大客户评分（六项标准）" },
  titleWeighted: { en: "Key-account score (weighted model)", zh: "大客户评分（加权模型）" },
  rank: { en: "Rank", zh: "排名" },
  customer: { en: "Customer", zh: "客户" },
  scope: { en: "Scope", zh: "级别" },
  total: { en: "Total", zh: "总分" },
  composite: { en: "Composite", zh: "综合得分" },
  tier: { en: "Tier", zh: "等级" },
  criterion: { en: "Criterion", zh: "评判标准" },
  dimension: { en: "Dimension", zh: "维度" },
  radarData: { en: "Radar data (share of the maximum)", zh: "雷达图数据（占满分比例）" },
  radarDataWeighted: { en: "Radar data (score / 100)", zh: "雷达图数据（得分 / 100）" },
} as const;

interface Row {
  readonly customer: string;
  readonly scope: string | null;
  readonly values: readonly number[];
  readonly total: number;
  readonly tier: ScoreTier | WeightedTier;
  /** Values as a share of their maximum, for the radar. */
  readonly shares: readonly number[];
}

function fmtPct(x: number): string {
  return `${Number((x * 100).toPrecision(10))} %`;
}

function tierNote(model: ScoreModel, s: Settings, lang: Lang): string {
  if (model === "points") {
    const k = s.score.keyAccount;
    const p = s.score.potential;
    return lang === "en"
      ? `Tiers: key account at ${k} or more, potential key account at ${p} or more, general below ${p}.`
      : `等级：${k} 分及以上为大客户，${p} 分及以上为潜在大客户，低于 ${p} 分为一般客户。`;
  }
  const st = s.weighted.strategic;
  const k = s.weighted.key;
  return lang === "en"
    ? `Composite = Σ weight × dimension score. Tiers: strategic at ${st} or more, key at ${k} or more, normal below ${k}.`
    : `综合得分 = Σ 权重 × 维度得分。等级：${st} 分及以上为战略级，${k} 分及以上为重点级，低于 ${k} 分为普通级。`;
}

export function buildScoreReport(
  sources: { readonly accounts: SourceTable },
  options: ScoreOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: ReportPlan; summary: ScoreSummary; columns: ChosenColumn[] } {
  const lang = settings.language;
  const model: ScoreModel = options.model ?? "points";
  if (model !== "points" && model !== "weighted") {
    throw inputError("bad_option_model", `The score model must be "points" or "weighted", got "${String(model)}"`, `评分模型必须是“points”（六项标准）或“weighted”（加权模型），而不是“${String(model)}”`);
  }
  const radarCount = options.radarCount ?? DEFAULT_RADAR_COUNT;
  if (!Number.isInteger(radarCount) || radarCount < 0) {
    throw inputError("bad_option_radar_count", `The number of radar charts must be a whole number ≥ 0, got ${String(radarCount)}`, `雷达图数量必须是不小于 0 的整数，而不是 ${String(radarCount)}`);
  }

  let weights: number[] = [];
  if (model === "weighted") {
    const w = settings.weighted.weights;
    const given = options.weights ?? WEIGHTED_DIMENSIONS.map((d) => w[d]);
    const r = validateWeights(given);
    if (!r.ok) throw inputError(r.error.code, `Weights: ${r.error.msg.en}`, `权重：${r.error.msg.zh}`);
    if (r.value.length !== WEIGHTED_DIMENSIONS.length) {
      throw inputError("bad_option_weights", `The weighted model needs 4 weights (one per dimension), got ${r.value.length}`, `加权模型需要 4 个权重（每个维度一个），实际为 ${r.value.length} 个`);
    }
    weights = r.value;
  }

  const roles: ColumnRole[] = model === "points" ? [...CRITERIA] : WEIGHTED_DIMENSIONS.map((d) => `w_${d}` as ColumnRole);
  const table = openTable(sources.accounts, { required: ["customer", ...roles], optional: ["scope"] }, options.columns);
  table.requireRows();
  const hasScope = table.has("scope");

  const maxima: number[] = model === "points" ? CRITERIA.map((c) => settings.score.max[c]) : WEIGHTED_DIMENSIONS.map(() => 100);
  const rows: Row[] = [];
  for (const i of table.rows) {
    const customer = table.text(i, "customer");
    let scope: string | null = null;
    if (hasScope && !table.isBlank(i, "scope")) scope = tr(SCOPE_LABELS[table.check(i, "scope", parseScope(table.raw(i, "scope")))], lang);
    let values: number[];
    let total: number;
    let tier: ScoreTier | WeightedTier;
    if (model === "points") {
      const r = table.checkCells(i, roles, (v) => scoreRow(v, settings));
      values = CRITERIA.map((c) => r.points[c]);
      total = r.total;
      tier = scoreTier(total, settings);
    } else {
      total = table.checkCells(i, roles, (v) => weightedScore(v, weights));
      values = roles.map((role) => table.number(i, role));
      tier = weightedTier(total, settings);
    }
    rows.push({ customer, scope, values, total, tier, shares: values.map((v, k) => v / maxima[k]) });
  }
  // Rank by total; Array.prototype.sort is stable, so ties keep the input order.
  const ranked = rows.map((r, k) => ({ r, k })).sort((x, y) => y.r.total - x.r.total || x.k - y.k).map((x) => x.r);

  const tierLabel = (t: ScoreTier | WeightedTier): string =>
    model === "points" ? tr(SCORE_TIER_LABELS[t as ScoreTier], lang) : tr(WEIGHTED_TIER_LABELS[t as WeightedTier], lang);
  const tierOrder: (ScoreTier | WeightedTier)[] = model === "points" ? ["keyAccount", "potential", "general"] : ["strategic", "key", "normal"];
  const tones: Tone[] = ["green", "amber", "grey"];

  const key = model === "points" ? "score" : "score-weighted";
  const sheet = new SheetBuilder(key, tr(model === "points" ? T.sheet : T.sheetWeighted, lang), COLORS.tab);
  sheet.title(0, 0, tr(model === "points" ? T.title : T.titleWeighted, lang));
  sheet.note(1, 0, tierNote(model, settings, lang));

  const dimLabels =
    model === "points"
      ? CRITERIA.map((c) => tr(CRITERION_LABELS[c], lang))
      : WEIGHTED_DIMENSIONS.map((d) => tr(WEIGHTED_DIMENSION_LABELS[d], lang));
  const dimHeaders =
    model === "points" ? dimLabels.map((l, k) => `${l} (${maxima[k]})`) : dimLabels.map((l, k) => `${l} (${fmtPct(weights[k])})`);
  const header: CellValue[] = [
    tr(T.rank, lang),
    tr(T.customer, lang),
    ...(hasScope ? [tr(T.scope, lang)] : []),
    ...dimHeaders,
    tr(model === "points" ? T.total : T.composite, lang),
    tr(T.tier, lang),
  ];
  const body: CellValue[][] = ranked.map((r, k) => [k + 1, r.customer, ...(hasScope ? [r.scope] : []), ...r.values, r.total, tierLabel(r.tier)]);
  const top = 3;
  const firstDim = hasScope ? 3 : 2;
  const totalCol = firstDim + roles.length;
  const formats: (string | null)[] = header.map(() => null);
  formats[0] = FMT.integer;
  if (model === "weighted") formats[totalCol] = "0.0";
  const tableRect = sheet.block(top, 0, [header, ...body], formats);
  sheet.table(model === "points" ? "KamScore" : "KamWeightedScore", tableRect);
  sheet.conditionalFormat(
    { row: top + 1, col: totalCol + 1, rows: ranked.length, cols: 1 },
    equalRules(tierOrder.map((t, k) => ({ value: tierLabel(t), tone: tones[k] }))),
  );
  sheet.width(0, 7);
  sheet.width(1, fitWidth([header[1], ...ranked.slice(0, 2000).map((r) => r.customer)], 12, 40));
  if (hasScope) sheet.width(2, fitWidth([header[2], ...ranked.slice(0, 2000).map((r) => r.scope)], 10));
  dimHeaders.forEach((h, k) => sheet.width(firstDim + k, Math.min(fitWidth([h], 10), 24)));
  sheet.width(totalCol, fitWidth([header[totalCol]], 9));
  sheet.width(totalCol + 1, fitWidth([header[totalCol + 1], ...tierOrder.map(tierLabel)], 10));
  sheet.freeze(top + 1, 2);

  // Radar charts: one per selected account, from a helper block beside the table.
  const names = ranked.map((r) => r.customer);
  const fallback = ranked.slice(0, radarCount).map((_, k) => k);
  const picked = selectByName(names, options.accounts, fallback, { en: "Account", zh: "客户" });
  if (picked.length > 0) {
    const hc = totalCol + 3;
    sheet.heading(top - 1, hc, tr(model === "points" ? T.radarData : T.radarDataWeighted, lang));
    const data = radarData(
      sheet,
      top,
      hc,
      tr(model === "points" ? T.criterion : T.dimension, lang),
      dimLabels,
      picked.map((k) => ({ name: ranked[k].customer, values: ranked[k].shares })),
      FMT.percent0,
    );
    sheet.width(hc, fitWidth([tr(T.criterion, lang), ...dimLabels], 12, 24));
    const positions = chartGrid(top + dimLabels.length + 3, hc, picked.length, 2, 7, 15);
    picked.forEach((k, j) => {
      const r = ranked[k];
      const chartTitle = `${r.customer}: ${Number(r.total.toFixed(2))} (${tierLabel(r.tier)})`;
      sheet.chart(radarChart(chartTitle, positions[j], data, [j], { min: 0, max: 1, numberFormat: FMT.percent0 }));
    });
  }

  const plan: ReportPlan = { report: key, sheets: [sheet.build()], activate: key };
  const summary: ScoreSummary = {
    model,
    accounts: ranked.length,
    tiers: tierOrder.map((t) => ({ key: t, label: tierLabel(t), count: ranked.filter((r) => r.tier === t).length })),
    radar: picked.map((k) => ranked[k].customer),
    ...(model === "weighted" ? { weights } : {}),
  };
  return { plan, summary, columns: [...table.chosen] };
}
