import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { signedUpBrowser, temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes } from "../auth/load-auth-routes";
import { Practitioner, systemRows, type ClientRecordsApi } from "../contacts/client-records-api";

/** The auth routes on a data directory of the suite's own (embedded auth unless variables say otherwise); other routes resolve by URL. */
export async function loadAccountApi(variables: Record<string, string | undefined> = {}): Promise<ClientRecordsApi> {
  const auth = await loadAuthRoutes({
    DATA_DIR: temporaryDataDir(),
    NEXT_PUBLIC_SUPABASE_URL: undefined,
    ...variables,
  });
  return { auth };
}

export async function signUp(api: ClientRecordsApi, name: string): Promise<Practitioner & { email: string }> {
  const { browser, id, email } = await signedUpBrowser(api.auth, name);
  return Object.assign(new Practitioner(api, browser, id), { email });
}

export interface SeededClient {
  contactId: string;
  photoPath: string;
}

/** A client with a signed note, an amendment, a tag, a booked session and a stored photo, all through the API and services. */
export async function seedClient(practitioner: Practitioner, name: string): Promise<SeededClient> {
  const { id: contactId } = await practitioner.expect<{ id: string }>(201, "POST", "/api/contacts", {
    displayName: name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}@client.example`,
  });
  const { id: tagId } = await practitioner.expect<{ id: string }>(201, "POST", "/api/tags", {
    name: `tag-${randomBytes(3).toString("hex")}`,
  });
  await practitioner.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [contactId], tagIds: [tagId] });
  const note = await practitioner.expect<{ id: string }>(201, "POST", `/api/contacts/${contactId}/notes`, {
    template: "soap",
  });
  await practitioner.expect(200, "POST", `/api/notes/${note.id}/sign`, {});
  await practitioner.expect(201, "POST", `/api/notes/${note.id}/amendments`, { body: `Amended for ${name}` });

  await seedConsent(practitioner, contactId, name);
  await seedAvailability(practitioner, name);
  // A session booked with the client, in a three-hour window of its own (no two seeded sessions meet).
  const { id: sessionTypeId } = await practitioner.expect<{ id: string }>(201, "POST", "/api/session-types", {
    name: `Session ${randomBytes(3).toString("hex")}`,
    durationMinutes: 60,
  });
  const window = 1 + (randomBytes(4).readUInt32BE() % 100_000);
  await practitioner.expect(201, "POST", "/api/appointments", {
    contactId,
    sessionTypeId,
    startsAt: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + window * 3 * 3_600_000).toISOString(),
  });
  const { withUserDb } = await import("@/server/db");
  const { notify } = await import("@/server/services/notifications");
  await withUserDb(practitioner.id, (tx) =>
    notify(tx, practitioner.id, "intake.submitted", { contactId, firstName: name.split(" ")[0] ?? name }),
  );
  const { putObject } = await import("@/server/storage");
  const { setContactPhoto } = await import("@/server/services/contacts");
  const photoPath = `photos/${practitioner.id}/${contactId}/${randomBytes(16).toString("hex")}.webp`;
  await putObject(photoPath, new TextEncoder().encode(`photo of ${name}`), "image/webp");
  await setContactPhoto({ userId: practitioner.id }, { id: contactId, photoPath });
  return { contactId, photoPath };
}

let overrideDays = 0;

/** Working hours (with a limit) and a date override, through the availability API. */
export async function seedAvailability(practitioner: Practitioner, name: string): Promise<void> {
  const day = [{ start: 540, end: 1020 }];
  await practitioner.expect(200, "PUT", "/api/availability", {
    weeklyHours: { monday: day, tuesday: day, wednesday: [], thursday: day, friday: day, saturday: [], sunday: [] },
    dailyBookingLimit: 6,
  });
  const date = new Date(Date.UTC(2031, 0, 1 + overrideDays++)).toISOString().slice(0, 10);
  await practitioner.expect(201, "POST", "/api/availability/overrides", { date, ranges: [], note: `Away (${name})` });
}

/** A consent version and a client's consent as the consents service writes them (append-only, under RLS). */
export async function seedConsent(practitioner: Practitioner, contactId: string, name: string): Promise<void> {
  const [present] = await systemRows<{ ok: boolean }>(
    sql`select to_regclass('public.client_consents') is not null as ok`,
  );
  // The consents migration lands separately; once it is there, its tables must hold rows here.
  if (!present?.ok) return;
  const body = `Data processing terms for ${name}`;
  const [document] = await practitioner.sql<{ id: string; content_hash: string }>(sql`
    insert into public.consent_documents (user_id, kind, version, title, body, content_hash, required)
    select ${practitioner.id}, 'data_processing', coalesce(max(version), 0) + 1, 'Data processing', ${body},
           encode(sha256(convert_to(${body}, 'UTF8')), 'hex'), true
      from public.consent_documents where user_id = ${practitioner.id} and kind = 'data_processing'
    returning id, content_hash`);
  await practitioner.sql(sql`
    insert into public.client_consents (user_id, contact_id, document_id, document_hash, kind, decision, signature_name, source)
    values (${practitioner.id}, ${contactId}, ${document?.id ?? null}, ${document?.content_hash ?? null},
            'data_processing', 'granted', ${name}, 'practitioner')`);
}

/**
 * Rows for the tables no route writes yet, the way their services would: an integration (system
 * path, tokens as envelopes), an intake link (under RLS), a notification about no client and an
 * email setting (under RLS), a queued job, a pending email change (system path, the link's token
 * hash) and a password reset.
 */
export async function seedAccountExtras(practitioner: Practitioner & { email: string }): Promise<void> {
  const { withSystemDb } = await import("@/server/db");
  const { enqueueJob } = await import("@/server/jobs/queue");
  await practitioner.sql(sql`
    insert into public.intake_links (user_id, label, token_hash, expires_at)
    values (${practitioner.id}, 'Front desk', ${randomBytes(32).toString("base64url")}, now() + interval '72 hours')`);
  await practitioner.sql(sql`
    insert into public.notifications (user_id, kind, data, dedupe_key)
    values (${practitioner.id}, 'intake.submitted', '{"firstName": "Seeded"}', ${randomBytes(8).toString("hex")})`);
  await practitioner.sql(sql`
    insert into public.notification_settings (user_id, kind, email) values (${practitioner.id}, 'intake.submitted', false)`);
  // AI switches and one answered call in the usage ledger, as the AI services write them (under RLS).
  await practitioner.sql(sql`insert into public.ai_settings (user_id, enabled) values (${practitioner.id}, true)`);
  await practitioner.sql(sql`
    insert into public.ai_usage (user_id, feature, model, input_tokens, output_tokens, total_tokens)
    values (${practitioner.id}, 'client_summary', 'seeded-model', 100, 50, 150)`);
  // The practitioner's own habits (an answer and a pause) and a check-in, through their API.
  const habit = await practitioner.expect<{ id: string }>(201, "POST", "/api/habits", {
    name: "Walk",
    schedule: { kind: "daily" },
  });
  const { today } = await practitioner.expect<{ today: string }>(200, "GET", "/api/habits");
  await practitioner.expect(200, "PUT", `/api/habits/${habit.id}/entries/${today}`, { status: "yes" });
  await practitioner.expect(200, "PUT", "/api/habits/pause", { until: null });
  await practitioner.expect(200, "PUT", `/api/check-ins/${today}/morning`, {
    energy: 3,
    mood: 4,
    sleep: null,
    stress: 2,
    note: "Seeded",
  });
  // Tasks: the default zones (and the preference row that records them) on first use, a project, a task in both.
  const zones = await practitioner.expect<{ items: { id: string }[] }>(200, "GET", "/api/task-zones");
  const project = await practitioner.expect<{ id: string }>(201, "POST", "/api/task-projects", { name: "Renewals" });
  await practitioner.expect(201, "POST", "/api/tasks", {
    title: "Renew insurance",
    projectId: project.id,
    zoneId: zones.items[0]?.id,
  });
  await withSystemDb("test-seed", async (tx) => {
    // Gmail as the sync job writes it: a connection, a message linked to a client, a blocked domain, a
    // suggested sender, and a Connect Google in progress.
    await tx.execute(sql`
      with connection as (
        insert into public.google_connections (user_id, google_email)
        values (${practitioner.id}, ${`gmail.${practitioner.id}@example.com`}) returning id),
      message as (
        insert into public.email_messages (user_id, connection_id, gmail_message_id, thread_id, sent_at, direction)
        select ${practitioner.id}, id, 'seeded1', 'thread1', now(), 'received' from connection returning id)
      insert into public.email_message_contacts (user_id, message_id, contact_id, sent_at)
      select ${practitioner.id}, message.id, c.id, now()
        from message, (select id from public.contacts where user_id = ${practitioner.id} limit 1) c`);
    await tx.execute(sql`
      insert into public.email_blocklist (user_id, pattern) values (${practitioner.id}, '@spam.example')`);
    await tx.execute(sql`
      insert into public.email_sender_suggestions (user_id, email, message_count, last_seen_at)
      values (${practitioner.id}, 'sam@unknown.example', 3, now())`);
    await tx.execute(sql`
      insert into app_private.google_oauth_states (state_hash, user_id, session_hash, code_verifier, redirect_uri, expires_at)
      values (${randomBytes(32).toString("hex")}, ${practitioner.id}, ${randomBytes(32).toString("hex")},
              ${randomBytes(48).toString("base64url")}, 'http://127.0.0.1/api/integrations/google/callback',
              now() + interval '10 minutes')`);
    await tx.execute(sql`
      insert into public.user_integrations (user_id, provider, access_token_enc, refresh_token_enc)
      values (${practitioner.id}, 'google', 'v1:access-ciphertext', 'v1:refresh-ciphertext')`);
    await tx.execute(sql`
      insert into app_private.email_changes (token_hash, user_id, new_email, expires_at)
      values (${randomBytes(32)}, ${practitioner.id}, ${`moved.${practitioner.id}@example.com`}, now() + interval '24 hours')`);
    await enqueueJob(
      tx,
      "maintenance.prune-expired-auth",
      {},
      { userId: practitioner.id, runAt: new Date(Date.now() + 3600_000) },
    );
  });
  const reset = await practitioner.browser.send(
    practitioner.api.auth.resetPassword,
    "POST",
    "/api/auth/reset-password",
    {
      body: { email: practitioner.email },
    },
  );
  expect(reset.status).toBe(202);
  await settleAfterResponse(); // the reset token is issued after the answer
}

/** Every base table with a user_id column, from the catalog (any schema but the system ones). */
export async function catalogTables(): Promise<string[]> {
  const rows = await systemRows<{ name: string }>(sql`
    select c.table_schema || '.' || c.table_name as name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.column_name = 'user_id' and t.table_type = 'BASE TABLE'
       and c.table_schema not like 'pg\\_%' and c.table_schema <> 'information_schema'
     order by 1`);
  return rows.map((row) => row.name);
}

const quoted = (table: string): SQL => {
  const [schema, name] = table.split(".");
  return sql`${sql.identifier(schema ?? "")}.${sql.identifier(name ?? "")}`;
};

/** Rows per catalog table holding `userId`. */
export async function rowCounts(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await catalogTables()) {
    const [row] = await systemRows<{ n: number }>(
      sql`select count(*)::int as n from ${quoted(table)} where user_id = ${userId}`,
    );
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
