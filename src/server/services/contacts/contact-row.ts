import { sql, type SQL } from "drizzle-orm";
import type { Contact, ContactSummary, ContactSource, LifecycleStage } from "@/lib/contracts/contacts";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** The summary's columns, as `select` text over `public.contacts c`, tags included. */
const SUMMARY_FIELDS = sql`
  c.id, c.display_name, c.first_name, c.last_name, c.email, c.phone, c.photo_path, c.source,
  c.lifecycle_stage, ${isoText(sql`c.created_at`)} as created_at, ${isoText(sql`c.updated_at`)} as updated_at,
  ${isoText(sql`c.last_visit_at`)} as last_visit_at, ${tagsOf(sql`c.id`)} as tags,
  c.new_from_intake_at is not null as new_from_intake`;

/**
 * One list row over `public.contacts c`: its id (for the cursor) and, as `item`, the ContactSummary
 * JSON the API sends (same keys, same order as toContactSummary), as text so no driver parses it.
 */
export const SUMMARY_COLUMNS = sql`c.id, json_build_object(
  'id', c.id, 'displayName', c.display_name, 'firstName', c.first_name, 'lastName', c.last_name,
  'email', c.email, 'phone', c.phone, 'photoPath', c.photo_path, 'source', c.source,
  'lifecycleStage', c.lifecycle_stage, 'tags', ${tagsOf(sql`c.id`)},
  'createdAt', ${isoText(sql`c.created_at`)}, 'updatedAt', ${isoText(sql`c.updated_at`)},
  'lastVisitAt', ${isoText(sql`c.last_visit_at`)},
  'newFromIntake', c.new_from_intake_at is not null)::text as item`;

export interface SummaryJsonRow {
  id: string;
  item: string;
}

/** Every column of a client, for the detail view. */
export const CONTACT_COLUMNS = sql`${SUMMARY_FIELDS},
  c.pronouns, c.date_of_birth::text as date_of_birth, c.referral_source,
  c.address, c.emergency_contact, c.health_context, c.preferences`;

/** A timestamp as JavaScript's toISOString() writes it (UTC, milliseconds), so no row needs date parsing. */
function isoText(column: SQL) {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The tags of one client as a JSON array, sorted by name. */
function tagsOf(contactId: SQL) {
  return sql`coalesce((
    select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by lower(t.name), t.id)
      from public.contact_tags ct join public.tags t on t.id = ct.tag_id
     where ct.contact_id = ${contactId}
  ), '[]'::json)`;
}

export interface SummaryRow {
  id: string;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  photo_path: string | null;
  source: ContactSource;
  lifecycle_stage: LifecycleStage;
  created_at: Date | string;
  updated_at: Date | string;
  last_visit_at: Date | string | null;
  tags: ContactSummary["tags"] | string;
  new_from_intake: boolean;
}

export interface ContactRow extends SummaryRow {
  pronouns: string | null;
  date_of_birth: string | null;
  referral_source: string | null;
  address: Contact["address"] | string;
  emergency_contact: Contact["emergencyContact"] | string;
  health_context: Contact["healthContext"] | string;
  preferences: Contact["preferences"] | string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Already ISO text from the columns above; a Date or driver text from other selects is converted. */
function isoTime(value: Date | string): string {
  if (typeof value === "string" && ISO_UTC.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function parsedJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

export function toContactSummary(row: SummaryRow): ContactSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    photoPath: row.photo_path,
    source: row.source,
    lifecycleStage: row.lifecycle_stage,
    tags: parsedJson(row.tags),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    lastVisitAt: row.last_visit_at === null ? null : isoTime(row.last_visit_at),
    newFromIntake: row.new_from_intake,
  };
}

export function toContact(row: ContactRow): Contact {
  return {
    ...toContactSummary(row),
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    referralSource: row.referral_source,
    address: parsedJson(row.address),
    emergencyContact: parsedJson(row.emergency_contact),
    healthContext: parsedJson(row.health_context),
    preferences: parsedJson(row.preferences),
  };
}

/** The full client `id` of `userId` inside an open transaction, or undefined when there is none. */
export async function selectContact(tx: DbTransaction, userId: string, id: string): Promise<Contact | undefined> {
  const rows = resultRows<ContactRow>(
    await tx.execute(
      sql`select ${CONTACT_COLUMNS} from public.contacts c where c.user_id = ${userId} and c.id = ${id}`,
    ),
  );
  return rows[0] && toContact(rows[0]);
}
