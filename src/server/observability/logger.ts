import pino, { type Logger } from "pino";
import { env } from "@/server/config/env";
import { REDACT_PATHS } from "./redaction";
import { currentRequestContext } from "./request-context";

const globalForLogger = globalThis as unknown as { omnicrmLogger?: Logger };

/** The process logger: JSON lines on stdout. Pretty output is a pipe (`| pino-pretty`), never in-process. */
export const rootLogger: Logger =
  globalForLogger.omnicrmLogger ??
  (globalForLogger.omnicrmLogger = pino({
    level: env.LOG_LEVEL,
    base: { service: "omnicrm" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }));

/** The current request's child logger when inside one, else the process logger. */
export function log(): Logger {
  return currentRequestContext()?.logger ?? rootLogger;
}

export type { Logger };
