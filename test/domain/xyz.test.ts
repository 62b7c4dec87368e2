import fc from "fast-check";
import { ymdToSerial } from "../../src/domain/dates";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../../src/domain/settings";
import {
  ABC_XYZ,
  abcXyz,
  monthIndex,
  monthlySeries,
  monthText,
  monthWindowEnding,
  xyzFromCells,
  xyzOf,
  xyzOfSeries,
  type XyzOutcome,
} from "../../src/domain/xyz";

const s = DEFAULT_SETTINGS;
const d = ymdToSerial;

function cls(o: XyzOutcome): string {
  return o.kind === "class" ? o.class : "not enough history";
}

describe("XYZ of monthly amounts (coefficient of variation = population sd / mean)", () => {
  test("the same amount every month is X with a coefficient of 0", () => {
    const o = xyzOf(Array(12).fill(100), s);
    expect(o).toMatchObject({ kind: "class", class: "X", cv: 0, mean: 100, sd: 0, months: 12 });
  });

  test("90, 110, … has sd 10 on a mean of 100: exactly 10 % is still X", () => {
    expect(xyzOf([90, 110, 90, 110, 90, 110], s)).toMatchObject({ class: "X", mean: 100, sd: 10, months: 6 });
  });

  test("80, 120, … (20 %) is Y; 75, 125, … (exactly 25 %) is still Y", () => {
    expect(cls(xyzOf([80, 120, 80, 120, 80, 120], s))).toBe("Y");
    const o = xyzOf([75, 125, 75, 125, 75, 125], s);
    expect(o).toMatchObject({ class: "Y", sd: 25 });
  });

  test("74, 126, … (26 %) is Z", () => {
    expect(cls(xyzOf([74, 126, 74, 126, 74, 126], s))).toBe("Z");
  });

  test("a month without sales counts as 0: seven months of 100 and one empty month is Z, not X", () => {
    // mean 87.5; squared deviations 7 × 12.5² + 87.5² = 8750; sd = √(8750 / 8) = 33.07; cv = 0.378
    const o = xyzOf([100, 100, 100, 100, 100, 100, 100, 0], s);
    expect(o.kind).toBe("class");
    if (o.kind !== "class") return;
    expect(o.class).toBe("Z");
    expect(o.mean).toBe(87.5);
    expect(o.cv).toBeCloseTo(Math.sqrt(8750 / 8) / 87.5, 12);
  });

  test("the months before the first sale are not months without sales: history starts at the first sale", () => {
    expect(xyzOf([0, 0, 0, 100, 100, 100, 100, 100, 100], s)).toMatchObject({ class: "X", months: 6 });
  });

  test("a customer with one month of history is not classed", () => {
    const o = xyzOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500], s);
    expect(o).toMatchObject({ kind: "notEnoughHistory", reason: "fewMonths", months: 1 });
    if (o.kind === "notEnoughHistory") {
      expect(o.msg.en).toBe("not enough history: 1 month since the first sale, at least 6 needed");
      expect(o.msg.zh).toBe("历史数据不足：自首次销售起仅 1 个月，至少需要 6 个月");
    }
  });

  test("five months are not enough, six are", () => {
    expect(xyzOf([100, 100, 100, 100, 100], s).kind).toBe("notEnoughHistory");
    expect(xyzOf([100, 100, 100, 100, 100, 100], s).kind).toBe("class");
  });

  test("no sale at all, or a mean of 0 or below (returns), is not enough history", () => {
    expect(xyzOf([0, 0, 0, 0, 0, 0, 0], s)).toMatchObject({ kind: "notEnoughHistory", reason: "fewMonths", months: 0 });
    const o = xyzOf([100, -300, 0, 0, 0, 0], s);
    expect(o).toMatchObject({ kind: "notEnoughHistory", reason: "noPositiveMean" });
    if (o.kind === "notEnoughHistory") expect(o.msg.en).toContain("monthly mean is -33.3333333333");
  });

  test("the X and Y lines and the minimum history come from the settings", () => {
    const r = parseSettings({ xyz: { x: 0.05, y: 0.15, minMonths: 3 } });
    if (!r.ok) throw new Error("settings");
    const t: Settings = r.settings;
    expect(cls(xyzOf([90, 110, 90, 110], t))).toBe("Y");
    expect(cls(xyzOf([80, 120, 80], t))).toBe("Z");
    expect(parseSettings({ xyz: { x: 0.3, y: 0.2 } }).ok).toBe(false);
  });

  test("scaling every month by the same factor, or reordering positive months, never changes the class", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 6, maxLength: 24 }),
        fc.integer({ min: 1, max: 1000 }),
        (months, k) => {
          const a = xyzOf(months, s);
          const b = xyzOf(months.map((x) => x * k), s);
          const c = xyzOf([...months].reverse(), s);
          expect(cls(b)).toBe(cls(a));
          expect(cls(c)).toBe(cls(a));
          if (a.kind === "class" && b.kind === "class") expect(b.cv).toBeCloseTo(a.cv, 9);
        },
      ),
    );
  });
});

