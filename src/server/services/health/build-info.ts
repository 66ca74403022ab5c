import { env } from "@/server/config/env";
import packageJson from "../../../../package.json";

export interface BuildInfo {
  version: string;
  commit: string;
}

/** What is deployed: APP_VERSION or package.json's version; GIT_COMMIT or the commit Vercel built. */
export function buildInfo(): BuildInfo {
  return {
    version: env.APP_VERSION ?? packageJson.version,
    // Set by the Vercel platform on every build, never by an operator, so it is not part of the validated configuration.
    commit: env.GIT_COMMIT ?? process.env.VERCEL_GIT_COMMIT_SHA ?? "unknown",
  };
}
