import http from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify, type JWTPayload } from "jose";
import { FakeGoTrueState, signingKeys, type FakeUser, type OpenedSession } from "./fake-gotrue-state";

export { FakeGoTrueState, type FakeUser, type OpenedSession } from "./fake-gotrue-state";

interface Call {
  body: Record<string, unknown>;
  query: URLSearchParams;
  claims: JWTPayload | null;
  /** What GoTrue records on a session it opens: the caller's user agent and (first forwarded) address. */
  caller: { userAgent: string | null; ip: string | null };
}

interface Answer {
  status: number;
  body?: unknown;
  location?: string;
}

type Endpoint = (call: Call) => Promise<Answer>;

export interface FakeGoTrueOptions {
  /** Signs access tokens with this shared secret (HS256); without it, with an ES256 key published as JWKS. */
  jwtSecret?: string;
  /** GoTrue writes auth.users in the project's database; tests mirror that here. */
  onUserCreated?: (user: FakeUser) => Promise<void>;
  /** The project's secret key: admin endpoints (`/admin/users/{id}`) answer only to it. */
  secretKey?: string;
  /** GoTrue deletes the auth.users row (and its cascades) in the project's database; tests mirror that here. */
  onUserDeleted?: (userId: string) => Promise<void>;
  /** GoTrue writes auth.sessions (and auth.users on an email change); tests mirror those here. */
  onSessionCreated?: (session: OpenedSession) => Promise<void>;
  onSessionsRevoked?: (sessionIds: string[]) => Promise<void>;
  onUserUpdated?: (user: FakeUser) => Promise<void>;
}

export interface FakeGoTrue {
  /** What NEXT_PUBLIC_SUPABASE_URL points at (the client appends `/auth/v1`). */
  url: string;
  state: FakeGoTrueState;
  /** The account Google "returns" from /authorize. */
  googleAccount: { email: string; fullName: string };
  /** Every request received, as `METHOD /path?grant_type`. */
  calls: string[];
  /** The `kid` of the published signing key (ES256 only). */
  keyId: string | undefined;
  close(): Promise<void>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const fail = (status: number, code: string, msg: string): Answer => ({ status, body: { code, msg } });

/**
 * A small local server that answers the Supabase Auth (GoTrue) endpoints supabase-js uses for
 * sign-up, password and PKCE sign-in, refresh, sign-out, recovery and user updates, with really
 * signed access tokens (HS256, or ES256 with published keys), so the app's Supabase adapter is exercised through the real client.
 */
export async function startFakeGoTrue(options: FakeGoTrueOptions): Promise<FakeGoTrue> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = await signingKeys(options.jwtSecret);
  const state = new FakeGoTrueState(keys, `${url}/auth/v1`);
  state.onSessionCreated = options.onSessionCreated;
  state.onSessionsRevoked = options.onSessionsRevoked;
  state.onUserUpdated = options.onUserUpdated;
  const googleAccount = { email: "google.user@example.com", fullName: "Gillian Google" };
  const calls: string[] = [];

  const created = async (user: FakeUser) => {
    await options.onUserCreated?.(user);
    return user;
  };

