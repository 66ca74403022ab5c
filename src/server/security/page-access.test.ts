import { describe, expect, it } from "vitest";
import { isPublicPage, requestKind, signInUrl } from "./page-access";

describe("page access", () => {
  it.each([
    ["/api/auth/user", "api"],
    ["/api", "api"],
    ["/apiary", "page"],
    ["/clients", "page"],
    ["/", "page"],
    ["/_next/data/build/x.json", "asset"],
    ["/__nextjs_original-stack-frames", "asset"],
    ["/logo.svg", "asset"],
  ])("classifies %s as %s", (path, kind) => {
    expect(requestKind(path)).toBe(kind);
  });

  it("opens only the listed pages to signed-out visitors", () => {
    expect(isPublicPage("/sign-in")).toBe(true);
    expect(isPublicPage("/sign-in/")).toBe(true);
    expect(isPublicPage("/onboard/token-123")).toBe(true);
    expect(isPublicPage("/onboard")).toBe(false);
    expect(isPublicPage("/sign-in-admin")).toBe(false);
    expect(isPublicPage("/reset-password/other")).toBe(false);
    expect(isPublicPage("/settings")).toBe(false);
    // The email-change link may be opened in a browser that is not signed in.
    expect(isPublicPage("/confirm-email")).toBe(true);
    expect(isPublicPage("/settings/security")).toBe(false);
  });

  it("builds the sign-in URL with the way back", () => {
    const target = signInUrl(new URL("https://app.example.com/tasks?due=today"));
    expect(target.origin).toBe("https://app.example.com");
    expect(target.pathname).toBe("/sign-in");
    expect(target.searchParams.get("next")).toBe("/tasks?due=today");
  });
});
