import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import type { Contact } from "@/lib/contracts/contacts";
import type { NotificationListResponse, NotificationSettingsResponse } from "@/lib/contracts/notifications";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { refusal } from "../consents/consents-app";
import { expectNoServerError, hostileQuery, rawBody, shapedBody } from "../contacts/hostile-input";
import { consentAnswers, createLink, intakeForm, submit, systemRows, type IntakeApi } from "../intake/intake-api";
import { loadNotificationsApi, mailTo, signUp } from "./notifications-api";

let api: IntakeApi;

beforeAll(async () => {
  api = await loadNotificationsApi();
});

type Person = Awaited<ReturnType<typeof signUp>>;

async function submitFor(practitioner: Person, firstName: string): Promise<string> {
  const { token } = await createLink(practitioner);
  const form = intakeForm({
    firstName,
    email: `${firstName.toLowerCase()}@client.example`,
    consents: await consentAnswers(practitioner.id),
  });
  const result = await submit(api, token, form);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  const [client] = await systemRows<{ id: string }>(
    sql`select id from public.contacts where user_id = ${practitioner.id} and first_name = ${firstName}`,
  );
  return client?.id ?? "";
}

const notificationRows = (userId: string) =>
  systemRows<{ id: string; kind: string; contact_id: string | null; read_at: string | null }>(
    sql`select id, kind, contact_id, read_at::text from public.notifications where user_id = ${userId} order by created_at, id`,
  );

describe("an intake submission", () => {
  it("posts exactly one notification, flags the client, and mails the practitioner a link without the answers", async () => {
    const alice = await signUp(api, "Alice");
    const contactId = await submitFor(alice, "Rosa");
    await settleAfterResponse();

    expect(await notificationRows(alice.id)).toEqual([
      { id: expect.any(String) as string, kind: "intake.submitted", contact_id: contactId, read_at: null },
    ]);
    const bell = await alice.expect<NotificationListResponse>(200, "GET", "/api/notifications");
    expect(bell).toEqual({
      items: [
        {
          id: expect.any(String) as string,
          kind: "intake.submitted",
          title: "A new intake form from Rosa arrived",
          contactId,
          href: `/clients/${contactId}`,
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/) as string,
          readAt: null,
        },
      ],
      nextCursor: null,
      unreadCount: 1,
    });

    const flagged = await alice.expect<ContactListResponse>(200, "GET", "/api/contacts?newFromIntake=true");
    expect(flagged.items.map((client) => [client.id, client.newFromIntake])).toEqual([[contactId, true]]);

    const mails = mailTo(alice.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/^Subject: A new intake form from Rosa arrived\r?$/m);
    expect(mails[0]).toContain(`http://localhost:3000/clients/${contactId}`);
    for (const answer of ["Lindqvist", "asthma", "latex", "rosa@client.example", "Storgatan", "1988"])
      expect(mails[0]).not.toContain(answer);
  });

  it("that fails posts nothing, flags nothing and mails nobody", async () => {
    const alice = await signUp(api, "Failing");
    const { token } = await createLink(alice);
    const documents = await consentAnswers(alice.id);
    // A required consent left unanswered fails inside the transaction, after the link's use was counted.
    const refused = await submit(api, token, intakeForm({ consents: documents.slice(0, 1) }));
    expect(refused.status).toBe(422);
    const { token: usedUp } = await createLink(alice);
    expect((await submit(api, usedUp, intakeForm({ consents: documents }))).status).toBe(201);
    expect((await submit(api, usedUp, intakeForm({ firstName: "Again", consents: documents }))).status).toBe(404);
    await settleAfterResponse();

    expect(await notificationRows(alice.id)).toHaveLength(1);
    expect(await systemRows(sql`select 1 from public.contacts where user_id = ${alice.id}`)).toHaveLength(1);
    expect(mailTo(alice.email)).toHaveLength(1);
  });

  it("is notified once however often the same event is posted", async () => {
    const alice = await signUp(api, "Twice");
    const contactId = await submitFor(alice, "Maja");
    const { withUserDb } = await import("@/server/db");
    const { notify } = await import("@/server/services/notifications");
    const again = await withUserDb(alice.id, (tx) =>
      notify(tx, alice.id, "intake.submitted", { contactId, firstName: "Maja" }),
    );
    expect(again).toBeNull();
    expect(await notificationRows(alice.id)).toHaveLength(1);
  });

  it("mails nobody when the practitioner turned the email off, and still notifies", async () => {
    const alice = await signUp(api, "Quiet");
    expect(await alice.expect<NotificationSettingsResponse>(200, "GET", "/api/notifications/settings")).toEqual({
      items: [{ kind: "intake.submitted", email: true }],
    });
    expect(
      await alice.expect(200, "PATCH", "/api/notifications/settings", { kind: "intake.submitted", email: false }),
    ).toEqual({ items: [{ kind: "intake.submitted", email: false }] });
    await submitFor(alice, "Lena");
    await settleAfterResponse();
    expect(mailTo(alice.email)).toEqual([]);
    expect(await notificationRows(alice.id)).toHaveLength(1);
  });
});

