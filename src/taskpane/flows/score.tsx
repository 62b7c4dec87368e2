/** Key-account score flow (SPEC §1 six criteria, §1b weighted model). */
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { ColumnRole } from "../../domain/columns";
import { CRITERIA, CRITERION_LABELS, SCORE_TIER_LABELS, type ScoreTier } from "../../domain/score";
import { WEIGHTED_DIMENSIONS, WEIGHTED_TIER_LABELS, type WeightedTier } from "../../domain/weighted";
import { buildScoreReport, type ScoreModel, type ScoreSummary } from "../../reports/score";
import { SummaryTable } from "../components";
import { usedRows } from "../source-columns";
import { ReportFlow, type ReportFlowSpec } from "./report-flow";

interface ScoreOptions {
  readonly model: ScoreModel;
}

function roles(o: ScoreOptions): ColumnRole[] {
  return ["customer", ...(o.model === "points" ? [...CRITERIA] : WEIGHTED_DIMENSIONS.map((d) => `w_${d}` as ColumnRole))];
}

const spec: ReportFlowSpec<ScoreOptions, ScoreSummary> = {
  id: "score",
  required: roles,
  optional: () => ["scope"],
  runLabel: "score.run",
  // The criterion shares its column role with the profit amount of the ABC report.
  labels: { profit: CRITERION_LABELS.profit },
  options: ({ value, set, t }) => (
    <Field label={t("score.model")}>
      <RadioGroup value={value.model} onChange={(_e, d) => set({ model: d.value as ScoreModel })}>
        <Radio value="points" label={t("score.model.points")} />
        <Radio value="weighted" label={t("score.model.weighted")} />
      </RadioGroup>
    </Field>
  ),
  preview: ({ read, source, t }) => t("score.preview", { accounts: t.int(usedRows(read.source, source.columns).length) }),
  build: (read, options, columns, settings) => buildScoreReport({ accounts: read.source }, { model: options.model, columns }, settings),
  summary: ({ summary, t }) => (
    <SummaryTable
      caption={t("score.result.caption", { accounts: t.int(summary.accounts) })}
      head={[t("score.result.tier"), t("score.result.accounts")]}
      rows={summary.tiers.map((tier) => [
        summary.model === "points" ? SCORE_TIER_LABELS[tier.key as ScoreTier][t.lang] : WEIGHTED_TIER_LABELS[tier.key as WeightedTier][t.lang],
        t.int(tier.count),
      ])}
    />
  ),
};

export function ScoreFlow() {
  return <ReportFlow<ScoreOptions, ScoreSummary> spec={spec} initial={{ model: "points" }} />;
}
