import { beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = "cron-secret-for-tests-0123456789";
let GET: (request: Request) => Promise<Response>;

// The environment is parsed when first imported (by the test harness); re-import with the secret set.
beforeAll(async () => {
  process.env.CRON_SECRET = SECRET;
  vi.resetModules();
  ({ GET } = await import("@/app/api/cron/process-jobs/route"));
});

const call = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/process-jobs", { headers: authorization ? { authorization } : {} }));

describe("/api/cron/process-jobs with CRON_SECRET set", () => {
  it("refuses a missing or wrong secret and runs the queue with the right one", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret-0123456789")).status).toBe(401);
    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { scheduled: unknown; claimed: unknown };
    expect(typeof summary.scheduled).toBe("number");
    expect(typeof summary.claimed).toBe("number");
  });
});
