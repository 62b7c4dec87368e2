/**
 * Account cards flow (SPEC §6): the account table (from the selection), a template sheet (the
 * user's, or the default one created on request), the accounts to fill (searchable, several at
 * once), and optional visit, complaint and transaction tables picked from the workbook's tables.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { COLUMN_ALIASES, type ColumnRole } from "../../domain/columns";
import { normalize } from "../../domain/labels";
import { buildCardsReport, defaultCardTemplate, type CardSources, type CardSummary } from "../../reports/cards";
import { useApp } from "../app-context";
import { ColumnPickers, NO_TABLE, ProblemBar, RunButton, Section, SheetLink, SourceSummary, TablePicker, WarningsBar, useFlowStyles, useRun } from "../components";
import { useT } from "../i18n";
import { problemOf } from "../problems";
import { detect, distinctNames, overridesOf, usedRows } from "../source-columns";
import { useSource } from "../use-source";
import { listSheets, listTables, readSheetValues, readTable, renderReport, type TableInfo } from "../workbook";
import type { Msg } from "../../domain/errors";

/** The template dropdown's value for "create the default template". */
const CREATE_DEFAULT = "\u0000default";

/** Overview fields the cards read from the account table, shown as "found" hints. */
const CARD_ROLES: readonly ColumnRole[] = ["address", "phone", "legalRep", "founded", "staff", "structure", "bank", "creditLimit", "paymentTerms", "owner", "signed", "scope"];

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "220px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
});

type Extra = "visits" | "complaints" | "transactions";
const EXTRAS: readonly Extra[] = ["visits", "complaints", "transactions"];

