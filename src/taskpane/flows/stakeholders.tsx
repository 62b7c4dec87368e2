/** Stakeholder radar flow (SPEC §4c): the people of one account, their scores and next actions. */
import { Dropdown, Field, Option } from "@fluentui/react-components";
import { RELATIONSHIP_ROLE_LABELS, STAKEHOLDER_ATTRIBUTES, type RelationshipRole } from "../../domain/stakeholder";
import type { ColumnRole } from "../../domain/columns";
import { buildStakeholderReport, type StakeholderSummary } from "../../reports/stakeholders";
import { SummaryTable, useFlowStyles } from "../components";
import type { Translator } from "../i18n";
import { distinctNames, usedRows } from "../source-columns";
import type { SourceState } from "../use-source";
import { ReportFlow, type ReportFlowSpec } from "./report-flow";

interface StakeholderOptions {
  /** The chosen account, when the table holds the people of several. */
  readonly account: string;
}

const ROLE_ORDER: readonly RelationshipRole[] = ["coach", "supporter", "neutral", "opponent"];

function accountsOf(source: SourceState): string[] {
  const read = source.read;
  if (!read) return [];
  return distinctNames(read.source, source.columns.customer, usedRows(read.source, source.columns));
}

function peopleOf(source: SourceState, account: string): number {
  const read = source.read;
  if (!read) return 0;
  const rows = usedRows(read.source, source.columns);
  const col = source.columns.customer;
  if (col === undefined || account === "") return rows.length;
  return rows.filter((i) => String(read.source.rows[i][col] ?? "").trim() === account).length;
}

function StakeholderResult({ summary, t }: { summary: StakeholderSummary; t: Translator }) {
  const styles = useFlowStyles();
  return (
    <>
      <SummaryTable
        caption={t("stakeholders.result.caption", { people: t.int(summary.people), account: summary.account ?? "—" })}
        head={[t("stakeholders.result.role"), t("stakeholders.result.people")]}
        rows={ROLE_ORDER.map((r) => [RELATIONSHIP_ROLE_LABELS[r][t.lang], t.int(summary.roles[r])])}
      />
      {summary.actions.length > 0 && (
        <ul className={styles.list} aria-label={t("stakeholders.result.actions")}>
          {summary.actions.map((a, i) => (
            <li key={i}>{t("stakeholders.result.action", { person: a.person, action: a.action })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function AccountPicker({ value, set, source, t }: { value: StakeholderOptions; set: (o: StakeholderOptions) => void; source: SourceState; t: Translator }) {
  const accounts = accountsOf(source);
  if (accounts.length <= 1) return null;
  const missing = value.account === "" || !accounts.includes(value.account);
  return (
    <Field label={t("stakeholders.account")} required validationState={missing ? "warning" : "none"} validationMessage={missing ? t("stakeholders.account.choose", { count: t.int(accounts.length) }) : undefined}>
      <Dropdown
        value={missing ? "" : value.account}
        selectedOptions={missing ? [] : [value.account]}
        placeholder={t("stakeholders.account.placeholder")}
        onOptionSelect={(_e, d) => set({ account: d.optionValue ?? "" })}
      >
        {accounts.map((a) => (
          <Option key={a} value={a}>
            {a}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

const spec: ReportFlowSpec<StakeholderOptions, StakeholderSummary> = {
  id: "stakeholders",
  required: () => ["person", ...(STAKEHOLDER_ATTRIBUTES as readonly ColumnRole[])],
  optional: () => ["customer", "journey"],
  runLabel: "stakeholders.run",
  options: (p) => <AccountPicker {...p} />,
  preview: ({ source, options, t }) => t("stakeholders.preview", { people: t.int(peopleOf(source, options.account)) }),
  blocked: ({ source, options, t }) => {
    const accounts = accountsOf(source);
    return accounts.length > 1 && !accounts.includes(options.account) ? t("stakeholders.account.needed") : undefined;
  },
  build: (read, options, columns, settings) =>
    buildStakeholderReport({ people: read.source }, { columns, ...(options.account !== "" ? { account: options.account } : {}) }, settings),
  summary: ({ summary, t }) => <StakeholderResult summary={summary} t={t} />,
};

export function StakeholdersFlow() {
  return <ReportFlow spec={spec} initial={{ account: "" }} />;
}
