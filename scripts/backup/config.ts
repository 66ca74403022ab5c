import path from "node:path";
import { z } from "zod";
import { serverSchema } from "@/server/config/schema";
import { readOpsDatabaseEnv, resolveDataDir } from "./ops-database";

const KEY_BYTES = 32;

/** BACKUP_ENCRYPTION_KEY: 32 random bytes, base64 or base64url (`openssl rand -base64 32`). */
export const backupKeySchema = z
  .string()
  .transform((value, ctx) => {
    const key = Buffer.from(value.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length !== KEY_BYTES) {
      ctx.addIssue({ code: "custom", message: `must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)` });
      return z.NEVER;
    }
    return key;
  })
  .optional();

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** Every schema the migrations create; a backup without one of them restores a database the app cannot run on. */
export const DEFAULT_BACKUP_SCHEMAS = ["public", "app_private", "app_meta", "app_search", "app_intake", "auth"];

/** Variables the backup, restore and drill commands read; the app itself reads none of them. */
export const backupEnvSchema = z.object({
  BACKUP_DATABASE_URL: serverSchema.DATABASE_URL,
  BACKUP_SCHEMAS: z
    .string()
    .default(DEFAULT_BACKUP_SCHEMAS.join(","))
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_ENCRYPTION_KEY: backupKeySchema,
  BACKUP_S3_BUCKET: z.string().min(3).optional(),
  BACKUP_S3_ENDPOINT: z.url().optional(),
  BACKUP_S3_PREFIX: z.string().default("omnicrm/backups/"),
  BACKUP_S3_REGION: z.string().min(1).optional(),
  BACKUP_S3_FORCE_PATH_STYLE: flag.optional(),
  BACKUP_RETENTION_DAILY: count(7),
  BACKUP_RETENTION_WEEKLY: count(4),
  BACKUP_RETENTION_MONTHLY: count(12),
  BACKUP_METRICS_FILE: z.string().min(1).optional(),
  BACKUP_PUSHGATEWAY_URL: z.url().optional(),
  ALERT_WEBHOOK_URL: z.url().optional(),
  DRILL_DATABASE_URL: serverSchema.DATABASE_URL,
  AWS_REGION: z.string().min(1).optional(),
});

export interface BackupConfig {
  /** Postgres to back up; undefined means the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  schemas: string[];
  localDir: string;
  encryptionKey: Buffer | undefined;
  s3:
    | { bucket: string; endpoint: string | undefined; prefix: string; region: string; forcePathStyle: boolean }
    | undefined;
  retention: { daily: number; weekly: number; monthly: number };
  metricsFile: string | undefined;
  pushgatewayUrl: string | undefined;
  alertWebhookUrl: string | undefined;
}

export function readBackupConfig(source: NodeJS.ProcessEnv = process.env): BackupConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const database = readOpsDatabaseEnv(cleaned as NodeJS.ProcessEnv);
  const parsed = backupEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid backup configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = resolveDataDir(database);
  return {
    databaseUrl: env.BACKUP_DATABASE_URL ?? database.DATABASE_URL,
    dataDir,
    schemas: env.BACKUP_SCHEMAS,
    localDir: path.resolve(env.BACKUP_DIR ?? path.join(dataDir, "backups")),
    encryptionKey: env.BACKUP_ENCRYPTION_KEY,
    s3: env.BACKUP_S3_BUCKET
      ? {
          bucket: env.BACKUP_S3_BUCKET,
          endpoint: env.BACKUP_S3_ENDPOINT,
          prefix: env.BACKUP_S3_PREFIX,
          region: env.BACKUP_S3_REGION ?? env.AWS_REGION ?? "us-east-1",
          forcePathStyle: env.BACKUP_S3_FORCE_PATH_STYLE ?? Boolean(env.BACKUP_S3_ENDPOINT),
        }
      : undefined,
    retention: {
      daily: env.BACKUP_RETENTION_DAILY,
      weekly: env.BACKUP_RETENTION_WEEKLY,
      monthly: env.BACKUP_RETENTION_MONTHLY,
    },
    metricsFile: env.BACKUP_METRICS_FILE,
    pushgatewayUrl: env.BACKUP_PUSHGATEWAY_URL,
    alertWebhookUrl: env.ALERT_WEBHOOK_URL,
  };
}
