import { createEnv } from "@t3-oss/env-nextjs";
import { allSchema, clientSchema, serverSchema } from "./schema";
import { formatEnvIssues } from "./format-issues";

/**
 * Validated configuration. Importing this module validates `process.env` and stops with a
 * readable list of every bad variable; `next.config.ts` imports it at build, `instrumentation.ts` at boot.
 */
export const env = createEnv({
  server: serverSchema,
  client: clientSchema,
  experimental__runtimeEnv: {
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN,
  },
  emptyStringAsUndefined: true,
  createFinalSchema: () => allSchema,
  onValidationError: (issues) => {
    const message = formatEnvIssues(issues);
    // The logger depends on this module, so configuration errors go straight to stderr.
    process.stderr.write(`${message}\n`);
    throw new Error(message);
  },
});

export type Env = typeof env;
