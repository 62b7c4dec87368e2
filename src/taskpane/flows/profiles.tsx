/** Customer profile flow (SPEC §4a external, §4b internal) with radar charts on the sheet. */
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { ColumnRole } from "../../domain/columns";
import { EXTERNAL_CLASS_LABELS, EXTERNAL_DIMENSIONS, INTERNAL_CLASS_LABELS, INTERNAL_DIMENSIONS, type ExternalClass, type InternalClass } from "../../domain/profile";
import { buildProfileReport, type ProfileKind, type ProfileSummary } from "../../reports/profile";
import { SummaryTable } from "../components";
import { usedRows } from "../source-columns";
import { ReportFlow, type ReportFlowSpec } from "./report-flow";

interface ProfileOptions {
  readonly kind: ProfileKind;
}

function roles(o: ProfileOptions): ColumnRole[] {
  const dims = o.kind === "external" ? EXTERNAL_DIMENSIONS.map((d) => `ext_${d}`) : INTERNAL_DIMENSIONS.map((d) => `int_${d}`);
  return ["customer", ...(dims as ColumnRole[])];
}

const spec: ReportFlowSpec<ProfileOptions, ProfileSummary> = {
  id: "profiles",
  required: roles,
  runLabel: "profiles.run",
  options: ({ value, set, t }) => (
    <Field label={t("profiles.kind")}>
      <RadioGroup value={value.kind} onChange={(_e, d) => set({ kind: d.value as ProfileKind })}>
        <Radio value="external" label={t("profiles.kind.external")} />
        <Radio value="internal" label={t("profiles.kind.internal")} />
      </RadioGroup>
    </Field>
  ),
  preview: ({ read, source, t }) => t("profiles.preview", { customers: t.int(usedRows(read.source, source.columns).length) }),
  build: (read, options, columns, settings) => buildProfileReport({ profiles: read.source }, { kind: options.kind, columns }, settings),
  summary: ({ summary, t }) => (
    <SummaryTable
      caption={t("profiles.result.caption", { customers: t.int(summary.customers) })}
      head={[t("profiles.result.class"), t("profiles.result.customers")]}
      rows={summary.classes.map((c) => [
        summary.kind === "external" ? EXTERNAL_CLASS_LABELS[c.key as ExternalClass][t.lang] : INTERNAL_CLASS_LABELS[c.key as InternalClass][t.lang],
        t.int(c.count),
      ])}
    />
  ),
};

export function ProfilesFlow() {
  return <ReportFlow<ProfileOptions, ProfileSummary> spec={spec} initial={{ kind: "external" }} />;
}
