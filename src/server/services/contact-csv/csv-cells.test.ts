import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIFECYCLE_STAGES } from "@/lib/contracts/contacts";
import { csvColumnFor } from "@/lib/csv-columns";
import { CELL_FORMATS, neutraliseFormula, readList, restoreFormula, writeList } from "./csv-cells";

const column = (field: string) => {
  const found = csvColumnFor(field);
  if (!found) throw new Error(field);
  return found;
};

describe("cells of the clients CSV", () => {
  it("neutralises every cell a spreadsheet would run as a formula", () => {
    for (const cell of ["=1+1", "+1 415 555 0134", "-2", "@SUM(A1)", "\tx", "\rx", "'=HYPERLINK()"]) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
    for (const cell of ["Maya", "", "'quoted", "1=1", " =x"]) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("reads back exactly what it neutralised, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "a", " ") }), (text) => {
        expect(restoreFormula(neutraliseFormula(text))).toBe(text);
      }),
    );
  });

  it("writes lists with ; and reads any item back whole, separators and backslashes included", () => {
    expect(writeList(["Back pain", "a;b", "c\\d"])).toBe("Back pain; a\\;b; c\\\\d");
    expect(readList("Back pain; a\\;b; c\\\\d")).toEqual(["Back pain", "a;b", "c\\d"]);
    expect(readList(" x ;; y ;")).toEqual(["x", "y"]);
    expect(readList("C:\\path")).toEqual(["C:\\path"]);
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string()
            .map((item) => item.trim())
            .filter((item) => item !== ""),
        ),
        (items) => {
          expect(readList(writeList(items))).toEqual(items);
        },
      ),
    );
  });

  it("reads yes/no, choices in any letter case, and bare dates as midnight UTC", () => {
    const reminders = column("preferences.remindersOptIn");
    expect(CELL_FORMATS.boolean.read("YES", reminders)).toEqual({ value: true });
    expect(CELL_FORMATS.boolean.read("0", reminders)).toEqual({ value: false });
    expect(CELL_FORMATS.boolean.read("maybe", reminders)).toEqual({ error: "Use yes or no" });
    expect(CELL_FORMATS.boolean.write(false)).toBe("no");
    expect(CELL_FORMATS.choice.read("vip client", column("lifecycleStage"))).toEqual({ value: "VIP Client" });
    expect(CELL_FORMATS.choice.read("Gold", column("lifecycleStage"))).toEqual({
      error: `Use one of: ${LIFECYCLE_STAGES.join(", ")}`,
    });
    expect(CELL_FORMATS.instant.read("2024-03-01", column("lastVisitAt"))).toEqual({ value: "2024-03-01T00:00:00Z" });
  });
});