export function CardsFlow() {
  const t = useT();
  const styles = useFlowStyles();
  const own = useStyles();
  const { settings } = useApp();
  const src = useSource(["customer"]);
  const [sheets, setSheets] = useState<string[]>([]);
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [template, setTemplate] = useState<string>(CREATE_DEFAULT);
  const [extras, setExtras] = useState<Record<Extra, string>>({ visits: NO_TABLE, complaints: NO_TABLE, transactions: NO_TABLE });
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const { busy, problem, setProblem, start } = useRun();
  const [done, setDone] = useState<{ summary: CardSummary; warnings?: readonly Msg[]; sheetOf: ReadonlyMap<string, string> } | undefined>(undefined);

  const defaultName = useMemo(() => defaultCardTemplate(settings.language).name, [settings.language]);

  const loadWorkbook = useCallback(async () => {
    const [s, tb] = await Promise.all([listSheets(), listTables()]);
    setSheets(s);
    setTables(tb);
    const existing = s.find((n) => normalize(n) === normalize(defaultName));
    setTemplate((cur) => (cur === CREATE_DEFAULT && existing ? existing : cur));
    // Tables that look like visits, complaints or transactions are offered first.
    const guess = (words: readonly string[]): string => tb.find((x) => words.some((w) => normalize(x.name).includes(w) || normalize(x.sheet).includes(w)))?.name ?? NO_TABLE;
    setExtras((cur) => ({
      visits: cur.visits === NO_TABLE ? guess(["visit", "拜访"]) : cur.visits,
      complaints: cur.complaints === NO_TABLE ? guess(["complaint", "投诉"]) : cur.complaints,
      transactions: cur.transactions,
    }));
  }, [defaultName]);

  useEffect(() => {
    loadWorkbook().catch((e: unknown) => setProblem(problemOf(e, false)));
  }, [loadWorkbook]);

  const read = src.state.read;
  const accounts = useMemo(() => (read ? distinctNames(read.source, src.state.columns.customer, usedRows(read.source, src.state.columns)) : []), [read, src.state.columns]);
  useEffect(() => setSelected((cur) => cur.filter((a) => accounts.includes(a))), [accounts]);
  const found = useMemo(() => (read ? detect(read.source, CARD_ROLES) : {}), [read]);
  const foundNames = CARD_ROLES.filter((r) => found[r] !== undefined).map((r) => COLUMN_ALIASES[r][t.lang]);

  const shown = accounts.filter((a) => query.trim() === "" || normalize(a).includes(normalize(query)));

  const run = (): Promise<void> =>
    start(async (writing) => {
      setDone(undefined);
      const fresh = (await src.refresh()) ?? read;
      if (!fresh) return;
      const sources: { -readonly [K in keyof CardSources]: CardSources[K] } = { accounts: fresh.source };
      for (const x of EXTRAS) if (extras[x] !== NO_TABLE) sources[x] = (await readTable(extras[x])).source;
      if (template !== CREATE_DEFAULT) {
        sources.template = { sheet: template, values: await readSheetValues(template) };
      }
      // Build first with the template as it will be used: every input problem stops the run here.
      const options = { accounts: selected, columns: { accounts: overridesOf(fresh.source, src.state.columns) } };
      const built = buildCardsReport(sources, options, settings);
      // Without a template sheet the cards are built from the default template, and that sheet is
      // written in the same request, before the cards that copy its formats: one write for both.
      const tplPlan = template === CREATE_DEFAULT ? defaultCardTemplate(settings.language) : null;
      writing();
      const rendered = await renderReport(tplPlan ? { ...built.plan, sheets: [tplPlan, ...built.plan.sheets] } : built.plan);
      if (tplPlan) setTemplate(rendered.sheets.find((x) => x.key === tplPlan.key)?.name ?? defaultName);
      // The host may have picked another name when a user sheet already had the card's name.
      setDone({ summary: built.summary, warnings: built.plan.warnings, sheetOf: new Map(rendered.sheets.map((x) => [x.key, x.name])) });
      await loadWorkbook();
    });

  const toggle = (name: string, on: boolean): void => setSelected((cur) => (on ? [...cur.filter((a) => a !== name), name] : cur.filter((a) => a !== name)));

  return (
    <div className={styles.flow}>
      <Section id="cards-data" title={t("cards.accounts")}>
        <SourceSummary state={src.state} onRead={() => void src.read()} hint={t("cards.hint")} />
        <ProblemBar problem={src.state.problem} />
        <ColumnPickers state={src.state} required={["customer"]} onChange={src.setColumn} />
        {read && <Caption1>{foundNames.length > 0 ? t("cards.fieldsFound", { fields: foundNames.join(t.lang === "zh" ? "、" : ", ") }) : t("cards.noFields")}</Caption1>}
      </Section>
      <Section id="cards-template" title={t("cards.template")}>
        <Field label={t("cards.template.sheet")} hint={template === CREATE_DEFAULT ? t("cards.template.createHint", { sheet: defaultName }) : t("cards.template.userHint")}>
          <Dropdown
            value={template === CREATE_DEFAULT ? t("cards.template.create") : template}
            selectedOptions={[template]}
            onOptionSelect={(_e, d) => setTemplate(d.optionValue ?? CREATE_DEFAULT)}
          >
            <Option value={CREATE_DEFAULT} text={t("cards.template.create")}>
              {t("cards.template.create")}
            </Option>
            {sheets.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {EXTRAS.map((x) => (
          <TablePicker key={x} label={t(`cards.extra.${x}`)} none={t("cards.extra.none")} tables={tables} value={extras[x]} onChange={(v) => setExtras((cur) => ({ ...cur, [x]: v }))} />
        ))}
      </Section>
      <Section id="cards-pick" title={t("cards.pick")}>
        <SearchBox value={query} onChange={(_e, d) => setQuery(d.value)} placeholder={t("cards.search")} aria-label={t("cards.search")} />
        <div className={styles.row}>
          <Button size="small" onClick={() => setSelected((cur) => [...cur, ...shown.filter((a) => !cur.includes(a))])} disabled={shown.length === 0}>
            {t("cards.selectShown")}
          </Button>
          <Button size="small" onClick={() => setSelected([])} disabled={selected.length === 0}>
            {t("cards.clear")}
          </Button>
        </div>
        <div className={own.list} role="group" aria-label={t("cards.pick")}>
          {shown.map((a) => (
            <Checkbox key={a} label={a} checked={selected.includes(a)} onChange={(_e, d) => toggle(a, d.checked === true)} />
          ))}
          {shown.length === 0 && <Caption1>{accounts.length === 0 ? t("cards.noAccounts") : t("cards.noMatch")}</Caption1>}
        </div>
        <Body1 aria-live="polite">{t("cards.selected", { selected: t.int(selected.length), accounts: t.int(accounts.length) })}</Body1>
      </Section>
      <Section id="cards-run" title={t("section.run")}>
        <RunButton label={t("cards.run", { count: t.int(selected.length) })} busy={busy} disabled={!read || src.missing.length > 0 || selected.length === 0} onRun={() => void run()} />
        <ProblemBar problem={problem} />
      </Section>
      {done && (
        <Section id="cards-result" title={t("section.result")} reveal>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("result.done")}</MessageBarTitle>
              {t("cards.done", { count: t.int(done.summary.cards.length) })}
            </MessageBarBody>
          </MessageBar>
          <WarningsBar warnings={done.warnings} />
          {done.summary.unknownPlaceholders.length > 0 && <Body1>{t("cards.unknownPlaceholders", { names: done.summary.unknownPlaceholders.join(", ") })}</Body1>}
          <ul className={styles.list}>
            {done.summary.cards.map((c) => (
              <li key={c.key}>
                <SheetLink sheet={done.sheetOf.get(c.key) ?? c.sheet} />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
