import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveQueue, type AutosaveState } from "./autosave-queue";

class Server {
  saved: string[] = [];
  failNext = 0;
  permanent = false;
  async save(value: string): Promise<void> {
    await Promise.resolve();
    if (this.permanent) throw new Error("Signed notes cannot be edited; add an amendment");
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("We couldn't reach OmniCRM.");
    }
    this.saved.push(value);
  }
}

function setup() {
  const server = new Server();
  const states: AutosaveState[] = [];
  let backup: string | null = null;
  const queue = new AutosaveQueue<string>({
    save: (value) => server.save(value),
    onState: (state) => states.push(state),
    isPermanent: () => server.permanent,
    backup: { write: (value) => (backup = value), clear: () => (backup = null) },
    debounceMs: 1_000,
    retryDelaysMs: [2_000, 5_000],
    now: () => new Date("2030-01-01T09:30:00Z"),
  });
  return { server, states, queue, backup: () => backup, last: () => states.at(-1) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("AutosaveQueue", () => {
  it("saves once after a pause in typing, with only the newest text", async () => {
    const { server, queue, last, backup } = setup();
    queue.update("H");
    await vi.advanceTimersByTimeAsync(500);
    queue.update("He");
    await vi.advanceTimersByTimeAsync(500);
    queue.update("Hello");
    expect(backup()).toBe("Hello");
    await vi.advanceTimersByTimeAsync(999);
    expect(server.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.saved).toEqual(["Hello"]);
    expect(last()).toEqual({ kind: "saved", at: new Date("2030-01-01T09:30:00Z") });
    expect(backup()).toBeNull();
    expect(queue.hasUnsaved()).toBe(false);
  });

  it("keeps the text and retries with growing pauses after a failed save", async () => {
    const { server, queue, last, backup } = setup();
    server.failNext = 2;
    queue.update("Shoulder tension");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last()).toMatchObject({ kind: "retrying", attempt: 1 });
    expect(backup()).toBe("Shoulder tension");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last()).toMatchObject({ kind: "retrying", attempt: 2 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(server.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.saved).toEqual(["Shoulder tension"]);
    expect(last()?.kind).toBe("saved");
    expect(backup()).toBeNull();
  });

  it("text typed while a save is in flight is saved next, and stays backed up until then", async () => {
    const { server, queue, backup } = setup();
    queue.update("one");
    await vi.advanceTimersByTimeAsync(1_000);
    queue.update("one two");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.saved).toEqual(["one"]);
    expect(backup()).toBe("one two");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.saved).toEqual(["one", "one two"]);
    expect(backup()).toBeNull();
  });

  it("flush saves at once, and rejects when that save fails", async () => {
    const { server, queue } = setup();
    queue.update("before signing");
    await queue.flush();
    expect(server.saved).toEqual(["before signing"]);
    server.failNext = 1;
    queue.update("offline");
    await expect(queue.flush()).rejects.toThrow(/couldn't reach/);
    expect(queue.hasUnsaved()).toBe(true);
  });

  it("stops on a refusal a retry cannot fix, keeping the text in the backup", async () => {
    const { server, queue, last, backup } = setup();
    server.permanent = true;
    queue.update("after signing elsewhere");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last()).toEqual({ kind: "refused", message: "Signed notes cannot be edited; add an amendment" });
    queue.update("more words");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.saved).toEqual([]);
    expect(backup()).toBe("more words");
  });
});
