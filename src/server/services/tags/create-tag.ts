import { createTagInput, type CreateTagInput, type Tag } from "@/lib/contracts/tags";
import { nextTagColors } from "@/lib/tag-colors";
import { withUserDb } from "@/server/db";
import { tags } from "@/server/db/schema";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { NAME_TAKEN } from "./tag-conflict";
import { tagColorsInUse } from "./tag-colors-in-use";
import { selectTags } from "./tag-row";

export { createTagInput };

/**
 * Adds a tag; a name the practitioner already uses, in any letter case, answers 409. Without a colour it
 * gets the preset their tags use least.
 */
export async function createTag(context: UserContext, input: CreateTagInput): Promise<Tag> {
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        const color = input.color ?? nextTagColors(await tagColorsInUse(tx, context.userId))[0];
        const [created] = await tx
          .insert(tags)
          .values({
            userId: context.userId,
            name: input.name,
            ...(color === undefined ? {} : { color }),
            category: input.category ?? null,
          })
          .returning({ id: tags.id });
        const [tag] = created ? await selectTags(tx, context.userId, created.id) : [];
        if (!tag) throw new Error("a created tag could not be read back");
        await recordAuditEvent(tx, {
          userId: context.userId,
          action: "settings.updated",
          metadata: { setting: "tags", change: "created", tagId: tag.id },
        });
        return tag;
      }),
    NAME_TAKEN,
  );
}
