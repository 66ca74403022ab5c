import { z } from "@/lib/zod";
import { instant } from "./contacts";

/**
 * Every action the audit log records, with the label Settings → Activity shows. Adding an action
 * here is the only way to record it; metadata never carries personal data (ids, counts and field
 * names only), so an erased client leaves nothing identifying behind.
 */
export const AUDIT_ACTIONS = {
  "auth.sign_in.succeeded": "Signed in",
  "auth.sign_in.failed": "Sign-in failed",
  "auth.signed_out": "Signed out",
  "auth.signed_out_everywhere": "Signed out of all devices",
  "auth.password_reset": "Password reset",
  "auth.password_changed": "Changed the password",
  "auth.email_change_requested": "Asked to change the email address",
  "auth.email_change_cancelled": "Withdrew an email address change",
  "auth.email_change_confirmed": "Changed the email address",
  "auth.session_revoked": "Signed out a session",
  "auth.other_sessions_revoked": "Signed out all other sessions",
  "client.viewed": "Viewed a client record",
  "client.created": "Created a client",
  "client.updated": "Edited a client",
  "client.deleted": "Deleted a client",
  "client.erased": "Erased a client and everything tied to them",
  "client.merged": "Merged two client records",
  "client.duplicate_dismissed": "Marked two clients as not duplicates",
  "clients.bulk_deleted": "Deleted clients in bulk",
  "clients.imported": "Imported clients from CSV",
  "clients.exported": "Exported clients as CSV",
  "photo.uploaded": "Uploaded a client photo",
  "photo.viewed": "Viewed a client photo",
  "photo.deleted": "Removed a client photo",
  "note.signed": "Signed a note",
  "note.deleted": "Deleted a note",
  "appointment.booked": "Booked an appointment",
  "appointment.moved": "Moved an appointment",
  "appointment.updated": "Edited an appointment's notes",
  "appointment.status_changed": "Changed an appointment's status",
  "settings.updated": "Changed settings",
  "profile.updated": "Changed the profile",
  "consent_document.published": "Published a consent document version",
  "intake_link.created": "Created an intake link",
  "intake_link.revoked": "Revoked an intake link",
  "intake.submitted": "A client submitted an intake form",
  "consent.granted": "Consent granted",
  "consent.declined": "Consent declined",
  "consent.withdrawn": "Consent withdrawn",
  "integration.google_connected": "Connected a Google account",
  "integration.google_disconnected": "Disconnected the Google account",
  "integration.google_resync_requested": "Asked for Gmail to be imported again from scratch",
  "email.viewed": "Read an imported email",
  "email.blocklist_added": "Blocked an address or domain from the email import",
  "email.blocklist_removed": "Unblocked an address or domain for the email import",
  "ai.client_summary": "Generated an AI summary of a client",
  "ai.call_failed": "An AI request failed",
  "audit.exported": "Exported the activity log",
  "account.exported": "Exported all account data",
  "account.deleted": "Deleted the account",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const auditActionSchema = z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]);

/** The kinds of record an event can point at. */
export const AUDIT_TARGET_TYPES = [
  "client",
  "photo",
  "note",
  "intake_link",
  "consent",
  "consent_document",
  "appointment",
  "account",
  "email",
  "integration",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Metadata values: scalars only, so no nested personal data can slip in. */
/** Flat details; a list is for the ids a bulk action touched. */
export type AuditMetadata = Record<string, string | number | boolean | null | readonly string[]>;

export interface AuditEvent {
  id: string;
  action: AuditAction;
  targetType: AuditTargetType | null;
  targetId: string | null;
  /** Whether the target record is still on file (clients only; null for other targets). */
  targetExists: boolean | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: AuditMetadata;
  /** ISO 8601 in UTC with the database's microseconds, so it doubles as an exact cursor position. */
  occurredAt: string;
}

/** Filter groups of Settings → Activity: each is the actions whose name starts with one of its prefixes. */
export const AUDIT_CATEGORIES = {
  auth: { label: "Sign-in and sessions", prefixes: ["auth."] },
  clients: { label: "Client records", prefixes: ["client.", "clients."] },
  photos: { label: "Photos", prefixes: ["photo."] },
  notes: { label: "Notes", prefixes: ["note."] },
  consents: { label: "Consents and intake", prefixes: ["consent.", "consent_document.", "intake.", "intake_link."] },
  ai: { label: "AI", prefixes: ["ai."] },
  settings: { label: "Settings", prefixes: ["settings.", "profile."] },
  email: { label: "Email and integrations", prefixes: ["email.", "integration."] },
  data: { label: "Exports and account", prefixes: ["audit.", "account."] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[] }>;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;
const categoryKeys = Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]];

/** The actions of one category, in catalogue order. */
export function actionsIn(category: AuditCategory): AuditAction[] {
  const prefixes: readonly string[] = AUDIT_CATEGORIES[category].prefixes;
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) =>
    prefixes.some((prefix) => action.startsWith(prefix)),
  );
}

export const AUDIT_PAGE_SIZE_MAX = 100;
export const AUDIT_PAGE_SIZE_DEFAULT = 50;

const filterFields = z.object({
  category: z.enum(categoryKeys).optional(),
  action: auditActionSchema.optional(),
  targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
  targetId: z.uuid().optional(),
  /** Inclusive lower bound on when the event happened. */
  from: instant.optional(),
  /** Exclusive upper bound on when the event happened. */
  to: instant.optional(),
});

const orderedRange = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || query.from < query.to;
const rangeError = { path: ["to"], message: "End the range after it starts" };

/** Filters shared by `GET /api/audit-events` and its CSV export (`GET /api/audit-events/export`). */
export const auditEventFilters = filterFields.refine(orderedRange, rangeError);

/** `GET /api/audit-events`: newest first, keyset-paged by `nextCursor`. */
export const auditEventsQuery = filterFields
  .extend({
    /** `nextCursor` of the previous page, unchanged. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(AUDIT_PAGE_SIZE_DEFAULT),
  })
  .refine(orderedRange, rangeError);

export type AuditEventFilters = z.output<typeof auditEventFilters>;
export type AuditEventsQuery = z.output<typeof auditEventsQuery>;

export interface AuditEventsPage {
  items: AuditEvent[];
  /** Null on the last page. */
  nextCursor: string | null;
}
