/**
 * The double's own tests: each rule of EXCEL-BEHAVIOUR.md "What a faithful test double must enforce"
 * (numbered as there) holds, plus the observations hosts' tests rely on (syncs, bytes, writes).
 */
import { ExcelDouble, RequestContextDouble, RichApiError, invokeCustomFunction, CustomFunctionsErrorDouble } from "./index";
import type { RangeDouble } from "./range";

function setup(config: ConstructorParameters<typeof ExcelDouble>[0] = {}): { xl: ExcelDouble; run: ExcelDouble["run"] } {
  const xl = new ExcelDouble(config);
  xl.model.addSheet("Data");
  return { xl, run: xl.run };
}

async function rejection(p: Promise<unknown>): Promise<RichApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RichApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function thrown(f: () => unknown): RichApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof RichApiError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

type Ctx = RequestContextDouble & { workbook: import("./workbook").WorkbookDouble };

describe("1. commands apply only at sync", () => {
  it("a write is invisible in the workbook until sync, and Excel.run syncs at the end", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [[5]];
      expect(xl.model.sheet("Data").get(0, 0)).toBeUndefined();
      await ctx.sync();
      expect(xl.model.sheet("Data").get(0, 0)?.value).toBe(5);
      ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [[6]];
    });
    expect(xl.model.sheet("Data").get(1, 0)?.value).toBe(6);
    expect(xl.roundTrips).toBe(2);
  });

  it("an empty batch makes no round trip", async () => {
    const { xl, run } = setup();
    await run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(xl.roundTrips).toBe(0);
  });

  it("loaded values are a snapshot taken at sync", async () => {
    const { xl, run } = setup();
    xl.model.setCells(xl.model.sheet("Data"), 0, 0, [[1]]);
    await run(async (c) => {
      const ctx = c as Ctx;
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await ctx.sync();
      xl.model.setCells(xl.model.sheet("Data"), 0, 0, [[2]]);
      expect(r.values).toEqual([[1]]);
    });
  });
});

describe("2. not-loaded reads throw synchronously", () => {
  it("PropertyNotLoaded names the property, before and after an unrelated sync", async () => {
    const { run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      const e = thrown(() => r.values);
      expect(e.name).toBe("RichApi.Error");
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.debugInfo.errorLocation).toBe("Range.values");
      r.load("address");
      await ctx.sync();
      expect(r.address).toBe("Data!A1");
      expect(thrown(() => r.values).code).toBe("PropertyNotLoaded");
    });
  });

  it("ValueNotLoaded for a ClientResult before sync", async () => {
    const { run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      const n = ctx.workbook.worksheets.getCount();
      expect(thrown(() => n.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      expect(n.value).toBe(1);
    });
  });

  it("load() loads scalar properties only; load('format/font/bold') loads a leaf path", async () => {
    const { run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").load();
      const f = ctx.workbook.worksheets.getItem("Data").getRange("A1").load("format/font/bold");
      await ctx.sync();
      expect(r.rowCount).toBe(2);
      expect(thrown(() => r.format.font.bold).code).toBe("PropertyNotLoaded");
      expect(thrown(() => r.numberFormatCategories).code).toBe("PropertyNotLoaded");
      expect(thrown(() => r.format.columnWidth).code).toBe("PropertyNotLoaded");
      expect(f.format.font.bold).toBe(false);
    });
  });

  it("collection paths load through navigation collections (items/names/items/value)", async () => {
    const { xl, run } = setup();
    xl.model.sheet("Data").names.push({ name: "MARK", formula: '="abc"', comment: "", visible: true, sheet: xl.model.sheet("Data") });
    await run(async (c) => {
      const ctx = c as Ctx;
      const sheets = ctx.workbook.worksheets.load("items/name,items/names/items/name,items/names/items/value");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data"]);
      expect(sheets.items[0].names.items.map((n) => [n.name, n.value])).toEqual([["MARK", "abc"]]);
    });
  });
});

