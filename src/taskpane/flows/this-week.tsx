/**
 * "This week" (issue 8): who needs me this week. The sales come from the selection (like the other
 * flows), the accounts, visits, payments, main-contact history and stakeholders from the
 * workbook's tables (guessed by their names, changeable). A run writes the Portfolio sheet and lists
 * the risk alerts (newest first), the contacts due and the care tasks; clicking one selects the
 * account's row on the Portfolio sheet, and "Card" opens its account card when the workbook has one.
 *
 * The flow's own words are kept here in both languages (the shared catalogs hold the tab and title).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnRole } from "../../domain/columns";
import { serialToIso } from "../../domain/dates";
import type { Msg } from "../../domain/errors";
import { normalize } from "../../domain/labels";
import { safeSheetName } from "../../reports/layout";
import { buildPortfolioReport, type PortfolioSources, type PortfolioSummary, type ThisWeekItem, type ThisWeekKind } from "../../reports/portfolio";
import { useApp } from "../app-context";
import { ColumnPickers, NO_TABLE, ProblemBar, RunButton, Section, SheetLink, SourceSummary, TablePicker, WarningsBar, useFlowStyles, useRun } from "../components";
import { useT } from "../i18n";
import { problemOf } from "../problems";
import { overridesOf, usedRows } from "../source-columns";
import { useSource } from "../use-source";
import { activateSheet, listSheets, listTables, readTable, renderReport, type TableInfo } from "../workbook";

const W = {
  hint: { en: "Select a cell in your sales (customer, date, amount); the other tables are picked below.", zh: "请选中销售明细（客户、日期、金额）中的一个单元格；其他表在下方选择。" },
  tables: { en: "Activity tables", zh: "业务记录表" },
  accounts: { en: "Accounts (contract date, score, credit)", zh: "客户档案（签约日期、评分、信用）" },
  visits: { en: "Visits", zh: "拜访记录" },
  payments: { en: "Payments (due and paid dates)", zh: "回款记录（到期日、付款日期）" },
  contacts: { en: "Main-contact changes", zh: "主要联系人变更" },
  people: { en: "Stakeholders with birthdays", zh: "含生日的关键人" },
  none: { en: "None", zh: "无" },
  asOf: { en: "As of", zh: "截止日期" },
  asOfHint: { en: "Leave empty for today.", zh: "留空表示今天。" },
  preview: { en: "{rows} sales rows will be read.", zh: "将读取 {rows} 行销售数据。" },
  run: { en: "Show this week", zh: "查看本周" },
  done: { en: "The portfolio is on sheet '{sheet}': {accounts} accounts.", zh: "客户组合已写入工作表“{sheet}”：{accounts} 个客户。" },
  counts: { en: "{risks} risk alerts, {due} contacts due, {care} care tasks.", zh: "{risks} 条风险预警，{due} 项待联系，{care} 项关怀事项。" },
  risk: { en: "Risks, newest first", zh: "风险（最新在前）" },
  due: { en: "Contacts due", zh: "待联系" },
  care: { en: "Care tasks", zh: "关怀事项" },
  nothing: { en: "Nothing this week.", zh: "本周无待办事项。" },
  show: { en: "Show {customer} on the Portfolio sheet", zh: "在客户组合工作表中显示 {customer}" },
  card: { en: "Card", zh: "档案卡" },
  openCard: { en: "Open the account card of {customer}", zh: "打开 {customer} 的档案卡" },
  selectFailed: { en: "The row could not be shown ({reason}).", zh: "无法显示该行（{reason}）。" },
} as const satisfies Record<string, Msg>;

type Extra = "accounts" | "visits" | "payments" | "contacts" | "people";
const EXTRAS: readonly Extra[] = ["accounts", "visits", "payments", "contacts", "people"];

/** Words in a table's or sheet's name that suggest what it holds. */
const GUESS: Readonly<Record<Extra, readonly string[]>> = {
  accounts: ["account", "客户档案", "档案"],
  visits: ["visit", "拜访"],
  payments: ["payment", "invoice", "回款", "付款", "发票"],
  contacts: ["contact", "联系人"],
  people: ["people", "stakeholder", "关键人", "人员"],
};

const SALES_ROLES: readonly ColumnRole[] = ["customer", "date", "amount"];
const KINDS: readonly ThisWeekKind[] = ["risk", "due", "care"];

const useStyles = makeStyles({
  items: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  itemButton: { justifyContent: "flex-start", textAlign: "left", minWidth: 0, flexGrow: 1, fontWeight: tokens.fontWeightRegular },
});

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

interface Done {
  readonly summary: PortfolioSummary;
  readonly sheet: string;
  readonly warnings?: readonly Msg[];
  /** Card sheet of each account that has one (either language's card name). */
  readonly cards: ReadonlyMap<string, string>;
}

/** Select the account's row on the Portfolio sheet (which activates the sheet). */
async function showRow(sheet: string, row: number, cols: number): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, 0, 1, cols).select();
    await context.sync();
  });
}