describe("KAM.XYZ's cell reading", () => {
  test("blank cells are months without sales; numbers typed as text are numbers", () => {
    const r = xyzFromCells(["100", 100, "", null, "1,00", 100, 100, 100], s);
    // "1,00" is not a number with a thousands separator of three digits → error
    expect(r.ok).toBe(false);
    const ok = xyzFromCells(["100", 100, "", null, 100, 100, 100, 100], s);
    expect(ok.ok && ok.value.kind === "class" && ok.value.class).toBe("Z");
  });

  test("text that is not a number names the month's column", () => {
    const r = xyzFromCells([100, 100, "n/a", 100], s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.msg.en).toBe('month 3: monthly amount must be a number, got "n/a"');
      expect(r.error.msg.zh).toBe('第 3 个月：月度金额必须是数字，而不是"n/a"');
    }
  });
});

describe("ABC × XYZ", () => {
  test("nine combinations AX … CZ", () => {
    expect(abcXyz("A", "X")).toBe("AX");
    expect(abcXyz("C", "Z")).toBe("CZ");
    expect(ABC_XYZ).toEqual(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]);
  });
});

describe("monthly series from transaction rows", () => {
  test("a window ends with the as-of month when as-of is its last day, else with the month before", () => {
    const w = monthWindowEnding(d(2026, 10, 31), 12);
    expect([monthText(w.first), w.months]).toEqual(["2025-11", 12]);
    expect(monthText(monthWindowEnding(d(2026, 10, 15), 12).first)).toBe("2025-10");
    expect(monthText(monthWindowEnding(d(2024, 2, 29), 2).first)).toBe("2024-01");
    expect(monthText(monthWindowEnding(d(2024, 2, 28), 2).first)).toBe("2023-12");
  });

  test("rows are summed per customer and month; months without rows are 0; rows after the window are ignored", () => {
    const w = monthWindowEnding(d(2026, 3, 31), 3); // 2026-01 .. 2026-03
    const series = monthlySeries(
      [
        { date: d(2026, 1, 5), customer: "Acme", amount: 100 },
        { date: d(2026, 1, 20), customer: "Acme", amount: 50 },
        { date: d(2026, 3, 31), customer: "Acme", amount: 70 },
        { date: d(2026, 4, 1), customer: "Acme", amount: 999 },
        { date: d(2026, 2, 10), customer: "华东", amount: 10 },
      ],
      w,
    );
    expect(series.map((x) => [x.customer, [...x.amounts], x.total])).toEqual([
      ["Acme", [150, 0, 70], 220],
      ["华东", [0, 10, 0], 10],
    ]);
    expect(series[0].firstSaleMonth).toBe(monthIndex(d(2026, 1, 5)));
  });

  test("a sale before the window makes the whole window history; a new customer's history starts at its first sale", () => {
    const w = monthWindowEnding(d(2026, 12, 31), 12);
    const rows = [{ date: d(2025, 6, 1), customer: "Old", amount: 10 }];
    for (let m = 1; m <= 12; m++) if (m !== 4) rows.push({ date: d(2026, m, 15), customer: "Old", amount: 100 });
    for (let m = 7; m <= 12; m++) rows.push({ date: d(2026, m, 15), customer: "New", amount: 100 });
    rows.push({ date: d(2026, 12, 2), customer: "Brand new", amount: 100 });
    const byName = new Map(monthlySeries(rows, w).map((x) => [x.customer, x]));
    const old = xyzOfSeries(byName.get("Old")!, w, s);
    expect(old).toMatchObject({ kind: "class", class: "Z", months: 12 }); // April without sales counts
    expect(xyzOfSeries(byName.get("New")!, w, s)).toMatchObject({ kind: "class", class: "X", months: 6 });
    expect(xyzOfSeries(byName.get("Brand new")!, w, s)).toMatchObject({ kind: "notEnoughHistory", months: 1 });
  });

  test("a customer with only returns has no first sale and no history", () => {
    const w = monthWindowEnding(d(2026, 12, 31), 12);
    const [c] = monthlySeries([{ date: d(2026, 5, 1), customer: "R", amount: -40 }], w);
    expect(c.firstSaleMonth).toBeNull();
    expect(xyzOfSeries(c, w, s).kind).toBe("notEnoughHistory");
  });
});
