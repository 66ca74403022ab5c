import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { isSensitiveKey, REDACTED, redactDeep, scrubText } from "./redaction";

export interface LoggerOptions {
  level: Level | "silent";
  /** Where JSON lines go; stdout when omitted. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/**
 * A pino logger writing one JSON object per line; it never formats for humans in-process (the dev
 * script pipes its output through a prettifier). Credentials and client PII are redacted at any
 * depth of a logged object.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "omnicrm" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: redactLogFields,
    },
    // The log formatter has already turned errors into scrubbed records; pino's default would re-wrap them.
    serializers: { err: (value: unknown) => value },
    // Last line of defence for what formatters cannot reach (the message, child bindings): mask PII in the finished line.
    hooks: { streamWrite: scrubText },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Every logged field, at any depth: sensitive keys replaced, free text and errors (message, stack) scrubbed. */
function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const redacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    redacted[key] = isSensitiveKey(key) ? REDACTED : redactDeep(value);
  }
  return redacted;
}
