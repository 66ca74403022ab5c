import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { IntakeLink, IntakeLinkListResponse } from "@/lib/contracts/intake";
import { expectError } from "../auth/fixtures";
import {
  createLink,
  loadIntakeApi,
  signUpPractitioner,
  systemRows,
  type IntakeApi,
  type Practitioner,
} from "./intake-api";

let api: IntakeApi;
let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  api = await loadIntakeApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  return attempt.then(
    () => "succeeded",
    (error: unknown) => (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message,
  );
}

async function statusOf(practitioner: Practitioner, id: string): Promise<IntakeLink | undefined> {
  const list = await practitioner.expect<IntakeLinkListResponse>(200, "GET", "/api/intake-links");
  return list.items.find((link) => link.id === id);
}

describe("intake link lifecycle", () => {
  it("creates a link with the defaults and answers its URL with a 256-bit token once", async () => {
    const created = await createLink(alice);
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/onboard\/[A-Za-z0-9_-]{43}$/);
    expect(created.link).toMatchObject({
      label: "Intake",
      status: "active",
      maxUses: 1,
      usedCount: 0,
      revokedAt: null,
    });
    const hours = (Date.parse(created.link.expiresAt) - Date.parse(created.link.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(72, 1);
    const listed = await statusOf(alice, created.link.id);
    expect(listed).toEqual(created.link);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const [audit] = await systemRows<{ action: string; metadata: unknown }>(
      sql`select action, metadata from public.audit_events where target_id = ${created.link.id}`,
    );
    expect(audit).toEqual({ action: "intake_link.created", metadata: { expiresInHours: 72, maxUses: 1 } });
  });

  it("stores only the SHA-256 of the token: the raw token is nowhere in the database", async () => {
    const created = await createLink(alice, { label: "Hash check" });
    const { hashIntakeToken } = await import("@/server/services/intake");
    const [row] = await systemRows<{ token_hash: string }>(
      sql`select token_hash from public.intake_links where id = ${created.link.id}`,
    );
    expect(row?.token_hash).toBe(hashIntakeToken(created.token));
    const everywhere = await systemRows<{ hits: number }>(sql`
      select count(*)::int as hits
        from (select to_jsonb(l) as doc from public.intake_links l
              union all select to_jsonb(a) from public.audit_events a) rows
       where doc::text like ${`%${created.token}%`}`);
    expect(everywhere).toEqual([{ hits: 0 }]);
  });

  it("derives revoked, expired and used up, and revoking is audited and idempotent", async () => {
    const revoked = await createLink(alice, { label: "To revoke", expiresInHours: 1, maxUses: 3 });
    const first = await alice.expect<IntakeLink>(200, "POST", `/api/intake-links/${revoked.link.id}/revoke`);
    expect(first.status).toBe("revoked");
    const again = await alice.expect<IntakeLink>(200, "POST", `/api/intake-links/${revoked.link.id}/revoke`);
    expect(again.revokedAt).toBe(first.revokedAt);

    const expired = await createLink(alice, { label: "To expire" });
    await systemRows(sql`update public.intake_links
      set created_at = now() - interval '80 hours', expires_at = now() - interval '8 hours'
      where id = ${expired.link.id}`);
    expect((await statusOf(alice, expired.link.id))?.status).toBe("expired");

    const usedUp = await createLink(alice, { label: "To use up" });
    await systemRows(sql`update public.intake_links set used_count = 1 where id = ${usedUp.link.id}`);
    expect((await statusOf(alice, usedUp.link.id))?.status).toBe("used_up");

    const actions = await systemRows<{ action: string }>(
      sql`select action from public.audit_events where target_id = ${revoked.link.id} order by occurred_at, id`,
    );
    expect(actions.map((row) => row.action)).toEqual([
      "intake_link.created",
      "intake_link.revoked",
      "intake_link.revoked",
    ]);
  });

  it("refuses out-of-range lifetimes and uses, and unknown fields, writing nothing", async () => {
    const before = await systemRows(
      sql`select count(*)::int as n from public.intake_links where user_id = ${alice.id}`,
    );
    for (const body of [
      { label: "x", expiresInHours: 0 },
      { label: "x", expiresInHours: 169 },
      { label: "x", maxUses: 0 },
      { label: "x", maxUses: 101 },
      { label: "x", maxUses: 1.5 },
      { label: "" },
      { label: "x", tokenHash: "chosen" },
      { label: "x", usedCount: -5 },
    ]) {
      await alice.expect(422, "POST", "/api/intake-links", body);
    }
    expect(
      await systemRows(sql`select count(*)::int as n from public.intake_links where user_id = ${alice.id}`),
    ).toEqual(before);
  });

  it("needs a session", async () => {
    const { TestBrowser } = await import("../../support/test-browser");
    const stranger = new (await import("../contacts/client-records-api")).Practitioner(api, new TestBrowser(), "");
    await expectError((await stranger.send("GET", "/api/intake-links")).response, 401);
    await expectError((await stranger.send("POST", "/api/intake-links", { label: "x" })).response, 401);
  });
});

describe("tenant isolation", () => {
  it("another practitioner cannot list or revoke my links through the API", async () => {
    const mine = await createLink(alice, { label: "Alice only" });
    const bobs = await bob.expect<IntakeLinkListResponse>(200, "GET", "/api/intake-links");
    expect(bobs.items.map((link) => link.id)).not.toContain(mine.link.id);
    await expectError((await bob.send("POST", `/api/intake-links/${mine.link.id}/revoke`)).response, 404);
    expect((await statusOf(alice, mine.link.id))?.status).toBe("active");
  });

  it("row level security hides and protects my links from another user's session, and keeps counters out of reach", async () => {
    const mine = await createLink(alice, { label: "RLS" });
    expect(await bob.sql(sql`select id from public.intake_links where id = ${mine.link.id}`)).toEqual([]);
    expect(
      await bob.sql(sql`update public.intake_links set revoked_at = now() where id = ${mine.link.id} returning id`),
    ).toEqual([]);
    const forged = bob.sql(sql`insert into public.intake_links (user_id, label, token_hash, expires_at)
                  values (${alice.id}, 'forged', ${"A".repeat(43)}, now() + interval '2 hours')`);
    expect(await refusal(forged)).toMatch(/row-level security/);
    // Even the owner cannot reset the use counter or extend the expiry: only revoked_at is updatable.
    for (const column of ["used_count = 0", "max_uses = 100", "expires_at = now() + interval '100 hours'"]) {
      const attempt = alice.sql(sql.raw(`update public.intake_links set ${column} where id = '${mine.link.id}'`));
      expect(await refusal(attempt)).toMatch(/permission denied/);
    }
  });

  it("the anon role cannot select from intake_links at all", async () => {
    const { withSystemDb } = await import("@/server/db");
    const attempt = withSystemDb("test-anon", async (tx) => {
      await tx.execute(sql`set local role anon`);
      return tx.execute(sql`select id from public.intake_links`);
    });
    expect(await refusal(attempt)).toMatch(/permission denied/);
  });
});
