import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";

describe("next.config.ts headers", () => {
  it("sends X-Content-Type-Options: nosniff on every path, /_next/static included", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everyPath = rules.filter((rule) => rule.source === "/:path*");
    expect(everyPath.flatMap((rule) => rule.headers)).toContainEqual({
      key: "X-Content-Type-Options",
      value: "nosniff",
    });
  });
});
