import {
  MAX_MATCHING_SELECTION,
  selectionChangedDetails,
  type ContactSelection,
} from "@/lib/contracts/contact-selection";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { matchingContactIdsStatement } from "./contact-statements";

/**
 * The ids a bulk action applies to, read inside the action's transaction: the ticked ids as given
 * (the action checks they are the caller's), or the caller's clients matching the filter now, which
 * must be exactly as many as the practitioner was shown (409 otherwise, before anything changes).
 */
export async function selectedContactIds(
  tx: DbTransaction,
  userId: string,
  selection: ContactSelection,
): Promise<string[]> {
  if ("ids" in selection) return selection.ids;
  const { filter, expectedCount } = selection;
  // One past the cap is enough to tell "too many" from an exact match.
  const rows = resultRows<{ id: string }>(
    await tx.execute(matchingContactIdsStatement(userId, filter, MAX_MATCHING_SELECTION + 1)),
  );
  if (rows.length !== expectedCount) {
    const now = rows.length > MAX_MATCHING_SELECTION ? `more than ${MAX_MATCHING_SELECTION}` : String(rows.length);
    throw new AppError(
      "conflict",
      `The clients matching this view changed (${expectedCount} selected, ${now} match now). Nothing was changed: review the list and select again.`,
      { details: selectionChangedDetails.parse({ expectedCount, matchingCount: rows.length }) },
    );
  }
  return rows.map((row) => row.id);
}
