import { emailChangeRequest } from "@/lib/contracts/security";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { cancelEmailChange, emailChangeStatus, requestEmailChange } from "@/server/services/auth";

/** The email change waiting for its link, if any. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async (ctx) => emailChangeStatus(ctx.user, authCallFrom(ctx)),
});

/** Verifies the current password and mails a confirmation link to the new address (202: nothing changed yet). */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "emailChange" },
  body: emailChangeRequest,
  successStatus: 202,
  handler: async (ctx) => requestEmailChange(ctx.user, ctx.body, authCallFrom(ctx)),
});

/** Withdraws the pending change: its link stops working. */
export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async (ctx) => cancelEmailChange(ctx.user, authCallFrom(ctx)),
});
