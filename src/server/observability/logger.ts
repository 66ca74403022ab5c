import type { Logger } from "pino";
import { env } from "@/server/config/env";
import { createLogger } from "./create-logger";
import { currentRequestContext } from "./request-context";

// One logger per process, kept on globalThis so dev reloads reuse it (and a test harness can install its own first).
const globalForLogger = globalThis as unknown as { omnicrmLogger?: Logger };

/** The process logger: JSON lines on stdout. Pretty output is a pipe (`| pino-pretty`), never in-process. */
export const rootLogger: Logger = (globalForLogger.omnicrmLogger ??= createLogger({ level: env.LOG_LEVEL }));

/** The current request's child logger when inside one, else the process logger. */
export function log(): Logger {
  return currentRequestContext()?.logger ?? rootLogger;
}

export type { Logger };
