import type { ConsentDocument } from "@/lib/contracts/consents";
import { withUserDb } from "@/server/db";
import type { UserContext } from "@/server/services/contacts";
import { getCurrentConsentDocuments } from "./document-rows";

/** The current version of each consent document, publishing the default text for any kind not yet published. */
export async function listConsentDocuments(context: UserContext): Promise<ConsentDocument[]> {
  return withUserDb(context.userId, (tx) => getCurrentConsentDocuments(tx, context.userId));
}
