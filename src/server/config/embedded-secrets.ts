import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "@/lib/zod";
import { generateKeyEntry } from "@/server/crypto/key-material";
import { rootLogger, type Logger } from "@/server/observability/logger";
import { dataDir } from "./data-dir";
import { env } from "./env";
import { encryptionKeysSchema } from "./schema";

/** Secrets embedded mode creates for itself when the environment does not provide them. */
const GENERATED_SECRETS = {
  APP_ENCRYPTION_KEYS: {
    generate: () => generateKeyEntry(),
    isValid: (value: string) => encryptionKeysSchema.safeParse(value).success,
  },
} as const;

export type EmbeddedSecretName = keyof typeof GENERATED_SECRETS;
export type EmbeddedSecrets = { [Name in EmbeddedSecretName]?: string | undefined };
const SECRET_NAMES = Object.keys(GENERATED_SECRETS) as EmbeddedSecretName[];

export const SECRETS_FILE = "secrets.json";
const OWNER_ONLY = 0o600;

export interface EmbeddedSecretsOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Which secrets the environment already provides (those are never generated). */
  provided: Partial<Record<EmbeddedSecretName, unknown>>;
  logger: Pick<Logger, "info" | "warn">;
}

function defaultOptions(): EmbeddedSecretsOptions {
  return {
    dataDir: dataDir(),
    databaseUrl: env.DATABASE_URL,
    provided: { APP_ENCRYPTION_KEYS: env.APP_ENCRYPTION_KEYS },
    logger: rootLogger,
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function readSecretsFile(file: string): EmbeddedSecrets {
  const parsed = z.record(z.string(), z.string()).safeParse(readJson(file));
  const secrets = parsed.success ? parsed.data : {};
  const damaged = parsed.success
    ? SECRET_NAMES.filter((name) => secrets[name] !== undefined && !GENERATED_SECRETS[name].isValid(secrets[name]))
    : ["not a JSON object of strings"];
  // Regenerating would make everything encrypted so far unreadable, so a damaged file stops the boot.
  if (damaged.length > 0)
    throw new Error(`${file} is damaged (${damaged.join(", ")}); restore it from a backup of the data directory.`);
  return Object.fromEntries(
    SECRET_NAMES.filter((name) => secrets[name] !== undefined).map((name) => [name, secrets[name]]),
  );
}

/** The secrets already in `<dataDir>/secrets.json`, or undefined when there is no such file; never generates. */
export function readEmbeddedSecrets(directory: string): EmbeddedSecrets | undefined {
  const file = path.join(directory, SECRETS_FILE);
  return fs.existsSync(file) ? readSecretsFile(file) : undefined;
}

/** Writes through a temporary file; `exclusive` links it into place so two starting processes cannot both create it. */
function writeSecretsFile(file: string, secrets: EmbeddedSecrets, exclusive: boolean): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const descriptor = fs.openSync(temporary, "wx", OWNER_ONLY);
  try {
    fs.fchmodSync(descriptor, OWNER_ONLY);
    fs.writeSync(descriptor, `${JSON.stringify(secrets, null, 2)}\n`);
    // Losing this file makes every stored secret unreadable, so it reaches the disk before it is used.
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  try {
    if (!exclusive) {
      fs.renameSync(temporary, file);
      return true;
    }
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function tightenPermissions(file: string, logger: EmbeddedSecretsOptions["logger"]): void {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode === OWNER_ONLY) return;
  fs.chmodSync(file, OWNER_ONLY);
  logger.warn({ path: file, mode: mode.toString(8) }, "embedded secrets file was readable by others; set it to 0600");
}

/**
 * Embedded mode only: makes sure every secret the environment lacks exists in `<dataDir>/secrets.json`
 * (mode 0600), generating it on first start, and returns the file's secrets. With DATABASE_URL set
 * (production) a missing secret is an error: production never generates secrets.
 */
export function ensureEmbeddedSecrets(options: EmbeddedSecretsOptions = defaultOptions()): EmbeddedSecrets {
  const missing = SECRET_NAMES.filter((name) => options.provided[name] === undefined);
  if (missing.length === 0) return {};
  if (options.databaseUrl) {
    throw new Error(
      `${missing.join(", ")} must be set when DATABASE_URL is set: production never generates secrets (see .env.example).`,
    );
  }
  const file = path.join(options.dataDir, SECRETS_FILE);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const existing = fs.existsSync(file) ? readSecretsFile(file) : undefined;
  const absent = missing.filter((name) => existing?.[name] === undefined);
  if (absent.length === 0 && existing) {
    tightenPermissions(file, options.logger);
    return existing;
  }
  const secrets: EmbeddedSecrets = { ...existing };
  for (const name of absent) secrets[name] = GENERATED_SECRETS[name].generate();
  if (!writeSecretsFile(file, secrets, existing === undefined)) return ensureEmbeddedSecrets(options);
  options.logger.info(
    { path: file, secrets: absent },
    `generated embedded secrets (${absent.join(", ")}) in ${file}; keep this file private and back it up with the data directory`,
  );
  return secrets;
}
