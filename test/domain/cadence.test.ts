import fc from "fast-check";
import { contactsDue, mostUrgent, nextContact, parseVisitType, VISIT_TYPE_LABELS, VISIT_TYPES, type VisitRecord } from "../../src/domain/cadence";
import { serialToIso, ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";

const s = DEFAULT_SETTINGS;
const d = ymdToSerial;
const iso = serialToIso;

describe("visit types", () => {
  test.each([
    ["高层拜访", "executive"],
    ["Executive visit", "executive"],
    ["技术交流", "technical"],
    ["technical EXCHANGE", "technical"],
    ["客户经理拜访", "accountManager"],
    ["Account manager visit", "accountManager"],
    ["ＡＭ", "accountManager"],
    ["服务回访", "service"],
    ["Service call", "service"],
  ])("%p is %p", (text, type) => {
    expect(parseVisitType(text)).toEqual({ ok: true, value: type });
  });

  test("an unknown or blank type says what is accepted, in both languages", () => {
    const r = parseVisitType("lunch");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("invalid");
      expect(r.error.msg.en).toBe('unknown visit type "lunch"; expected Executive visit, Technical exchange, Account manager visit or Service callback');
      expect(r.error.msg.zh).toBe("未知的拜访类型“lunch”；应为高层拜访、技术交流、客户经理拜访 或 服务回访");
    }
    const b = parseVisitType(" ");
    expect(!b.ok && b.error.kind).toBe("missing");
  });

  test("every type has a label in both languages", () => {
    for (const t of VISIT_TYPES) expect(VISIT_TYPE_LABELS[t].zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("next contact (SPEC §5 visit cadence, tightened by the life-cycle stage)", () => {
  test("account manager and service monthly, executive and technical yearly", () => {
    expect(iso(nextContact(d(2026, 1, 15), "accountManager", "stable", null, s).due)).toBe("2026-02-15");
    expect(iso(nextContact(d(2026, 1, 31), "service", null, null, s).due)).toBe("2026-02-28");
    expect(iso(nextContact(d(2025, 3, 1), "executive", "stable", null, s).due)).toBe("2026-03-01");
    expect(iso(nextContact(d(2025, 3, 1), "technical", "deep", null, s).due)).toBe("2026-03-01");
  });

  test("deep binding and value symbiosis: an executive meeting every half year", () => {
    const n = nextContact(d(2025, 3, 1), "executive", "deep", null, s);
    expect([iso(n.due), n.basis, n.text.en, n.text.zh]).toEqual(["2025-09-01", "deepExecutive", "Deep binding: executive meeting every half year", "深度绑定期：高层会晤每半年 1 次"]);
    expect(iso(nextContact(d(2025, 3, 1), "executive", "symbiosis", null, s).due)).toBe("2025-09-01");
  });

  test("initial stage: weekly in the first month after signing, every two weeks after", () => {
    const signed = d(2026, 3, 1);
    const w = nextContact(d(2026, 3, 10), "accountManager", "initial", signed, s);
    expect([iso(w.due), w.basis, w.text.en]).toEqual(["2026-03-17", "initialFirstMonth", "Initial cooperation, month 1: every week"]);
    const f = nextContact(d(2026, 4, 1), "accountManager", "initial", signed, s);
    expect([iso(f.due), f.basis, f.text.zh]).toEqual(["2026-04-15", "initialLater", "初步合作期第 2–3 个月：每两周 1 次"]);
    // The other kinds of contact keep their own cadence.
    expect(iso(nextContact(d(2026, 3, 10), "technical", "initial", signed, s).due)).toBe("2027-03-10");
  });

  test("stable stage: the quarterly value review is looser than the monthly visit and changes nothing", () => {
    const n = nextContact(d(2026, 5, 20), "accountManager", "stable", d(2026, 1, 1), s);
    expect([iso(n.due), n.basis]).toEqual(["2026-06-20", "visit"]);
  });

  test("without a signing date the initial stage takes the weekly cadence", () => {
    expect(iso(nextContact(d(2026, 5, 20), "accountManager", "initial", null, s).due)).toBe("2026-05-27");
  });

  test("the stage never makes a contact due later than the visit cadence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d(2000, 1, 1), max: d(2040, 1, 1) }),
        fc.constantFrom(...VISIT_TYPES),
        fc.constantFrom("initial" as const, "stable" as const, "deep" as const, "symbiosis" as const, null),
        fc.option(fc.integer({ min: d(1999, 1, 1), max: d(2040, 1, 1) })),
        (last, type, stage, signed) => {
          const base = nextContact(last, type, null, null, s).due;
          const due = nextContact(last, type, stage, signed, s).due;
          expect(due).toBeGreaterThan(last);
          expect(due).toBeLessThanOrEqual(base);
        },
      ),
    );
  });
});

describe("contacts due per account and type", () => {
  const account = { customer: "Acme", signed: d(2024, 1, 10) }; // deep binding in 2026
  const visits: VisitRecord[] = [
    { customer: "Acme", date: d(2026, 1, 15), type: "accountManager" },
    // exactly on its due date (one month after 2026-01-15)
    { customer: "Acme", date: d(2026, 2, 15), type: "accountManager" },
    { customer: "Acme", date: d(2025, 10, 1), type: "executive" },
    { customer: "Acme", date: d(2026, 3, 1), type: "service" },
    // after as-of: not happened yet
    { customer: "Acme", date: d(2026, 4, 1), type: "technical" },
    { customer: "Other", date: d(2026, 3, 1), type: "technical" },
  ];

  test("a visit on its due date keeps the account on time; the next is due a month later", () => {
    const due = contactsDue([account], visits, d(2026, 3, 15), s);
    const am = due.find((x) => x.type === "accountManager")!;
    expect([iso(am.last!), iso(am.due), am.overdueDays, am.daysLeft]).toEqual(["2026-02-15", "2026-03-15", 0, 0]);
    const late = contactsDue([account], visits, d(2026, 3, 16), s).find((x) => x.type === "accountManager")!;
    expect([late.overdueDays, late.daysLeft]).toEqual([1, -1]);
  });

  test("one entry per type; executive every half year in deep binding; no technical visit counts from signing", () => {
    const due = contactsDue([account], visits, d(2026, 3, 15), s);
    expect(due.map((x) => [x.type, x.last === null ? null : iso(x.last), iso(x.due), x.overdueDays, x.stage])).toEqual([
      ["executive", "2025-10-01", "2026-04-01", 0, "deep"],
      ["technical", null, "2025-01-10", 429, "deep"],
      ["accountManager", "2026-02-15", "2026-03-15", 0, "deep"],
      ["service", "2026-03-01", "2026-04-01", 0, "deep"],
    ]);
    expect(due[1].text.en).toBe("Technical exchange every year (none since signing on 2024-01-10)");
    expect(iso(mostUrgent(due)!.due)).toBe("2025-01-10");
  });

  test("an account with neither visits nor a signing date is due on the as-of date", () => {
    const due = contactsDue([{ customer: "Nobody", signed: null }], [], d(2026, 3, 15), s);
    expect(due.every((x) => x.due === d(2026, 3, 15) && x.basis === "noRecord" && x.overdueDays === 0)).toBe(true);
    expect(due[0].text).toEqual({ en: "No executive visit on record", zh: "没有高层拜访记录" });
  });

  test("an account signed two weeks ago (initial stage) is due for its weekly account manager contact", () => {
    const due = contactsDue([{ customer: "New", signed: d(2026, 3, 1) }], [{ customer: "New", date: d(2026, 3, 5), type: "accountManager" }], d(2026, 3, 15), s);
    const am = due.find((x) => x.type === "accountManager")!;
    expect([iso(am.due), am.overdueDays, am.stage]).toEqual(["2026-03-12", 3, "initial"]);
  });
});
