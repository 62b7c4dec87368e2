/**
 * The KAM custom functions: the webpack entry of the functions chunk and the source functions.json
 * is generated from (custom-functions-metadata reads the JSDoc below: `@customfunction ID`, the
 * parameter types and `@param` texts). Chinese descriptions live in descriptions.zh-CN.json.
 *
 * Each function is a thin, guarded entry: it reads the current settings and hands the arguments to
 * its module. Registration is explicit — `CustomFunctions.associate` for every id in `FUNCTIONS`, in
 * one place — so the same code path registers the functions in Excel and in the tests.
 *
 * Parameters are `any` because this is the Office boundary: Excel passes whatever the user typed,
 * and the modules behind these entries check it and say what is wrong.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { guardRows } from "./cell-errors";
import { kamAbc, kamAbcTable } from "./kam-abc";
import { kamCreditGrade } from "./kam-credit";
import { kamLevel } from "./kam-level";
import { kamProfile } from "./kam-profile";
import { kamScore } from "./kam-score";
import { kamStage } from "./kam-stage";
import { kamTier } from "./kam-tier";
import { kamXyz } from "./kam-xyz";
import { kamSegment } from "./kam-segment";
import { kamNextContact } from "./kam-nextcontact";
import { getSettings, startSettingsSync } from "./settings-source";

// SPEC §1, §1b
/**
 * Key-account score: the total of the six criteria per row, or with weights the weighted score.
 * @customfunction SCORE
 * @param points One row per account. Without weights: six columns of points — strategic fit (0–30), profit contribution (0–20), business scale (0–20), industry influence (0–10), market & brand effect (0–10), growth potential (0–10). With weights: one column per weight, each score 0–100.
 * @param weights Optional. A row of weights summing to 1, e.g. 0.35, 0.25, 0.2, 0.2.
 * @returns One total per row.
 */
export function score(points: any[][], weights?: any[][]): any[][] {
  return guardRows("KAM.SCORE", () => kamScore(points, weights, getSettings()));
}

// SPEC §1, §1b
/**
 * The tier of a score total: key account / potential key account / general account, or with the weighted model strategic / key / normal.
 * @customfunction TIER
 * @param score A score total, or a range of totals.
 * @param model Optional. "score" (the six criteria, default) or "weighted" (the weighted model).
 * @returns The tier of each total.
 */
export function tier(score: any[][], model?: any): any[][] {
  return guardRows("KAM.TIER", () => kamTier(score, model, getSettings()));
}

// SPEC §2
/**
 * Credit grade from volume (0–50), performance (0–50) and the risk deduction (−50–0).
 * @customfunction CREDITGRADE
 * @param volume Annual sales volume points, 0–50: a cell or a column.
 * @param performance Contract performance points, 0–50: a cell or a column as long as volume.
 * @param risk Business risk deduction, −50–0: a cell or a column as long as volume.
 * @param output Optional. "grade" (AAA/AA/A, default), "score" (the credit score) or "list" (green/yellow/red list).
 * @returns One value per row.
 */
export function creditgrade(volume: any[][], performance: any[][], risk: any[][], output?: any): any[][] {
  return guardRows("KAM.CREDITGRADE", () => kamCreditGrade(volume, performance, risk, output, getSettings()));
}

// SPEC §3
/**
 * ABC class of each row's customer: A, B or C by cumulative share of the amount.
 * @customfunction ABC
 * @param amounts A column of amounts (sales or profit).
 * @param customers Optional. The customer of each row, same length as amounts; rows of one customer are summed first.
 * @param a_share Optional. Share of the total that makes class A, as a fraction (default 0.55 = 55 %).
 * @param b_share Optional. Share of the total that makes class B, as a fraction (default 0.30 = 30 %).
 * @returns The class of each row, aligned with the input rows.
 */
export function abc(amounts: any[][], customers?: any[][], a_share?: any, b_share?: any): any[][] {
  return guardRows("KAM.ABC", () => kamAbc(amounts, customers, a_share, b_share, getSettings()));
}

// SPEC §3
/**
 * The whole ABC table: rank, customer, amount, share, cumulative share and class, one row per customer, largest first.
 * @customfunction ABCTABLE
 * @param amounts A column of amounts (sales or profit).
 * @param customers The customer of each row, same length as amounts.
 * @param a_share Optional. Share of the total that makes class A, as a fraction (default 0.55 = 55 %).
 * @param b_share Optional. Share of the total that makes class B, as a fraction (default 0.30 = 30 %).
 * @returns The ABC table, spilled.
 */
export function abctable(amounts: any[][], customers: any[][], a_share?: any, b_share?: any): any[][] {
  return guardRows("KAM.ABCTABLE", () => kamAbcTable(amounts, customers, a_share, b_share, getSettings()));
}