describe("opening the client", () => {
  it("clears the flag and reads its notifications; later views write nothing to the client", async () => {
    const alice = await signUp(api, "Opener");
    const contactId = await submitFor(alice, "Ines");
    const opened = await alice.expect<Contact>(200, "GET", `/api/contacts/${contactId}`);
    expect(opened.newFromIntake).toBe(false);

    const [row] = await systemRows<{ new_from_intake_at: string | null; version: string }>(
      sql`select new_from_intake_at, xmin::text as version from public.contacts where id = ${contactId}`,
    );
    expect(row?.new_from_intake_at).toBeNull();
    const bell = await alice.expect<NotificationListResponse>(200, "GET", "/api/notifications");
    expect(bell.unreadCount).toBe(0);
    expect(bell.items[0]?.readAt).not.toBeNull();
    expect((await alice.expect<ContactListResponse>(200, "GET", "/api/contacts?newFromIntake=true")).items).toEqual([]);

    // Only a flagged client is written: the row version stays the same on the next view.
    await alice.expect<Contact>(200, "GET", `/api/contacts/${contactId}`);
    const [after] = await systemRows<{ version: string }>(
      sql`select xmin::text as version from public.contacts where id = ${contactId}`,
    );
    expect(after?.version).toBe(row?.version);
  });
});

describe("merging and erasing clients", () => {
  it("a merge moves the duplicate's notification to the client kept; erasing the client removes it", async () => {
    const alice = await signUp(api, "Merger");
    const kept = await submitFor(alice, "Kept");
    const duplicate = await submitFor(alice, "Folded");
    await alice.expect(200, "POST", `/api/contacts/${kept}/merge`, { duplicateId: duplicate });
    const bell = await alice.expect<NotificationListResponse>(200, "GET", "/api/notifications");
    expect(bell.items.map((item) => [item.title, item.href])).toEqual([
      ["A new intake form from Folded arrived", `/clients/${kept}`],
      ["A new intake form from Kept arrived", `/clients/${kept}`],
    ]);
    await alice.expect(204, "DELETE", `/api/contacts/${kept}`);
    expect(await notificationRows(alice.id)).toEqual([]);
  });
});

