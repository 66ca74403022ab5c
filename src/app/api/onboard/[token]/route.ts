import { intakeSubmissionInput, intakeTokenParams, type IntakeSubmitted } from "@/lib/contracts/intake";
import { appOrigin } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { hashIntakeToken, INTAKE_UPLOAD, intakeBodyOf, submitIntake } from "@/server/services/intake";

/**
 * The public intake form's submission: `multipart/form-data` with the form as JSON in `payload` and an
 * optional `photo` file. Metered per IP and per token, both failing closed. A filled honeypot
 * (`website`) is answered like a success and writes nothing, so a bot learns nothing to adapt to.
 */
export const POST = defineRoute({
  auth: "none",
  rateLimit: [
    { policy: "intakeSubmitIp" },
    { policy: "intakeSubmitToken", resourceFrom: ({ token }) => `token:${hashIntakeToken(String(token))}` },
  ],
  params: intakeTokenParams,
  multipart: INTAKE_UPLOAD,
  successStatus: 201,
  handler: async ({ params, form: upload, log, request }): Promise<IntakeSubmitted> => {
    const { payload, photo } = intakeBodyOf(upload);
    const form = await intakeSubmissionInput.parseAsync(payload);
    if (form.website) {
      log.warn("intake honeypot filled; submission dropped");
      return { submitted: true };
    }
    await submitIntake({ token: params.token, form, photo, appOrigin: appOrigin(request.url) });
    return { submitted: true };
  },
});