// SPEC §4a–§4c
/**
 * Points for a profile or stakeholder level, e.g. ("education", "master") → 90, ("market", 1.2E9) → 65.
 * @customfunction LEVEL
 * @param dimension The dimension, e.g. "market", "quality", "price", "education", "orgRole" (English or Chinese name).
 * @param value A level label (optionally with a number, "high 85"), or a number; a cell or a range.
 * @returns The points (0–100) of each value.
 */
export function level(dimension: any, value: any[][]): any[][] {
  return guardRows("KAM.LEVEL", () => kamLevel(dimension, value, getSettings()));
}

// SPEC §4a, §4b
/**
 * Profile class of each row of six dimension scores: external (target / potential target / not a target) or internal (key account / important / general / below general).
 * @customfunction PROFILE
 * @param scores One row per customer, six scores 0–100. External: market, R&D, quality, regulatory, price, professional. Internal: sales, profit, quality, credit, relationship, professional.
 * @param kind Optional. "external" (default: target / potential target / not a target) or "internal" (key account / important / general / below general).
 * @returns The class of each row.
 */
export function profile(scores: any[][], kind?: any): any[][] {
  return guardRows("KAM.PROFILE", () => kamProfile(scores, kind, getSettings()));
}

// SPEC §5
/**
 * Life-cycle stage from the contract date: initial, stable, deep binding or value symbiosis.
 * @customfunction STAGE
 * @param signed The contract date (an Excel date or text such as 2026-03-01); a cell or a range.
 * @param as_of Optional. The date to measure at (default: today).
 * @returns The stage of each date.
 * @volatile
 */
export function stage(signed: any[][], as_of?: any): any[][] {
  return guardRows("KAM.STAGE", () => kamStage(signed, as_of, getSettings()));
}

// SPEC §3 (beyond the source), issue 8
/**
 * How steady each customer's monthly amounts are: X (varies by 10 % or less), Y (25 % or less) or Z, by the coefficient of variation.
 * @customfunction XYZ
 * @param monthly_amounts One row of months per customer (a blank month is a month without sales); a single column is one customer's months.
 * @returns X, Y or Z per row, or #N/A with the reason when there is not enough history (fewer than 6 months since the first sale).
 */
export function xyz(monthly_amounts: any[][]): any[][] {
  return guardRows("KAM.XYZ", () => kamXyz(monthly_amounts, getSettings()));
}

// SPEC §5
/**
 * Value × potential segment: core value, high potential, maintain or to optimise.
 * @customfunction SEGMENT
 * @param revenue_rank_share Share of accounts with more revenue, 0–1 (0 = the largest account): a cell or a column.
 * @param growth Yearly growth, e.g. 0.2 for +20 %: a cell or a column as long as revenue_rank_share.
 * @param cutoffs Optional. Up to four values: core top share (default 0.1), medium top share (0.5), fast growth (0.2), stable growth (0.05); a blank keeps the workbook's value.
 * @returns The segment of each row.
 */
export function segment(revenue_rank_share: any[][], growth: any[][], cutoffs?: any[][]): any[][] {
  return guardRows("KAM.SEGMENT", () => kamSegment(revenue_rank_share, growth, cutoffs, getSettings()));
}

// SPEC §5
/**
 * The date the next contact is due: executive and technical visits yearly, account manager and service contact monthly, stricter in the initial and deep-binding stages.
 * @customfunction NEXTCONTACT
 * @param last_date The date of the last contact of this kind (an Excel date or text such as 2026-03-01): a cell or a column.
 * @param visit_type "executive", "technical", "account manager" or "service" (English or Chinese, e.g. 高层拜访, 客户经理拜访): one value or a column.
 * @param stage Optional. The life-cycle stage: initial, stable, deep binding or value symbiosis (English or Chinese): one value or a column.
 * @returns The due date as an Excel date serial; format the cells as dates.
 */
export function nextcontact(last_date: any[][], visit_type: any[][], stage?: any[][]): any[][] {
  return guardRows("KAM.NEXTCONTACT", () => kamNextContact(last_date, visit_type, stage, getSettings()));
}

/** Every function by its id in functions.json — the one registry `associate` is called from. */
export const FUNCTIONS: Readonly<Record<string, (...args: any[]) => unknown>> = {
  SCORE: score,
  TIER: tier,
  CREDITGRADE: creditgrade,
  ABC: abc,
  ABCTABLE: abctable,
  LEVEL: level,
  PROFILE: profile,
  STAGE: stage,
  XYZ: xyz,
  SEGMENT: segment,
  NEXTCONTACT: nextcontact,
};

export function registerFunctions(): number {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.associate !== "function") return 0;
  for (const id of Object.keys(FUNCTIONS)) CustomFunctions.associate(id, FUNCTIONS[id]);
  return Object.keys(FUNCTIONS).length;
}

registerFunctions();
startSettingsSync();
