import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryLimiter } from "./memory-limiter";

const policy = { name: "test", limit: 3, windowSeconds: 60, failClosed: true };

describe("in-process limiter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts down to the limit, then refuses until the window ends", async () => {
    vi.useFakeTimers();
    const limiter = createMemoryLimiter();
    const states = [];
    for (let i = 0; i < 4; i += 1) states.push(await limiter.hit(policy, "caller"));
    expect(states.map((state) => [state.allowed, state.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(states[3]?.resetAtMs).toBeGreaterThan(Date.now() + 59_000);

    vi.advanceTimersByTime(60_001);
    const afterWindow = await limiter.hit(policy, "caller");
    expect(afterWindow).toMatchObject({ allowed: true, remaining: 2, limit: 3 });
  });

  it("keeps separate counters per caller and per policy", async () => {
    const limiter = createMemoryLimiter();
    for (let i = 0; i < 3; i += 1) await limiter.hit(policy, "first");
    expect((await limiter.hit(policy, "first")).allowed).toBe(false);
    expect((await limiter.hit(policy, "second")).allowed).toBe(true);
    expect((await limiter.hit({ ...policy, name: "other" }, "first")).allowed).toBe(true);
  });

  it("reads a counter without counting, and clears it", async () => {
    const limiter = createMemoryLimiter();
    expect(await limiter.peek(policy, "reader")).toMatchObject({ allowed: true, remaining: 3 });
    for (let i = 0; i < 3; i += 1) await limiter.hit(policy, "reader");
    expect(await limiter.peek(policy, "reader")).toMatchObject({ allowed: false, remaining: 0 });
    expect(await limiter.peek(policy, "reader")).toMatchObject({ allowed: false, remaining: 0 });
    await limiter.clear(policy, "reader");
    expect(await limiter.peek(policy, "reader")).toMatchObject({ allowed: true, remaining: 3 });
    expect(await limiter.hit(policy, "reader")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("always answers a ping", async () => {
    await expect(createMemoryLimiter().ping()).resolves.toBeUndefined();
  });
});
