import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { counter } from "@/server/observability/metrics";
import { passwordHashingGate } from "./hashing-gate";

/** scrypt cost for new hashes; each stored hash carries its own, so these can rise over time. */
export const SCRYPT_PARAMS = { logN: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/**
 * A hash of a random password under SCRYPT_PARAMS: verified when the email is unknown, so sign-in
 * does the same work whether or not the account exists.
 */
export const DUMMY_PASSWORD_HASH =
  "$scrypt$ln=15,r=8,p=1$Q0dSg4Wdf3ldO5VT5e4bfQ$6rrIlb7cBdguePZWqKxCY12rrp_wOhb4xs4uhxxDaxc";

const HASH_PATTERN = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const verifications = counter({
  name: "auth_password_verifications_total",
  help: "Password hashes verified at sign-in",
});

const hashes = counter({
  name: "auth_password_hashes_total",
  help: "New password hashes made (sign-up, reset, re-hash)",
});

/** One scrypt derivation, run only when the hashing gate has a slot (or refused with a 503). */
function derive(password: string, salt: Buffer, params: { logN: number; r: number; p: number }, length: number) {
  const cost = 2 ** params.logN;
  // scrypt needs 128·N·r bytes; Node's default 32 MiB ceiling is just below N=2^15, r=8.
  const options: ScryptOptions = { N: cost, r: params.r, p: params.p, maxmem: 256 * cost * params.r };
  return passwordHashingGate().run(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCallback(password.normalize("NFKC"), salt, length, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

function parse(hash: string): ParsedHash | null {
  const match = HASH_PATTERN.exec(hash);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return {
    logN: Number(logN),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt, "base64url"),
    key: Buffer.from(key, "base64url"),
  };
}

const DUMMY = parse(DUMMY_PASSWORD_HASH) as ParsedHash;

/** `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key>` (PHC string format, base64url). */
export async function hashPassword(password: string): Promise<string> {
  hashes.inc();
  const salt = randomBytes(SCRYPT_PARAMS.saltLength);
  const key = await derive(password, salt, SCRYPT_PARAMS, SCRYPT_PARAMS.keyLength);
  const { logN, r, p } = SCRYPT_PARAMS;
  return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Constant-time comparison against a stored hash; a malformed hash costs the same and never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  verifications.inc();
  const stored = parse(hash);
  const target = stored ?? DUMMY;
  const key = await derive(password, target.salt, target, target.key.length);
  return timingSafeEqual(key, target.key) && stored !== null;
}

/** Whether a stored hash was made with weaker parameters than today's (re-hash it at the next sign-in). */
export function needsRehash(hash: string): boolean {
  const parsed = parse(hash);
  return !parsed || parsed.logN !== SCRYPT_PARAMS.logN || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p;
}

/** How many verifications this process has run (the sign-in enumeration test counts them). */
export async function passwordVerificationCount(): Promise<number> {
  const metric = await verifications.get();
  return metric.values[0]?.value ?? 0;
}

/** How many new hashes this process has made (the reset tests check a bad token costs none). */
export async function passwordHashCount(): Promise<number> {
  const metric = await hashes.get();
  return metric.values[0]?.value ?? 0;
}
