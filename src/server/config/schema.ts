// Relative: next.config.ts loads this file through a require hook that resolves "@/" from the project root, not from here.
import { z } from "../../lib/zod";

const csv = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** One key in the keyring: `<id>:<base64url of exactly 32 bytes>`. */
export const ENCRYPTION_KEY_PATTERN = /^[A-Za-z0-9]{1,16}:[A-Za-z0-9_-]{43}$/;

export const encryptionKeysSchema = csv.pipe(
  z
    .array(
      z.string().regex(ENCRYPTION_KEY_PATTERN, {
        message: "each key must be <id>:<base64url of 32 bytes> (ids are letters/digits)",
      }),
    )
    .min(1, { message: "at least one key is required" }),
);

/** Variables read only on the server. Every one is documented in `.env.example`. */
export const serverSchema = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_POOL_MAX: positiveInt(10),
  APP_URL: z.url().optional(),
  APP_ORIGINS: csv.pipe(z.array(z.url())).optional(),
  APP_ENCRYPTION_KEYS: encryptionKeysSchema.optional(),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  AUDIT_RETENTION_DAYS: positiveInt(2192),
  JOB_USER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
  CLIENT_LIST_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  RATE_LIMIT_SIGN_UPS_PER_HOUR: positiveInt(10),
  RATE_LIMIT_READS_PER_MINUTE: positiveInt(1200),
  SHUTDOWN_GRACE_SECONDS: positiveInt(25),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(16).default(0),
  SUPABASE_SECRET_KEY: z.string().min(1).optional(),
  SUPABASE_JWT_SECRET: z.string().min(32).optional(),
  SUPABASE_STORAGE_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{2,62}$/, { message: "must be a bucket id: 3-63 lowercase letters, digits, . _ -" })
    .default("client-files"),
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  SENTRY_DSN: z.url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  CRON_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  GMAIL_INITIAL_SYNC_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MAIL_FROM: z.string().min(3).default("OmniCRM <no-reply@localhost>"),
  AI_BASE_URL: z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_CHAT_MODEL: z.string().min(1).max(200).optional(),
  AI_EMBEDDING_MODEL: z.string().min(1).max(200).optional(),
  APP_VERSION: z.string().min(1).optional(),
  GIT_COMMIT: z.string().min(1).optional(),
};

/** Variables inlined into the browser bundle. */
export const clientSchema = {
  NEXT_PUBLIC_SUPABASE_URL: z.url().optional(),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  NEXT_PUBLIC_SENTRY_DSN: z.url().optional(),
};

type Shape = { [K in keyof typeof serverSchema]: z.infer<(typeof serverSchema)[K]> } & {
  [K in keyof typeof clientSchema]: z.infer<(typeof clientSchema)[K]>;
};

type Rule = { when: (env: Shape) => boolean; requires: (keyof Shape)[]; because: string };

/** Cross-variable rules: a production deployment never falls back to generated secrets. */
export const requirementRules: Rule[] = [
  {
    when: (env) => Boolean(env.DATABASE_URL),
    requires: ["APP_ENCRYPTION_KEYS", "APP_URL"],
    because: "required when DATABASE_URL is set (production mode)",
  },
  {
    when: (env) => Boolean(env.NEXT_PUBLIC_SUPABASE_URL),
    requires: ["NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY", "SUPABASE_SECRET_KEY", "DATABASE_URL"],
    because: "required when NEXT_PUBLIC_SUPABASE_URL is set (Supabase auth)",
  },
  {
    when: (env) => Boolean(env.GOOGLE_CLIENT_ID),
    requires: ["GOOGLE_CLIENT_SECRET"],
    because: "required when GOOGLE_CLIENT_ID is set (Connect Google)",
  },
  {
    when: (env) => Boolean(env.GOOGLE_CLIENT_SECRET),
    requires: ["GOOGLE_CLIENT_ID"],
    because: "required when GOOGLE_CLIENT_SECRET is set (Connect Google)",
  },
  {
    when: (env) => Boolean(env.AI_BASE_URL),
    requires: ["AI_CHAT_MODEL"],
    because: "required when AI_BASE_URL is set (AI features)",
  },
  {
    when: (env) => Boolean(env.UPSTASH_REDIS_REST_URL),
    requires: ["UPSTASH_REDIS_REST_TOKEN"],
    because: "required when UPSTASH_REDIS_REST_URL is set",
  },
];

export const allSchema = z.object({ ...serverSchema, ...clientSchema }).superRefine((env, ctx) => {
  for (const rule of requirementRules) {
    if (!rule.when(env as Shape)) continue;
    for (const key of rule.requires) {
      if (env[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: rule.because });
    }
  }
});
