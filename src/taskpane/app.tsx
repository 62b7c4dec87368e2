/**
 * The task pane: a header (title, language switch), one tab per flow, and the flow. The ribbon's
 * buttons choose the flow through navigation.ts; the workbook's settings are read once at start
 * and replaced when the settings flow saves.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { onFlowRequest, type Flow } from "../commands/navigation";
import type { Lang, Msg } from "../domain/errors";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { localeTag, msgOf, type MessageKey } from "../i18n";
import { AppContext } from "./app-context";
import { AbcFlow } from "./flows/abc";
import { CardsFlow } from "./flows/cards";
import { CreditFlow } from "./flows/credit";
import { FunctionsFlow } from "./flows/functions";
import { ProfilesFlow } from "./flows/profiles";
import { ScoreFlow } from "./flows/score";
import { SettingsFlow } from "./flows/settings";
import { StakeholdersFlow } from "./flows/stakeholders";
import { ThisWeekFlow } from "./flows/this-week";
import { LanguageProvider, useT } from "./i18n";
import type { ThemeKind } from "./theme";
import { loadSettings } from "./workbook";

export type PaneView = Flow | "functions" | "thisWeek";

const VIEWS: readonly { readonly view: PaneView; readonly label: MessageKey; readonly render: () => ReactNode }[] = [
  { view: "abc", label: "nav.abc", render: () => <AbcFlow /> },
  { view: "score", label: "nav.score", render: () => <ScoreFlow /> },
  { view: "credit", label: "nav.credit", render: () => <CreditFlow /> },
  { view: "profiles", label: "nav.profiles", render: () => <ProfilesFlow /> },
  { view: "stakeholders", label: "nav.stakeholders", render: () => <StakeholdersFlow /> },
  { view: "cards", label: "nav.cards", render: () => <CardsFlow /> },
  { view: "thisWeek", label: "nav.thisWeek", render: () => <ThisWeekFlow /> },
  { view: "settings", label: "nav.settings", render: () => <SettingsFlow /> },
  { view: "functions", label: "nav.functions", render: () => <FunctionsFlow /> },
];

const TITLES: Readonly<Record<PaneView, MessageKey>> = {
  abc: "flow.abc",
  score: "flow.score",
  credit: "flow.credit",
  profiles: "flow.profiles",
  stakeholders: "flow.stakeholders",
  cards: "flow.cards",
  thisWeek: "flow.thisWeek",
  settings: "flow.settings",
  functions: "flow.functions",
};

const useStyles = makeStyles({
  // Not on the FluentProvider: its classes are copied to the portal mount node of every popup,
  // and a full-height mount node would cover the pane and swallow clicks.
  root: { minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1 },
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  tabs: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
});

interface Loaded {
  readonly settings: Settings;
  readonly problem?: Msg;
}

function Shell({ lang, setLang, initialView }: { lang: Lang; setLang: (l: Lang) => void; initialView: PaneView }) {
  const t = useT();
  const styles = useStyles();
  const [view, setView] = useState<PaneView>(initialView);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);

  useEffect(() => onFlowRequest((r) => setView(r.flow)), []);
  useEffect(() => {
    loadSettings()
      .then((r) => setLoaded(r))
      .catch((e: unknown) =>
        setLoaded({
          settings: DEFAULT_SETTINGS,
          problem: msgOf("app.settingsUnreadable", { reason: e instanceof Error ? e.message : String(e) }),
        }),
      );
  }, []);

  const context = useMemo(
    () => ({
      settings: loaded?.settings ?? DEFAULT_SETTINGS,
      settingsSaved: (s: Settings) => setLoaded({ settings: s }),
      go: (f: Flow) => setView(f),
    }),
    [loaded],
  );

  const current = VIEWS.find((v) => v.view === view) ?? VIEWS[0];
  return (
    // data-kam-ready: the settings are loaded and the flows can run (what a test waits for).
    <main className={styles.page} lang={localeTag(lang)} data-kam-ready={loaded ? "" : undefined}>
      <header className={styles.header}>
        <Title3 as="h1">{t("app.title")}</Title3>
        <Button size="small" appearance="subtle" onClick={() => setLang(lang === "zh" ? "en" : "zh")} title={t("app.switchLanguage")} lang={lang === "zh" ? "en" : "zh-CN"}>
          {t("app.otherLanguage")}
        </Button>
      </header>
      <nav aria-label={t("nav.label")}>
        <TabList className={styles.tabs} size="small" selectedValue={view} onTabSelect={(_e, d) => setView(d.value as PaneView)}>
          {VIEWS.map((v) => (
            <Tab key={v.view} value={v.view}>
              {t(v.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {loaded?.problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("app.settingsProblem")}</MessageBarTitle>
            {t.label(loaded.problem)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Title3 as="h2" id="flow-title">
        {t(TITLES[current.view])}
      </Title3>
      {loaded ? (
        <AppContext.Provider value={context}>
          <div key={current.view} role="region" aria-labelledby="flow-title">
            {current.render()}
          </div>
        </AppContext.Provider>
      ) : (
        <Spinner label={t("app.loading")} />
      )}
    </main>
  );
}

export function App({ initialLang, theme, initialView = "abc" }: { initialLang: Lang; theme: ThemeKind; initialView?: PaneView }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
  }, [lang]);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <LanguageProvider lang={lang}>
          <Shell lang={lang} setLang={setLang} initialView={initialView} />
        </LanguageProvider>
      </div>
    </FluentProvider>
  );
}
