import { defineRoute } from "@/server/http/route";
import { exportAccountData } from "@/server/services/account";

/** Everything the account holds (tables as JSON, clients.csv, stored files, manifest) as one streamed ZIP. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "accountExport" },
  handler: async ({ user, responseHeaders }) => {
    const { fileName, stream } = await exportAccountData({ userId: user.id });
    responseHeaders.set("content-type", "application/zip");
    responseHeaders.set("content-disposition", `attachment; filename="${fileName}"`);
    responseHeaders.set("cache-control", "no-store");
    return new Response(stream, { status: 200, headers: responseHeaders });
  },
});
