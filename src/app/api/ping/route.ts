import { defineRoute } from "@/server/http/route";

/** The cheapest route through the full wrapper: the benchmark's baseline for signed-in routes. */
export const GET = defineRoute({ auth: "none", handler: async () => ({ ok: true }) });
