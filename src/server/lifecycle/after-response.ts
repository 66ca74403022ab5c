import { after } from "next/server";
import { log } from "@/server/observability/logger";

// Work started outside a request (tests, scripts), so it can still be awaited; on globalThis so every
// copy of this module (tests reload modules) sees the same set.
const pending = ((globalThis as { omnicrmAfterResponse?: Set<Promise<void>> }).omnicrmAfterResponse ??= new Set());

/**
 * Runs `task` once the response has been sent, so its cost never shows in the answer's timing (a
 * reset mail sent or not, a lock notice). Inside a request Next's `after()` keeps the function alive
 * until it is done and flushes it on shutdown; elsewhere it starts at once and is tracked. Failures
 * are logged, never thrown: the caller has already answered.
 */
export function afterResponse(name: string, task: () => Promise<void>): void {
  const run = async () => {
    try {
      await task();
    } catch (error) {
      log().error({ task: name, err: error }, "work after the response failed");
    }
  };
  try {
    after(run);
    return;
  } catch {
    // Outside a request scope `after()` throws: fall through and track the work here.
  }
  const started = run().finally(() => pending.delete(started));
  pending.add(started);
}

/** Resolves when every task started outside a request has finished (tests; scripts before exiting). */
export async function settleAfterResponse(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
