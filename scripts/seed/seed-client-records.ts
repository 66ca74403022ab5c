import type { SqlClient } from "@/server/db/sql-client";
import * as words from "./vocabulary";

export interface SeedClientsOptions {
  userId: string;
  contacts: number;
  /** Each client gets 0…maxNotesPerClient notes (uniformly). */
  maxNotesPerClient: number;
  /** Rows per INSERT statement. */
  batchSize: number;
  onBatch?: (done: number, total: number) => void;
}

export interface SeedCounts {
  contacts: number;
  tagLinks: number;
  notes: number;
  intakeArrivals: number;
  /** Second records of existing clients (one in a hundred), as a returning client's intake makes them. */
  duplicates: number;
  /** Of those pairs, the ones answered "not a duplicate". */
  dismissals: number;
}

/** Everything the statement draws from, sent once as one JSON parameter. */
const VOCABULARY = JSON.stringify({
  first: words.FIRST_NAMES,
  last: words.LAST_NAMES,
  domains: words.EMAIL_DOMAINS,
  streets: words.STREETS,
  cities: words.CITIES,
  stages: words.WEIGHTED_STAGES,
  sources: words.WEIGHTED_SOURCES,
  referrals: words.REFERRAL_SOURCES,
  conditions: words.CONDITIONS,
  allergies: words.ALLERGIES,
  contraindications: words.CONTRAINDICATIONS,
  subjective: words.NOTE_SUBJECTIVE,
  objective: words.NOTE_OBJECTIVE,
  assessment: words.NOTE_ASSESSMENT,
  plan: words.NOTE_PLAN,
});

/**
 * One batch of clients for one practitioner, with tag links and notes, in a single statement:
 * `insert … select` over generate_series, random picks from the vocabulary (pick() below).
 * Parameters: $1 user id, $2 vocabulary JSON, $3 first row number, $4 last, $5 max notes per client.
 */
