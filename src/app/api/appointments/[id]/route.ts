import { defineRoute } from "@/server/http/route";
import { updateAppointment, updateAppointmentInput, updateAppointmentParams } from "@/server/services/appointments";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateAppointmentParams,
  body: updateAppointmentInput,
  handler: async ({ user, params, body }) => updateAppointment({ userId: user.id }, { id: params.id, changes: body }),
});
