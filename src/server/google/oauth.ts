import { CodeChallengeMethod, OAuth2Client } from "google-auth-library";
import { GOOGLE_CONNECT_SCOPES, type GoogleSettings } from "./config";
import { GoogleError, toGoogleError } from "./errors";
import { DEFAULT_RETRY_POLICY, gaxiosRetryConfig, type GoogleRetryPolicy } from "./retry-policy";

export interface GoogleTokens {
  accessToken: string;
  /** Google sends one on first consent (and with prompt=consent); a refresh may omit it. */
  refreshToken: string | null;
  expiresAt: Date;
  /** What the practitioner actually granted, which may be narrower than what was asked for. */
  scopes: string[];
}

/** One OAuth client per call: it holds credentials, and those belong to one connection only. */
export function createOAuthClient(
  settings: GoogleSettings,
  redirectUri?: string,
  retry: GoogleRetryPolicy = DEFAULT_RETRY_POLICY,
): OAuth2Client {
  return new OAuth2Client({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: {
      oauth2AuthBaseUrl: settings.endpoints.authorize,
      oauth2TokenUrl: settings.endpoints.token,
      oauth2RevokeUrl: settings.endpoints.revoke,
    },
    // Token calls are POSTs: retried once on 429/5xx/no answer; a 400 (invalid_grant) never is.
    transporterOptions: {
      timeout: 15_000,
      retryConfig: gaxiosRetryConfig({ ...retry, retries: Math.min(retry.retries, 1) }, ["POST", "GET"]),
    },
  });
}

export async function createPkcePair(client: OAuth2Client): Promise<{ verifier: string; challenge: string }> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  if (!codeChallenge) throw new Error("PKCE challenge missing");
  return { verifier: codeVerifier, challenge: codeChallenge };
}

/** Google's consent screen: offline access (a refresh token), incremental authorization, PKCE S256. */
export function consentUrl(
  client: OAuth2Client,
  input: { state: string; codeChallenge: string; loginHint?: string },
): string {
  return client.generateAuthUrl({
    access_type: "offline",
    prompt: "consent",
    include_granted_scopes: true,
    scope: [...GOOGLE_CONNECT_SCOPES],
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
  });
}

function tokensFrom(data: {
  access_token?: string | null;
  refresh_token?: string | null;
  expiry_date?: number | null;
  scope?: string | null;
}): GoogleTokens {
  if (!data.access_token) throw new GoogleError("failed", null, "no_access_token");
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token ?? null,
    // Without an expiry, assume Google's usual hour minus a margin.
    expiresAt: new Date(data.expiry_date ?? Date.now() + 55 * 60_000),
    scopes: (data.scope ?? "").split(/\s+/).filter(Boolean),
  };
}

export async function exchangeCode(client: OAuth2Client, code: string, codeVerifier: string): Promise<GoogleTokens> {
  try {
    const { tokens } = await client.getToken({ code, codeVerifier });
    return tokensFrom(tokens);
  } catch (error) {
    throw toGoogleError(error, "oauth");
  }
}

/** A new access token from the refresh token; invalid_grant becomes `grant_revoked`. */
export async function refreshTokens(client: OAuth2Client, refreshToken: string): Promise<GoogleTokens> {
  client.setCredentials({ refresh_token: refreshToken });
  try {
    const { credentials } = await client.refreshAccessToken();
    const tokens = tokensFrom(credentials);
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    throw toGoogleError(error, "oauth");
  }
}

/** Revokes a token at Google. A token Google no longer knows counts as revoked. */
export async function revokeToken(client: OAuth2Client, token: string): Promise<void> {
  try {
    await client.revokeToken(token);
  } catch (error) {
    const mapped = toGoogleError(error, "oauth");
    if (mapped.status === 400 || mapped.kind === "grant_revoked") return;
    throw mapped;
  }
}

export interface GoogleAccount {
  email: string;
  emailVerified: boolean;
}

/** The connected account's address, from the userinfo endpoint, with the access token just obtained. */
export async function fetchGoogleAccount(
  client: OAuth2Client,
  settings: GoogleSettings,
  accessToken: string,
): Promise<GoogleAccount> {
  client.setCredentials({ access_token: accessToken });
  try {
    const response = await client.request<{ email?: string; email_verified?: boolean }>({
      url: settings.endpoints.userInfo,
      method: "GET",
    });
    const email = response.data.email;
    if (!email) throw new GoogleError("insufficient_scope", 200, "no_email");
    return { email: email.toLowerCase(), emailVerified: response.data.email_verified === true };
  } catch (error) {
    throw toGoogleError(error, "oauth");
  }
}
