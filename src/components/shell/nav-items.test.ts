import { describe, expect, it } from "vitest";
import { isCurrent, NAV_ITEMS } from "./nav-items";

const item = (href: string) => NAV_ITEMS.find((entry) => entry.href === href) ?? NAV_ITEMS[0];

describe("isCurrent", () => {
  it("marks Home only on / and every other area on its own pages", () => {
    expect(isCurrent(item("/"), "/")).toBe(true);
    expect(isCurrent(item("/"), "/clients")).toBe(false);
    expect(isCurrent(item("/habits"), "/habits")).toBe(true);
    expect(isCurrent(item("/clients"), "/clients/123")).toBe(true);
    expect(isCurrent(item("/clients"), "/")).toBe(false);
    for (const path of ["/", "/clients/1", "/habits", "/settings/profile"]) {
      expect(
        NAV_ITEMS.filter((entry) => isCurrent(entry, path)),
        path,
      ).toHaveLength(1);
    }
  });
});
