import { and, eq } from "drizzle-orm";
import { tagIdParams } from "@/lib/contracts/tags";
import { withUserDb } from "@/server/db";
import { tags } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import type { UserContext } from "../contacts/context";

export { tagIdParams as deleteTagInput };

/** Deletes a tag and takes it off every client (the links cascade); the clients stay. */
export async function deleteTag(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, (tx) =>
    tx
      .delete(tags)
      .where(and(eq(tags.userId, context.userId), eq(tags.id, input.id)))
      .returning({ id: tags.id }),
  );
  if (deleted.length === 0) throw AppError.notFound("Tag");
}
