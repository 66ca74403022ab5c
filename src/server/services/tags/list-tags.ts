import type { TagListResponse } from "@/lib/contracts/tags";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { selectTags } from "./tag-row";

/** Every tag of the practitioner, by name, with usage counts. */
export async function listTags(context: UserContext): Promise<TagListResponse> {
  return { items: await withUserDb(context.userId, (tx) => selectTags(tx, context.userId)) };
}
