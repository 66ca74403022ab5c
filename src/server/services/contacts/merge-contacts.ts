import { and, eq, inArray, sql } from "drizzle-orm";
import {
  MERGEABLE_FIELDS,
  mergeContactsInput,
  type MergeableField,
  type MergeContactsInput,
  type MergeContactsResponse,
} from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { eraseStoredFiles } from "@/server/services/account/erase-stored-files";
import { recordAuditEvent } from "@/server/services/audit";
import { deletePhotoObject } from "@/server/services/photos/delete-photo-object";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";
import { mergePhoto, type MergedPhoto } from "./merge-photo";

export { mergeContactsInput };

type ContactRecord = typeof contacts.$inferSelect;

/** Which side each field comes from: as chosen, else the primary's value unless it is empty. */
function chooseSides(primary: ContactRecord, duplicate: ContactRecord, fields: MergeContactsInput["fields"]) {
  const values: Partial<Record<MergeableField, unknown>> = {};
  const fromDuplicate: MergeableField[] = [];
  for (const field of MERGEABLE_FIELDS) {
    const side = fields[field] ?? (primary[field] === null && duplicate[field] !== null ? "duplicate" : "primary");
    values[field] = side === "duplicate" ? duplicate[field] : primary[field];
    if (side === "duplicate") fromDuplicate.push(field);
  }
  return { values: values as Partial<typeof contacts.$inferInsert>, fromDuplicate };
}

/**
 * Folds a duplicate client into the one kept (`id`), in one transaction: chosen fields, every note
 * and tag and every consent record moved over (an intake's answers are its client fields and consents),
 * "not a duplicate" answers carried over, the earlier "added" date kept, the duplicate deleted. Either id not the
 * caller's → 404 and nothing changes. Photo files follow the rows: a chosen duplicate photo is copied
 * into the kept client's folder first (deleted again if the merge fails), and the duplicate's folder
 * and any replaced photo are erased only after the commit.
 */
export async function mergeContacts(
  context: UserContext,
  input: { id: string } & MergeContactsInput,
): Promise<MergeContactsResponse> {
  const { userId } = context;
  if (input.id === input.duplicateId)
    throw new AppError("validation_failed", "A client cannot be merged into itself", {
      details: [{ path: "duplicateId", message: "Choose a different client" }],
    });
  let written: string | null = null;
  let merge: { response: MergeContactsResponse; leftOver: MergedPhoto["leftOver"] };
  try {
    merge = await withUserDb(userId, async (tx) => {
      const pair = await tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.userId, userId), inArray(contacts.id, [input.id, input.duplicateId])))
        .for("update");
      const primary = pair.find((row) => row.id === input.id);
      const duplicate = pair.find((row) => row.id === input.duplicateId);
      if (!primary || !duplicate) throw AppError.notFound("Client");

      const { values, fromDuplicate } = chooseSides(primary, duplicate, input.fields);
      const photo = await mergePhoto(userId, primary, duplicate, fromDuplicate.includes("photoPath"));
      written = photo.written;
      const notesMoved = resultRows(
        await tx.execute(sql`update public.notes set contact_id = ${primary.id}
                            where user_id = ${userId} and contact_id = ${duplicate.id} returning 1`),
      ).length;
      const tagsMoved = resultRows(
        await tx.execute(sql`insert into public.contact_tags (contact_id, tag_id, user_id)
                           select ${primary.id}::uuid, tag_id, user_id from public.contact_tags
                            where user_id = ${userId} and contact_id = ${duplicate.id}
                           on conflict do nothing returning 1`),
      ).length;
      // Consent history is evidence: the duplicate's records move with it rather than vanish in the cascade.
      const consentsMoved = resultRows(
        await tx.execute(sql`update public.client_consents set contact_id = ${primary.id}
                            where user_id = ${userId} and contact_id = ${duplicate.id} returning 1`),
      ).length;
      // Notifications about the duplicate now lead to the client kept.
      await tx.execute(sql`update public.notifications set contact_id = ${primary.id}
                            where user_id = ${userId} and contact_id = ${duplicate.id}`);
      // Tasks about the duplicate are about the client kept (the cascade would delete them).
      await tx.execute(sql`update public.tasks set contact_id = ${primary.id}
                            where user_id = ${userId} and contact_id = ${duplicate.id}`);
      // Sessions with the duplicate are the kept client's history (the cascade would delete them).
      await tx.execute(sql`update public.appointments set contact_id = ${primary.id}
                            where user_id = ${userId} and contact_id = ${duplicate.id}`);
      // Emails with the duplicate's address stay on the kept client's timeline.
      await tx.execute(sql`insert into public.email_message_contacts (user_id, message_id, contact_id, sent_at)
                           select user_id, message_id, ${primary.id}::uuid, sent_at from public.email_message_contacts
                            where user_id = ${userId} and contact_id = ${duplicate.id}
                           on conflict do nothing`);
      // "Not a duplicate" answers about the duplicate hold for the client it becomes part of.
      await tx.execute(sql`insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
                           select ${userId}, least(${primary.id}::uuid, other), greatest(${primary.id}::uuid, other)
                             from (select case when contact_id = ${duplicate.id} then other_contact_id
                                               else contact_id end as other
                                     from public.contact_duplicate_dismissals
                                    where user_id = ${userId}
                                      and (contact_id = ${duplicate.id} or other_contact_id = ${duplicate.id})) as d
                            where other <> ${primary.id}
                           on conflict do nothing`);
      await tx.delete(contacts).where(and(eq(contacts.userId, userId), eq(contacts.id, duplicate.id)));
      await tx
        .update(contacts)
        .set({
          ...values,
          photoPath: photo.photoPath,
          createdAt: primary.createdAt < duplicate.createdAt ? primary.createdAt : duplicate.createdAt,
          updatedAt: sql`now()`,
        })
        .where(and(eq(contacts.userId, userId), eq(contacts.id, primary.id)));

      const contact = await selectContact(tx, userId, primary.id);
      if (!contact) throw new Error("the merged client could not be read back");
      await recordAuditEvent(tx, {
        userId,
        action: "client.merged",
        target: { type: "client", id: primary.id },
        metadata: {
          duplicateId: duplicate.id,
          fieldsFromDuplicate: fromDuplicate.join(","),
          notesMoved,
          tagsMoved,
          consentsMoved,
        },
      });
      const merged = { duplicateId: duplicate.id, fromDuplicate, notesMoved, tagsMoved, consentsMoved };
      return { response: { contact, merged }, leftOver: photo.leftOver };
    });
  } catch (error) {
    if (written) await deletePhotoObject(written);
    throw error;
  }
  await eraseStoredFiles(merge.leftOver, "clients merged");
  return merge.response;
}