const BATCH_SQL = `
with v as materialized (
  select $2::jsonb as w, array(select id from public.tags where user_id = $1::uuid) as tag_ids
),
picks as materialized (
  select n, v.w,
         v.w -> 'first' ->> floor(random() * jsonb_array_length(v.w -> 'first'))::int as first_name,
         v.w -> 'last' ->> floor(random() * jsonb_array_length(v.w -> 'last'))::int as last_name,
         v.w -> 'cities' -> floor(random() * jsonb_array_length(v.w -> 'cities'))::int as city,
         now() - random() * interval '1095 days' as created_at,
         random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
    from v, generate_series($3::int, $4::int) as n
),
inserted as (
  insert into public.contacts (user_id, display_name, first_name, last_name, email, phone, pronouns, date_of_birth,
                               source, referral_source, lifecycle_stage, address, emergency_contact, health_context,
                               preferences, created_at, updated_at, last_visit_at)
  select $1::uuid, first_name || ' ' || last_name, first_name, last_name,
         case when r1 < 0.9 then
           lower(translate(first_name || '.' || last_name, 'éèëçóöüíáäñøåÉ'' ', 'eeecoouiaanoae')) || n || '@' ||
           (w -> 'domains' ->> floor(r2 * jsonb_array_length(w -> 'domains'))::int) end,
         case when r2 < 0.85 then '+1 (' || (200 + floor(r3 * 799))::int || ') 555-' ||
           lpad(floor(r4 * 10000)::int::text, 4, '0') end,
         case when r5 < 0.3 then (array['she/her', 'he/him', 'they/them'])[1 + floor(r3 * 3)::int] end,
         case when r4 < 0.7 then date '1950-01-01' + floor(r1 * 20000)::int end,
         w -> 'sources' ->> floor(r5 * jsonb_array_length(w -> 'sources'))::int,
         case when r3 < 0.4 then w -> 'referrals' ->> floor(r4 * jsonb_array_length(w -> 'referrals'))::int end,
         (w -> 'stages' ->> floor(r4 * jsonb_array_length(w -> 'stages'))::int)::public.contact_lifecycle_stage,
         case when r5 < 0.6 then jsonb_build_object(
           'line1', (1 + floor(r1 * 998))::int || ' ' || (w -> 'streets' ->> floor(r2 * jsonb_array_length(w -> 'streets'))::int),
           'city', city ->> 0, 'region', city ->> 1,
           'postalCode', (city ->> 2) || lpad(floor(r3 * 100)::int::text, 2, '0'), 'country', 'US') end,
         case when r1 < 0.5 then jsonb_build_object('name', w -> 'first' ->> floor(r2 * 50)::int || ' ' || last_name,
           'relation', (array['partner', 'parent', 'sibling', 'friend'])[1 + floor(r4 * 4)::int],
           'phone', '+1 (555) 555-' || lpad(floor(r5 * 10000)::int::text, 4, '0')) end,
         case when r2 < 0.5 then jsonb_build_object(
           'conditions', jsonb_build_array(w -> 'conditions' ->> floor(r3 * jsonb_array_length(w -> 'conditions'))::int),
           'allergies', case when r4 < 0.2 then jsonb_build_array(w -> 'allergies' ->> floor(r5 * 5)::int) else '[]'::jsonb end,
           'medications', '[]'::jsonb,
           'contraindications', case when r1 < 0.15 then jsonb_build_array(w -> 'contraindications' ->> floor(r2 * 4)::int)
                                     else '[]'::jsonb end,
           'notes', null) end,
         jsonb_build_object('preferredChannel', (array['email', 'sms', 'phone'])[1 + floor(r1 * 3)::int],
                            'remindersOptIn', r2 < 0.7),
         created_at, created_at + r3 * (now() - created_at),
         case when r4 < 0.8 then created_at + r5 * (now() - created_at) end
    from picks
  returning id, created_at
),
linked as (
  insert into public.contact_tags (contact_id, tag_id, user_id)
  select i.id, t.tag_id, $1::uuid
    from inserted i cross join lateral (select unnest(v.tag_ids) as tag_id from v) as t
   where random() < 0.12
  returning 1
),
noted as (
  insert into public.notes (user_id, contact_id, body_text, body_json, template, status, signed_at, created_at, updated_at)
  select $1::uuid, note.contact_id, note.body, note.doc, note.template, note.status,
         case when note.status = 'final' then note.at end, note.at, note.at
    from (
      select i.id as contact_id, i.created_at + random() * (now() - i.created_at) as at,
             case when random() < 0.7 then 'final' else 'draft' end as status,
             'soap' as template,
             s.body, s.doc
        from inserted i
        -- The note count comes from the client's (random) id: a lateral call with no outer reference runs once.
        cross join lateral generate_series(1, get_byte(uuid_send(i.id), 15) % ($5::int + 1)) as k
        cross join lateral (
          select 'S: ' || p[1] || E'\\nO: ' || p[2] || E'\\nA: ' || p[3] || E'\\nP: ' || p[4] as body,
                 jsonb_build_object('type', 'doc', 'content', (
                   select jsonb_agg(jsonb_build_object('type', 'paragraph', 'content',
                            jsonb_build_array(jsonb_build_object('type', 'text', 'text', line))))
                     from unnest(p) as line)) as doc
            from (select array[
                    v.w -> 'subjective' ->> floor(random() * jsonb_array_length(v.w -> 'subjective'))::int,
                    v.w -> 'objective' ->> floor(random() * jsonb_array_length(v.w -> 'objective'))::int,
                    v.w -> 'assessment' ->> floor(random() * jsonb_array_length(v.w -> 'assessment'))::int,
                    v.w -> 'plan' ->> floor(random() * jsonb_array_length(v.w -> 'plan'))::int] as p
                    from v where k > 0) as parts
        ) as s
    ) as note
  returning 1
)
select (select count(*) from inserted)::int as contacts, (select count(*) from linked)::int as tag_links,
       (select count(*) from noted)::int as notes`;

/**
 * Returning clients who filled in the intake form under the same email in other capitals: a copy of
 * `count` random clients with email, and "not a duplicate" answered for about one pair in ten.
 * Parameters: $1 user id, $2 how many.
 */
