import { describe, expect, it } from "vitest";
import { errorBodySchema } from "@/lib/contracts/errors";
import { DELETE, GET, POST } from "./route";

describe("an /api path no route claims", () => {
  it.each([
    ["GET", GET],
    ["POST", POST],
    ["DELETE", DELETE],
  ] as const)("answers %s with 404 in the one error shape", async (method, handler) => {
    const response = await handler(new Request("http://localhost/api/no-such-route", { method }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.code).toBe("not_found");
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });
});
