import type { CreatedIntakeLink } from "@/lib/contracts/intake";
import { appOrigin } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { createIntakeLink, createIntakeLinkInput, listIntakeLinks } from "@/server/services/intake";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listIntakeLinks({ userId: user.id }),
});

/** Answers the link's URL with its token: the one time it is shown. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createIntakeLinkInput,
  successStatus: 201,
  handler: async ({ user, body, request }): Promise<CreatedIntakeLink> => {
    const { link, token } = await createIntakeLink({ userId: user.id }, body);
    return { link, url: `${appOrigin(request.url)}/onboard/${token}` };
  },
});
