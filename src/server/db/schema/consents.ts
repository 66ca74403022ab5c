import { boolean, foreignKey, index, inet, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { ConsentDecision, ConsentKind, ConsentSource } from "@/lib/contracts/consents";
import { authUsers } from "./auth";
import { contacts } from "./contacts";

/**
 * One published version of a practitioner's consent document (0008). Immutable: the database checks
 * the version numbering and the body's sha256, refuses updates, and deletes only with the account.
 */
export const consentDocuments = pgTable(
  "consent_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ConsentKind>().notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    contentHash: text("content_hash").notNull(),
    required: boolean("required").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("consent_documents_user_id_kind_version_key").on(table.userId, table.kind, table.version),
    unique("consent_documents_user_id_id_key").on(table.userId, table.id),
  ],
);

/**
 * A client's consent decision on one exact document version (0008). Append-only: no update ever,
 * deleted only with the client or the account; withdrawal is a new 'withdrawn' record.
 */
export const clientConsents = pgTable(
  "client_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull(),
    documentId: uuid("document_id").notNull(),
    documentHash: text("document_hash").notNull(),
    kind: text("kind").$type<ConsentKind>().notNull(),
    decision: text("decision").$type<ConsentDecision>().notNull(),
    signatureName: text("signature_name"),
    signatureImage: text("signature_image"),
    source: text("source").$type<ConsentSource>().notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({ columns: [table.userId, table.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [table.userId, table.documentId],
      foreignColumns: [consentDocuments.userId, consentDocuments.id],
    }).onDelete("cascade"),
    index("client_consents_user_id_contact_id_recorded_at_idx").on(
      table.userId,
      table.contactId,
      table.recordedAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("client_consents_user_id_document_id_idx").on(table.userId, table.documentId),
  ],
);
