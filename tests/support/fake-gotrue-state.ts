import { createHash, randomBytes, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

/** How the fake signs access tokens: the project's shared secret (HS256) or a published key pair (ES256). */
export interface SigningKeys {
  alg: "HS256" | "ES256";
  kid: string | undefined;
  signKey: CryptoKey | Uint8Array;
  verifyKey: CryptoKey | Uint8Array;
  /** What `/.well-known/jwks.json` publishes (nothing for a shared secret). */
  jwks: { keys: JWK[] };
}

export async function signingKeys(jwtSecret: string | undefined): Promise<SigningKeys> {
  if (jwtSecret) {
    const secret = new TextEncoder().encode(jwtSecret);
    return { alg: "HS256", kid: undefined, signKey: secret, verifyKey: secret, jwks: { keys: [] } };
  }
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return { alg: "ES256", kid, signKey: privateKey, verifyKey: publicKey, jwks: { keys: [jwk] } };
}

export interface FakeUser {
  id: string;
  email: string;
  /** An email change waiting for its link (GoTrue's `new_email`). */
  newEmail: string | null;
  emailChangeSentAt: string | null;
  password: string | null;
  provider: "email" | "google";
  userMetadata: Record<string, unknown>;
  createdAt: string;
}

interface FakeSession {
  userId: string;
  revoked: boolean;
}

interface RecoveryToken {
  userId: string;
  expiresAt: number;
  used: boolean;
}

/** A session GoTrue opened, as it records it in auth.sessions. */
export interface OpenedSession {
  id: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
}

export interface SentEmailChange {
  email: string;
  newEmail: string;
  tokenHash: string;
  redirectTo: string | null;
}

export interface SentRecovery {
  email: string;
  tokenHash: string;
  redirectTo: string | null;
}

/** Users, sessions and one-time tokens of the fake Supabase Auth server, with really signed access tokens. */
export class FakeGoTrueState {
  readonly users = new Map<string, FakeUser>();
  readonly sessions = new Map<string, FakeSession>();
  readonly refreshTokens = new Map<string, { sessionId: string; used: boolean }>();
  readonly recoveries = new Map<string, RecoveryToken>();
  readonly flows = new Map<string, { userId: string; challenge: string; method: string }>();
  readonly emailChanges = new Map<string, RecoveryToken & { newEmail: string }>();
  /** Email-change mails GoTrue would have sent to the new address. */
  readonly sentEmailChanges: SentEmailChange[] = [];
  /** GoTrue writes auth.sessions in the project's database; tests mirror that through these. */
  onSessionCreated: ((session: OpenedSession) => Promise<void>) | undefined;
  onSessionsRevoked: ((sessionIds: string[]) => Promise<void>) | undefined;
  onUserUpdated: ((user: FakeUser) => Promise<void>) | undefined;
  /** Recovery mails GoTrue would have sent. */
  readonly sentRecoveries: SentRecovery[] = [];
  refreshCount = 0;
  /** Lifetime of new access tokens; under 90 s supabase-js refreshes on every read. */
  accessTokenSeconds = 3600;

  constructor(
    private readonly keys: SigningKeys,
    readonly issuer: string,
  ) {}

  findByEmail(email: string): FakeUser | undefined {
    return [...this.users.values()].find((user) => user.email === email.toLowerCase());
  }

  addUser(
    email: string,
    password: string | null,
    provider: FakeUser["provider"],
    userMetadata: Record<string, unknown>,
  ) {
    const user: FakeUser = {
      id: randomUUID(),
      email: email.toLowerCase(),
      newEmail: null,
      emailChangeSentAt: null,
      password,
      provider,
      userMetadata,
      createdAt: new Date().toISOString(),
    };
    this.users.set(user.id, user);
    return user;
  }

  userJson(user: FakeUser) {
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: user.createdAt,
      ...(user.newEmail ? { new_email: user.newEmail, email_change_sent_at: user.emailChangeSentAt } : {}),
      app_metadata: { provider: user.provider, providers: [user.provider] },
      user_metadata: user.userMetadata,
      identities: [{ id: user.id, user_id: user.id, provider: user.provider, identity_data: { email: user.email } }],
      created_at: user.createdAt,
      updated_at: user.createdAt,
    };
  }

  async sessionJson(
    user: FakeUser,
    sessionId: string = randomUUID(),
    caller: { userAgent: string | null; ip: string | null } = { userAgent: null, ip: null },
  ) {
    if (!this.sessions.has(sessionId)) {
      this.sessions.set(sessionId, { userId: user.id, revoked: false });
      await this.onSessionCreated?.({ id: sessionId, userId: user.id, ...caller });
    }
    const refreshToken = randomBytes(16).toString("hex");
    this.refreshTokens.set(refreshToken, { sessionId, used: false });
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      email: user.email,
      role: "authenticated",
      session_id: sessionId,
      aal: "aal1",
      is_anonymous: false,
      user_metadata: user.userMetadata,
    })
      .setProtectedHeader({ alg: this.keys.alg, typ: "JWT", ...(this.keys.kid ? { kid: this.keys.kid } : {}) })
      .setSubject(user.id)
      .setAudience("authenticated")
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + this.accessTokenSeconds)
      .sign(this.keys.signKey);
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: this.accessTokenSeconds,
      expires_at: now + this.accessTokenSeconds,
      refresh_token: refreshToken,
      user: this.userJson(user),
    };
  }

  /** Spends a refresh token (rotation): the session lives on under a new one. */
  async refresh(token: string) {
    const entry = this.refreshTokens.get(token);
    const session = entry && this.sessions.get(entry.sessionId);
    const user = session && this.users.get(session.userId);
    if (!entry || entry.used || !session || session.revoked || !user) return null;
    entry.used = true;
    this.refreshCount += 1;
    return this.sessionJson(user, entry.sessionId);
  }

  liveSession(sessionId: unknown): FakeSession | undefined {
    const session = typeof sessionId === "string" ? this.sessions.get(sessionId) : undefined;
    return session && !session.revoked ? session : undefined;
  }

  /** Revokes by GoTrue's scopes (local, global, others); the revoked sessions leave auth.sessions. */
  async signOut(sessionId: string, scope: string): Promise<void> {
    const current = this.sessions.get(sessionId);
    if (!current) return;
    const revoked: string[] = [];
    for (const [id, session] of this.sessions) {
      const sameUser = session.userId === current.userId;
      if (
        (scope === "local" && id === sessionId) ||
        (scope === "global" && sameUser) ||
        (scope === "others" && sameUser && id !== sessionId)
      ) {
        session.revoked = true;
        revoked.push(id);
      }
    }
    await this.onSessionsRevoked?.(revoked);
  }

  /** PUT /user with an email: the change waits for the link mailed to the new address. */
  requestEmailChange(user: FakeUser, newEmail: string, redirectTo: string | null): void {
    for (const change of this.emailChanges.values()) if (change.userId === user.id) change.used = true;
    const tokenHash = createHash("sha224").update(randomBytes(16)).digest("hex");
    this.emailChanges.set(tokenHash, { userId: user.id, expiresAt: Date.now() + 3600_000, used: false, newEmail });
    user.newEmail = newEmail.toLowerCase();
    user.emailChangeSentAt = new Date().toISOString();
    this.sentEmailChanges.push({ email: user.email, newEmail: user.newEmail, tokenHash, redirectTo });
  }

  /** POST /verify with type email_change: the link works once; the user's email changes. */
  async spendEmailChange(tokenHash: unknown): Promise<FakeUser | undefined> {
    const change = typeof tokenHash === "string" ? this.emailChanges.get(tokenHash) : undefined;
    const user = change && this.users.get(change.userId);
    if (!change || !user || change.used || change.expiresAt < Date.now()) return undefined;
    change.used = true;
    user.email = change.newEmail.toLowerCase();
    user.newEmail = null;
    user.emailChangeSentAt = null;
    await this.onUserUpdated?.(user);
    return user;
  }

  issueRecovery(user: FakeUser, redirectTo: string | null): void {
    const tokenHash = createHash("sha224").update(randomBytes(16)).digest("hex");
    this.recoveries.set(tokenHash, { userId: user.id, expiresAt: Date.now() + 3600_000, used: false });
    this.sentRecoveries.push({ email: user.email, tokenHash, redirectTo });
  }

  spendRecovery(tokenHash: unknown): FakeUser | undefined {
    const recovery = typeof tokenHash === "string" ? this.recoveries.get(tokenHash) : undefined;
    if (!recovery || recovery.used || recovery.expiresAt < Date.now()) return undefined;
    recovery.used = true;
    return this.users.get(recovery.userId);
  }

  expireRecoveries(): void {
    for (const recovery of this.recoveries.values()) recovery.expiresAt = Date.now() - 1;
  }

  startFlow(userId: string, challenge: string, method: string): string {
    const code = randomUUID();
    this.flows.set(code, { userId, challenge, method });
    return code;
  }

  /** PKCE: the verifier must hash to the challenge the flow started with; a code works once. */
  spendFlow(code: unknown, verifier: unknown): FakeUser | undefined {
    const flow = typeof code === "string" ? this.flows.get(code) : undefined;
    if (!flow || typeof verifier !== "string") return undefined;
    this.flows.delete(code as string);
    const expected = flow.method === "s256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
    return expected === flow.challenge ? this.users.get(flow.userId) : undefined;
  }
}
