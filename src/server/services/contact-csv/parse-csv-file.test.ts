import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { detectDelimiter, parseCsvFile } from "./parse-csv-file";

async function refusal(text: string): Promise<AppError> {
  try {
    await parseCsvFile(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("reading a CSV of clients", () => {
  it("detects comma or semicolon from the header line, ignoring separators inside quotes", () => {
    expect(detectDelimiter("Name,Email\n")).toBe(",");
    expect(detectDelimiter("Name;Email;Phone\r\nA,B;c;d")).toBe(";");
    expect(detectDelimiter('"Last, First";Email\n')).toBe(";");
    expect(detectDelimiter('"a;b;c",Email\n')).toBe(",");
    expect(detectDelimiter("Name\n")).toBe(",");
  });

  it("numbers rows as a spreadsheet does, keeps quoted line breaks and doubled quotes, skips blank lines", async () => {
    const table = await parseCsvFile('Name;Notes\r\n"Maya";"first\nsecond"\r\n\r\n;\r\n"Sam ""Sammy"" Lee";x\r\n');
    expect(table.delimiter).toBe(";");
    expect(table.headers).toEqual(["Name", "Notes"]);
    expect(table.rows).toEqual([
      { row: 2, cells: ["Maya", "first\nsecond"] },
      { row: 5, cells: ['Sam "Sammy" Lee', "x"] },
    ]);
  });

  it("pads short rows, allows blank trailing cells, and keeps stray quotes inside values", async () => {
    const table = await parseCsvFile("Name,Height,Email\nMaya,5'10\"\nSam,6,sam@example.com,,\n");
    expect(table.rows).toEqual([
      { row: 2, cells: ["Maya", "5'10\"", ""] },
      { row: 3, cells: ["Sam", "6", "sam@example.com"] },
    ]);
  });

  it("reverses the formula guard of its own exports", async () => {
    const table = await parseCsvFile("Name,Phone\n'=Maya,'+1 415\n");
    expect(table.rows[0]?.cells).toEqual(["=Maya", "+1 415"]);
  });

  it("refuses a file it cannot read whole, saying where", async () => {
    const cases: [string, number, RegExp][] = [
      ["", 422, /empty/],
      ["  \n\n", 422, /empty/],
      ["Name,Email\n", 422, /no rows/],
      ["Name,Email\n,\n\n", 422, /no rows/],
      [",,\nMaya,x,y\n", 422, /column names/],
      ['Name,Email\nMaya,"maya@example.com\nSam,sam@example.com\n', 422, /never closed/],
      ["Name,Email\nMaya,maya@example.com\nSam,sam@example.com,extra\n", 422, /Row 3 has 3 values/],
      [`${Array.from({ length: 101 }, (_, index) => `c${index}`).join(",")}\nx\n`, 422, /101 columns/],
      [`Name\n${"x\n".repeat(10_001)}`, 413, /10,001 rows/],
    ];
    for (const [text, status, message] of cases) {
      const error = await refusal(text);
      expect([error.status, error.message]).toEqual([status, expect.stringMatching(message)]);
      expect(error.details).toEqual([{ path: "file", message: error.message }]);
    }
  });

  it("accepts exactly 10,000 rows", async () => {
    expect((await parseCsvFile(`Name\n${"x\n".repeat(10_000)}`)).rows).toHaveLength(10_000);
  });

  it("keeps characters whole where the file is handed to the parser in slices", async () => {
    const name = "Zoë 🙂 Łukasz 名前 ".repeat(40);
    const rows = Array.from({ length: 400 }, (_, index) => `"${name}${index}"`);
    const table = await parseCsvFile(`Name\n${rows.join("\n")}\n`);
    expect(table.rows.map((row) => row.cells[0])).toEqual(rows.map((_, index) => `${name}${index}`));
  });
});
