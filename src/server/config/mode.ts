import { env } from "./env";

/** Which adapter serves each concern; chosen by which variables are set. */
export const runMode = {
  database: env.DATABASE_URL ? "postgres" : "pglite",
  auth: env.NEXT_PUBLIC_SUPABASE_URL ? "supabase" : "embedded",
  rateLimiter: env.UPSTASH_REDIS_REST_URL ? "upstash" : "memory",
  storage: env.NEXT_PUBLIC_SUPABASE_URL ? "supabase" : "local",
  mail: env.SMTP_URL ? "smtp" : "file",
  errorTracking: env.SENTRY_DSN ? "sentry" : "off",
} as const;

export const isEmbedded = runMode.database === "pglite";
