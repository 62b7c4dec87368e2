/** Credit review flow (SPEC §2): grades, lists and the accounts that lose key-account status. */
import { Body1, Field, Input } from "@fluentui/react-components";
import { CREDIT_GRADE_LABELS, CREDIT_LIST_LABELS, CREDIT_GRADES, creditList } from "../../domain/credit";
import { buildCreditReport, type CreditSummary } from "../../reports/credit";
import { SummaryTable, useFlowStyles } from "../components";
import { usedRows } from "../source-columns";
import { ReportFlow, type ReportFlowSpec } from "./report-flow";

interface CreditOptions {
  /** Review date as typed ("2026-03-01"); blank means today. */
  readonly asOf: string;
}

function CreditResult({ summary, t }: { summary: CreditSummary; t: Parameters<ReportFlowSpec<CreditOptions, CreditSummary>["summary"]>[0]["t"] }) {
  const styles = useFlowStyles();
  return (
    <>
      <SummaryTable
        caption={t("credit.result.caption", { accounts: t.int(summary.accounts) })}
        head={[t("credit.result.grade"), t("credit.result.list"), t("credit.result.accounts")]}
        rows={CREDIT_GRADES.map((g) => [CREDIT_GRADE_LABELS[g][t.lang], CREDIT_LIST_LABELS[creditList(g)][t.lang], t.int(summary.grades[g])])}
      />
      {summary.revoke.length > 0 && (
        <Body1>
          {t("credit.result.revoke")}
          <ul className={styles.list}>
            {summary.revoke.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </Body1>
      )}
    </>
  );
}

const spec: ReportFlowSpec<CreditOptions, CreditSummary> = {
  id: "credit",
  required: () => ["customer", "performance", "risk"],
  optional: () => ["volume", "annualSales", "redListSince"],
  runLabel: "credit.run",
  options: ({ value, set, t }) => (
    <Field label={t("credit.asOf")} hint={t("credit.asOf.hint")}>
      <Input type="date" value={value.asOf} onChange={(_e, d) => set({ asOf: d.value })} />
    </Field>
  ),
  preview: ({ read, source, t }) => t("credit.preview", { accounts: t.int(usedRows(read.source, source.columns).length) }),
  blocked: ({ source, t }) =>
    source.read && source.columns.volume === undefined && source.columns.annualSales === undefined ? t("credit.needVolume") : undefined,
  build: (read, options, columns, settings) =>
    buildCreditReport({ accounts: read.source }, { columns, ...(options.asOf.trim() !== "" ? { asOf: options.asOf.trim() } : {}) }, settings),
  summary: ({ summary, t }) => <CreditResult summary={summary} t={t} />,
};

export function CreditFlow() {
  return <ReportFlow spec={spec} initial={{ asOf: "" }} />;
}
