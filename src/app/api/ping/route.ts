import { defineRoute } from "@/server/http/route";

/** The cheapest route through the full wrapper: the benchmark's baseline for signed-in routes. */
export const GET = defineRoute({
  auth: "none",
  rateLimit: {
    none: "the benchmark's and load balancer's trivial route: no data, no work, and metering it would cost more than answering",
  },
  handler: async () => ({ ok: true }),
});
