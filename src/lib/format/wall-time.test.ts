import { describe, expect, it } from "vitest";
import { instantFromZonedWallTime, zonedWallTime } from "./dates";

describe("wall-clock times in a zone", () => {
  it("round-trips across London's spring and autumn changes and refuses junk", () => {
    expect(zonedWallTime("2026-03-28T09:30:00Z", "Europe/London")).toBe("2026-03-28T09:30");
    expect(zonedWallTime("2026-03-30T09:30:00Z", "Europe/London")).toBe("2026-03-30T10:30");
    expect(instantFromZonedWallTime("2026-03-30T10:30", "Europe/London")).toBe("2026-03-30T09:30:00.000Z");
    expect(instantFromZonedWallTime("2026-10-26T10:30", "Europe/London")).toBe("2026-10-26T10:30:00.000Z");
    expect(instantFromZonedWallTime("2026-12-07T09:00", "America/New_York")).toBe("2026-12-07T14:00:00.000Z");
    expect(instantFromZonedWallTime("2026-12-07T09:00", "Australia/Sydney")).toBe("2026-12-06T22:00:00.000Z");
    expect(instantFromZonedWallTime("9am tomorrow", "UTC")).toBeNull();
    for (const instant of [
      "2026-03-29T00:59:00Z",
      "2026-03-29T01:00:00Z",
      "2026-10-25T00:30:00Z",
      "2026-10-25T01:30:00Z",
    ]) {
      const wall = zonedWallTime(instant, "Europe/London");
      expect(zonedWallTime(instantFromZonedWallTime(wall, "Europe/London") ?? "", "Europe/London")).toBe(wall);
    }
  });
});
