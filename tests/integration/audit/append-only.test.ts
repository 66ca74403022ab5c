import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { signUpPractitioner, systemRows, type Practitioner } from "../contacts/client-records-api";
import { insertEvent, loadAuditApp, refusal } from "./audit-app";

let alice: Practitioner;
let bob: Practitioner;
let aliceEvent: string;

beforeAll(async () => {
  const app = await loadAuditApp();
  alice = await signUpPractitioner(app.api, "Alice");
  bob = await signUpPractitioner(app.api, "Bob");
  aliceEvent = await insertEvent(alice.id, "client.viewed", new Date().toISOString());
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function countOf(id: string): Promise<number> {
  const [row] = await systemRows<{ n: number | string }>(
    sql`select count(*) as n from public.audit_events where id = ${id}`,
  );
  return Number(row?.n);
}

describe("audit events are append-only", () => {
  it("the app role (authenticated, under RLS) may insert and read its own, but never update, delete or truncate", async () => {
    const [own] = await alice.sql<{ id: string }>(
      sql`insert into public.audit_events (user_id, action) values (${alice.id}, 'settings.updated') returning id`,
    );
    expect(own?.id).toBeTruthy();
    expect(
      await refusal(alice.sql(sql`update public.audit_events set action = 'client.created' where id = ${aliceEvent}`)),
    ).toMatch(/permission denied/);
    expect(await refusal(alice.sql(sql`delete from public.audit_events where id = ${aliceEvent}`))).toMatch(
      /permission denied/,
    );
    expect(await refusal(alice.sql(sql`truncate public.audit_events`))).toMatch(/permission denied/);
    expect(await countOf(aliceEvent)).toBe(1);
    const [row] = await systemRows<{ action: string }>(
      sql`select action from public.audit_events where id = ${aliceEvent}`,
    );
    expect(row?.action).toBe("client.viewed");
  });

  it("the owner (privileged connection) is refused too: update, delete and truncate raise", async () => {
    expect(
      await refusal(systemRows(sql`update public.audit_events set metadata = '{"x":1}' where id = ${aliceEvent}`)),
    ).toMatch(/append-only/);
    expect(await refusal(systemRows(sql`delete from public.audit_events where id = ${aliceEvent}`))).toMatch(
      /append-only/,
    );
    expect(await refusal(systemRows(sql`truncate public.audit_events`))).toMatch(/append-only/);
    expect(await countOf(aliceEvent)).toBe(1);
  });

  it("the maintenance functions are not callable by the app role", async () => {
    expect(await refusal(alice.sql(sql`select app_private.prune_audit_events(now())`))).toMatch(/permission denied/);
    expect(await refusal(alice.sql(sql`select app_private.erase_audit_events(${bob.id}::uuid)`))).toMatch(
      /permission denied/,
    );
    expect(await countOf(aliceEvent)).toBe(1);
  });
});

describe("retention and erasure", () => {
  it("prune removes only events older than the cutoff, and leaves deletes refused afterwards in the same transaction", async () => {
    const old = await insertEvent(bob.id, "client.viewed", daysAgo(40));
    const orphan = await insertEvent(null, "auth.sign_in.failed", daysAgo(40));
    const recent = await insertEvent(bob.id, "client.viewed", daysAgo(20));
    const { withSystemDb } = await import("@/server/db");
    const { pruneAuditEvents } = await import("@/server/services/audit");
    const afterPrune = withSystemDb("test:prune", async (tx) => {
      const { removed } = await pruneAuditEvents(tx, 30);
      expect(removed).toBeGreaterThanOrEqual(2);
      await tx.execute(sql`delete from public.audit_events where id = ${recent}`);
    });
    expect(await refusal(afterPrune)).toMatch(/append-only/);
    // The failed transaction rolled the prune back too; run it alone.
    await withSystemDb("test:prune", (tx) => pruneAuditEvents(tx, 30));
    expect([await countOf(old), await countOf(orphan), await countOf(recent), await countOf(aliceEvent)]).toEqual([
      0, 0, 1, 1,
    ]);
  });

  it("the daily job prunes with AUDIT_RETENTION_DAYS (default six years) and is scheduled", async () => {
    const { withSystemDb } = await import("@/server/db");
    const { JOB_KINDS, RECURRING_JOBS } = await import("@/server/jobs/registry");
    const { enqueueJob } = await import("@/server/jobs/queue");
    expect(RECURRING_JOBS).toContainEqual({
      name: "prune-audit-events",
      kind: "maintenance.prune-audit-events",
      cron: "30 3 * * *",
      timeZone: "UTC",
    });
    const beyond = await insertEvent(bob.id, "client.viewed", daysAgo(2193));
    const within = await insertEvent(bob.id, "client.viewed", daysAgo(2191));
    await withSystemDb("test:job", (tx) =>
      JOB_KINDS["maintenance.prune-audit-events"].run(
        {},
        {
          db: tx,
          jobId: "test",
          userId: null,
          attempt: 1,
          signal: new AbortController().signal,
          heartbeat: async () => {},
          enqueue: enqueueJob,
        },
      ),
    );
    expect([await countOf(beyond), await countOf(within)]).toEqual([0, 1]);
  });

  it("erase removes every event of that account and no other", async () => {
    const carol = await insertEvent(null, "auth.sign_in.failed", daysAgo(1));
    const bobs = [
      await insertEvent(bob.id, "client.created", daysAgo(1)),
      await insertEvent(bob.id, "auth.signed_out", daysAgo(2)),
    ];
    const [erased] = await systemRows<{ n: number | string }>(
      sql`select app_private.erase_audit_events(${bob.id}::uuid) as n`,
    );
    expect(Number(erased?.n)).toBeGreaterThanOrEqual(2);
    const [left] = await systemRows<{ n: number | string }>(
      sql`select count(*) as n from public.audit_events where user_id = ${bob.id}`,
    );
    expect(Number(left?.n)).toBe(0);
    expect(await Promise.all(bobs.map(countOf))).toEqual([0, 0]);
    expect([await countOf(aliceEvent), await countOf(carol)]).toEqual([1, 1]);
  });
});
