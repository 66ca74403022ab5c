import { and, eq } from "drizzle-orm";
import { tagIdParams, updateTagInput, type Tag, type UpdateTagInput } from "@/lib/contracts/tags";
import { withUserDb } from "@/server/db";
import { tags } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { NAME_TAKEN } from "./tag-conflict";
import { selectTags } from "./tag-row";

export { updateTagInput, tagIdParams as updateTagParams };

/** Renames, recolours or recategorises a tag; only the fields sent change. */
export async function updateTag(context: UserContext, input: { id: string; changes: UpdateTagInput }): Promise<Tag> {
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined));
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        if (Object.keys(changes).length > 0) {
          await tx
            .update(tags)
            .set(changes)
            .where(and(eq(tags.userId, context.userId), eq(tags.id, input.id)));
        }
        const [tag] = await selectTags(tx, context.userId, input.id);
        if (!tag) throw AppError.notFound("Tag");
        if (Object.keys(changes).length > 0)
          await recordAuditEvent(tx, {
            userId: context.userId,
            action: "settings.updated",
            metadata: {
              setting: "tags",
              change: "updated",
              tagId: tag.id,
              fields: Object.keys(changes).sort().join(","),
            },
          });
        return tag;
      }),
    NAME_TAKEN,
  );
}
