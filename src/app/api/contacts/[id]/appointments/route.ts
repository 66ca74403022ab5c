import { defineRoute } from "@/server/http/route";
import { contactAppointmentsParams, listContactAppointments } from "@/server/services/appointments";

export const GET = defineRoute({
  auth: "required",
  params: contactAppointmentsParams,
  handler: async ({ user, params }) => listContactAppointments({ userId: user.id }, { contactId: params.id }),
});