describe("3. null objects and missing items", () => {
  it("isNullObject is set at sync, throws before, and a null object's properties read undefined", async () => {
    const { run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      ws.load("name");
      expect(thrown(() => ws.isNullObject).code).toBe("PropertyNotLoaded");
      const ok = ctx.workbook.worksheets.getItemOrNullObject("data");
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(ws.name).toBeUndefined();
      expect(ok.isNullObject).toBe(false);
    });
  });

  it("getItem on a missing sheet rejects the sync with ItemNotFound", async () => {
    const { run } = setup();
    const e = await rejection(
      run(async (c) => {
        (c as Ctx).workbook.worksheets.getItem("Nope").load("name");
        await c.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
  });
});

describe("4 & 5. error shape and mid-batch failure", () => {
  it("keepEarlier: commands before the failure stay applied, later ones are skipped; statement is named", async () => {
    const { xl, run } = setup({ failureMode: "keepEarlier" });
    const e = await rejection(
      run(async (c) => {
        const ws = (c as Ctx).workbook.worksheets.getItem("Data");
        ws.getRange("A1").values = [[1]];
        ws.getRange("A2").values = [[1, 2]];
        ws.getRange("A3").values = [[3]];
        await c.sync();
      }),
    );
    expect(e.name).toBe("RichApi.Error");
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.statement).toBe("Range.values");
    expect(e.httpStatusCode).toBe(400);
    expect(xl.model.sheet("Data").get(0, 0)?.value).toBe(1);
    expect(xl.model.sheet("Data").get(2, 0)).toBeUndefined();
    expect(xl.syncs[0].failed).toBe("InvalidArgument");
  });

  it("rollback: nothing of the failed batch stays", async () => {
    const { xl, run } = setup({ failureMode: "rollback" });
    await rejection(
      run(async (c) => {
        const ctx = c as Ctx;
        ctx.workbook.worksheets.add("New");
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [[2]];
        await c.sync();
      }),
    );
    expect(xl.model.findSheet("New")).toBeUndefined();
    expect(xl.model.sheet("Data").get(0, 0)).toBeUndefined();
  });

  it("an injected failure hits the chosen command", async () => {
    const { xl, run } = setup();
    xl.failNext("GeneralException", (loc) => loc === "Range.numberFormat");
    const e = await rejection(
      run(async (c) => {
        const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1");
        r.values = [[1]];
        r.numberFormat = [["0%"]];
        await c.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(xl.model.sheet("Data").get(0, 0)?.value).toBe(1);
    expect(xl.model.sheet("Data").get(0, 0)?.numberFormat).toBeUndefined();
  });
});

describe("6 & 7. shapes, null and empty string", () => {
  it.each(["values", "formulas", "numberFormat"] as const)("%s of the wrong shape is InvalidArgument", async (prop) => {
    const { run } = setup();
    const e = await rejection(
      run(async (c) => {
        (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:B2")[prop] = [["x", "y"]];
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toMatch(/number of rows or columns/);
  });

  it("a bare scalar and a whole-property null are rejected", async () => {
    for (const v of [5, null]) {
      const { run } = setup();
      const e = await rejection(
        run(async (c) => {
          (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1").values = v as unknown as unknown[][];
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });

  it("null leaves a cell unchanged, '' clears it; numberFormat '' goes back to General", async () => {
    const { xl, run } = setup();
    const s = xl.model.sheet("Data");
    xl.model.setCells(s, 0, 0, [[1, 2, 3]]);
    await run(async (c) => {
      const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.numberFormat = [["0%", "0%", "0%"]];
      r.values = [[null, "", 9]];
      await c.sync();
      r.numberFormat = [["", null, "0.0"]];
      const back = r.load("values,numberFormat");
      await c.sync();
      expect(back.values).toEqual([[1, "", 9]]);
      expect(back.numberFormat).toEqual([["General", "0%", "0.0"]]);
    });
  });
});

describe("8. strings that look like formulas", () => {
  const inputs = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"];

  it("are stored as formulas and logged when written through values into a General cell", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:D1").values = [inputs];
    });
    expect(xl.model.formulaLog.map((f) => f.formula)).toEqual(['=HYPERLINK("http://x","y")', "=+1", "=-2", "=SUM(A1)"]);
    expect(xl.model.sheet("Data").get(0, 2)?.value).toBe(-2);
    expect(xl.model.sheet("Data").get(0, 0)?.type).toBe("Error");
  });

  it("stay text in cells whose number format is '@' (set earlier in the same batch)", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:D1");
      r.numberFormat = [["@", "@", "@", "@"]];
      r.values = [inputs];
      const back = r.load("values,valueTypes,formulas,text");
      await c.sync();
      expect(back.values).toEqual([inputs]);
      expect(back.formulas).toEqual([inputs]);
      expect(back.text).toEqual([inputs]);
      expect(back.valueTypes).toEqual([["String", "String", "String", "String"]]);
    });
    expect(xl.model.formulaLog).toEqual([]);
  });

  it("a leading apostrophe is kept as a character, and does not protect a formula-like string", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1").values = [["'=1"]];
    });
    expect(xl.model.sheet("Data").get(0, 0)?.value).toBe("'=1");
  });

  it("typed-input parsing turns number-, boolean- and date-like strings into values in General cells", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:E1").values = [["00123", "TRUE", "2000-01-01", "12%", "#N/A"]];
    });
    const s = xl.model.sheet("Data");
    expect([0, 1, 2, 3, 4].map((j) => s.get(0, j)?.value)).toEqual([123, true, 36526, 0.12, "#N/A"]);
    expect(s.get(0, 4)?.type).toBe("Error");
  });
});

describe("9. reads", () => {
  it("empty cells read '', dates read as serials, errors as strings; text is the formatted display", async () => {
    const { xl, run } = setup();
    const s = xl.model.sheet("Data");
    xl.model.setCells(s, 0, 0, [["2000-01-01", 0.256, 1234.5, "#DIV/0!"]]);
    s.ensure(0, 1).numberFormat = "0.0%";
    s.ensure(0, 2).numberFormat = "#,##0.00";
    await run(async (c) => {
      const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:E1").load("values,text,valueTypes,formulas");
      await c.sync();
      expect(r.values).toEqual([[36526, 0.256, 1234.5, "#DIV/0!", ""]]);
      expect(r.text).toEqual([["2000-01-01", "25.6%", "1,234.50", "#DIV/0!", ""]]);
      expect(r.valueTypes).toEqual([["Double", "Double", "Double", "Error", "Empty"]]);
      expect(r.formulas[0][4]).toBe("");
    });
  });

  it("the current region grows around the top-left cell until blank rows and columns", async () => {
    const { xl, run } = setup();
    const s = xl.model.sheet("Data");
    xl.model.setCells(s, 1, 1, [["a", "b"], [1, 2], [3, 4]]);
    xl.model.setCells(s, 10, 10, [["far"]]);
    await run(async (c) => {
      const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("C3").getSurroundingRegion().load("address");
      await c.sync();
      expect(r.address).toBe("Data!B2:C4");
    });
  });

  it("merged areas: the value lives in the top-left cell; areas starting outside the range are missed", async () => {
    const { xl, run } = setup();
    const s = xl.model.sheet("Data");
    xl.model.setCells(s, 0, 0, [["x", "y", "z"]]);
    await run(async (c) => {
      const ws = (c as Ctx).workbook.worksheets.getItem("Data");
      ws.getRange("A1:B1").merge();
      const all = ws.getRange("A1:C1").getMergedAreasOrNullObject().load("address");
      const part = ws.getRange("B1:C1").getMergedAreasOrNullObject().load("address");
      const v = ws.getRange("A1:C1").load("values");
      await c.sync();
      expect(all.address).toBe("Data!A1:B1");
      expect(part.isNullObject).toBe(true);
      expect(v.values).toEqual([["x", "", "z"]]);
    });
    expect(xl.model.lostWrites).toEqual([{ sheet: "Data", address: "B1", value: "y" }]);
  });
});

describe("10 & 12. worksheet names and new sheets", () => {
  it.each(["", "   ", "a".repeat(32), "a/b", "a\\b", "a?b", "a*b", "a:b", "a[b", "a]b", "'ab", "ab'", "History", "history"])(
    "rejects the sheet name %p with InvalidArgument",
    async (name) => {
      const { run } = setup();
      const e = await rejection(run(async (c) => void (c as Ctx).workbook.worksheets.add(name)));
      expect(e.code).toBe("InvalidArgument");
    },
  );

  it("names are unique regardless of case; 31 characters are fine", async () => {
    const { run } = setup();
    expect((await rejection(run(async (c) => void (c as Ctx).workbook.worksheets.add("DATA")))).code).toBe("ItemAlreadyExists");
    await run(async (c) => void (c as Ctx).workbook.worksheets.add("a".repeat(31)));
  });

  it("a new sheet goes to the end and is not activated", async () => {
    const { xl, run } = setup();
    xl.model.addSheet("Other");
    await run(async (c) => {
      const ctx = c as Ctx;
      const ws = ctx.workbook.worksheets.add("New").load("position");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await c.sync();
      expect(ws.position).toBe(2);
      expect(active.name).toBe("Data");
    });
  });
});

describe("11. tables", () => {
  it("names are unique across the workbook (any case) and well formed; overlap is InvalidArgument", async () => {
    const { xl, run } = setup();
    const other = xl.model.addSheet("Other");
    xl.model.setCells(xl.model.sheet("Data"), 0, 0, [["h1", "h2"], [1, 2]]);
    xl.model.setCells(other, 0, 0, [["h1"], [1]]);
    await run(async (c) => {
      const t = (c as Ctx).workbook.worksheets.getItem("Other").tables.add((c as Ctx).workbook.worksheets.getItem("Other").getRange("A1:A2"), true);
      t.name = "Sales";
    });
    for (const bad of ["sales", "1abc", "a b", "A1", "ABC1", "R1C1"]) {
      const e = await rejection(
        run(async (c) => {
          const ws = (c as Ctx).workbook.worksheets.getItem("Data");
          ws.tables.add(ws.getRange("A1:B2"), true).name = bad;
        }),
      );
      expect(e.code).toBe("InvalidArgument");
      xl.model.tables = xl.model.tables.filter((t) => t.sheet.name !== "Data");
    }
    await run(async (c) => {
      const ws = (c as Ctx).workbook.worksheets.getItem("Data");
      ws.tables.add(ws.getRange("A1:B2"), true);
    });
    const e = await rejection(
      run(async (c) => {
        const ws = (c as Ctx).workbook.worksheets.getItem("Data");
        ws.tables.add(ws.getRange("B2:C3"), true);
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("hasHeaders=false adds a header row and shifts the data down", async () => {
    const { xl, run } = setup();
    xl.model.setCells(xl.model.sheet("Data"), 0, 0, [[1, 2], [3, 4]]);
    await run(async (c) => {
      const ws = (c as Ctx).workbook.worksheets.getItem("Data");
      const t = ws.tables.add(ws.getRange("A1:B2"), false);
      const r = t.getRange().load("address,values");
      await c.sync();
      expect(r.address).toBe("Data!A1:B3");
      expect(r.values).toEqual([["Column1", "Column2"], [1, 2], [3, 4]]);
    });
  });

  it("a string address without a sheet uses the active sheet, even through another sheet's tables", async () => {
    const { xl, run } = setup();
    xl.model.addSheet("Other");
    await run(async (c) => {
      const t = (c as Ctx).workbook.worksheets.getItem("Other").tables.add("A1:B2", true);
      const ws = t.worksheet.load("name");
      await c.sync();
      expect(ws.name).toBe("Data");
    });
  });

  it("a table over merged cells is MergedRangeConflict", async () => {
    const { xl, run } = setup();
    xl.model.sheet("Data").merges.push({ r: 0, c: 0, rows: 1, cols: 2 });
    const e = await rejection(
      run(async (c) => {
        const ws = (c as Ctx).workbook.worksheets.getItem("Data");
        ws.tables.add(ws.getRange("A1:B3"), true);
      }),
    );
    expect(e.code).toBe("MergedRangeConflict");
  });
});

describe("13. API version gating", () => {
  it("an API above the configured ExcelApi version throws ApiNotFound synchronously", async () => {
    const { xl, run } = setup({ apiVersion: "1.3" });
    await run(async (c) => {
      const ctx = c as Ctx;
      expect(thrown(() => ctx.workbook.worksheets.getItemOrNullObject("Data")).code).toBe("ApiNotFound");
      expect(thrown(() => ctx.workbook.worksheets.getItem("Data").getRangeByIndexes(0, 0, 1, 1)).code).toBe("ApiNotFound");
      expect(thrown(() => ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats).code).toBe("ApiNotFound");
      expect(thrown(() => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()).code).toBe("ApiNotFound");
      expect(thrown(() => ctx.workbook.worksheets.load("items/names/items/name")).code).toBe("ApiNotFound");
    });
    const office = xl.Office as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.3")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(false);
  });

  it("mergeUndoGroup needs ExcelApi 1.20", async () => {
    const { run } = setup({ apiVersion: "1.19" });
    expect((await rejection(run({ mergeUndoGroup: true }, async () => undefined))).code).toBe("ApiNotFound");
  });
});

describe("14. charts", () => {
  it("a new series is invisible until it has values; styling an empty series is EmptyChartSeries", async () => {
    const { xl, run } = setup();
    xl.model.setCells(xl.model.sheet("Data"), 0, 0, [["k", "a", "b"], ["x", 1, 2], ["y", 3, 4]]);
    await run(async (c) => {
      const ws = (c as Ctx).workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B3"), "Columns");
      const s = chart.series.add("b");
      await c.sync();
      const entity = xl.model.sheet("Data").charts[0];
      expect(entity.series.length).toBe(2);
      expect(xl.visibleSeries(entity).length).toBe(1);
      s.chartType = "Line";
      const e = await rejection(c.sync());
      expect(e.code).toBe("EmptyChartSeries");
      s.setValues(ws.getRange("C2:C3"));
      s.chartType = "Line";
      s.axisGroup = "Secondary";
      chart.axes.getItem("Value", "Secondary").maximum = 1;
      await c.sync();
      expect(xl.visibleSeries(entity).map((x) => x.chartType ?? entity.type)).toEqual(["ColumnClustered", "Line"]);
    });
  });

  it("axis minimum and maximum take a number or '' and nothing else", async () => {
    const { xl, run } = setup();
    xl.model.setCells(xl.model.sheet("Data"), 0, 0, [[1], [2]]);
    await run(async (c) => {
      const ws = (c as Ctx).workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("RadarMarkers", ws.getRange("A1:A2"), "Columns");
      chart.axes.valueAxis.minimum = 0;
      chart.axes.valueAxis.maximum = "";
      await c.sync();
      chart.axes.valueAxis.maximum = "auto";
      expect((await rejection(c.sync())).code).toBe("InvalidArgument");
      chart.axes.getItem("Value", "Secondary").minimum = 0;
      expect((await rejection(c.sync())).code).toBe("InvalidArgument");
    });
  });
});

describe("15. settings", () => {
  it("round-trip through JSON and keep Dates; functions and undefined are lost", async () => {
    const { run } = setup();
    const when = new Date(Date.UTC(2024, 0, 2));
    await run(async (c) => void (c as Ctx).workbook.settings.add("k", { when, n: 1, f: () => 1, u: undefined }));
    await run(async (c) => {
      const s = (c as Ctx).workbook.settings.getItem("k").load("value");
      await c.sync();
      expect(s.value).toEqual({ when, n: 1 });
      expect((s.value as { when: Date }).when).toBeInstanceOf(Date);
    });
  });
});

describe("16. payload and cell limits", () => {
  it("a request above 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const { xl, run } = setup();
    const big = Array.from({ length: 90_000 }, (_, i) => [`customer name number ${i} with padding text`, i + 0.123456789]);
    const e = await rejection(
      run(async (c) => {
        (c as Ctx).workbook.worksheets.getItem("Data").getRange(`A1:B${big.length}`).values = big;
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(xl.model.sheet("Data").cells.size).toBe(0);
    expect(xl.syncs[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("a response above 5 MB fails; on the desktop there is no payload limit", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const { xl, run } = setup({ platform });
      const rows = Array.from({ length: 90_000 }, (_, i) => [`customer name number ${i} with padding text`, i + 0.123456789]);
      xl.model.setCells(xl.model.sheet("Data"), 0, 0, rows);
      const p = run(async (c) => {
        (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1:B90000").load("values");
      });
      if (platform === "web") expect((await rejection(p)).code).toBe("ResponsePayloadSizeLimitExceeded");
      else await p;
    }
  });

  it("a read above 5,000,000 cells returns null values", async () => {
    const { run } = setup();
    await run(async (c) => {
      const r = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A:E").load("values,rowCount");
      await c.sync();
      expect(r.rowCount).toBe(1_048_576);
      expect(r.values).toBeNull();
    });
  });
});

describe("17. undo", () => {
  it("inside mergeUndoGroup, Worksheet.delete and Worksheet.copy throw UndoNotSupported", async () => {
    for (const act of ["delete", "copy"] as const) {
      const { xl, run } = setup();
      xl.model.addSheet("Other");
      const e = await rejection(
        run({ mergeUndoGroup: true }, async (c) => {
          const ws = (c as Ctx).workbook.worksheets.getItem("Other");
          if (act === "delete") ws.delete();
          else ws.copy();
        }),
      );
      expect(e.code).toBe("UndoNotSupported");
      expect(xl.model.findSheet("Other")).toBeDefined();
    }
  });

  it("outside a group a non-undoable API clears the undo stack; a group is one undo record", async () => {
    const { xl, run } = setup();
    xl.model.addSheet("Other");
    await run(async (c) => void (c as Ctx).workbook.worksheets.getItem("Other").delete());
    expect(xl.undo.cleared).toBe(1);
    xl.resetLog();
    await run({ mergeUndoGroup: true }, async (c) => {
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      await c.sync();
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A2").values = [[2]];
    });
    expect(xl.undo).toEqual({ records: 1, cleared: 0 });
    await run(async (c) => {
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      await c.sync();
      (c as Ctx).workbook.worksheets.getItem("Data").getRange("A2").values = [[2]];
    });
    expect(xl.undo.records).toBe(3);
  });

  it("platform differences: renaming a sheet in a group fails on the desktop; a name comment fails on the web", async () => {
    const desk = setup({ platform: "desktop" });
    expect((await rejection(desk.run({ mergeUndoGroup: true }, async (c) => void ((c as Ctx).workbook.worksheets.getItem("Data").name = "X")))).code).toBe("UndoNotSupported");
    const web = setup({ platform: "web" });
    await web.run({ mergeUndoGroup: true }, async (c) => void ((c as Ctx).workbook.worksheets.getItem("Data").name = "X"));
    expect(
      (await rejection(web.run({ mergeUndoGroup: true }, async (c) => void (c as Ctx).workbook.names.add("N", '="x"', "a comment")))).code,
    ).toBe("UndoNotSupported");
  });
});

describe("18. custom functions", () => {
  it("a thrown exception shows #VALUE!; only #VALUE! and #N/A keep a message", async () => {
    const { xl } = setup();
    const s = xl.model.sheet("Data");
    expect((await invokeCustomFunction(s, 0, 0, () => { throw new Error("boom"); }, [])).anchor).toEqual({ value: "#VALUE!", type: "Error" });
    expect((await invokeCustomFunction(s, 0, 1, () => new CustomFunctionsErrorDouble("#N/A", "no data"), [])).anchor.message).toBe("no data");
    expect((await invokeCustomFunction(s, 0, 2, () => new CustomFunctionsErrorDouble("#NUM!", "big"), [])).anchor).toEqual({ value: "#NUM!", type: "Error", message: undefined });
  });

  it("a 2-D result spills; a non-empty cell in the way gives #SPILL!; null shows as 0", async () => {
    const { xl } = setup();
    const s = xl.model.sheet("Data");
    const ok = await invokeCustomFunction(s, 0, 0, () => [["a", null], [1, true]], []);
    expect(ok.spill).toEqual({ r: 0, c: 0, rows: 2, cols: 2 });
    expect(s.get(0, 1)?.value).toBe(0);
    xl.model.setCells(s, 6, 1, [["blocker"]]);
    const blocked = await invokeCustomFunction(s, 5, 0, () => [[1, 2], [3, 4]], []);
    expect(blocked.anchor.value).toBe("#SPILL!");
  });
});

describe("observations for host tests", () => {
  it("counts syncs, request and response bytes, and records the cells each sync wrote", async () => {
    const { xl, run } = setup();
    await run(async (c) => {
      const ctx = c as Ctx;
      ctx.workbook.worksheets.getItem("Data").getRange("B2:C2").values = [["a", 1]];
      await c.sync();
      ctx.workbook.worksheets.getItem("Data").getRange("B2:C2").load("values");
    });
    expect(xl.roundTrips).toBe(2);
    expect(xl.syncs[0].writes).toEqual([{ sheetId: xl.model.sheet("Data").id, sheet: "Data", address: "B2:C2", what: "values" }]);
    expect(xl.syncs[1].writes).toEqual([]);
    expect(xl.syncs[0].requestBytes).toBeGreaterThan(0);
    expect(xl.syncs[1].responseBytes).toBeGreaterThan(0);
  });

  it("objects of another context are refused; objects of a finished run fail with InvalidObjectPath", async () => {
    const { run } = setup();
    let stale: RangeDouble | undefined;
    await run(async (c) => {
      stale = (c as Ctx).workbook.worksheets.getItem("Data").getRange("A1");
    });
    await run(async (c) => {
      expect(thrown(() => (c as Ctx).workbook.worksheets.getItem("Data").getRange("B1").copyFrom(stale as RangeDouble, "Formats")).code).toBe("InvalidRequestContext");
    });
    const r = stale as RangeDouble;
    r.load("values");
    expect((await rejection(r.context.sync())).code).toBe("InvalidObjectPath");
  });

  it("copyFrom(Formats) copies number formats, fonts, fills and merges, not values or column widths", async () => {
    const { xl, run } = setup();
    const tpl = xl.model.addSheet("Template");
    xl.model.setCells(tpl, 0, 0, [["Title", "x"]]);
    tpl.ensure(0, 0).font = { bold: true };
    tpl.ensure(0, 1).numberFormat = "0.0%";
    tpl.merges.push({ r: 1, c: 0, rows: 1, cols: 2 });
    tpl.colWidths.set(0, 100);
    await run(async (c) => {
      const ctx = c as Ctx;
      ctx.workbook.worksheets.getItem("Data").getRange("C3").copyFrom(ctx.workbook.worksheets.getItem("Template").getRange("A1:B2"), "Formats");
    });
    const s = xl.model.sheet("Data");
    expect(s.get(2, 2)?.font).toEqual({ bold: true });
    expect(s.get(2, 3)?.numberFormat).toBe("0.0%");
    expect(s.get(2, 2)?.type).toBe("Empty");
    expect(s.merges).toEqual([{ r: 3, c: 2, rows: 1, cols: 2 }]);
    expect(s.colWidths.size).toBe(0);
  });
});
