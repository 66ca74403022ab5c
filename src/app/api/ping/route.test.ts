import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/ping", () => {
  it("answers ok as JSON through the route wrapper", async () => {
    const response = await GET(new Request("http://localhost/api/ping"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ ok: true });
  });
});
