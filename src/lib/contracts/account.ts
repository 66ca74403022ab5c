import { z } from "@/lib/zod";

/** What a practitioner types to confirm deleting their account (their email works too). */
export const DELETE_ACCOUNT_PHRASE = "delete my account";

export const deleteAccountInput = z.strictObject({ confirmation: z.string().max(400) });
export type DeleteAccountInput = z.output<typeof deleteAccountInput>;

/** True when the typed text is exactly the phrase, or the account's email (any letter case). */
export function confirmsAccountDeletion(confirmation: string, email: string): boolean {
  const typed = confirmation.trim();
  return typed === DELETE_ACCOUNT_PHRASE || (email !== "" && typed.toLowerCase() === email.trim().toLowerCase());
}

export interface DeleteAccountResult {
  deleted: true;
  /** Where the browser goes next: the sign-in page with a notice. */
  redirectTo: string;
}

export const ACCOUNT_DELETED_NOTICE = "account-deleted";
