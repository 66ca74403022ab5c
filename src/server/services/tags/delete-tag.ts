import { and, eq } from "drizzle-orm";
import { tagIdParams } from "@/lib/contracts/tags";
import { withUserDb } from "@/server/db";
import { tags } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";

export { tagIdParams as deleteTagInput };

/** Deletes a tag and takes it off every client (the links cascade); the clients stay. */
export async function deleteTag(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    const rows = await tx
      .delete(tags)
      .where(and(eq(tags.userId, context.userId), eq(tags.id, input.id)))
      .returning({ id: tags.id });
    if (rows.length > 0)
      await recordAuditEvent(tx, {
        userId: context.userId,
        action: "settings.updated",
        metadata: { setting: "tags", change: "deleted", tagId: input.id },
      });
    return rows;
  });
  if (deleted.length === 0) throw AppError.notFound("Tag");
}
