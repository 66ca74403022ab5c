import { describe, expect, it } from "vitest";
import { formatConsentDateTime } from "./consent-dates";

describe("formatConsentDateTime", () => {
  it("formats in the given zone and names it", () => {
    const iso = "2026-11-25T17:05:00.000Z";
    const utc = formatConsentDateTime(iso, "UTC");
    expect(utc).toMatch(/2026/);
    expect(utc).toMatch(/17:05|5:05/);
    expect(utc).toMatch(/UTC/);
    expect(formatConsentDateTime(iso, "Asia/Tokyo")).toMatch(/26|02:05|2:05/);
  });

  it("formats in the reader's own zone without throwing", () => {
    expect(formatConsentDateTime("2026-01-01T00:00:00.000Z")).toMatch(/202[56]/);
  });
});
