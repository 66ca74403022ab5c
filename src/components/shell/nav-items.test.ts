import { describe, expect, it } from "vitest";
import { isCurrent, NAV_ITEMS, type NavItem } from "./nav-items";

function item(href: string): NavItem {
  const found = NAV_ITEMS.find((entry) => entry.href === href);
  if (!found) throw new Error(`no navigation item for ${href}`);
  return found;
}

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
