/**
 * Level tables (SPEC §4a–§4c): a qualitative level ("high", "中", "蓝筹股") scores a band of points.
 * Shared by the customer profiles (profile.ts) and the stakeholder radar (stakeholder.ts); it lives
 * in its own file because profile.ts's levelPoints also covers the §4c attributes.
 */
import { fail, ok, type Msg, type Result } from "./errors";
import { choices, labelIndex, normalize, parseLabel, type ParseableLabel } from "./labels";
import type { Settings } from "./settings";
import { describeValue, formatNumber, isBlank } from "./values";

/** [low, high] points of a level, both ends included. A fixed score is a band with low = high. */
export type Band = readonly [number, number];

export interface LevelTable<K extends string> {
  /** The attribute's name as it reads inside a sentence ("quality requirement" / "质量要求"). */
  readonly what: Msg;
  readonly labels: Readonly<Record<K, ParseableLabel>>;
  readonly index: ReadonlyMap<string, K>;
  readonly bands: (s: Settings) => Readonly<Record<K, Band>>;
}

export function levelTable<K extends string>(
  what: Msg,
  labels: Readonly<Record<K, ParseableLabel>>,
  bands: (s: Settings) => Readonly<Record<K, Band>>,
): LevelTable<K> {
  return { what, labels, index: labelIndex(labels), bands };
}

/** A level given without a number scores the middle of its band [chosen, SPEC §4a]. */
export function bandMiddle(band: Band): number {
  return (band[0] + band[1]) / 2;
}

export function formatBand(band: Band): string {
  return band[0] === band[1] ? formatNumber(band[0]) : `${formatNumber(band[0])}–${formatNumber(band[1])}`;
}

/**
 * Split "high 85", "高85分", "High: 85", "（高，85）" into the level text and its number. Input is
 * normalized first (full-width folded, lower-case). Text without a trailing number has no number;
 * a number alone has an empty level.
 */
export function splitLevelInput(input: string): { level: string; points: number | undefined } {
  const t = normalize(input).replace(/^\(/, "").replace(/\)$/, "").trim();
  const m = /^(.*?)[\s:=,(]*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:分|points?|pts?)?$/.exec(t);
  if (!m) return { level: t, points: undefined };
  return { level: m[1].trim(), points: Number(m[2]) };
}

function levelChoices<K extends string>(table: LevelTable<K>, s: Settings): Msg {
  const bands = table.bands(s);
  const keys = Object.keys(table.labels) as K[];
  const withBands = (lang: "en" | "zh") =>
    choices(
      keys.map((k) => ({ en: `${table.labels[k].en} (${formatBand(bands[k])})`, zh: `${table.labels[k].zh}（${formatBand(bands[k])}）` })),
      lang,
    );
  return { en: withBands("en"), zh: withBands("zh") };
}

/** A bare number must be a score some level of the table allows. */
function scoreNumber<K extends string>(table: LevelTable<K>, n: number, raw: string, s: Settings): Result<LevelScore<K>> {
  const bands = table.bands(s);
  const keys = Object.keys(table.labels) as K[];
  if (Number.isFinite(n)) {
    const level = keys.find((k) => n >= bands[k][0] && n <= bands[k][1]);
    if (level !== undefined) return ok({ level, points: n });
  }
  const c = levelChoices(table, s);
  return fail(
    "outside_levels",
    "invalid",
    `${table.what.en} ${raw} is not in the band of any level; use ${c.en}`,
    `${table.what.zh} ${raw} 不在任何等级的分数段内；请使用 ${c.zh}`,
  );
}

export interface LevelScore<K extends string> {
  /** The level the score belongs to (for a bare number, the first level whose band holds it). */
  level: K;
  points: number;
}

/**
 * Score one cell against a level table: a level name in either language (→ the middle of its
 * band), a level with a number (→ the number, which must lie inside that level's band), or a bare
 * number that lies inside some level's band.
 */
export function scoreLevel<K extends string>(table: LevelTable<K>, v: unknown, s: Settings): Result<LevelScore<K>> {
  if (isBlank(v)) {
    const c = levelChoices(table, s);
    return fail("missing_value", "missing", `${table.what.en} is missing; use ${c.en}`, `缺少${table.what.zh}；请使用 ${c.zh}`);
  }
  if (typeof v === "number") return scoreNumber(table, v, formatNumber(v), s);
  if (typeof v !== "string") {
    const c = levelChoices(table, s);
    const got = describeValue(v);
    return fail("unknown_level", "invalid", `${table.what.en}: "${got}" is not a level; use ${c.en}`, `${table.what.zh}：“${got}”不是可用的等级；请使用 ${c.zh}`);
  }
  const raw = v.trim();
  const whole = parseLabel(v, table.index);
  if (whole !== undefined) return ok({ level: whole, points: bandMiddle(table.bands(s)[whole]) });
  const { level, points } = splitLevelInput(v);
  if (level === "" && points !== undefined) return scoreNumber(table, points, formatNumber(points), s);
  const key = parseLabel(level, table.index);
  if (key === undefined) {
    const c = levelChoices(table, s);
    return fail("unknown_level", "invalid", `${table.what.en}: "${raw}" is not a level; use ${c.en}`, `${table.what.zh}：“${raw}”不是可用的等级；请使用 ${c.zh}`);
  }
  const band = table.bands(s)[key];
  if (points === undefined) return ok({ level: key, points: bandMiddle(band) });
  if (points < band[0] || points > band[1]) {
    const l = table.labels[key];
    return fail(
      "outside_band",
      "invalid",
      `${table.what.en} "${raw}": ${formatNumber(points)} is outside the band of ${l.en} (${formatBand(band)})`,
      `${table.what.zh}“${raw}”：${formatNumber(points)} 不在“${l.zh}”的分数段 ${formatBand(band)} 内`,
    );
  }
  return ok({ level: key, points });
}
