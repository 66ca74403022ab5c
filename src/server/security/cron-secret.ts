import { AppError } from "@/server/errors";
import { sameSecret } from "./same-secret";

export const CRON_PATH_PREFIX = "/api/cron/";

export function isCronPath(pathname: string): boolean {
  return pathname.startsWith(CRON_PATH_PREFIX);
}

/**
 * `null` when `Authorization: Bearer <CRON_SECRET>` matches. Refuses everything while the secret
 * is unset (fail closed).
 */
export function cronRefusal(authorization: string | null, secret: string | undefined): AppError | null {
  if (!secret) return new AppError("unavailable", "Scheduled jobs are disabled on this deployment");
  const presented = /^Bearer (.+)$/.exec(authorization ?? "")?.[1] ?? "";
  if (sameSecret(presented, secret)) return null;
  return AppError.unauthorized("A valid cron secret is required");
}
