import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { decodeCsvText } from "./decode-csv-text";

const refusal = (bytes: number[] | Uint8Array) => {
  try {
    decodeCsvText(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("decoded");
};

describe("decoding an uploaded CSV", () => {
  it("reads UTF-8 with or without a byte order mark", () => {
    const text = "Name\nZoë\n";
    expect(decodeCsvText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeCsvText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
  });

  it("refuses workbooks, PDFs, UTF-16, binary data and other encodings with what to do (415)", () => {
    const cases: [number[], RegExp][] = [
      [[0x50, 0x4b, 0x03, 0x04, 0x14], /workbook/],
      [[0xd0, 0xcf, 0x11, 0xe0], /Excel 97/],
      [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
      [[0xff, 0xfe, 0x4e, 0x00], /UTF-16/],
      [[0x4e, 0x61, 0x00, 0x6d], /binary/],
      // "Zoë" in Windows-1252
      [[0x5a, 0x6f, 0xeb, 0x0a], /not UTF-8/],
    ];
    for (const [bytes, message] of cases) {
      const error = refusal(bytes);
      expect(error.status).toBe(415);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/CSV/);
    }
  });
});
