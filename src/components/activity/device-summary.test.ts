import { describe, expect, it } from "vitest";
import { deviceSummary } from "./device-summary";

describe("deviceSummary", () => {
  it.each([
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome on macOS",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iPhone",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    ["curl/8.5.0", "curl"],
  ])("%s → %s", (userAgent, summary) => {
    expect(deviceSummary(userAgent)).toBe(summary);
  });

  it("falls back to the raw string, shortened, and to 'Unknown device' without one", () => {
    expect(deviceSummary("internal-probe/1")).toBe("internal-probe/1");
    expect(deviceSummary("x".repeat(60))).toBe(`${"x".repeat(39)}…`);
    expect(deviceSummary(null)).toBe("Unknown device");
    expect(deviceSummary("")).toBe("Unknown device");
  });
});
