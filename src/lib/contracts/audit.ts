import { z } from "zod";

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
  "client.viewed": "Viewed a client record",
  "client.created": "Created a client",
  "client.updated": "Edited a client",
  "client.deleted": "Deleted a client",
  "client.erased": "Erased a client and everything tied to them",
  "client.merged": "Merged two client records",
  "clients.bulk_deleted": "Deleted clients in bulk",
  "clients.imported": "Imported clients from CSV",
  "clients.exported": "Exported clients as CSV",
  "photo.uploaded": "Uploaded a client photo",
  "photo.viewed": "Viewed a client photo",
  "photo.deleted": "Removed a client photo",
  "note.signed": "Signed a note",
  "note.deleted": "Deleted a note",
  "settings.updated": "Changed settings",
  "consent_document.published": "Published a consent document version",
  "intake_link.created": "Created an intake link",
  "intake_link.revoked": "Revoked an intake link",
  "intake.submitted": "A client submitted an intake form",
  "consent.granted": "Consent granted",
  "consent.declined": "Consent declined",
  "consent.withdrawn": "Consent withdrawn",
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
  "account",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Metadata values: scalars only, so no nested personal data can slip in. */
export type AuditMetadata = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  id: string;
  action: AuditAction;
  targetType: AuditTargetType | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: AuditMetadata;
  occurredAt: string;
}
