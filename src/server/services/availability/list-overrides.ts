import { listOverridesQuery, type OverrideListResponse } from "@/lib/contracts/availability";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { selectOverrides } from "./availability-rows";

export { listOverridesQuery };

/** `GET /api/availability/overrides`: by date, from `from` (a `YYYY-MM-DD`) when given. */
export async function listOverrides(
  context: UserContext,
  query: { from?: string | undefined },
): Promise<OverrideListResponse> {
  return { items: await withUserDb(context.userId, (tx) => selectOverrides(tx, context.userId, { from: query.from })) };
}
