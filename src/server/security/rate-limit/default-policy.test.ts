import { describe, expect, it } from "vitest";
import { defaultRateLimit } from "./policies";

describe("defaultRateLimit", () => {
  it.each([
    ["GET", true, "read"],
    ["HEAD", true, "read"],
    ["get", true, "read"],
    ["POST", true, "api"],
    ["PATCH", true, "api"],
    ["DELETE", true, "api"],
    ["GET", false, "public"],
    ["POST", false, "public"],
  ] as const)("%s signed in=%s → %s", (method, signedIn, policy) => {
    expect(defaultRateLimit(method, signedIn)).toBe(policy);
  });
});
