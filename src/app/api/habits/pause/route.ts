import { defineRoute } from "@/server/http/route";
import { pauseHabits, pauseHabitsInput, resumeHabits } from "@/server/services/habits";

export const PUT = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: pauseHabitsInput,
  handler: async ({ user, body }) => pauseHabits({ userId: user.id }, body),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async ({ user }) => resumeHabits({ userId: user.id }),
});
