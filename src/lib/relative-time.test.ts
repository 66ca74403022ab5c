import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = new Date("2026-03-10T12:00:00.000Z");

describe("formatRelativeTime", () => {
  it.each([
    ["2026-03-10T11:59:30.000Z", "just now"],
    ["2026-03-10T11:55:00.000Z", "5 minutes ago"],
    ["2026-03-10T09:00:00.000Z", "3 hours ago"],
    ["2026-03-08T12:00:00.000Z", "2 days ago"],
    ["not a time", ""],
  ])("%s → %s", (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });
});
