import { afterEach, describe, expect, it, vi } from "vitest";
import { createConcurrencyGate, type GateState } from "./concurrency-gate";

class Busy extends Error {}

/** A task that runs until `finish` is called. */
function heldTask() {
  let finish: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { task: () => done, finish };
}

function gate(limits = { slots: 2, queue: 2, waitMs: 1_000 }) {
  const states: GateState[] = [];
  let refused = 0;
  const instance = createConcurrencyGate({
    ...limits,
    refusal: () => new Busy("busy"),
    onChange: (state) => states.push(state),
    onRefused: () => (refused += 1),
  });
  return { instance, states, refusedCount: () => refused };
}

describe("concurrency gate", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs up to `slots` at once, queues up to `queue`, and refuses the rest at once", async () => {
    const { instance, refusedCount } = gate();
    const held = [heldTask(), heldTask(), heldTask(), heldTask()];
    const running = held.map((h) => instance.run(h.task));
    expect(instance.state()).toEqual({ running: 2, waiting: 2 });
    await expect(instance.run(async () => "extra")).rejects.toBeInstanceOf(Busy);
    expect(refusedCount()).toBe(1);
    held.forEach((h, i) => h.finish(`task ${i}`));
    expect(await Promise.all(running)).toEqual(["task 0", "task 1", "task 2", "task 3"]);
    expect(instance.state()).toEqual({ running: 0, waiting: 0 });
  });

  it("starts a queued task as soon as a slot frees, first come first served", async () => {
    const { instance, states } = gate({ slots: 1, queue: 2, waitMs: 1_000 });
    const first = heldTask();
    const order: string[] = [];
    const running = instance.run(first.task);
    const second = instance.run(async () => void order.push("second"));
    const third = instance.run(async () => void order.push("third"));
    await Promise.resolve();
    expect(order).toEqual([]);
    first.finish("first");
    await Promise.all([running, second, third]);
    expect(order).toEqual(["second", "third"]);
    expect(states.at(-1)).toEqual({ running: 0, waiting: 0 });
    expect(Math.max(...states.map((state) => state.running))).toBe(1);
  });

  it("refuses a caller that waited `waitMs` without a slot, and forgets it", async () => {
    vi.useFakeTimers();
    const { instance, refusedCount } = gate({ slots: 1, queue: 5, waitMs: 500 });
    const holder = heldTask();
    const running = instance.run(holder.task);
    const waiting = instance.run(async () => "late");
    const outcome = waiting.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(501);
    expect(await outcome).toBeInstanceOf(Busy);
    expect(refusedCount()).toBe(1);
    expect(instance.state()).toEqual({ running: 1, waiting: 0 });
    holder.finish("done");
    await running;
    expect(instance.state()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const { instance } = gate({ slots: 1, queue: 0, waitMs: 100 });
    await expect(instance.run(() => Promise.reject(new Error("scrypt failed")))).rejects.toThrow("scrypt failed");
    await expect(instance.run(async () => "next")).resolves.toBe("next");
  });
});
