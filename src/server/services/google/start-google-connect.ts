import { withSystemDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { consentUrl, createOAuthClient, createPkcePair, googleSettings } from "@/server/google";
import { callbackUri, integrationsPage } from "./google-paths";
import { readConnection } from "./connection-row";
import { saveOAuthState } from "./oauth-state";

/**
 * `GET /api/integrations/google/connect`: where to send the browser. The state and the PKCE verifier
 * stay in the database, bound to this user and this signed-in session; the browser only carries the
 * random state. Reconnecting suggests the account already connected.
 */
export async function startGoogleConnect(
  user: { id: string; sessionKey?: string | undefined },
  origin: string,
): Promise<string> {
  const settings = googleSettings();
  if (!settings) return integrationsPage(origin, "unconfigured");
  if (!user.sessionKey) throw AppError.unauthorized();
  const redirectUri = callbackUri(origin);
  const client = createOAuthClient(settings, redirectUri);
  const pkce = await createPkcePair(client);
  const { state, loginHint } = await withSystemDb("google:start-connect", async (tx) => {
    const existing = await readConnection(tx, { userId: user.id });
    const saved = await saveOAuthState(tx, {
      userId: user.id,
      sessionKey: user.sessionKey ?? "",
      codeVerifier: pkce.verifier,
      redirectUri,
    });
    return { state: saved, loginHint: existing?.google_email };
  });
  return consentUrl(client, { state, codeChallenge: pkce.challenge, ...(loginHint ? { loginHint } : {}) });
}
