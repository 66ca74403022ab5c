import { ACCOUNT_DELETED_NOTICE, type DeleteAccountResult } from "@/lib/contracts/account";
import { authAdapter } from "@/server/auth/adapter";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { deleteAccount, deleteAccountInput } from "@/server/services/account";

/** Deletes the signed-in account after the typed confirmation, then clears this browser's session cookies. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "accountDelete" },
  body: deleteAccountInput,
  handler: async (ctx): Promise<DeleteAccountResult> => {
    await deleteAccount({ id: ctx.user.id, email: ctx.user.email }, ctx.body);
    // The session is already gone server-side; signing out only expires the cookies.
    await (await authAdapter()).signOut(authCallFrom(ctx));
    return { deleted: true, redirectTo: `/sign-in?notice=${ACCOUNT_DELETED_NOTICE}` };
  },
});
