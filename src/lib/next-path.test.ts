import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/tasks", "/tasks"],
    ["/clients?view=all#top", "/clients?view=all#top"],
    ["/settings/../calendar", "/calendar"],
    [["/calendar", "/tasks"], "/calendar"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    "",
    "clients",
    "https://evil.example/clients",
    "//evil.example/clients",
    "/\\evil.example",
    "/\tevil",
    "javascript:alert(1)",
    "/sign-in",
    "/sign-in?next=/clients",
    "/sign-up",
    "/reset-password/confirm?token=abc",
    "/api/auth/sign-out",
  ])("falls back for %j", (value) => {
    expect(safeNextPath(value)).toBe(DEFAULT_SIGNED_IN_PATH);
  });

  it("keeps encoded characters encoded rather than decoding them into a new path", () => {
    expect(safeNextPath("/clients/%2F%2Fevil")).toBe("/clients/%2F%2Fevil");
  });

  it("uses the fallback it is given", () => {
    expect(safeNextPath("https://evil.example", "/settings")).toBe("/settings");
  });
});
