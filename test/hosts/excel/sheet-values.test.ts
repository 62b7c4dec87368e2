/** The task pane's read of a card template sheet: positions from A1 kept, one round trip. */
import { ExcelDouble } from "../../excel-double";
import { readSheetValues } from "../../../src/taskpane/workbook";

describe("readSheetValues", () => {
  it("returns the values from A1 to the last used cell, in one sync", async () => {
    const xl = new ExcelDouble({ apiVersion: "1.20", platform: "web" });
    const s = xl.model.addSheet("Template");
    xl.model.setCells(s, 2, 1, [
      ["Name", "{customer}"],
      ["Sales", 12],
    ]);
    const restore = xl.install();
    try {
      const values = await readSheetValues("Template");
      expect(values).toEqual([
        ["", "", ""],
        ["", "", ""],
        ["", "Name", "{customer}"],
        ["", "Sales", 12],
      ]);
      expect(xl.syncs).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it("an empty sheet gives no rows", async () => {
    const xl = new ExcelDouble({ apiVersion: "1.20", platform: "web" });
    xl.model.addSheet("Blank");
    const restore = xl.install();
    try {
      expect(await readSheetValues("Blank")).toEqual([]);
    } finally {
      restore();
    }
  });
});