describe("the bell's API", () => {
  it("pages newest first and marks some or all read", async () => {
    const alice = await signUp(api, "Pager");
    const ids = [];
    for (const name of ["Ada", "Bea", "Cy"]) ids.push(await submitFor(alice, name));
    const first = await alice.expect<NotificationListResponse>(200, "GET", "/api/notifications?limit=2");
    expect(first.items.map((item) => item.contactId)).toEqual([ids[2], ids[1]]);
    expect(first.unreadCount).toBe(3);
    const second = await alice.expect<NotificationListResponse>(
      200,
      "GET",
      `/api/notifications?limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((item) => item.contactId)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const one = first.items[0]?.id ?? "";
    expect(await alice.expect(200, "POST", "/api/notifications/read", { ids: [one, one] })).toEqual({
      marked: 1,
      unreadCount: 2,
    });
    expect(await alice.expect(200, "POST", "/api/notifications/read", { all: true })).toEqual({
      marked: 2,
      unreadCount: 0,
    });
  });

  it("another practitioner can neither read nor mark them, through the API or under row level security", async () => {
    const alice = await signUp(api, "Owner");
    const mallory = await signUp(api, "Mallory");
    const contactId = await submitFor(alice, "Secret");
    const [notification] = await notificationRows(alice.id);
    const id = notification?.id ?? "";

    expect(await mallory.expect(200, "GET", "/api/notifications")).toEqual({
      items: [],
      nextCursor: null,
      unreadCount: 0,
    });
    expect(await mallory.expect(200, "POST", "/api/notifications/read", { ids: [id] })).toEqual({
      marked: 0,
      unreadCount: 0,
    });
    await mallory.expect(200, "POST", "/api/notifications/read", { all: true });
    await mallory.expect(404, "GET", `/api/contacts/${contactId}`);
    expect((await notificationRows(alice.id))[0]?.read_at).toBeNull();

    expect(await mallory.sql(sql`select id from public.notifications where id = ${id}`)).toEqual([]);
    expect(
      await mallory.sql(sql`update public.notifications set read_at = now() where id = ${id} returning id`),
    ).toEqual([]);
    expect(await refusal(mallory.sql(sql`delete from public.notifications where id = ${id}`))).toBe("42501");
    expect(
      await refusal(
        mallory.sql(
          sql`insert into public.notifications (user_id, kind, dedupe_key) values (${alice.id}, 'intake.submitted', 'x')`,
        ),
      ),
    ).toBe("42501");
    // Not even about one's own account may a notification point at someone else's client.
    expect(
      await refusal(
        mallory.sql(sql`insert into public.notifications (user_id, kind, dedupe_key, contact_id)
                        values (${mallory.id}, 'intake.submitted', 'y', ${contactId})`),
      ),
    ).toMatch(/^(42501|23503)$/);
    // The owner may mark read (and a merge repoint the client); the other columns refuse an update.
    expect(await refusal(alice.sql(sql`update public.notifications set kind = 'other' where id = ${id}`))).toBe(
      "42501",
    );
    expect(await mallory.sql(sql`select * from public.notification_settings where user_id = ${alice.id}`)).toEqual([]);
    expect((await notificationRows(alice.id))[0]?.read_at).toBeNull();
  });

  it("answers hostile bodies and queries with 4xx in the one error shape, and changes nothing", async () => {
    const alice = await signUp(api, "Target");
    await submitFor(alice, "Hostile");
    const before = await notificationRows(alice.id);
    const fixed: unknown[] = [
      {},
      { ids: [] },
      { ids: ["not-a-uuid"] },
      { ids: Array.from({ length: 101 }, () => crypto.randomUUID()) },
      { all: false },
      { all: "true" },
      { all: true, ids: [crypto.randomUUID()] },
      { ids: [crypto.randomUUID()], userId: alice.id },
      null,
      [],
      "all",
    ];
    for (const body of fixed) {
      const sent = await alice.send("POST", "/api/notifications/read", body);
      expectNoServerError(sent, JSON.stringify(body));
      expect(sent.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    }
    for (const body of [
      {},
      { kind: "intake.submitted" },
      { kind: "nope", email: true },
      { kind: "intake.submitted", email: "yes" },
    ]) {
      const sent = await alice.send("PATCH", "/api/notifications/settings", body);
      expect(sent.status, JSON.stringify(body)).toBe(422);
    }
    for (const query of ["cursor=abc", "limit=0", "limit=51", "limit=x", `cursor=${"A".repeat(301)}`]) {
      const sent = await alice.send("GET", `/api/notifications?${query}`);
      expectNoServerError(sent, query);
      expect(sent.status, query).toBeGreaterThanOrEqual(400);
    }
    expect(await notificationRows(alice.id)).toEqual(before);
    // Generated bodies may be valid ({ all: true }), so these only check the answer's shape.
    await fc.assert(
      fc.asyncProperty(fc.oneof(shapedBody(["ids", "all"]), rawBody), async (body) => {
        expectNoServerError(await alice.send("POST", "/api/notifications/read", body), JSON.stringify(body));
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(hostileQuery(["cursor", "limit"]), async (query) => {
        expectNoServerError(await alice.send("GET", `/api/notifications?${query}`), query);
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
