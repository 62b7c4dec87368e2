import {
  allAlerts,
  ALERT_KIND,
  ALERT_RULE_LABELS,
  ALERT_RULES,
  careAlerts,
  contactChangeAlerts,
  nextOccurrence,
  noFollowUpAlerts,
  orderCounts,
  orderDropAlerts,
  paymentAlerts,
  redListAlerts,
  riskWeight,
  type Alert,
} from "../../src/domain/alerts";
import type { VisitRecord } from "../../src/domain/cadence";
import { serialToIso, ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";

const s = DEFAULT_SETTINGS;
const d = ymdToSerial;
const asOf = d(2026, 10, 31);
const visit = (customer: string, date: number, type: VisitRecord["type"] = "accountManager"): VisitRecord => ({ customer, date, type });

describe("no follow-up for 30 days", () => {
  test("30 days since the last contact of any kind is an alert, 29 is not", () => {
    const a = noFollowUpAlerts(
      [
        { customer: "Thirty", signed: null },
        { customer: "TwentyNine", signed: null },
      ],
      [visit("Thirty", d(2026, 10, 1), "service"), visit("Thirty", d(2026, 9, 1)), visit("TwentyNine", d(2026, 10, 2), "technical")],
      asOf,
      s,
    );
    expect(a.map((x) => [x.customer, x.text.en, x.text.zh, serialToIso(x.date)])).toEqual([
      ["Thirty", "No follow-up for 30 days (last contact 2026-10-01)", "30 天未跟进（最近一次联系 2026-10-01）", "2026-10-31"],
    ]);
    expect(a[0].data).toEqual({ lastContact: d(2026, 10, 1), days: 30, limitDays: 30 });
  });

  test("visits after as-of do not count; without any visit the signing date counts, or the alert is immediate", () => {
    const a = noFollowUpAlerts(
      [
        { customer: "Future", signed: null },
        { customer: "Signed long ago", signed: d(2025, 1, 1) },
        { customer: "Signed last week", signed: d(2026, 10, 24) },
      ],
      [visit("Future", d(2026, 11, 5))],
      asOf,
      s,
    );
    expect(a.map((x) => [x.customer, x.text.en])).toEqual([
      ["Future", "No contact on record"],
      ["Signed long ago", "No contact on record since signing on 2025-01-01"],
    ]);
  });
});

describe("red list 12 months (SPEC §2)", () => {
  test("twelve whole months on the red list revoke key-account status; eleven do not; off the list nothing", () => {
    const a = redListAlerts(
      [
        { customer: "Twelve", onRedList: true, redListSince: d(2025, 10, 31) },
        { customer: "Eleven", onRedList: true, redListSince: d(2025, 11, 1) },
        { customer: "Recovered", onRedList: false, redListSince: d(2024, 1, 1) },
        { customer: "No date", onRedList: true, redListSince: null },
      ],
      asOf,
      s,
    );
    expect(a.map((x) => [x.customer, x.text.en, x.text.zh])).toEqual([
      ["Twelve", "On the red list for 12 months (since 2025-10-31): key-account status is revoked", "已在红名单上 12 个月（自 2025-10-31）：取消大客户资格"],
    ]);
  });
});

describe("payments: overdue receivables and late payments", () => {
  test("unpaid after the due date is overdue; due today is not; paid after as-of was still open at as-of", () => {
    const a = paymentAlerts(
      [
        { customer: "Acme", due: d(2026, 10, 30), paid: null, amount: 1000 },
        { customer: "Acme", due: d(2026, 9, 30), paid: d(2026, 11, 3), amount: 2500.5 },
        { customer: "Today", due: d(2026, 10, 31), paid: null, amount: 10 },
      ],
      asOf,
      s,
    );
    expect(a.map((x) => [x.rule, x.customer, x.text.en, x.text.zh])).toEqual([
      [
        "overdueReceivable",
        "Acme",
        "2 overdue receivables totalling 3,500.50; the oldest was due 2026-09-30 (31 days overdue)",
        "2 笔逾期应收款，合计 3,500.50；最早一笔 2026-09-30 到期（逾期 31 天）",
      ],
    ]);
  });

  test("paid after the due date within the last 90 days is a late payment; older ones are history", () => {
    const a = paymentAlerts(
      [
        { customer: "Late", due: d(2026, 9, 1), paid: d(2026, 9, 13), amount: 100 },
        { customer: "Late", due: d(2026, 8, 1), paid: d(2026, 8, 3), amount: 100 },
        { customer: "Old", due: d(2026, 5, 1), paid: d(2026, 6, 1), amount: 100 },
        { customer: "OnTime", due: d(2026, 10, 1), paid: d(2026, 10, 1), amount: 100 },
      ],
      asOf,
      s,
    );
    expect(a.map((x) => [x.rule, x.customer, x.text.en])).toEqual([
      ["latePayment", "Late", "Paid late: 2 payments in the last 90 days, up to 12 days late (latest paid 2026-09-13)"],
    ]);
    expect(a[0].data).toMatchObject({ count: 2, maxDaysLate: 12, lastPaid: d(2026, 9, 13) });
  });

  test("an open receivable without an amount is still named, without a total", () => {
    const [a] = paymentAlerts([{ customer: "X", due: d(2026, 10, 1), paid: null, amount: null }], asOf, s);
    expect(a.text.en).toBe("1 overdue receivable; due 2026-10-01 (30 days overdue)");
  });
});

describe("order frequency falling", () => {
  // Windows for as-of 2026-10-31: recent (2026-07-31, 2026-10-31], previous (2026-04-30, 2026-07-31].
  const rows = (customer: string, dates: number[], amount = 100) => dates.map((date) => ({ customer, date, amount }));

  test("orders are days with a positive sale: two lines on one day are one order, returns are none", () => {
    const c = orderCounts(
      [...rows("A", [d(2026, 5, 2), d(2026, 5, 2), d(2026, 6, 1), d(2026, 8, 1)]), ...rows("A", [d(2026, 9, 1)], -50), ...rows("A", [d(2026, 4, 30)])],
      asOf,
      s,
    );
    expect(c.get("A")).toEqual({ previous: 2, recent: 1 });
  });

  test("below 50 % of the three months before is an alert; exactly 50 % is not", () => {
    const before = [d(2026, 5, 1), d(2026, 5, 15), d(2026, 6, 1), d(2026, 6, 15), d(2026, 7, 1), d(2026, 7, 15)];
    const c = orderCounts(
      [...rows("Falling", before), ...rows("Falling", [d(2026, 8, 5), d(2026, 9, 5)]), ...rows("Half", before), ...rows("Half", [d(2026, 8, 5), d(2026, 9, 5), d(2026, 10, 31)]), ...rows("Newcomer", [d(2026, 10, 1)])],
      asOf,
      s,
    );
    const a = orderDropAlerts(c, asOf, s);
    expect(a.map((x) => [x.customer, x.text.en, x.text.zh])).toEqual([
      [
        "Falling",
        "Orders falling: 2 in the last 3 months vs 6 in the 3 months before (33 %, alert below 50 %)",
        "订单频次下降：近 3 个月 2 次，之前 3 个月 6 次（33 %，低于 50 % 即预警）",
      ],
    ]);
  });

  test("the share and the window are settings", () => {
    const r = parseSettings({ alerts: { orderDropShare: 0.8, orderWindowMonths: 1 } });
    if (!r.ok) throw new Error("settings");
    const c = orderCounts(rows("A", [d(2026, 9, 2), d(2026, 9, 20), d(2026, 9, 25), d(2026, 10, 2), d(2026, 10, 3)]), asOf, r.settings);
    expect(c.get("A")).toEqual({ previous: 3, recent: 2 });
    expect(orderDropAlerts(c, asOf, r.settings)).toHaveLength(1);
  });
});

describe("main contact changed without a hand-over visit", () => {
  const contacts = [
    { customer: "Acme", person: "王建国", since: d(2024, 1, 1) },
    { customer: "Acme", person: "李海燕", since: d(2026, 10, 10) },
  ];

  test("a visit on the change day or the next day (24 hours) is a hand-over", () => {
    expect(contactChangeAlerts(contacts, [visit("Acme", d(2026, 10, 11))], asOf, s)).toEqual([]);
    const a = contactChangeAlerts(contacts, [visit("Acme", d(2026, 10, 12))], asOf, s);
    expect(a.map((x) => [x.text.en, x.text.zh, serialToIso(x.date)])).toEqual([
      [
        "Main contact changed to 李海燕 on 2026-10-10 (was 王建国) with no hand-over visit within 24 hours",
        "主要联系人于 2026-10-10 由王建国变更为李海燕，24 小时内未安排交接拜访",
        "2026-10-12",
      ],
    ]);
  });

  test("no alert while the hand-over period is running, nor for changes older than 90 days, nor for a repeated row", () => {
    expect(contactChangeAlerts(contacts, [], d(2026, 10, 11), s)).toEqual([]);
    expect(contactChangeAlerts(contacts, [], d(2027, 1, 9), s)).toEqual([]);
    expect(contactChangeAlerts([contacts[0], { ...contacts[0], since: d(2026, 10, 10) }], [], asOf, s)).toEqual([]);
  });
});

describe("care tasks: birthdays and contract anniversaries in the next 14 days", () => {
  test("the next occurrence of a date; 29 February falls on 28 February in other years", () => {
    expect(serialToIso(nextOccurrence(d(1980, 11, 5), asOf))).toBe("2026-11-05");
    expect(serialToIso(nextOccurrence(d(1980, 3, 1), asOf))).toBe("2027-03-01");
    expect(serialToIso(nextOccurrence(d(1984, 2, 29), asOf))).toBe("2027-02-28");
    expect(serialToIso(nextOccurrence(d(1984, 2, 29), d(2028, 1, 1)))).toBe("2028-02-29");
    expect(serialToIso(nextOccurrence(d(1990, 10, 31), asOf))).toBe("2026-10-31");
  });

  test("a birthday 14 days ahead is listed, 15 days is not; the age is known from the year", () => {
    const a = careAlerts(
      [
        { customer: "Acme", person: "王建国", birthday: d(1980, 11, 5) },
        { customer: "Acme", person: "李海燕", birthday: d(1990, 11, 14) },
        { customer: "Acme", person: "陈磊", birthday: d(1992, 11, 15) },
        { customer: "Acme", person: "赵静", birthday: d(1997, 10, 31) },
      ],
      [],
      asOf,
      s,
    );
    expect(a.map((x) => [x.text.en, x.text.zh, x.kind])).toEqual([
      ["Birthday of 王建国 on 2026-11-05 (in 5 days)", "王建国 生日：2026-11-05（5 天后）", "care"],
      ["Birthday of 李海燕 on 2026-11-14 (in 14 days)", "李海燕 生日：2026-11-14（14 天后）", "care"],
      ["Birthday of 赵静 on 2026-10-31 (today)", "赵静 生日：2026-10-31（今天）", "care"],
    ]);
    expect(a[0].data).toMatchObject({ age: 46, daysAway: 5 });
  });

  test("contract anniversaries from the first year on; the signing day itself is not one", () => {
    const a = careAlerts(
      [],
      [
        { customer: "Three", signed: d(2023, 11, 10) },
        { customer: "One", signed: d(2025, 11, 1) },
        { customer: "Signed today", signed: d(2026, 10, 31) },
        { customer: "Far", signed: d(2020, 12, 31) },
        { customer: "Unknown", signed: null },
      ],
      asOf,
      s,
    );
    expect(a.map((x) => [x.customer, x.text.en, x.text.zh])).toEqual([
      ["Three", "3rd contract anniversary on 2026-11-10 (in 10 days)", "签约 3 周年：2026-11-10（10 天后）"],
      ["One", "1st contract anniversary on 2026-11-01 (tomorrow)", "签约 1 周年：2026-11-01（明天）"],
    ]);
  });
});

describe("all alerts together", () => {
  const all = allAlerts(
    {
      asOf,
      accounts: [
        { customer: "Acme", signed: d(2023, 11, 10), onRedList: true, redListSince: d(2025, 6, 30) },
        { customer: "Beta", signed: d(2022, 1, 1), onRedList: false, redListSince: null },
      ],
      visits: [visit("Acme", d(2026, 10, 20)), visit("Beta", d(2026, 8, 1))],
      payments: [
        { customer: "Beta", due: d(2026, 10, 1), paid: null, amount: 5000 },
        { customer: "Stranger", due: d(2026, 1, 1), paid: null, amount: 1 },
      ],
      people: [{ customer: "Beta", person: "Anna Becker", birthday: d(1981, 11, 3) }],
    },
    s,
  );

  test("risks newest first, then care tasks soonest first; customers outside the accounts are left out", () => {
    expect(all.map((a: Alert) => [a.customer, a.rule, serialToIso(a.date)])).toEqual([
      ["Beta", "overdueReceivable", "2026-10-02"],
      ["Beta", "noFollowUp", "2026-08-31"],
      ["Acme", "redList", "2026-06-30"],
      ["Beta", "birthday", "2026-11-03"],
      ["Acme", "anniversary", "2026-11-10"],
    ]);
  });

  test("without visit records the no-follow-up and hand-over rules have nothing to judge and stay silent", () => {
    const quiet = allAlerts(
      {
        asOf,
        accounts: [{ customer: "Acme", signed: d(2020, 1, 1), onRedList: false, redListSince: null }],
        contacts: [
          { customer: "Acme", person: "A", since: d(2020, 1, 1) },
          { customer: "Acme", person: "B", since: d(2026, 10, 1) },
        ],
      },
      s,
    );
    expect(quiet).toEqual([]);
  });

  test("each rule has a kind, a weight and a label in both languages", () => {
    for (const r of ALERT_RULES) {
      expect(["risk", "care"]).toContain(ALERT_KIND[r]);
      expect(ALERT_RULE_LABELS[r].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(riskWeight(all.filter((a) => a.customer === "Beta"))).toBe(9);
  });
});