const DUPLICATES_SQL = `
with picked as materialized (
  select id, display_name, first_name, last_name, email, phone, email_normalized
    from public.contacts where user_id = $1::uuid and email is not null
   order by random() limit $2::int
),
copied as (
  insert into public.contacts (user_id, display_name, first_name, last_name, email, phone, source, created_at, updated_at)
  select $1::uuid, display_name, first_name, last_name, upper(email), phone, 'intake',
         now() - random() * interval '30 days', now()
    from picked
  returning id, email_normalized
),
dismissed as (
  insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
  select $1::uuid, least(p.id, c.id), greatest(p.id, c.id)
    from copied c join picked p on p.email_normalized = c.email_normalized
   where random() < 0.1
  on conflict do nothing
  returning 1
)
select (select count(*) from copied)::int as duplicates, (select count(*) from dismissed)::int as dismissals`;

/** The practitioner's tags from the vocabulary (kept when they already exist). */
export async function seedTags(sql: SqlClient, userId: string): Promise<void> {
  for (const [name, color, category] of words.TAGS) {
    await sql.query(
      `insert into public.tags (user_id, name, color, category) values ($1, $2, $3, $4)
       on conflict (user_id, lower(name)) do nothing`,
      [userId, name, color, category],
    );
  }
}

/** Adds `contacts` realistic clients (with tags and notes) to one practitioner, batch by batch. */
export async function seedClients(sql: SqlClient, options: SeedClientsOptions): Promise<SeedCounts> {
  await seedTags(sql, options.userId);
  const totals: SeedCounts = { contacts: 0, tagLinks: 0, notes: 0, intakeArrivals: 0, duplicates: 0, dismissals: 0 };
  for (let first = 1; first <= options.contacts; first += options.batchSize) {
    const last = Math.min(options.contacts, first + options.batchSize - 1);
    const [row] = await sql.query<{ contacts: number; tag_links: number; notes: number }>(BATCH_SQL, [
      options.userId,
      VOCABULARY,
      first,
      last,
      options.maxNotesPerClient,
    ]);
    totals.contacts += Number(row?.contacts ?? 0);
    totals.tagLinks += Number(row?.tag_links ?? 0);
    totals.notes += Number(row?.notes ?? 0);
    options.onBatch?.(totals.contacts, options.contacts);
  }
  const [copies] = await sql.query<{ duplicates: number; dismissals: number }>(DUPLICATES_SQL, [
    options.userId,
    Math.ceil(totals.contacts / 100),
  ]);
  totals.duplicates = Number(copies?.duplicates ?? 0);
  totals.dismissals = Number(copies?.dismissals ?? 0);
  totals.intakeArrivals = await seedIntakeArrivals(sql, options.userId, INTAKE_ARRIVALS);
  return totals;
}

/** Clients that arrive "new from intake", each with its unread notification, per seeded practitioner. */
const INTAKE_ARRIVALS = 3;

/**
 * The newest clients become intake arrivals the practitioner has not opened yet: source "intake",
 * flagged, and an unread "intake form arrived" notification each (as the intake service posts it).
 */
export async function seedIntakeArrivals(sql: SqlClient, userId: string, count: number): Promise<number> {
  const [row] = await sql.query<{ notified: number }>(
    `with newest as (
       update public.contacts set source = 'intake', new_from_intake_at = created_at
        where id in (select id from public.contacts where user_id = $1::uuid order by created_at desc, id limit $2)
       returning id, first_name, created_at
     ),
     notified as (
       insert into public.notifications (user_id, kind, data, contact_id, dedupe_key, created_at)
       select $1::uuid, 'intake.submitted', jsonb_build_object('contactId', id, 'firstName', first_name), id, id::text,
              created_at
         from newest
       on conflict (user_id, kind, dedupe_key) do nothing
       returning 1
     )
     select count(*)::int as notified from notified`,
    [userId, count],
  );
  return Number(row?.notified ?? 0);
}

/** Fresh statistics and merged GIN pending lists, so plans right after a seed are the steady-state ones. */
export async function vacuumClientRecords(sql: SqlClient): Promise<void> {
  await sql.exec(
    "vacuum analyze public.contacts, public.tags, public.contact_tags, public.notes, public.contact_duplicate_dismissals",
  );
}
