/**
 * ABC flow (SPEC §3): the data (selection, its table or its current region), the customer and
 * amount columns, the thresholds from the settings, a preview, one run, and the result with a
 * Pareto chart. Optionally the class of each row is written beside the source table, only into an
 * empty column and only after the user confirmed.
 */
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
} from "@fluentui/react-components";
import { ABC_CLASS_LABELS } from "../../domain/abc";
import { columnLetter } from "../../reports/plan";
import type { AbcBasis, AbcSummary } from "../../reports/abc";
import { buildAbc, amountRole, classColumn, type AbcBuilt } from "../abc-run";
import { onOutcome, type CommandOutcome } from "../command-outcome";
import { useApp } from "../app-context";
import { ColumnPickers, ProblemBar, RunButton, Section, SheetLink, SourceSummary, SummaryTable, WarningsBar, useFlowStyles, useRun } from "../components";
import { useT, type Translator } from "../i18n";
import { problemOf } from "../problems";
import { distinctNames, usedRows } from "../source-columns";
import { useSource } from "../use-source";
import { msgOf } from "../../i18n";
import { inspectColumn, renderReport, writeColumn, type ColumnTarget, type SourceRead } from "../workbook";

const ParetoChart = lazy(() => import(/* webpackChunkName: "pareto-chart" */ "../pareto-chart"));

interface AbcOutcome {
  readonly summary: AbcSummary;
  readonly sheet: string;
  readonly ranked?: AbcBuilt["ranked"];
  readonly classColumn?: string;
  readonly warnings: AbcSummary["warnings"];
}

/** Where the class column goes: the column right of the source table, header row to last row. */
export function classTarget(read: SourceRead): ColumnTarget {
  const s = read.source;
  return { sheet: s.sheet, col: s.col + s.header.length, row: s.row, rows: s.rows.length + 1 };
}

export function targetAddress(t: ColumnTarget): string {
  const letter = columnLetter(t.col);
  return `${letter}${t.row + 1}:${letter}${t.row + t.rows}`;
}

function AbcResultView({ outcome, t }: { outcome: AbcOutcome; t: Translator }) {
  const styles = useFlowStyles();
  const { summary } = outcome;
  const paneWidth = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(300);
  useEffect(() => {
    const w = paneWidth.current?.clientWidth;
    if (w && w > 0) setWidth(w);
  }, []);
  return (
    <div className={styles.section} ref={paneWidth}>
      <Body1>
        {t("abc.result.line", {
          customers: t.int(summary.customers),
          rows: t.int(summary.rows),
          total: t.amount(summary.total),
        })}
      </Body1>
      <SummaryTable
        caption={t("abc.result.caption")}
        head={[t("abc.result.class"), t("abc.result.customers"), t("abc.result.customerShare"), t("abc.result.amountShare")]}
        rows={summary.classes.map((c) => [ABC_CLASS_LABELS[c.class][t.lang], t.int(c.customers), t.pct(c.customerShare), t.pct(c.amountShare)])}
      />
      {outcome.ranked && outcome.ranked.length > 0 && (
        <Suspense fallback={<Spinner size="small" label={t("abc.chart.loading")} />}>
          <ParetoChart rows={outcome.ranked} width={width} />
        </Suspense>
      )}
      {outcome.classColumn && <Body1>{t("abc.writeBack.done", { address: outcome.classColumn })}</Body1>}
      <SheetLink sheet={outcome.sheet} />
    </div>
  );
}

