/**
 * Round trips per report: each report reads its sample (100,000 rows, and 10,000 rows, whose reads
 * and writes all stay under 5 MB) from a simulated workbook and writes its plan, through the Excel
 * host and the faithful Excel double, which counts every sync and the bytes of every request
 * (Excel on the web refuses a request over 5 MB).
 */
import { ExcelDouble } from "../test/excel-double";
import { readSource } from "../src/hosts/excel/read-source";
import { renderPlan } from "../src/hosts/excel/render-plan";
import type { ReportPlan } from "../src/reports/plan";
import type { SourceTable } from "../src/reports/source";
import { buildAbcReport } from "../src/reports/abc";
import { buildScoreReport } from "../src/reports/score";
import { buildCreditReport } from "../src/reports/credit";
import { buildProfileReport } from "../src/reports/profile";
import { buildStakeholderReport } from "../src/reports/stakeholders";
import { buildCardsReport, defaultCardTemplate } from "../src/reports/cards";
import { customerName, makeSales, mulberry32 } from "./data";

export interface RoundTrips {
  syncs: number;
  largest_request_bytes: number;
  /** All request bytes (writes) and all response bytes (reads) of the run. */
  total_request_bytes: number;
  total_response_bytes: number;
  /** The fewest round trips any host could make under the 5 MB cap: one per 5 MB each way, at least one read and one write. */
  lower_bound_syncs: number;
  /** Whether every request and every answer stayed under 5 MB. */
  under_cap: boolean;
}

const CAP = 5 * 1024 * 1024;

type Sheet = unknown[][];

function salesSheet(N: number): Sheet {
  const d = makeSales(N);
  const rows: Sheet = [["Date", "Customer", "Sales", "Profit"]];
  for (let i = 0; i < N; i++) rows.push([45658 + (i % 700), customerName(d.customerIds[i]), d.amounts[i], Math.round(d.amounts[i] * 0.2)]);
  return rows;
}

function accountsSheet(N: number): Sheet {
  const rnd = mulberry32(11);
  const max = [30, 20, 20, 10, 10, 10];
  const rows: Sheet = [
    ["Customer", "Strategic fit", "Profit contribution", "Business scale", "Industry influence", "Market & brand effect", "Growth potential", "Volume", "Performance", "Risk", "Red list since", "Address", "Phone"],
  ];
  for (let i = 0; i < N; i++) {
    rows.push([
      customerName(i),
      ...max.map((m) => Math.round(rnd() * m)),
      Math.round(rnd() * 50),
      Math.round(rnd() * 50),
      -Math.round(rnd() * 50),
      rnd() < 0.1 ? 45000 + Math.round(rnd() * 1000) : "",
      `No. ${i} Road`,
      "021-5555-0000",
    ]);
  }
  return rows;
}

function profilesSheet(N: number): Sheet {
  const rnd = mulberry32(13);
  const rows: Sheet = [["Customer", "Market size", "R&D capability", "Quality requirement", "Regulatory requirement", "Price type", "Professional level"]];
  for (let i = 0; i < N; i++) rows.push([customerName(i), ...Array.from({ length: 6 }, () => 40 + Math.round(rnd() * 60))]);
  return rows;
}

function peopleSheet(N: number): Sheet {
  const rnd = mulberry32(17);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: Sheet = [["Customer", "Journey point", "Name", "Age", "Education", "Organisational role", "Power role", "Relationship role", "Development potential"]];
  for (let i = 0; i < N; i++) {
    rows.push([
      "Customer 00001",
      pick(["Sales", "FAT", "SAT"]),
      `Person ${i}`,
      25 + Math.floor(rnd() * 35),
      pick(["PhD", "Master", "Bachelor", "Associate"]),
      pick(["General manager", "Director", "Manager", "Staff"]),
      pick(["Decision-maker", "Influencer", "Executor"]),
      pick(["Coach", "Supporter", "Neutral", "Opponent"]),
      pick(["Blue chip", "Growth stock", "Red chip"]),
    ]);
  }
  return rows;
}

async function measure(
  sheetName: string,
  data: Sheet,
  build: (t: SourceTable) => ReportPlan,
): Promise<RoundTrips> {
  const xl = new ExcelDouble({ apiVersion: "1.20", platform: "web" });
  const sheet = xl.model.addSheet(sheetName);
  xl.model.setCells(sheet, 0, 0, data);
  const restore = xl.install();
  try {
    const source = await Excel.run((ctx) => readSource(ctx, { source: { kind: "selection" } }));
    const plan = build(source);
    await renderPlan(plan);
    const requests = xl.syncs.map((s) => s.requestBytes);
    const total_request_bytes = requests.reduce((a, b) => a + b, 0);
    // Only answers that arrived: a refused read's size is what told the host to read in chunks.
    const total_response_bytes = xl.syncs.reduce((a, s) => a + (s.failed ? 0 : s.responseBytes), 0);
    const largest_response_bytes = Math.max(...xl.syncs.map((x) => (x.failed ? 0 : x.responseBytes)));
    return {
      syncs: xl.syncs.length,
      largest_request_bytes: Math.max(...requests),
      total_request_bytes,
      total_response_bytes,
      lower_bound_syncs: Math.max(1, Math.ceil(total_response_bytes / CAP)) + Math.max(1, Math.ceil(total_request_bytes / CAP)),
      under_cap: total_request_bytes < CAP && total_response_bytes < CAP && largest_response_bytes < CAP && !xl.syncs.some((x) => x.failed),
    };
  } finally {
    restore();
  }
}

/** Every report on samples of `rows` rows. */
export async function measureRoundTrips(rows: number): Promise<Record<string, RoundTrips>> {
  const out: Record<string, RoundTrips> = {};
  out.abc = await measure("Sales", salesSheet(rows), (t) => buildAbcReport({ sales: t }).plan);
  const accounts = accountsSheet(rows);
  out.score = await measure("Accounts", accounts, (t) => buildScoreReport({ accounts: t }).plan);
  out.credit = await measure("Accounts", accounts, (t) => buildCreditReport({ accounts: t }).plan);
  out.profile = await measure("Profiles", profilesSheet(rows), (t) => buildProfileReport({ profiles: t }, { kind: "external" }).plan);
  out.stakeholders = await measure("People", peopleSheet(rows), (t) => buildStakeholderReport({ people: t }).plan);
  // The first run in a workbook without a template: the default template sheet is written with the cards.
  out.cards = await measure("Accounts", accounts, (t) => {
    const plan = buildCardsReport({ accounts: t }, { accounts: [customerName(1), customerName(2), customerName(3)] }).plan;
    return { ...plan, sheets: [defaultCardTemplate("en"), ...plan.sheets] };
  });
  return out;
}
