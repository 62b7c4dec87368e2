/**
 * The report layer's public API, for the CLI, the task pane and the hosts. Every builder is pure:
 * SourceTables + options + Settings in, `{ plan, summary, columns }` out, or a KamInputException
 * (message in English and Chinese naming sheet, column and cell) before anything is written.
 *
 *   buildAbcReport(sources: { sales }, options?, settings?)            SPEC §3   sheet "abc" / "abc-profit"
 *   buildScoreReport(sources: { accounts }, options?, settings?)       SPEC §1/§1b  "score" / "score-weighted"
 *   buildCreditReport(sources: { accounts }, options?, settings?)      SPEC §2   "credit"
 *   buildProfileReport(sources: { profiles }, { kind }, settings?)     SPEC §4a/§4b "profile-external" / "profile-internal"
 *   buildStakeholderReport(sources: { people }, options?, settings?)   SPEC §4c  "stakeholders[:account]"
 *   buildCardsReport(sources: { accounts, template?, visits?, complaints?, transactions? }, options?, settings?)
 *                                                                      SPEC §6   "card:<account>"
 *   defaultCardTemplate(lang)                                          the "card-template" sheet a host creates first
 *   describeColumns(columns, lang)                                     "Sales → 销售额 (C)" lines for the UI
 *   buildPortfolioReport(sources: { sales, accounts?, visits?, payments?, contacts?, people? }, options?, settings?)
 *                                                                      issue 8   "portfolio" (who needs me this week)
 *   buildMigrationReport(sources: { sales, compare? }, options?, settings?)      "abc-migration" (ABC class migration)
 */
export { buildAbcReport, ABC_DEFAULT_TOP_N, type AbcBasis, type AbcOptions, type AbcSummary } from "./abc";
export { buildScoreReport, DEFAULT_RADAR_COUNT, type ScoreModel, type ScoreOptions, type ScoreSummary } from "./score";
export { buildCreditReport, type CreditOptions, type CreditSummary } from "./credit";
export {
  buildProfileReport,
  buildExternalProfileReport,
  buildInternalProfileReport,
  PROFILE_RADAR_COUNT,
  type ProfileKind,
  type ProfileOptions,
  type ProfileSummary,
} from "./profile";
export { buildStakeholderReport, STAKEHOLDER_MAX_CHART, type StakeholderAction, type StakeholderOptions, type StakeholderSummary } from "./stakeholders";
export {
  buildCardsReport,
  defaultCardTemplate,
  CARD_FIELDS,
  type CardField,
  type CardInfo,
  type CardOptions,
  type CardPeriod,
  type CardSources,
  type CardSummary,
  type CardTemplate,
} from "./cards";
export {
  buildPortfolioReport,
  PORTFOLIO_SHEET_KEY,
  PORTFOLIO_TABLE_ROW,
  type GridCell,
  type PortfolioAccount,
  type PortfolioOptions,
  type PortfolioSources,
  type PortfolioSummary,
  type ThisWeekItem,
  type ThisWeekKind,
} from "./portfolio";
export { buildMigrationReport, MIGRATION_SHEET_KEY, type MigrationOptions, type MigrationPeriod, type MigrationSummary } from "./migration";
export { describeColumns, openTable, type ChosenColumn, type ColumnOverrides } from "./inputs";
export type { ReportPlan, SheetPlan } from "./plan";
export type { SourceTable } from "./source";
