/**
 * KAM.SEGMENT — the value × potential quadrant of SPEC §5 (core value, high potential, maintain,
 * to optimise) from the revenue rank share (0 = the largest account, 0.35 = 35 % of accounts have
 * more revenue) and the yearly growth (0.2 = +20 %). Two cells, or two columns of equal length; a
 * single value on either side applies to every row of the other.
 *
 * The optional cutoffs are up to four values in this order — core top share, medium top share,
 * fast growth, stable growth — a blank one keeping the workbook's setting.
 */
import { at, fail, failWith, ok, type Msg, type Result } from "../domain/errors";
import { QUADRANT_LABELS, quadrantOf } from "../domain/segment";
import type { Settings } from "../domain/settings";
import { checkRange, isBlank, toNumber } from "../domain/values";
import { asColumn, asList, isOmitted } from "./cells";
import { cellAtError, errorRows, rowCellError, type Cell, type CellRows } from "./cell-errors";
import { lengthsDiffer } from "./messages";

export const RANK_SHARE_ARG: Msg = { en: "revenue_rank_share", zh: "营收排名占比（revenue_rank_share）" };
export const GROWTH_ARG: Msg = { en: "growth", zh: "增长率（growth）" };
export const CUTOFFS_ARG: Msg = { en: "cutoffs", zh: "分界值（cutoffs）" };

type SegmentKey = "coreTopShare" | "mediumTopShare" | "fastGrowth" | "stableGrowth";

const CUTOFFS: readonly { key: SegmentKey; what: Msg; share: boolean }[] = [
  { key: "coreTopShare", what: { en: "the core top share", zh: "核心价值客户的排名占比" }, share: true },
  { key: "mediumTopShare", what: { en: "the medium top share", zh: "中等营收的排名占比" }, share: true },
  { key: "fastGrowth", what: { en: "the fast-growth line", zh: "快速增长线" }, share: false },
  { key: "stableGrowth", what: { en: "the stable-growth line", zh: "稳定增长线" }, share: false },
];

const NAMES: Msg = {
  en: "core top share, medium top share, fast growth, stable growth",
  zh: "核心价值排名占比、中等营收排名占比、快速增长线、稳定增长线",
};

/** The workbook's settings with the cutoffs the formula gives. */
function withCutoffs(cutoffs: unknown, s: Settings): Result<Settings> {
  if (isOmitted(cutoffs)) return ok(s);
  const l = asList(cutoffs, CUTOFFS_ARG);
  if (!l.ok) return l;
  const values = l.value;
  if (values.length > CUTOFFS.length) {
    return fail(
      "segment_cutoffs",
      "invalid",
      `${CUTOFFS_ARG.en} takes at most ${CUTOFFS.length} values (${NAMES.en}), got ${values.length}`,
      `${CUTOFFS_ARG.zh}最多 ${CUTOFFS.length} 个值（${NAMES.zh}），却有 ${values.length} 个`,
    );
  }
  const segment = { ...s.segment };
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (isBlank(v)) continue;
    const c = CUTOFFS[k];
    const where: Msg = { en: `${CUTOFFS_ARG.en} value ${k + 1}`, zh: `${CUTOFFS_ARG.zh}第 ${k + 1} 个值` };
    const num = toNumber(v, c.what);
    if (!num.ok) return failWith(at(num.error, where));
    if (c.share) {
      if (!(num.value > 0)) {
        return failWith(at({ code: "segment_share", kind: "invalid", msg: { en: `${c.what.en} must be above 0`, zh: `${c.what.zh}必须大于 0` } }, where));
      }
      const inRange = checkRange(num.value, c.what, 0, 1);
      if (!inRange.ok) return failWith(at(inRange.error, where));
    }
    segment[c.key] = num.value;
  }
  return ok({ ...s, segment });
}

export function kamSegment(revenueRankShare: unknown, growth: unknown, cutoffs: unknown, s: Settings): CellRows {
  const lang = s.language;
  const settings = withCutoffs(cutoffs, s);
  if (!settings.ok) return errorRows(settings.error, lang);
  const rc = asColumn(revenueRankShare, RANK_SHARE_ARG);
  if (!rc.ok) return errorRows(rc.error, lang);
  const gc = asColumn(growth, GROWTH_ARG);
  if (!gc.ok) return errorRows(gc.error, lang);
  const r = rc.value.cells;
  const g = gc.value.cells;
  if (r.length !== g.length && r.length !== 1 && g.length !== 1) return errorRows(lengthsDiffer(GROWTH_ARG, g.length, RANK_SHARE_ARG, r.length), lang);

  const n = Math.max(r.length, g.length);
  const row = (r.length >= g.length ? rc.value : gc.value).orientation === "row";
  const cells: Cell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const q = quadrantOf(r[r.length === 1 ? 0 : i][0], g[g.length === 1 ? 0 : i][0], settings.value);
    if (q.ok) cells[i] = QUADRANT_LABELS[q.value][lang];
    else cells[i] = row ? cellAtError(q.error, 0, i, 1, n, lang) : rowCellError(q.error, i, n, lang);
  }
  if (row) return [cells];
  return cells.map((c) => [c]);
}
