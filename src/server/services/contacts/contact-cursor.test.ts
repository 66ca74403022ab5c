import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { decodeCursor, encodeCursor, isTimestampText } from "./contact-cursor";

const id = "2f1d7c3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f";

describe("contact cursors", () => {
  it("round-trip for the sort and order they were made for", () => {
    const cursor = { sort: "relevance" as const, order: "asc" as const, keys: [1, "Ana Ruiz"], id };
    expect(decodeCursor(encodeCursor(cursor), "relevance", "asc")).toEqual(cursor);
    const byDate = { sort: "created" as const, order: "desc" as const, keys: ["2024-02-01 09:00:00.000001+00"], id };
    expect(decodeCursor(encodeCursor(byDate), "created", "desc")).toEqual(byDate);
  });

  it("are refused (400) for another sort or order, or when edited", () => {
    const text = encodeCursor({ sort: "name", order: "asc", keys: ["Ana"], id });
    for (const [candidate, sort, order] of [
      [text, "name", "desc"],
      [text, "created", "asc"],
      [encodeCursor({ sort: "created", order: "asc", keys: ["2024-02-30 00:00:00+00"], id }), "created", "asc"],
      [encodeCursor({ sort: "name", order: "asc", keys: [""], id }), "name", "asc"],
      [encodeCursor({ sort: "name", order: "asc", keys: ["Ana"], id: "x" }), "name", "asc"],
      ["not base64 at all!", "name", "asc"],
    ] as const) {
      let thrown: unknown;
      try {
        decodeCursor(candidate, sort, order);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown) && thrown.status).toBe(400);
    }
  });

  it("never throw anything but a 400 for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          decodeCursor(Buffer.from(text).toString("base64url"), "name", "asc");
        } catch (error) {
          expect(isAppError(error) && error.status).toBe(400);
        }
      }),
    );
  });
});

describe("isTimestampText", () => {
  it("accepts what Postgres prints and refuses days that do not exist", () => {
    expect(isTimestampText("2024-02-29 23:59:59.999999+00")).toBe(true);
    expect(isTimestampText("2024-05-01 12:00:00+05:30")).toBe(true);
    expect(isTimestampText("-infinity")).toBe(true);
    expect(isTimestampText("2023-02-29 00:00:00+00")).toBe(false);
    expect(isTimestampText("2024-01-01 24:00:00+00")).toBe(false);
    expect(isTimestampText("2024-01-01T00:00:00Z")).toBe(false);
    expect(isTimestampText("infinity")).toBe(false);
    expect(isTimestampText("0000-01-01 00:00:00+00")).toBe(false);
    expect(isTimestampText("2024-01-01 00:00:00+99")).toBe(false);
    expect(isTimestampText("2024-01-01 00:00:00+05:99")).toBe(false);
  });
});
