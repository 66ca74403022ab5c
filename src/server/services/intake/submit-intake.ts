import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { INTAKE_LINK_UNAVAILABLE, intakeSubmissionInput, type IntakeSubmission } from "@/lib/contracts/intake";
import { withSystemDb, type DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import { duplicatesIn } from "@/server/services/contacts";
import { emailNotificationAfterResponse, notify, type PostedNotification } from "@/server/services/notifications";
import { contactColumnValues } from "@/server/services/contacts/contact-values";
import {
  attachPhoto,
  deletePhotoObject,
  preparePhoto,
  writePhotoObject,
  type PreparedPhoto,
} from "@/server/services/photos";
import { findIntakeLink } from "./find-intake-link";
import { intakeContactFields } from "./intake-contact";
import { recordIntakeConsents } from "./intake-consents";
import { tokenHashOrNull } from "./intake-token";

export const submitIntakeInput = z.object({
  token: z.string(),
  form: intakeSubmissionInput,
  photo: z.instanceof(Uint8Array).nullable(),
  appOrigin: z.string(),
});

/** The same answer for every token that cannot take this submission (unknown, expired, used up, revoked). */
export function linkUnavailable(): AppError {
  return new AppError("not_found", INTAKE_LINK_UNAVAILABLE);
}

/**
 * Turns an intake form into a client, in one transaction: the token use (its "still usable" check in
 * the same update, so concurrent submissions cannot both pass), the client (source "intake"), its
 * consents, its photo, the audit event and the practitioner's notification (the client is flagged
 * "new from intake" until opened). The photo is re-encoded and written before the transaction (CPU
 * and storage work never hold the link's row lock) and deleted if it fails. The notification's email
 * goes after the commit and the response; `appOrigin` makes its link absolute.
 */
export async function submitIntake(input: {
  token: string;
  form: IntakeSubmission;
  photo: Uint8Array<ArrayBuffer> | null;
  appOrigin: string;
}): Promise<{ contactId: string }> {
  const tokenHash = tokenHashOrNull(input.token);
  const link = tokenHash && (await findIntakeLink({ token: input.token }));
  if (!tokenHash || !link) throw linkUnavailable();

  const contactId = randomUUID();
  const photo = input.photo ? await preparePhoto({ userId: link.userId, contactId, bytes: input.photo }) : null;
  if (photo) await writePhotoObject(photo);
  let posted: PostedNotification | null;
  try {
    posted = await withSystemDb("intake-submission", async (tx) => {
      const userId = await consumeUse(tx, tokenHash);
      if (userId !== link.userId) throw linkUnavailable();
      await actAsPractitioner(tx, userId);
      await writeClient(tx, { userId, linkId: link.linkId, contactId, form: input.form, photo });
      return notify(tx, userId, "intake.submitted", { contactId, firstName: input.form.firstName });
    });
  } catch (error) {
    if (photo) await deletePhotoObject(photo.path);
    throw error;
  }
  if (posted) emailNotificationAfterResponse(posted, input.appOrigin);
  return { contactId };
}

/** One use of a live link, or null: the checks and the increment are one statement. */
async function consumeUse(tx: DbTransaction, tokenHash: string): Promise<string | null> {
  const [row] = resultRows<{ user_id: string }>(
    await tx.execute(sql`
      update public.intake_links
         set used_count = used_count + 1
       where token_hash = ${tokenHash}
         and used_count < max_uses
         and revoked_at is null
         and expires_at > now()
      returning user_id`),
  );
  return row?.user_id ?? null;
}

/** The rest of the transaction runs under the practitioner's row level security, like their own requests. */
async function actAsPractitioner(tx: DbTransaction, userId: string): Promise<void> {
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  await tx.execute(
    sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`,
  );
}

async function writeClient(
  tx: DbTransaction,
  input: { userId: string; linkId: string; contactId: string; form: IntakeSubmission; photo: PreparedPhoto | null },
): Promise<void> {
  const { userId, linkId, contactId, form, photo } = input;
  const { allowDuplicate: _allow, source: _source, ...fields } = intakeContactFields(form);
  // A returning client gets a new record (their answers are today's); the practitioner can merge it.
  const [duplicate] = await duplicatesIn(tx, userId, [{ email: fields.email, phone: fields.phone }]);
  await tx.insert(contacts).values({
    ...contactColumnValues(fields),
    id: contactId,
    displayName: fields.displayName,
    userId,
    source: "intake",
    newFromIntakeAt: sql`now()`,
  });
  if (photo) await attachPhoto(tx, { userId, contactId, path: photo.path });
  const consents = await recordIntakeConsents(tx, { userId, contactId, form });
  await recordAuditEvent(tx, {
    userId,
    action: "intake.submitted",
    target: { type: "client", id: contactId },
    metadata: {
      intakeLinkId: linkId,
      photo: photo !== null,
      consentsGranted: consents.granted,
      consentsDeclined: consents.declined,
      possibleDuplicateId: duplicate?.duplicateId ?? null,
    },
  });
}
