import { addBlocklistInput } from "@/lib/contracts/google";
import { defineRoute } from "@/server/http/route";
import { addToBlocklist, listBlocklist } from "@/server/services/google";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listBlocklist(user.id),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: addBlocklistInput,
  successStatus: 201,
  handler: async ({ user, body }) => addToBlocklist(user.id, body),
});
