import type { Instrumentation } from "next";

/** Runs once when a server process starts, before it serves: see `src/server/lifecycle/boot.ts`. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./server/lifecycle/boot");
  await boot();
}

/** Errors that escape a page or route (route handlers built with `defineRoute` report their own). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./server/observability/error-reporting");
  reportRequestError(error, request, context);
};
