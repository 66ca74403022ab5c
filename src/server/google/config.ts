import { env } from "@/server/config/env";

/** Google's own origins; GOOGLE_BASE_URL replaces all of them with one origin serving the same paths. */
const GOOGLE_ORIGINS = {
  accounts: "https://accounts.google.com",
  oauth2: "https://oauth2.googleapis.com",
  apis: "https://www.googleapis.com",
  gmail: "https://gmail.googleapis.com",
} as const;

export interface GoogleEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  userInfo: string;
  /** Root URL the generated API clients append `gmail/v1/…` to (with a trailing slash). */
  gmailRoot: string;
}

export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  endpoints: GoogleEndpoints;
}

export function googleEndpoints(baseUrl: string | undefined): GoogleEndpoints {
  const base = baseUrl?.replace(/\/+$/, "");
  const at = (origin: string, path: string) => `${base ?? origin}${path}`;
  return {
    authorize: at(GOOGLE_ORIGINS.accounts, "/o/oauth2/v2/auth"),
    token: at(GOOGLE_ORIGINS.oauth2, "/token"),
    revoke: at(GOOGLE_ORIGINS.oauth2, "/revoke"),
    userInfo: at(GOOGLE_ORIGINS.apis, "/oauth2/v3/userinfo"),
    gmailRoot: at(GOOGLE_ORIGINS.gmail, "/"),
  };
}

/** The app's Google OAuth client, or null when GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET are not both set. */
export function googleSettings(): GoogleSettings | null {
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
  return {
    clientId: env.GOOGLE_CLIENT_ID,
    clientSecret: env.GOOGLE_CLIENT_SECRET,
    endpoints: googleEndpoints(env.GOOGLE_BASE_URL),
  };
}

/** Read-only Gmail plus the account's address: nothing more is asked for (calendar asks for its own, later). */
export const GMAIL_READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";
export const GOOGLE_CONNECT_SCOPES = ["openid", "email", GMAIL_READONLY_SCOPE] as const;
