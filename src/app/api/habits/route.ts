import { defineRoute } from "@/server/http/route";
import { createHabit, createHabitInput, listHabits } from "@/server/services/habits";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listHabits({ userId: user.id }),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createHabitInput,
  successStatus: 201,
  handler: async ({ user, body }) => createHabit({ userId: user.id }, body),
});
