import { beforeAll, describe, expect, it } from "vitest";
import type { ConcurrencyGate } from "@/server/security/concurrency-gate";
import { expectError, temporaryDataDir, uniqueEmail } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

// Password hashing is capped process-wide; a saturated gate answers 503 with Retry-After.
let routes: AuthRoutes;
let gate: ConcurrencyGate;
let limits: { slots: number; queue: number; retryAfterSeconds: number };
let hashPassword: (password: string) => Promise<string>;
let verifyPassword: (password: string, hash: string) => Promise<boolean>;
let refusedCount: () => Promise<number>;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: temporaryDataDir(), NEXT_PUBLIC_SUPABASE_URL: undefined });
  const hashing = await import("@/server/auth/embedded/hashing-gate");
  gate = hashing.passwordHashingGate();
  limits = hashing.PASSWORD_HASHING_LIMITS;
  ({ hashPassword, verifyPassword } = await import("@/server/auth/embedded/password"));
  const { credentialAbuseCounts } = await import("@/server/observability/metrics");
  refusedCount = async () => (await credentialAbuseCounts()).hashingRefused;
});

/** Occupies `count` places of the gate (slots first, then the queue) until the returned release is called. */
function occupy(count: number): { release: () => Promise<void> } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const tasks = Array.from({ length: count }, () => gate.run(() => held));
  return {
    release: async () => {
      release();
      await Promise.all(tasks);
    },
  };
}

describe("password hashing capacity", () => {
  it("answers a sign-in with 503 and Retry-After in the one error shape when every slot and queue place is taken", async () => {
    const holders = occupy(limits.slots + limits.queue);
    expect(gate.state()).toEqual({ running: limits.slots, waiting: limits.queue });
    const refusedBefore = await refusedCount();
    try {
      const response = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
        body: { email: uniqueEmail("crowded"), password: "some password or other" },
      });
      const error = await expectError(response, 503);
      expect(error.code).toBe("unavailable");
      expect(response.headers.get("retry-after")).toBe(String(limits.retryAfterSeconds));
      expect(await refusedCount()).toBe(refusedBefore + 1);
    } finally {
      await holders.release();
    }
    const after = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email: uniqueEmail("later"), password: "some password or other" },
    });
    expect(after.status).toBe(401);
  });

  it("runs a queued hash as soon as a slot frees", async () => {
    const holders = occupy(limits.slots);
    let hash: string | undefined;
    const hashing = hashPassword("queued passphrase 123").then((value) => (hash = value));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hash).toBeUndefined();
    expect(gate.state()).toEqual({ running: limits.slots, waiting: 1 });
    await holders.release();
    await hashing;
    expect(await verifyPassword("queued passphrase 123", hash as string)).toBe(true);
    expect(gate.state()).toEqual({ running: 0, waiting: 0 });
  });
});