export function AbcFlow() {
  const t = useT();
  const styles = useFlowStyles();
  const { settings, go } = useApp();
  const [basis, setBasis] = useState<AbcBasis>("sales");
  const [writeBack, setWriteBack] = useState(false);
  const src = useSource(["customer", amountRole(basis)]);
  const { busy, problem, setProblem, start } = useRun();
  const [outcome, setOutcome] = useState<AbcOutcome | undefined>(undefined);
  const [confirm, setConfirm] = useState<{ address: string; sheet: string; resolve: (yes: boolean) => void } | undefined>(undefined);

  // The ribbon's "ABC of selection" reports here: its problem, or the sheet it wrote.
  useEffect(
    () =>
      onOutcome((o: CommandOutcome) => {
        if (o.kind === "problem") {
          setOutcome(undefined);
          setProblem(o.problem);
        } else {
          setProblem(undefined);
          setOutcome({ summary: o.summary, sheet: o.sheet, ranked: o.ranked, warnings: o.summary.warnings });
        }
      }),
    [],
  );

  const read = src.state.read;
  const rows = read ? usedRows(read.source, src.state.columns) : [];
  const customers = read ? distinctNames(read.source, src.state.columns.customer, rows).length : 0;
  const a = settings.abc.a;
  const ab = settings.abc.a + settings.abc.b;

  const ask = (address: string, sheet: string): Promise<boolean> => new Promise((resolve) => setConfirm({ address, sheet, resolve }));

  const run = (): Promise<void> =>
    start(async (writing) => {
      setOutcome(undefined);
      const fresh = (await src.refresh()) ?? read;
      if (!fresh) return;
      // Every input problem is found here, before anything is written.
      const built = buildAbc(fresh, basis, src.state.columns, settings);
      let target: ColumnTarget | undefined;
      if (writeBack) {
        target = classTarget(fresh);
        const found = await inspectColumn(target);
        if (!found.empty) {
          setProblem({ kind: "input", wrote: false, msg: msgOf("abc.writeBack.notEmpty", { sheet: target.sheet, letter: columnLetter(target.col), cell: found.cell, value: found.text }) });
          return;
        }
        const yes = await ask(targetAddress(target), target.sheet);
        if (!yes) return;
      }
      writing();
      const rendered = await renderReport(built.plan);
      const sheet = rendered.activated ?? rendered.sheets[0]?.name ?? "";
      let classColumnAddress: string | undefined;
      if (target) {
        try {
          await writeColumn(target, classColumn(built.rowClass, settings));
          classColumnAddress = `${target.sheet}!${targetAddress(target)}`;
        } catch (e) {
          // The report is written; only the class column was not (someone typed into it meanwhile).
          setProblem({ ...problemOf(e, false), wrote: true });
        }
      }
      setOutcome({ summary: built.summary, sheet, ranked: built.ranked, classColumn: classColumnAddress, warnings: built.summary.warnings });
    });

  return (
    <div className={styles.flow}>
      <Section id="abc-data" title={t("section.data")}>
        <SourceSummary state={src.state} onRead={() => void src.read()} />
        <ProblemBar problem={src.state.problem} />
        <Field label={t("abc.basis")}>
          <RadioGroup value={basis} onChange={(_e, d) => setBasis(d.value as AbcBasis)} layout="horizontal">
            <Radio value="sales" label={t("abc.basis.sales")} />
            <Radio value="profit" label={t("abc.basis.profit")} />
          </RadioGroup>
        </Field>
        <ColumnPickers state={src.state} required={["customer", amountRole(basis)]} onChange={src.setColumn} />
      </Section>
      <Section id="abc-rules" title={t("abc.thresholds")}>
        <Body1>{t("abc.thresholds.text", { a: t.pct(a), ab: t.pct(ab) })}</Body1>
        <div className={styles.row}>
          <Link as="button" onClick={() => go("settings")}>
            {t("abc.thresholds.change")}
          </Link>
        </div>
      </Section>
      <Section id="abc-run" title={t("section.run")}>
        {read && src.missing.length === 0 && <Body1 aria-live="polite">{t("abc.preview", { rows: t.int(rows.length), customers: t.int(customers) })}</Body1>}
        <Field hint={t("abc.writeBack.hint")}>
          <Checkbox checked={writeBack} onChange={(_e, d) => setWriteBack(d.checked === true)} label={t("abc.writeBack")} />
        </Field>
        <RunButton label={t("abc.run")} busy={busy} disabled={!read || src.missing.length > 0} onRun={() => void run()} />
        <ProblemBar problem={problem} />
      </Section>
      {outcome && (
        <Section id="abc-result" title={t("section.result")} reveal>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("result.done")}</MessageBarTitle>
              {t("result.wrote", { sheet: outcome.sheet })}
            </MessageBarBody>
          </MessageBar>
          <WarningsBar warnings={outcome.warnings} />
          <AbcResultView outcome={outcome} t={t} />
        </Section>
      )}
      <Dialog
        open={confirm !== undefined}
        modalType="alert"
        onOpenChange={(_e, d) => {
          if (!d.open && confirm) {
            confirm.resolve(false);
            setConfirm(undefined);
          }
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("abc.confirm.title")}</DialogTitle>
            <DialogContent>{confirm ? t("abc.confirm.body", { address: confirm.address, sheet: confirm.sheet }) : null}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  confirm?.resolve(true);
                  setConfirm(undefined);
                }}
              >
                {t("abc.confirm.write")}
              </Button>
              <Button
                appearance="secondary"
                onClick={() => {
                  confirm?.resolve(false);
                  setConfirm(undefined);
                }}
              >
                {t("abc.confirm.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
