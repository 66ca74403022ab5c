import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { env } from "@/server/config/env";
import { supabaseUrl } from "./client";

export interface AccessClaims {
  sub: string;
  email: string;
  /** GoTrue's session (a row of auth.sessions) the token was issued for. */
  sessionId: string | null;
}

type Verify = (token: string) => Promise<JWTPayload>;

let verifier: Verify | undefined;

/** HS256 with the project's JWT secret when set; otherwise the project's published signing keys (cached). */
function createVerifier(): Verify {
  const options = { audience: "authenticated" };
  const secret = env.SUPABASE_JWT_SECRET;
  if (secret) {
    const key = new TextEncoder().encode(secret);
    return async (token) => (await jwtVerify(token, key, { ...options, algorithms: ["HS256"] })).payload;
  }
  const keys = createRemoteJWKSet(new URL(`${supabaseUrl()}/auth/v1/.well-known/jwks.json`));
  return async (token) => (await jwtVerify(token, keys, { ...options, algorithms: ["ES256", "RS256"] })).payload;
}

/** Verifies a Supabase access token locally: signature, expiry and audience. Null when anything is off. */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  verifier ??= createVerifier();
  try {
    const claims = await verifier(token);
    if (typeof claims.sub !== "string" || typeof claims.email !== "string" || claims.email === "") return null;
    const sessionId = typeof claims.session_id === "string" ? claims.session_id : null;
    return { sub: claims.sub, email: claims.email, sessionId };
  } catch {
    return null;
  }
}
