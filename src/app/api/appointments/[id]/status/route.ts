import { defineRoute } from "@/server/http/route";
import {
  appointmentStatusInput,
  appointmentStatusParams,
  changeAppointmentStatus,
} from "@/server/services/appointments";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: appointmentStatusParams,
  body: appointmentStatusInput,
  handler: async ({ user, params, body }) =>
    changeAppointmentStatus({ userId: user.id }, { id: params.id, status: body.status }),
});