  const endpoints: Record<string, Endpoint> = {
    "POST /signup": async ({ body, caller }) => {
      const email = text(body.email);
      if (state.findByEmail(email)) return fail(422, "user_already_exists", "User already registered");
      if (text(body.password).length < 6)
        return fail(422, "weak_password", "Password should be at least 6 characters.");
      const user = await created(
        state.addUser(email, text(body.password), "email", (body.data as Record<string, unknown>) ?? {}),
      );
      return { status: 200, body: await state.sessionJson(user, undefined, caller) };
    },
    "POST /token?password": async ({ body, caller }) => {
      const user = state.findByEmail(text(body.email));
      if (!user || user.password === null || user.password !== body.password) {
        return fail(400, "invalid_credentials", "Invalid login credentials");
      }
      return { status: 200, body: await state.sessionJson(user, undefined, caller) };
    },
    "POST /token?refresh_token": async ({ body }) => {
      const session = await state.refresh(text(body.refresh_token));
      return session
        ? { status: 200, body: session }
        : fail(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    },
    "POST /token?pkce": async ({ body }) => {
      const user = state.spendFlow(body.auth_code, body.code_verifier);
      return user
        ? { status: 200, body: await state.sessionJson(user) }
        : fail(400, "flow_state_not_found", "invalid flow state, no valid flow state found");
    },
    "POST /logout": async ({ claims, query }) => {
      if (!claims) return fail(401, "no_authorization", "This endpoint requires a valid Bearer token");
      await state.signOut(text(claims.session_id), query.get("scope") ?? "global");
      return { status: 204 };
    },
    "POST /recover": async ({ body, query }) => {
      const user = state.findByEmail(text(body.email));
      if (user) state.issueRecovery(user, query.get("redirect_to"));
      return { status: 200, body: {} };
    },
    "POST /verify": async ({ body }) => {
      const user =
        body.type === "recovery"
          ? state.spendRecovery(body.token_hash)
          : body.type === "email_change"
            ? await state.spendEmailChange(body.token_hash)
            : undefined;
      return user
        ? { status: 200, body: await state.sessionJson(user) }
        : fail(403, "otp_expired", "Email link is invalid or has expired");
    },
    "GET /user": async ({ claims }) => {
      const user = claims && state.users.get(text(claims.sub));
      return user
        ? { status: 200, body: state.userJson(user) }
        : fail(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    },
    "PUT /user": async ({ claims, body, query }) => {
      const user = claims && state.users.get(text(claims.sub));
      if (!user) return fail(403, "session_not_found", "Session from session_id claim in JWT does not exist");
      if (typeof body.email === "string" && body.email.toLowerCase() !== user.email) {
        if (state.findByEmail(body.email))
          return fail(422, "email_exists", "A user with this email address has already been registered");
        state.requestEmailChange(user, body.email, query.get("redirect_to"));
      }
      if (typeof body.password === "string") {
        if (body.password === user.password)
          return fail(422, "same_password", "New password should be different from the old password.");
        user.password = body.password;
      }
      return { status: 200, body: state.userJson(user) };
    },
    "GET /.well-known/jwks.json": async () => ({ status: 200, body: keys.jwks }),
    // Stands in for the whole Google consent round trip: straight back to the app with a code.
    "GET /authorize": async ({ query }) => {
      if (query.get("provider") !== "google") return fail(400, "validation_failed", "Unsupported provider");
      const user =
        state.findByEmail(googleAccount.email) ??
        (await created(state.addUser(googleAccount.email, null, "google", { full_name: googleAccount.fullName })));
      const code = state.startFlow(
        user.id,
        query.get("code_challenge") ?? "",
        query.get("code_challenge_method") ?? "",
      );
      const target = new URL(query.get("redirect_to") ?? url);
      target.searchParams.set("code", code);
      return { status: 302, location: target.toString() };
    },
  };

  /** `DELETE /admin/users/{id}`: a hard delete of the user and every session, for the secret key only. */
  async function adminDeleteUser(userId: string, authorization: string | undefined): Promise<Answer> {
    if (!options.secretKey || authorization !== `Bearer ${options.secretKey}`) {
      return fail(403, "not_admin", "User not allowed");
    }
    if (!state.users.delete(userId)) return fail(404, "user_not_found", "User not found");
    for (const session of state.sessions.values()) if (session.userId === userId) session.revoked = true;
    await options.onUserDeleted?.(userId);
    return { status: 200, body: {} };
  }

  async function bearerClaims(header: string | undefined): Promise<JWTPayload | null> {
    const token = header?.replace(/^Bearer /, "");
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, keys.verifyKey);
      return state.liveSession(payload.session_id) ? payload : null;
    } catch {
      return null;
    }
  }

  server.on("request", (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        const requestUrl = new URL(request.url ?? "/", url);
        const path = requestUrl.pathname.replace(/^\/auth\/v1/, "");
        const grant = requestUrl.searchParams.get("grant_type");
        const key = `${request.method} ${path}${grant ? `?${grant}` : ""}`;
        calls.push(key);
        const raw = Buffer.concat(chunks).toString("utf8");
        const endpoint = endpoints[key];
        const adminUser = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
        const answer =
          adminUser && request.method === "DELETE"
            ? await adminDeleteUser(adminUser[1]!, request.headers.authorization)
            : endpoint
              ? await endpoint({
                  body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
                  query: requestUrl.searchParams,
                  claims: await bearerClaims(request.headers.authorization),
                  caller: {
                    userAgent: request.headers["user-agent"] ?? null,
                    ip: text(request.headers["x-forwarded-for"]).split(",")[0]?.trim() || null,
                  },
                })
              : fail(404, "not_found", `No fake for ${key}`);
        const headers: Record<string, string> = { "x-supabase-api-version": "2024-01-01" };
        if (answer.location) headers.location = answer.location;
        if (answer.body !== undefined) headers["content-type"] = "application/json";
        response.writeHead(answer.status, headers);
        response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      })().catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ code: "unexpected_failure", msg: String(error) }));
      });
    });
  });

  return {
    url,
    state,
    googleAccount,
    calls,
    keyId: keys.kid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
