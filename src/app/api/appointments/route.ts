import { idempotencyKey } from "@/lib/contracts/appointments";
import { AppError } from "@/server/errors";
import { defineRoute } from "@/server/http/route";
import {
  createAppointment,
  createAppointmentInput,
  listAppointments,
  listAppointmentsInput,
} from "@/server/services/appointments";

export const GET = defineRoute({
  auth: "required",
  query: listAppointmentsInput,
  handler: async ({ user, query }) => listAppointments({ userId: user.id }, query),
});

/** The key may come as the `Idempotency-Key` header or in the body; both must then agree. */
function keyOf(header: string | null, body: string | undefined): string | undefined {
  if (header === null) return body;
  const parsed = idempotencyKey.safeParse(header);
  if (!parsed.success)
    throw new AppError("validation_failed", "The Idempotency-Key header is not a valid key", {
      details: [{ path: "Idempotency-Key", message: "Use 1 to 200 printable characters without spaces" }],
    });
  if (body !== undefined && body !== parsed.data)
    throw new AppError("validation_failed", "The Idempotency-Key header and the body's key differ");
  return parsed.data;
}

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createAppointmentInput,
  successStatus: 201,
  handler: async ({ user, body, request }) => {
    const key = keyOf(request.headers.get("idempotency-key"), body.idempotencyKey);
    return createAppointment({ userId: user.id }, { ...body, ...(key === undefined ? {} : { idempotencyKey: key }) });
  },
});
