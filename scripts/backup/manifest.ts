import { z } from "zod";

export const MANIFEST_SUFFIX = ".manifest.json";

/** Written beside every backup; restore and the drill trust nothing the manifest does not vouch for. */
export const manifestSchema = z.object({
  format: z.literal("omnicrm-backup/1"),
  name: z.string().regex(/^omnicrm-(postgres|pglite)-[0-9TZ-]+$/),
  kind: z.enum(["postgres", "pglite"]),
  createdAt: z.iso.datetime(),
  file: z.string().min(1),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encryption: z.object({ algorithm: z.literal("aes-256-gcm"), keyFingerprint: z.string() }).nullable(),
  migrationVersion: z.string().nullable(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  schemas: z.array(z.string()),
  source: z.string(),
  tool: z.string(),
  durationMs: z.number().nonnegative(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** `omnicrm-postgres-2025-03-06T02-00-00-123Z`: sorts by time and is safe in any file system or bucket. */
export function backupName(kind: BackupManifest["kind"], createdAt: Date): string {
  return `omnicrm-${kind}-${createdAt.toISOString().replace(/[:.]/g, "-")}`;
}

export function backupFileName(kind: BackupManifest["kind"], name: string, encrypted: boolean): string {
  return `${name}${kind === "postgres" ? ".dump" : ".tar.gz"}${encrypted ? ".enc" : ""}`;
}

export function parseManifest(text: string, origin: string): BackupManifest {
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${origin} is not a valid backup manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
