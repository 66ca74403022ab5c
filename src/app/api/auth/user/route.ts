import { defineRoute } from "@/server/http/route";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => ({ user }),
});
