import { describe, expect, it } from "vitest";
import { runCheck } from "./run-check";

describe("runCheck", () => {
  it("reports a passing check with its latency", async () => {
    const result = await runCheck("quick", () => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(25);
    expect(result).not.toHaveProperty("error");
  });

  it("gives up at its own timeout and says only 'timeout'", async () => {
    const started = performance.now();
    const result = await runCheck("hanging", () => new Promise(() => undefined), 100);
    expect(result).toMatchObject({ ok: false, error: "timeout" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("never repeats the failure's message, which may name hosts or credentials", async () => {
    const result = await runCheck("broken", async () => {
      throw new Error("connect ECONNREFUSED db.internal:5432 as postgres:s3cret");
    });
    expect(result).toEqual({ ok: false, latencyMs: expect.any(Number) as number, error: "unavailable" });
  });

  it("ignores a late rejection from a check that already timed out", async () => {
    const result = await runCheck(
      "late",
      () => new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 50)),
      10,
    );
    expect(result.error).toBe("timeout");
    await new Promise((resolve) => setTimeout(resolve, 80));
  });
});
