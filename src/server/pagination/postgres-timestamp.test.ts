import { describe, expect, it } from "vitest";
import { isPostgresTimestamp } from "./postgres-timestamp";

describe("isPostgresTimestamp", () => {
  it.each([
    "2024-02-29T23:59:59.999999Z",
    "2024-02-29 23:59:59.999999+00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-15:59",
    "2024-05-01 12:00:00+05:30",
    "1900-01-01 00:00:00+00:19:32",
  ])("accepts %j", (value) => {
    expect(isPostgresTimestamp(value)).toBe(true);
  });

  it.each([
    "0000-01-01T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "0100-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T00:60:00Z",
    "2024-01-01T00:00:60Z",
    "2024-01-01T00:00:00+16:00",
    "2024-01-01 00:00:00+99",
    "2024-01-01T00:00:00+05:60",
    "2024-01-01 00:00:00+05:00:60",
    "2024-01-01T00:00:00.1234567Z",
    "2024-01-01T00:00:00",
    "infinity",
    "epoch",
    "now",
  ])("refuses %j", (value) => {
    expect(isPostgresTimestamp(value)).toBe(false);
  });
});
