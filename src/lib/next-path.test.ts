import fc from "fast-check";
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

const ORIGIN = "https://app.example";

/** Pieces attackers combine: dot segments, encoded and literal slashes, schemes, controls, `@`, unicode. */
const pathPiece = fc.constantFrom(
  "/",
  "//",
  "\\",
  "/\\",
  ".",
  "..",
  "./",
  "../",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%2e",
  "%2E%2e",
  "\t",
  "\n",
  "\r",
  " ",
  "javascript:",
  "JavaScript:",
  "data:",
  "https:",
  "HTTP:",
  "evil.example",
  "@",
  "user@evil.example",
  "?",
  "#",
  "clients",
  "ｅｖｉｌ。example",
  "／",
  "＼",
  "\u2028",
  "%00",
);

const candidatePath = fc.oneof(
  fc.array(pathPiece, { maxLength: 8 }).map((pieces) => pieces.join("")),
  fc.array(pathPiece, { maxLength: 8 }).map((pieces) => `/${pieces.join("")}`),
  fc.string({ maxLength: 30 }).map((text) => `/${text}`),
  fc.string({ unit: "binary", maxLength: 30 }),
);

describe("safeNextPath on generated paths", () => {
  it("refuses the reported dot-segment redirect", () => {
    expect(safeNextPath("/.//evil.example")).toBe(DEFAULT_SIGNED_IN_PATH);
    expect(safeNextPath("/a/..//evil.example")).toBe(DEFAULT_SIGNED_IN_PATH);
    expect(safeNextPath("/%2e//evil.example")).toBe(DEFAULT_SIGNED_IN_PATH);
  });

  it("only ever answers a path on this site that starts with exactly one slash", () => {
    fc.assert(
      fc.property(candidatePath, (candidate) => {
        const result = safeNextPath(candidate);
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        expect(result).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 2000 },
    );
  });
});
