/**
 * The pieces every flow is made of: the data section (where the data comes from and which column
 * plays which part), the run button with its progress, and the messages (problems, warnings).
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { COLUMN_ALIASES, type ColumnRole } from "../domain/columns";
import type { Msg } from "../domain/errors";
import type { Label } from "../domain/labels";
import { columnLetter } from "../reports/plan";
import { useT } from "./i18n";
import { problemOf, type Problem } from "./problems";
import type { SourceState } from "./use-source";
import { activateSheet, type TableInfo } from "./workbook";

export const useFlowStyles = makeStyles({
  flow: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  summary: { width: "100%", borderCollapse: "collapse" },
  cell: { textAlign: "right", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  headCell: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  firstCell: { textAlign: "left" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * A titled part of a flow (a region landmark with its heading, for screen readers). A `reveal`
 * section (a result) scrolls itself into view when it appears, since it appears below the fold.
 */
export function Section({ title, children, id, reveal = false }: { title: string; children: ReactNode; id: string; reveal?: boolean }) {
  const styles = useFlowStyles();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal) ref.current?.scrollIntoView?.({ block: "start" });
  }, [reveal]);
  return (
    <section className={styles.section} aria-labelledby={id} ref={ref}>
      <Subtitle2 as="h3" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** Roles are named as the reports' headers name them, unless a flow names one its own way. */
export type RoleLabels = Partial<Record<ColumnRole, Label>>;

function roleName(role: ColumnRole, lang: "en" | "zh", labels?: RoleLabels): string {
  return (labels?.[role] ?? COLUMN_ALIASES[role])[lang];
}

/** Where the data was read from, with the button that reads the selection again. */
export function SourceSummary({ state, onRead, hint }: { state: SourceState; onRead: () => void; hint?: string }) {
  const t = useT();
  const styles = useFlowStyles();
  const read = state.read;
  let where: string;
  if (read) {
    const from =
      read.origin === "table" && read.tableName
        ? t("source.fromTable", { table: read.tableName, sheet: read.source.sheet, address: read.address })
        : t("source.fromRange", { sheet: read.source.sheet, address: read.address });
    where = `${from} ${t("source.rows", { rows: t.int(read.source.rows.length) })}`;
  } else {
    where = hint ?? t("source.hint");
  }
  return (
    <div className={styles.section}>
      <Body1 aria-live="polite">{state.status === "reading" ? t("source.reading") : where}</Body1>
      <div className={styles.row}>
        <Button appearance={read ? "secondary" : "primary"} onClick={onRead} disabled={state.status === "reading"}>
          {read ? t("source.readAgain") : t("source.read")}
        </Button>
      </div>
    </div>
  );
}

/** One dropdown per column role: detected columns are preselected, every choice can be changed. */
export function ColumnPickers({
  state,
  required,
  optional = [],
  onChange,
  labels,
}: {
  state: SourceState;
  required: readonly ColumnRole[];
  optional?: readonly ColumnRole[];
  onChange: (role: ColumnRole, index: number) => void;
  labels?: RoleLabels;
}) {
  const t = useT();
  const styles = useFlowStyles();
  const read = state.read;
  if (!read) return null;
  const header = read.source.header;
  const col0 = read.source.col;
  const text = (i: number): string => {
    const h = header[i];
    const name = h === null || h === undefined || String(h).trim() === "" ? t("columns.untitled") : String(h).trim();
    return `${name} (${columnLetter(col0 + i)})`;
  };
  const picker = (role: ColumnRole, isRequired: boolean) => {
    const chosen = state.columns[role];
    const missing = chosen === undefined;
    const validation = missing && isRequired ? t("columns.choose", { role: roleName(role, t.lang, labels) }) : undefined;
    return (
      <Field
        key={role}
        label={roleName(role, t.lang, labels)}
        required={isRequired}
        validationState={validation ? "error" : "none"}
        validationMessage={validation}
        hint={missing && !isRequired ? t("columns.optionalMissing") : undefined}
      >
        <Dropdown
          value={chosen === undefined ? t("columns.none") : text(chosen)}
          selectedOptions={chosen === undefined ? [] : [String(chosen)]}
          placeholder={t("columns.none")}
          onOptionSelect={(_e, d) => {
            if (d.optionValue !== undefined) onChange(role, Number(d.optionValue));
          }}
        >
          {header.map((_h, i) => (
            <Option key={i} value={String(i)} text={text(i)}>
              {text(i)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };
  const pickers = (
    <div className={styles.section}>
      {required.map((r) => picker(r, true))}
      {optional.map((r) => picker(r, false))}
    </div>
  );
  const all = [...required, ...optional];
  if (all.length <= COLUMNS_SHOWN_OPEN) return pickers;
  // Many columns (a score reads eight): folded away while every required one was found.
  const found = all.filter((r) => state.columns[r] !== undefined).length;
  const complete = required.every((r) => state.columns[r] !== undefined);
  return (
    <Accordion collapsible defaultOpenItems={complete ? [] : ["columns"]} key={complete ? "complete" : "incomplete"}>
      <AccordionItem value="columns">
        <AccordionHeader as="h4">{t("columns.summary", { found: t.int(found), total: t.int(all.length) })}</AccordionHeader>
        <AccordionPanel>{pickers}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** Up to this many column pickers are shown open; more are folded into "Columns: n of m found". */
const COLUMNS_SHOWN_OPEN = 3;

/**
 * The run button. Its progress shows only when the work takes over half a second, so a fast run
 * does not flash a spinner; the button is disabled from the first moment so a run cannot start twice.
 */
/**
 * A flow's run: `busy` while it works and the problem it ended with. `start(work)` clears the last
 * problem, runs `work` and turns what it throws into a problem that says whether the workbook had
 * already been changed: `work` calls `writing()` just before its first write.
 */
export function useRun(): {
  busy: boolean;
  problem: Problem | undefined;
  setProblem: (p: Problem | undefined) => void;
  start: (work: (writing: () => void) => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const start = async (work: (writing: () => void) => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    let wrote = false;
    try {
      await work(() => {
        wrote = true;
      });
    } catch (e) {
      setProblem(problemOf(e, wrote));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, start };
}

/** Value of an optional table picker when no table is chosen (no table name can start with NUL). */
export const NO_TABLE = "\u0000none";

/** A dropdown of the workbook's tables for an optional input; `none` names the "no table" choice. */
export function TablePicker({
  label,
  none,
  tables,
  value,
  onChange,
}: {
  label: string;
  none: string;
  tables: readonly TableInfo[];
  value: string;
  onChange: (table: string) => void;
}) {
  return (
    <Field label={label}>
      <Dropdown value={value === NO_TABLE ? none : value} selectedOptions={[value]} onOptionSelect={(_e, d) => onChange(d.optionValue ?? NO_TABLE)}>
        <Option value={NO_TABLE} text={none}>
          {none}
        </Option>
        {tables.map((tb) => (
          <Option key={tb.name} value={tb.name} text={`${tb.name} (${tb.sheet})`}>
            {`${tb.name} (${tb.sheet})`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function RunButton({ label, busy, disabled, onRun, status }: { label: string; busy: boolean; disabled?: boolean; onRun: () => void; status?: string }) {
  const t = useT();
  const styles = useFlowStyles();
  const slow = useDelayed(busy, 500);
  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onRun} disabled={busy || disabled}>
          {label}
        </Button>
      </div>
      {slow && (
        <Field validationMessage={status ?? t("run.working")} validationState="none">
          <ProgressBar aria-label={status ?? t("run.working")} />
        </Field>
      )}
    </div>
  );
}

/** True once `on` has stayed true for `ms` milliseconds. */
export function useDelayed(on: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!on) {
      setLate(false);
      return;
    }
    const timer = setTimeout(() => setLate(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return late;
}

export function ProblemBar({ problem }: { problem: Problem | undefined }) {
  const t = useT();
  if (!problem) return null;
  const title = problem.wrote
    ? problem.kind === "input"
      ? t("problem.titlePartly")
      : t("problem.titleAfterWrite")
    : problem.kind === "input"
      ? t("problem.titleInput")
      : t("problem.titleNothingWritten");
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {t.label(problem.msg)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function WarningsBar({ warnings }: { warnings: readonly Msg[] | undefined }) {
  const t = useT();
  const styles = useFlowStyles();
  if (!warnings || warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("warnings.title")}</MessageBarTitle>
        {warnings.length === 1 ? (
          t.label(warnings[0])
        ) : (
          <ul className={styles.list}>
            {warnings.map((w, i) => (
              <li key={i}>{t.label(w)}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A link that shows a report sheet in Excel. */
export function SheetLink({ sheet }: { sheet: string }) {
  const t = useT();
  const [failed, setFailed] = useState<string | undefined>(undefined);
  return (
    <>
      <Link
        as="button"
        onClick={() => {
          setFailed(undefined);
          activateSheet(sheet).catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
        }}
      >
        {t("result.goTo", { sheet })}
      </Link>
      {failed && <Caption1 role="alert">{t("result.goToFailed", { sheet, reason: failed })}</Caption1>}
    </>
  );
}

/** A small table: first column labels, other columns numbers, right-aligned. */
export function SummaryTable({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly (readonly string[])[] }) {
  const styles = useFlowStyles();
  return (
    <table className={styles.summary}>
      <caption className={styles.muted} style={{ textAlign: "left" }}>
        {caption}
      </caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col" className={i === 0 ? mergeClasses(styles.headCell, styles.firstCell) : styles.headCell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row" className={mergeClasses(styles.cell, styles.firstCell)}>
                  {c}
                </th>
              ) : (
                <td key={j} className={styles.cell}>
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
