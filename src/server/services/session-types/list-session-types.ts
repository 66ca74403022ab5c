import type { SessionType } from "@/lib/contracts/session-types";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { selectSessionTypes } from "./session-type-row";

/** Every session type of the practitioner: offered ones first, then archived, each by name. */
export async function listSessionTypes(context: UserContext): Promise<{ items: SessionType[] }> {
  return { items: await withUserDb(context.userId, (tx) => selectSessionTypes(tx, context.userId)) };
}
