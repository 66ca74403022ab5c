/**
 * Every table that holds a practitioner's rows, with how the data export reads it and how account
 * deletion removes it. The database catalog is the source of truth: tests/integration/account
 * fails when a table with a `user_id` column (any schema) is missing here, and both the export and
 * the deletion refuse to run past a table they do not know.
 */

/** How the export reads a table: under row level security, or on the system path for app_private. */
export type ExportRead =
  | {
      via: "user" | "system";
      /** Columns left out of the file, each with the reason. */
      exclude?: Record<string, string>;
      /** When set, only these columns (tables owned by another system, e.g. Supabase's auth.users). */
      only?: readonly string[];
    }
  | { via: "skip"; reason: string };

/** How account deletion removes the rows, in table order inside one transaction. */
export type Erase =
  | { by: "delete" }
  | { by: "cascade"; from: string }
  | { by: "erase-audit-events" }
  /** The account row itself: deleted in the transaction (embedded) or by the GoTrue admin API (Supabase). */
  | { by: "auth-user" };

export interface UserDataTable {
  /** Schema-qualified name as the catalog spells it. */
  table: string;
  /** The column naming the owner. */
  owner: "user_id" | "id";
  export: ExportRead;
  erase: Erase;
}

const SECRET = "a secret's hash or ciphertext: useless to the owner and dangerous in a file";

/** In deletion order: clients first (their notes, amendments, tag links and consents cascade), the account last. */
export const USER_DATA_TABLES: readonly UserDataTable[] = [
  { table: "public.contacts", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  {
    table: "public.contact_tags",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  {
    table: "public.notes",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  {
    table: "public.note_amendments",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.notes" },
  },
  {
    table: "public.appointments",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  {
    table: "public.client_consents",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  {
    table: "public.contact_duplicate_dismissals",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  // Published versions refuse deletion while the account exists: they go with auth.users.
  {
    table: "public.consent_documents",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "auth.users" },
  },
  // A message goes with its last client link (trigger, 0018) and with its connection (below).
  {
    table: "public.email_message_contacts",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.contacts" },
  },
  {
    table: "public.google_connections",
    owner: "user_id",
    // The session role may not select the token columns, so the export reads it on the system path.
    export: { via: "system", exclude: { access_token_enc: SECRET, refresh_token_enc: SECRET } },
    erase: { by: "delete" },
  },
  {
    table: "public.email_messages",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.google_connections" },
  },
  { table: "public.email_blocklist", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.email_sender_suggestions", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  {
    table: "app_private.google_oauth_states",
    owner: "user_id",
    export: {
      via: "skip",
      reason: "Connect Google round trips in flight: a state hash and a PKCE verifier, gone within ten minutes",
    },
    erase: { by: "delete" },
  },
  { table: "public.tags", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  // After the clients, whose appointments (the only rows pointing here) went with them.
  { table: "public.session_types", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  // Tasks about a client went with the client above; the rest go before the projects and zones they name.
  { table: "public.tasks", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.task_projects", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.task_zones", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.task_preferences", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  // A client's notifications went with the client above; these are the ones about no client.
  { table: "public.notifications", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.notification_settings", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  // The practitioner's own habits: deleting a habit takes its answers with it.
  { table: "public.habits", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  {
    table: "public.habit_entries",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.habits" },
  },
  { table: "public.habit_pauses", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.check_ins", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.profiles", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.availability_settings", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  {
    table: "public.availability_weekly_ranges",
    owner: "user_id",
    export: { via: "user" },
    erase: { by: "cascade", from: "public.availability_settings" },
  },
  { table: "public.availability_overrides", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.ai_settings", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  { table: "public.ai_usage", owner: "user_id", export: { via: "user" }, erase: { by: "delete" } },
  {
    table: "public.intake_links",
    owner: "user_id",
    export: { via: "user", exclude: { token_hash: SECRET } },
    erase: { by: "delete" },
  },
  {
    table: "public.user_integrations",
    owner: "user_id",
    export: { via: "user", exclude: { access_token_enc: SECRET, refresh_token_enc: SECRET } },
    erase: { by: "delete" },
  },
  { table: "public.audit_events", owner: "user_id", export: { via: "user" }, erase: { by: "erase-audit-events" } },
  {
    table: "app_private.sessions",
    owner: "user_id",
    export: { via: "system", exclude: { token_hash: SECRET } },
    erase: { by: "delete" },
  },
  {
    table: "app_private.password_resets",
    owner: "user_id",
    export: { via: "skip", reason: "one-time reset links: only a token hash and its expiry, gone within a day" },
    erase: { by: "delete" },
  },
  {
    table: "app_private.email_changes",
    owner: "user_id",
    export: {
      via: "skip",
      reason: "pending email-change links: a token hash, the new address and an expiry, gone within a day",
    },
    erase: { by: "delete" },
  },
  {
    table: "app_private.jobs",
    owner: "user_id",
    export: { via: "skip", reason: "the background work queue: transient internal state, no data of the account" },
    erase: { by: "delete" },
  },
  {
    table: "app_private.client_list_versions",
    owner: "user_id",
    export: { via: "skip", reason: "a random marker of when the clients list last changed: no data of the account" },
    erase: { by: "cascade", from: "auth.users" },
  },
  {
    table: "app_private.local_credentials",
    owner: "user_id",
    export: { via: "system", exclude: { password_hash: SECRET } },
    erase: { by: "delete" },
  },
  {
    table: "auth.users",
    owner: "id",
    // Supabase's auth.users carries password hashes and token columns: only these are the person's data.
    export: { via: "system", only: ["id", "email", "created_at"] },
    erase: { by: "auth-user" },
  },
];

/**
 * Schemas whose tables belong to another system. In Supabase mode GoTrue owns `auth` (identities,
 * refresh tokens, MFA factors…) and removes those rows itself when the admin API deletes the user.
 */
export const FOREIGN_SCHEMAS: Readonly<Record<string, string>> = {
  auth: "Supabase Auth (GoTrue) keeps its own rows per user and deletes them with the user (admin API)",
};

const byName = new Map(USER_DATA_TABLES.map((entry) => [entry.table, entry]));

export function userDataTable(table: string): UserDataTable | undefined {
  return byName.get(table);
}

/** `schema.table` split for identifiers. */
export function tableParts(table: string): [string, string] {
  const [schema, name] = table.split(".");
  if (!schema || !name) throw new Error(`not a schema-qualified table: ${table}`);
  return [schema, name];
}
