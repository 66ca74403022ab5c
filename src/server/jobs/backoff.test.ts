import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./backoff";

const backoff = { baseSeconds: 10, capSeconds: 3600 };

describe("retryDelaySeconds", () => {
  it("doubles per attempt between half and all of the step", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, backoff, () => 0))).toEqual([5, 10, 20, 40]);
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, backoff, () => 1))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(3, backoff, () => 0.5)).toBe(30);
  });

  it("never waits longer than the cap, however many attempts", () => {
    for (const attempt of [10, 11, 20, 50, 1000])
      for (const draw of [0, 0.3, 0.999, 1]) {
        const delay = retryDelaySeconds(attempt, backoff, () => draw);
        expect(delay).toBeLessThanOrEqual(3600);
        expect(delay).toBeGreaterThanOrEqual(1800);
      }
  });

  it("spreads retries of jobs that failed together", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = new Set(Array.from({ length: 50 }, () => retryDelaySeconds(5, backoff, random)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