export function ThisWeekFlow() {
  const t = useT();
  const w = (m: Msg, params: Readonly<Record<string, string | number>> = {}): string => fill(t.label(m), params);
  const styles = useFlowStyles();
  const own = useStyles();
  const { settings } = useApp();
  const src = useSource(SALES_ROLES);
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [extras, setExtras] = useState<Record<Extra, string>>({ accounts: NO_TABLE, visits: NO_TABLE, payments: NO_TABLE, contacts: NO_TABLE, people: NO_TABLE });
  const [asOf, setAsOf] = useState("");
  const { busy, problem, setProblem, start } = useRun();
  const [done, setDone] = useState<Done | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);

  const loadTables = useCallback(async () => {
    const tb = await listTables();
    setTables(tb);
    const guess = (words: readonly string[]): string => tb.find((x) => words.some((g) => normalize(x.name).includes(g) || normalize(x.sheet).includes(g)))?.name ?? NO_TABLE;
    setExtras((cur) => {
      const next = { ...cur };
      for (const x of EXTRAS) if (next[x] === NO_TABLE) next[x] = guess(GUESS[x]);
      return next;
    });
  }, []);

  useEffect(() => {
    loadTables().catch((e: unknown) => setProblem(problemOf(e, false)));
  }, [loadTables]);

  const read = src.state.read;
  const salesRows = useMemo(() => (read ? usedRows(read.source, src.state.columns).length : 0), [read, src.state.columns]);

  const run = (): Promise<void> =>
    start(async (writing) => {
      setDone(undefined);
      setFailed(undefined);
      const fresh = (await src.refresh()) ?? read;
      if (!fresh) return;
      const sources: { -readonly [K in keyof PortfolioSources]: PortfolioSources[K] } = { sales: fresh.source };
      // A table picked for one purpose that is also the sales table would be read twice for nothing.
      for (const x of EXTRAS) if (extras[x] !== NO_TABLE && extras[x] !== fresh.tableName) sources[x] = (await readTable(extras[x])).source;
      const built = buildPortfolioReport(sources, { columns: { sales: overridesOf(fresh.source, src.state.columns) }, ...(asOf.trim() !== "" ? { asOf: asOf.trim() } : {}) }, settings);
      writing();
      const rendered = await renderReport(built.plan);
      const sheetNames = new Set(await listSheets());
      const cards = new Map<string, string>();
      for (const r of built.summary.rows) {
        const card = [`Card ${r.customer}`, `档案 ${r.customer}`].map(safeSheetName).find((n) => sheetNames.has(n));
        if (card) cards.set(r.customer, card);
      }
      setDone({ summary: built.summary, sheet: rendered.activated ?? rendered.sheets[0]?.name ?? "", warnings: built.plan.warnings, cards });
    });

  const select = (item: ThisWeekItem): void => {
    if (!done || item.sheetRow === null) return;
    setFailed(undefined);
    showRow(done.sheet, item.sheetRow, done.summary.tableColumns).catch((e: unknown) => setFailed(w(W.selectFailed, { reason: e instanceof Error ? e.message : String(e) })));
  };

  const openCard = (customer: string): void => {
    const card = done?.cards.get(customer);
    if (!card) return;
    setFailed(undefined);
    activateSheet(card).catch((e: unknown) => setFailed(w(W.selectFailed, { reason: e instanceof Error ? e.message : String(e) })));
  };

  const byKind = (k: ThisWeekKind): readonly ThisWeekItem[] => done?.summary.thisWeek.filter((x) => x.kind === k) ?? [];

  return (
    <div className={styles.flow}>
      <Section id="week-data" title={t("section.data")}>
        <SourceSummary state={src.state} onRead={() => void src.read()} hint={w(W.hint)} />
        <ProblemBar problem={src.state.problem} />
        <ColumnPickers state={src.state} required={SALES_ROLES} onChange={src.setColumn} />
        <Field label={w(W.asOf)} hint={w(W.asOfHint)}>
          <Input type="date" value={asOf} onChange={(_e, d) => setAsOf(d.value)} />
        </Field>
      </Section>
      <Section id="week-tables" title={w(W.tables)}>
        {EXTRAS.map((x) => (
          <TablePicker key={x} label={w(W[x])} none={w(W.none)} tables={tables} value={extras[x]} onChange={(v) => setExtras((cur) => ({ ...cur, [x]: v }))} />
        ))}
      </Section>
      <Section id="week-run" title={t("section.run")}>
        {read && src.missing.length === 0 && <Body1 aria-live="polite">{w(W.preview, { rows: t.int(salesRows) })}</Body1>}
        <RunButton label={w(W.run)} busy={busy} disabled={!read || src.missing.length > 0} onRun={() => void run()} />
        <ProblemBar problem={problem} />
      </Section>
      {done && (
        <Section id="week-result" title={t("section.result")} reveal>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("result.done")}</MessageBarTitle>
              {w(W.done, { sheet: done.sheet, accounts: t.int(done.summary.accounts) })}
            </MessageBarBody>
          </MessageBar>
          <WarningsBar warnings={done.warnings} />
          <Body1>{w(W.counts, { risks: t.int(byKind("risk").length), due: t.int(byKind("due").length), care: t.int(byKind("care").length) })}</Body1>
          {done.summary.thisWeek.length === 0 && <Body1>{w(W.nothing)}</Body1>}
          {KINDS.filter((k) => byKind(k).length > 0).map((k) => (
            <section key={k} aria-label={w(W[k])}>
              <Caption1 as="h4">{w(W[k])}</Caption1>
              <ul className={own.items}>
                {byKind(k).map((item, i) => (
                  <li key={`${item.customer}-${item.rule}-${i}`} className={own.item}>
                    <Button appearance="subtle" size="small" className={own.itemButton} title={w(W.show, { customer: item.customer })} onClick={() => select(item)}>
                      {`${serialToIso(item.date)} · ${item.customer} — ${t.label(item.text)}`}
                    </Button>
                    {done.cards.has(item.customer) && (
                      <Button appearance="transparent" size="small" aria-label={w(W.openCard, { customer: item.customer })} onClick={() => openCard(item.customer)}>
                        {w(W.card)}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {failed && <Caption1 role="alert">{failed}</Caption1>}
          <SheetLink sheet={done.sheet} />
        </Section>
      )}
    </div>
  );
}
