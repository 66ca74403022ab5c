import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { DEFAULT_CONSENT_DOCUMENTS } from "@/lib/consent-defaults";
import { CONSENT_KINDS, isRequiredConsentKind, type ConsentDocument, type ConsentKind } from "@/lib/contracts/consents";
import type { DbTransaction } from "@/server/db";
import { consentDocuments } from "@/server/db/schema";

/** The columns every read of a consent document selects. */
export const DOCUMENT_COLUMNS = {
  id: consentDocuments.id,
  kind: consentDocuments.kind,
  version: consentDocuments.version,
  title: consentDocuments.title,
  body: consentDocuments.body,
  contentHash: consentDocuments.contentHash,
  required: consentDocuments.required,
  createdAt: consentDocuments.createdAt,
};

type DocumentRow = Omit<ConsentDocument, "createdAt"> & { createdAt: Date };

export function toConsentDocument(row: DocumentRow): ConsentDocument {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** sha256 hex of the exact body; the database recomputes it and refuses a mismatch (0008). */
export function consentBodyHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/**
 * Serialises publishing for one practitioner until the transaction ends, so two publications (or two
 * first visits publishing the defaults) cannot both take the same version number.
 */
export async function lockConsentDocuments(tx: DbTransaction, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`omnicrm.consent_documents:${userId}`}, 0))`);
}

/** The newest version of each kind the practitioner has published. */
async function readCurrentDocuments(tx: DbTransaction, userId: string): Promise<Map<ConsentKind, ConsentDocument>> {
  const rows = await tx
    .selectDistinctOn([consentDocuments.kind], DOCUMENT_COLUMNS)
    .from(consentDocuments)
    .where(eq(consentDocuments.userId, userId))
    .orderBy(consentDocuments.kind, desc(consentDocuments.version));
  return new Map(rows.map((row) => [row.kind, toConsentDocument(row)]));
}

/** The next version number of one kind; call under `lockConsentDocuments`. */
export async function nextVersion(tx: DbTransaction, userId: string, kind: ConsentKind): Promise<number> {
  const [row] = await tx
    .select({ version: consentDocuments.version })
    .from(consentDocuments)
    .where(and(eq(consentDocuments.userId, userId), eq(consentDocuments.kind, kind)))
    .orderBy(desc(consentDocuments.version))
    .limit(1);
  return (row?.version ?? 0) + 1;
}

/** Inserts the next version of one kind; call under `lockConsentDocuments`. */
export async function insertVersion(
  tx: DbTransaction,
  userId: string,
  document: { kind: ConsentKind; title: string; body: string },
): Promise<ConsentDocument> {
  const [row] = await tx
    .insert(consentDocuments)
    .values({
      userId,
      kind: document.kind,
      version: await nextVersion(tx, userId, document.kind),
      title: document.title,
      body: document.body,
      contentHash: consentBodyHash(document.body),
      required: isRequiredConsentKind(document.kind),
    })
    .returning(DOCUMENT_COLUMNS);
  if (!row) throw new Error("the new consent document was not returned");
  return toConsentDocument(row);
}

/**
 * The current version of every kind, in form order. Kinds the practitioner never published get
 * version 1 from the default text first, so every consent a client gives names a stored version.
 * Works in any transaction: under `withUserDb(userId)` or `withSystemDb` for the public intake form.
 */
export async function getCurrentConsentDocuments(tx: DbTransaction, userId: string): Promise<ConsentDocument[]> {
  let current = await readCurrentDocuments(tx, userId);
  if (CONSENT_KINDS.some((kind) => !current.has(kind))) {
    await lockConsentDocuments(tx, userId);
    current = await readCurrentDocuments(tx, userId);
    for (const kind of CONSENT_KINDS) {
      if (!current.has(kind))
        current.set(kind, await insertVersion(tx, userId, { kind, ...DEFAULT_CONSENT_DOCUMENTS[kind] }));
    }
  }
  return CONSENT_KINDS.map((kind) => {
    const document = current.get(kind);
    if (!document) throw new Error(`no current consent document of kind ${kind}`);
    return document;
  });
}
