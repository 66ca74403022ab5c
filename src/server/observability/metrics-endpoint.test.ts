import { describe, expect, it } from "vitest";
import { type AppError } from "@/server/errors";
import { assertMetricsAccess } from "./metrics-endpoint";

const TOKEN = "metrics-token-0123456789";

function refusal(authorization: string | null, token: string | undefined): AppError | undefined {
  try {
    assertMetricsAccess(authorization, token);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe("assertMetricsAccess", () => {
  it("hides the endpoint (404) when no token is configured, whatever the caller sends", () => {
    expect(refusal(`Bearer ${TOKEN}`, undefined)?.status).toBe(404);
    expect(refusal(null, undefined)?.status).toBe(404);
  });

  it.each([null, "", "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN])(
    "refuses %j with 401 and a Bearer challenge",
    (authorization) => {
      const error = refusal(authorization, TOKEN);
      expect(error?.status).toBe(401);
      expect(error?.headers["WWW-Authenticate"]).toMatch(/^Bearer /);
    },
  );

  it("admits the exact token, whatever the scheme's case", () => {
    expect(refusal(`Bearer ${TOKEN}`, TOKEN)).toBeUndefined();
    expect(refusal(`bearer ${TOKEN}`, TOKEN)).toBeUndefined();
  });
});
