import { describe, expect, it } from "vitest";
import { countOf, initialsOf, reachLine } from "./contact-display";

describe("initialsOf", () => {
  it.each([
    ["Ana María López", "AL"],
    ["robin", "R"],
    ["  Zoë   d'Arc ", "ZD"],
    ["Émile (Mo) Zola", "ÉZ"],
    ["— 李 小龙", "李小"],
    ["Ana Kowalski 79", "AK"],
    ["4 2", "42"],
    ["", "?"],
    ["--", "?"],
  ])("%j → %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe("formatting", () => {
  it("counts in words", () => {
    expect(countOf(1, "client")).toBe("1 client");
    expect(countOf(0, "client")).toBe("0 clients");
    expect(countOf(12345, "client")).toBe("12,345 clients");
  });

  it("joins what is known of email and phone", () => {
    expect(reachLine({ email: "a@b.test", phone: "+1 555" })).toBe("a@b.test · +1 555");
    expect(reachLine({ email: null, phone: "+1 555" })).toBe("+1 555");
    expect(reachLine({ email: null, phone: null })).toBe("");
  });
});
