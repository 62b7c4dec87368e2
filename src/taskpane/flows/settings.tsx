/**
 * Settings flow: the workbook's thresholds, weights, lines and bands, and the label language.
 * Every change is validated against the engine's schema as it is typed; a problem is shown under
 * its field and nothing is saved until there is none. Saved settings live in the workbook (so every
 * user of the file gets the same classes) and the custom functions are recalculated with them.
 */
import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../../domain/settings";
import { useApp } from "../app-context";
import { ProblemBar, RunButton, useFlowStyles } from "../components";
import { useT, type Translator } from "../i18n";
import { problemOf, type Problem } from "../problems";
import { SETTINGS_GROUPS, formFromSettings, sameSettings, validateForm, type GroupId, type SettingsField, type SettingsForm, type SettingsGroup } from "../settings-form";
import { saveSettings } from "../workbook";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // Fluent's Input sizes itself for 20 characters; in a narrow pane it must shrink with its column.
  input: { width: "100%", minWidth: "0" },
  inputElement: { width: "100%", minWidth: "0" },
  lines: { width: "100%", borderCollapse: "collapse" },
  lineCell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, verticalAlign: "top" },
  dimCell: { textAlign: "left", fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, verticalAlign: "top", paddingTop: tokens.spacingVerticalS },
  lineInput: { width: "100%", minWidth: "0", maxWidth: "72px" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

function fieldLabel(f: SettingsField, t: Translator): string {
  if ("key" in f.label) return t(f.label.key);
  return f.label.suffix ? `${t.label(f.label.label)} ${t(f.label.suffix)}` : t.label(f.label.label);
}

function unitOf(f: SettingsField, t: Translator): string | undefined {
  return f.unit === "percent" ? t("settings.unit.percent") : undefined;
}

function GroupFields({ group, form, setValue, errors, t }: { group: SettingsGroup; form: SettingsForm; setValue: (id: string, v: string) => void; errors: Readonly<Record<string, { en: string; zh: string }>>; t: Translator }) {
  const own = useStyles();
  if (group.table) {
    const { lines, dimensions } = group.table;
    return (
      <table className={own.lines}>
        <thead>
          <tr>
            <th scope="col" className={own.dimCell}>
              {t("settings.lines.dimension")}
            </th>
            {lines.map((l) => (
              <th key={l.key} scope="col" className={own.dimCell}>
                {t(l.title)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d, i) => (
            <tr key={i}>
              <th scope="row" className={own.dimCell}>
                {t.label(d)}
              </th>
              {lines.map((l) => {
                const f = group.fields.find((x) => x.path[1] === l.key && x.path[2] === i) as SettingsField;
                const err = errors[f.id];
                return (
                  <td key={l.key} className={own.lineCell}>
                    <Field validationMessage={err ? t.label(err) : undefined} validationState={err ? "error" : "none"}>
                      <Input
                        className={own.lineInput}
                        input={{ className: own.inputElement }}
                        inputMode="decimal"
                        aria-label={`${t(l.title)} – ${t.label(d)}`}
                        value={form.values[f.id] ?? ""}
                        onChange={(_e, v) => setValue(f.id, v.value)}
                      />
                    </Field>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className={own.grid}>
      {group.fields.map((f) => {
        const err = errors[f.id];
        return (
          <Field key={f.id} label={fieldLabel(f, t)} validationMessage={err ? t.label(err) : undefined} validationState={err ? "error" : "none"}>
            <Input
              className={own.input}
              input={{ className: own.inputElement }}
              inputMode="decimal"
              value={form.values[f.id] ?? ""}
              onChange={(_e, v) => setValue(f.id, v.value)}
              contentAfter={unitOf(f, t)}
            />
          </Field>
        );
      })}
    </div>
  );
}

export function SettingsFlow() {
  const t = useT();
  const styles = useFlowStyles();
  const own = useStyles();
  const { settings, settingsSaved } = useApp();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [open, setOpen] = useState<GroupId[]>(["abc"]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const verdict = useMemo(() => validateForm(form, settings), [form, settings]);
  const invalidGroups = SETTINGS_GROUPS.filter((g) => g.fields.some((f) => verdict.fieldErrors[f.id]) || verdict.groupErrors[g.id]);
  const pristine = JSON.stringify(form) === JSON.stringify(formFromSettings(settings));
  const unchanged = verdict.settings !== undefined && sameSettings(verdict.settings, settings);

  const setValue = (id: string, v: string): void => {
    setSaved(false);
    setForm((f) => ({ ...f, values: { ...f.values, [id]: v } }));
  };

  const save = async (): Promise<void> => {
    const next: Settings | undefined = validateForm(form, settings).settings;
    if (!next) {
      setOpen((o) => [...new Set([...o, ...invalidGroups.map((g) => g.id)])]);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await saveSettings(next);
      settingsSaved(next);
      setSaved(true);
    } catch (e) {
      setProblem(problemOf(e, false));
    } finally {
      setBusy(false);
    }
  };

  const onToggle: AccordionToggleEventHandler<GroupId> = (_e, d) => setOpen(d.openItems);

  return (
    <div className={styles.flow}>
      <Body1>{t("settings.intro")}</Body1>
      <Field label={t("settings.language")} hint={t("settings.language.hint")}>
        <RadioGroup
          value={form.language}
          layout="horizontal"
          onChange={(_e, d) => {
            setSaved(false);
            setForm((f) => ({ ...f, language: d.value === "zh" ? "zh" : "en" }));
          }}
        >
          <Radio value="en" label={t("settings.language.en")} />
          <Radio value="zh" label={t("settings.language.zh")} />
        </RadioGroup>
      </Field>
      <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
        {SETTINGS_GROUPS.map((g) => {
          const groupError = verdict.groupErrors[g.id];
          const bad = invalidGroups.includes(g);
          return (
            <AccordionItem key={g.id} value={g.id}>
              <AccordionHeader as="h3">{bad ? t("settings.groupInvalid", { group: t(g.title) }) : t(g.title)}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.section}>
                  <Caption1>{t(g.help)}</Caption1>
                  <GroupFields group={g} form={form} setValue={setValue} errors={verdict.fieldErrors} t={t} />
                  {groupError && (
                    <MessageBar intent="error" role="alert">
                      <MessageBarBody>{t.label(groupError)}</MessageBarBody>
                    </MessageBar>
                  )}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {verdict.otherErrors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("settings.otherInvalid")}</MessageBarTitle>
            {verdict.otherErrors.map((m) => t.label(m)).join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {invalidGroups.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("settings.fixFirst", { groups: invalidGroups.map((g) => t(g.title)).join(t.lang === "zh" ? "、" : ", ") })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={own.actions}>
        <RunButton label={t("settings.save")} busy={busy} disabled={pristine || unchanged} onRun={() => void save()} status={t("settings.saving")} />
        <Button
          onClick={() => {
            setSaved(false);
            setForm(formFromSettings(DEFAULT_SETTINGS));
          }}
        >
          {t("settings.defaults")}
        </Button>
        <Button
          onClick={() => {
            setSaved(false);
            setForm(formFromSettings(settings));
          }}
          disabled={pristine}
        >
          {t("settings.discard")}
        </Button>
      </div>
      <ProblemBar problem={problem} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t("settings.saved.title")}</MessageBarTitle>
            {t("settings.saved")}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
