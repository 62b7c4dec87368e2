/**
 * The pattern the score, credit, profile and stakeholder flows share: detect the data and its
 * columns, let the user confirm or change them and the flow's options, preview what will be read,
 * run (build the plan — every input problem stops here — then render it), and summarise.
 */
import { useState, type ReactNode } from "react";
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ColumnRole } from "../../domain/columns";
import type { Msg } from "../../domain/errors";
import type { Settings } from "../../domain/settings";
import type { ColumnOverrides } from "../../reports/inputs";
import type { ReportPlan } from "../../reports/plan";
import type { MessageKey } from "../../i18n";
import { useApp } from "../app-context";
import { ColumnPickers, ProblemBar, type RoleLabels, RunButton, Section, SheetLink, SourceSummary, WarningsBar, useFlowStyles, useRun } from "../components";
import { useT, type Translator } from "../i18n";
import { overridesOf } from "../source-columns";
import { useSource, type SourceState } from "../use-source";
import { renderReport, type SourceRead } from "../workbook";

export interface Built<S> {
  readonly plan: ReportPlan;
  readonly summary: S;
}

export interface ReportFlowSpec<O, S> {
  /** Prefix of the element ids of the flow's sections. */
  readonly id: string;
  readonly required: (o: O) => readonly ColumnRole[];
  readonly optional?: (o: O) => readonly ColumnRole[];
  readonly runLabel: MessageKey;
  /** Names for roles the flow means differently from the reports' default header (profit → profit contribution). */
  readonly labels?: RoleLabels;
  /** The flow's own options (model, kind, account, date). */
  readonly options?: (p: { value: O; set: (o: O) => void; source: SourceState; t: Translator }) => ReactNode;
  /** What the run will read, e.g. "6 accounts will be scored." */
  readonly preview: (p: { read: SourceRead; source: SourceState; options: O; t: Translator }) => string;
  /** Why the run cannot start yet (an option still to choose), if it cannot. */
  readonly blocked?: (p: { source: SourceState; options: O; t: Translator }) => string | undefined;
  readonly build: (read: SourceRead, options: O, columns: ColumnOverrides, settings: Settings) => Built<S>;
  readonly summary: (p: { summary: S; t: Translator }) => ReactNode;
}

interface Done<S> {
  readonly summary: S;
  readonly sheet: string;
  readonly warnings?: readonly Msg[];
}

export function ReportFlow<O, S>({ spec, initial }: { spec: ReportFlowSpec<O, S>; initial: O }) {
  const t = useT();
  const styles = useFlowStyles();
  const { settings } = useApp();
  const [options, setOptions] = useState<O>(initial);
  const required = spec.required(options);
  const optional = spec.optional?.(options) ?? [];
  const src = useSource(required, optional);
  const { busy, problem, start } = useRun();
  const [done, setDone] = useState<Done<S> | undefined>(undefined);

  const read = src.state.read;
  const blocked = spec.blocked?.({ source: src.state, options, t });

  const run = (): Promise<void> =>
    start(async (writing) => {
      setDone(undefined);
      const fresh = (await src.refresh()) ?? read;
      if (!fresh) return;
      const built = spec.build(fresh, options, overridesOf(fresh.source, src.state.columns), settings);
      writing();
      const rendered = await renderReport(built.plan);
      setDone({ summary: built.summary, sheet: rendered.activated ?? rendered.sheets[0]?.name ?? "", warnings: built.plan.warnings });
    });

  return (
    <div className={styles.flow}>
      <Section id={`${spec.id}-data`} title={t("section.data")}>
        <SourceSummary state={src.state} onRead={() => void src.read()} />
        <ProblemBar problem={src.state.problem} />
        {spec.options?.({ value: options, set: setOptions, source: src.state, t })}
        <ColumnPickers state={src.state} required={required} optional={optional} onChange={src.setColumn} labels={spec.labels} />
      </Section>
      <Section id={`${spec.id}-run`} title={t("section.run")}>
        {read && src.missing.length === 0 && <Body1 aria-live="polite">{spec.preview({ read, source: src.state, options, t })}</Body1>}
        {blocked && <Body1>{blocked}</Body1>}
        <RunButton label={t(spec.runLabel)} busy={busy} disabled={!read || src.missing.length > 0 || blocked !== undefined} onRun={() => void run()} />
        <ProblemBar problem={problem} />
      </Section>
      {done && (
        <Section id={`${spec.id}-result`} title={t("section.result")} reveal>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("result.done")}</MessageBarTitle>
              {t("result.wrote", { sheet: done.sheet })}
            </MessageBarBody>
          </MessageBar>
          <WarningsBar warnings={done.warnings} />
          {spec.summary({ summary: done.summary, t })}
          <SheetLink sheet={done.sheet} />
        </Section>
      )}
    </div>
  );
}
