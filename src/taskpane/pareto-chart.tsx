/**
 * The Pareto chart in the pane: columns of amount per customer (largest first, coloured by class)
 * and the cumulative share as a line on a 0–100 % secondary axis. This module is loaded with a
 * dynamic import(), so @fluentui/react-charts is a chunk of its own, fetched only when a result
 * is shown.
 */
import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ABC_CLASS_LABELS, type AbcClass, type AbcRow } from "../domain/abc";
import { useT } from "./i18n";

/** Customers drawn in the pane; the sheet lists every customer and charts the largest 50. */
export const PANE_CHART_CUSTOMERS = 20;

/** Readable on both the light and the dark theme. */
const CLASS_COLOURS: Readonly<Record<AbcClass, string>> = { A: "#13A10E", B: "#EAA300", C: "#8A8886" };

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export default function ParetoChart({ rows, width }: { rows: readonly AbcRow[]; width: number }) {
  const t = useT();
  const styles = useStyles();
  const shown = rows.slice(0, PANE_CHART_CUSTOMERS);
  const cumulative = t("abc.chart.cumulative");
  const data: VerticalBarChartDataPoint[] = shown.map((r) => ({
    x: r.customer,
    y: r.amount,
    legend: t("abc.chart.class", { class: ABC_CLASS_LABELS[r.class][t.lang] }),
    color: CLASS_COLOURS[r.class],
    xAxisCalloutData: r.customer,
    yAxisCalloutData: t.amount(r.amount),
    lineData: { y: Math.round(r.cumulativeShare * 1000) / 10, useSecondaryYScale: true, yAxisCalloutData: t.pct(r.cumulativeShare) },
  }));
  const caption =
    rows.length > shown.length
      ? t("abc.chart.captionTop", { shown: t.int(shown.length), customers: t.int(rows.length) })
      : t("abc.chart.caption", { customers: t.int(rows.length) });
  return (
    <figure className={styles.figure} aria-label={t("abc.chart.title")}>
      <VerticalBarChart
        data={data}
        width={width}
        height={240}
        barWidth="auto"
        maxBarWidth={24}
        lineLegendText={cumulative}
        lineLegendColor="#0F6CBD"
        secondaryYScaleOptions={{ yMinValue: 0, yMaxValue: 100 }}
        hideTickOverlap
        showXAxisLablesTooltip
        noOfCharsToTruncate={6}
        culture={t.lang === "zh" ? "zh-CN" : "en-US"}
      />
      <figcaption className={styles.caption}>{caption}</figcaption>
    </figure>
  );
}
