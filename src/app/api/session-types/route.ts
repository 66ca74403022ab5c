import { defineRoute } from "@/server/http/route";
import { createSessionType, createSessionTypeInput, listSessionTypes } from "@/server/services/session-types";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listSessionTypes({ userId: user.id }),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createSessionTypeInput,
  successStatus: 201,
  handler: async ({ user, body }) => createSessionType({ userId: user.id }, body),
});
