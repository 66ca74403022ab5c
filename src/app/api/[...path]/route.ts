import { defineRoute } from "@/server/http/route";
import { AppError } from "@/server/errors";

/** Any /api path no route claims: a 404 in the one error shape instead of Next's HTML page. */
const noSuchRoute = defineRoute({
  auth: "none",
  // Anonymous callers probing paths are metered like any public endpoint.
  rateLimit: { policy: "public" },
  handler: async () => {
    throw new AppError("not_found", "There is no API route at this path");
  },
});

export const GET = noSuchRoute;
export const HEAD = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
