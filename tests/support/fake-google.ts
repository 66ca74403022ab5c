import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small local Google: OAuth consent (`/o/oauth2/v2/auth`), `/token` (code exchange with a PKCE
 * S256 check, refresh, `invalid_grant`), `/revoke`, `/oauth2/v3/userinfo`, and the Gmail calls the
 * sync makes (`users.getProfile`, `users.messages.list/get`, `users.history.list`), on Google's own
 * paths and with Google's error bodies, so the app runs the real `google-auth-library` and
 * `@googleapis/gmail` against it (GOOGLE_BASE_URL).
 */

export const GMAIL_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";

export interface FakeMailInput {
  from: string;
  to?: string[];
  cc?: string[];
  subject?: string;
  text?: string;
  html?: string;
  date?: Date;
  threadId?: string;
  labelIds?: string[];
  attachments?: { name: string; size: number }[];
}

interface StoredMail extends FakeMailInput {
  id: string;
  threadId: string;
  historyId: number;
  date: Date;
  labelIds: string[];
}

interface HistoryRecord {
  id: number;
  added?: string;
  deleted?: string;
  relabelled?: string;
}

interface Grant {
  code: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
}

interface Fault {
  /** Matched against `METHOD /path` (startsWith). */
  route: string;
  status: number;
  /** Google's reason in the error body (`rateLimitExceeded`, `backendError`…). */
  reason: string;
  remaining: number;
}

export class FakeGoogleState {
  readonly clientId: string;
  readonly clientSecret: string;
  account = { email: "practitioner@gmail.example", sub: "10769150350006150715113082367" };
  /** What the consent screen grants; narrower than asked for when a test unticks Gmail. */
  grantScopes: ((requested: string[]) => string[]) | null = null;
  /** The consent screen answers `error=access_denied`. */
  denyConsent = false;
  /** Lifetime of issued access tokens, in seconds. */
  accessTokenSeconds = 3600;
  /** Empty history pages (with a nextPageToken) served before the real ones, to prove paging goes on. */
  emptyHistoryPages = 0;
  /** Page size of messages.list and history.list, whatever the caller asks for. */
  pageSize = 100;
  readonly mail = new Map<string, StoredMail>();
  readonly history: HistoryRecord[] = [];
  /** History at or before this id is gone: a start id at or below it answers 404. */
  historyFloor = 0;
  historyId = 1000;
  private nextId = 1;
  readonly grants = new Map<string, Grant>();
  readonly accessTokens = new Map<string, { refreshToken: string | null; scopes: string[]; expiresAt: number }>();
  readonly refreshTokens = new Map<string, { scopes: string[]; revoked: boolean }>();
  readonly revoked: string[] = [];
  readonly faults: Fault[] = [];
  /** Every request received, as `METHOD /path`. */
  readonly calls: string[] = [];

  constructor(clientId: string, clientSecret: string) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  addMail(input: FakeMailInput): StoredMail {
    const id = (this.nextId++).toString(16).padStart(16, "0");
    this.historyId += 1;
    const stored: StoredMail = {
      ...input,
      id,
      threadId: input.threadId ?? id,
      historyId: this.historyId,
      date: input.date ?? new Date(),
      labelIds: input.labelIds ?? ["INBOX"],
    };
    this.mail.set(id, stored);
    this.history.push({ id: this.historyId, added: id });
    return stored;
  }

  deleteMail(id: string): void {
    this.mail.delete(id);
    this.historyId += 1;
    this.history.push({ id: this.historyId, deleted: id });
  }

  relabel(id: string, labelIds: string[]): void {
    const stored = this.mail.get(id);
    if (!stored) return;
    stored.labelIds = labelIds;
    this.historyId += 1;
    this.history.push({ id: this.historyId, relabelled: id });
  }

  /** Gmail keeps history for a limited time: everything up to now is forgotten. */
  expireHistory(): void {
    this.historyFloor = this.historyId;
  }

  /** Every refresh token (and its access tokens) stops working, as after a password change. */
  revokeAllGrants(): void {
    for (const token of this.refreshTokens.values()) token.revoked = true;
    this.accessTokens.clear();
  }

  /** The next `times` requests matching `route` (`GET /gmail/v1/users/me/messages`) fail with `status`. */
  fail(route: string, status: number, reason: string, times = 1): void {
    this.faults.push({ route, status, reason, remaining: times });
  }

  issueAccessToken(refreshToken: string | null, scopes: string[]): { token: string; expiresIn: number } {
    const token = `ya29.${crypto.randomBytes(18).toString("base64url")}`;
    this.accessTokens.set(token, { refreshToken, scopes, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    return { token, expiresIn: this.accessTokenSeconds };
  }
}

interface Answer {
  status: number;
  body?: unknown;
  location?: string;
  headers?: Record<string, string>;
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

/** Google's API error envelope. */
export function googleApiError(status: number, reason: string, message = reason): Answer {
  return {
    status,
    body: {
      error: {
        code: status,
        message,
        errors: [{ message, domain: status === 403 || status === 429 ? "usageLimits" : "global", reason }],
        status: STATUS_NAMES[status] ?? "UNKNOWN",
      },
    },
  };
}

const oauthError = (status: number, error: string, description: string): Answer => ({
  status,
  body: { error, error_description: description },
});

function toRfc822(mail: StoredMail): string {
  return mail.date.toUTCString().replace("GMT", "+0000");
}

function encode(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function messageResource(mail: StoredMail, format: string) {
  const headers = [
    { name: "From", value: mail.from },
    { name: "To", value: (mail.to ?? []).join(", ") },
    ...(mail.cc?.length ? [{ name: "Cc", value: mail.cc.join(", ") }] : []),
    { name: "Subject", value: mail.subject ?? "" },
    { name: "Date", value: toRfc822(mail) },
  ];
  const base = {
    id: mail.id,
    threadId: mail.threadId,
    labelIds: mail.labelIds,
    snippet: (mail.text ?? mail.html ?? "").replace(/<[^>]*>/g, "").slice(0, 120),
    historyId: String(mail.historyId),
    internalDate: String(mail.date.getTime()),
    sizeEstimate: (mail.text ?? mail.html ?? "").length + 400,
  };
  if (format === "minimal") return base;
  if (format === "metadata") return { ...base, payload: { mimeType: "multipart/mixed", headers, parts: [] } };
  const parts: unknown[] = [];
  if (mail.text !== undefined) parts.push({ mimeType: "text/plain", filename: "", body: { data: encode(mail.text) } });
  if (mail.html !== undefined) parts.push({ mimeType: "text/html", filename: "", body: { data: encode(mail.html) } });
  for (const attachment of mail.attachments ?? [])
    parts.push({
      mimeType: "application/octet-stream",
      filename: attachment.name,
      body: { size: attachment.size, attachmentId: `att-${attachment.name}` },
    });
  return { ...base, payload: { mimeType: "multipart/mixed", headers, body: { size: 0 }, parts } };
}

function pageOf<T>(items: T[], pageToken: string | null, size: number): { page: T[]; next: string | null } {
  const start = pageToken ? Number(pageToken) : 0;
  const page = items.slice(start, start + size);
  return { page, next: start + size < items.length ? String(start + size) : null };
}

function s256(verifier: string): string {
  return crypto.createHash("sha256").update(verifier).digest("base64url");
}

export interface FakeGoogle {
  /** What GOOGLE_BASE_URL points at. */
  url: string;
  state: FakeGoogleState;
  close(): Promise<void>;
}

export async function startFakeGoogle(
  options: { clientId?: string; clientSecret?: string; port?: number } = {},
): Promise<FakeGoogle> {
  const state = new FakeGoogleState(options.clientId ?? "fake-client-id", options.clientSecret ?? "fake-client-secret");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bearer = (authorization: string | undefined) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    const grant = token ? state.accessTokens.get(token) : undefined;
    return grant && grant.expiresAt > Date.now() ? grant : null;
  };

  function authorize(query: URLSearchParams): Answer {
    const redirectUri = query.get("redirect_uri") ?? "";
    const target = new URL(redirectUri);
    const stateParam = query.get("state");
    if (query.get("client_id") !== state.clientId)
      return oauthError(400, "invalid_client", "The OAuth client was not found.");
    if (stateParam) target.searchParams.set("state", stateParam);
    if (state.denyConsent) {
      target.searchParams.set("error", "access_denied");
      return { status: 302, location: target.toString() };
    }
    if (query.get("code_challenge_method") !== "S256" || !query.get("code_challenge"))
      return oauthError(400, "invalid_request", "code_challenge is required");
    const requested = (query.get("scope") ?? "").split(/\s+/).filter(Boolean);
    const scopes = state.grantScopes ? state.grantScopes(requested) : requested;
    const code = `4/${crypto.randomBytes(12).toString("base64url")}`;
    state.grants.set(code, {
      code,
      clientId: state.clientId,
      redirectUri,
      challenge: query.get("code_challenge") ?? "",
      scopes,
    });
    target.searchParams.set("code", code);
    target.searchParams.set("scope", scopes.join(" "));
    return { status: 302, location: target.toString() };
  }

  function token(form: URLSearchParams, authorization: string | undefined): Answer {
    let clientId = form.get("client_id");
    let clientSecret = form.get("client_secret");
    const basic = /^Basic (.+)$/.exec(authorization ?? "")?.[1];
    if (basic) [clientId, clientSecret] = Buffer.from(basic, "base64").toString().split(":") as [string, string];
    if (clientId !== state.clientId || clientSecret !== state.clientSecret)
      return oauthError(401, "invalid_client", "Unauthorized");
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const grant = state.grants.get(form.get("code") ?? "");
      state.grants.delete(form.get("code") ?? "");
      if (!grant) return oauthError(400, "invalid_grant", "Malformed auth code.");
      if (grant.redirectUri !== form.get("redirect_uri"))
        return oauthError(400, "redirect_uri_mismatch", "Bad Request");
      if (s256(form.get("code_verifier") ?? "") !== grant.challenge)
        return oauthError(400, "invalid_grant", "Invalid code verifier.");
      const refreshToken = `1//${crypto.randomBytes(24).toString("base64url")}`;
      state.refreshTokens.set(refreshToken, { scopes: grant.scopes, revoked: false });
      const access = state.issueAccessToken(refreshToken, grant.scopes);
      return {
        status: 200,
        body: {
          access_token: access.token,
          expires_in: access.expiresIn,
          refresh_token: refreshToken,
          scope: grant.scopes.join(" "),
          token_type: "Bearer",
        },
      };
    }
    if (grantType === "refresh_token") {
      const refreshToken = form.get("refresh_token") ?? "";
      const known = state.refreshTokens.get(refreshToken);
      if (!known || known.revoked) return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
      const access = state.issueAccessToken(refreshToken, known.scopes);
      return {
        status: 200,
        body: {
          access_token: access.token,
          expires_in: access.expiresIn,
          scope: known.scopes.join(" "),
          token_type: "Bearer",
        },
      };
    }
    return oauthError(400, "unsupported_grant_type", "Invalid grant_type");
  }

  function revoke(tokenValue: string): Answer {
    const refresh = state.refreshTokens.get(tokenValue);
    const access = state.accessTokens.get(tokenValue);
    if (!refresh && !access) return oauthError(400, "invalid_token", "Token expired or revoked");
    const refreshToken = refresh ? tokenValue : access?.refreshToken;
    if (refreshToken) {
      const entry = state.refreshTokens.get(refreshToken);
      if (entry) entry.revoked = true;
      for (const [key, value] of state.accessTokens)
        if (value.refreshToken === refreshToken) state.accessTokens.delete(key);
    }
    state.accessTokens.delete(tokenValue);
    state.revoked.push(tokenValue);
    return { status: 200, body: {} };
  }

  function gmail(method: string, path: string, query: URLSearchParams, authorization: string | undefined): Answer {
    const grant = bearer(authorization);
    if (!grant) return googleApiError(401, "authError", "Request had invalid authentication credentials.");
    if (!grant.scopes.includes(GMAIL_SCOPE))
      return googleApiError(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
    if (method !== "GET") return googleApiError(405, "methodNotAllowed");
    if (path === "/gmail/v1/users/me/profile")
      return {
        status: 200,
        body: {
          emailAddress: state.account.email,
          messagesTotal: state.mail.size,
          threadsTotal: state.mail.size,
          historyId: String(state.historyId),
        },
      };
    if (path === "/gmail/v1/users/me/messages") {
      const after = /after:(\d+)/.exec(query.get("q") ?? "")?.[1];
      const since = after ? Number(after) * 1000 : 0;
      const matching = [...state.mail.values()]
        .filter(
          (mail) => mail.date.getTime() > since && !mail.labelIds.includes("TRASH") && !mail.labelIds.includes("SPAM"),
        )
        .sort((a, b) => b.date.getTime() - a.date.getTime());
      const size = Math.min(state.pageSize, Number(query.get("maxResults") ?? 100));
      const { page, next } = pageOf(matching, query.get("pageToken"), size);
      return {
        status: 200,
        body: {
          ...(page.length ? { messages: page.map((mail) => ({ id: mail.id, threadId: mail.threadId })) } : {}),
          ...(next ? { nextPageToken: next } : {}),
          resultSizeEstimate: matching.length,
        },
      };
    }
    const messageId = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/.exec(path)?.[1];
    if (messageId) {
      const mail = state.mail.get(decodeURIComponent(messageId));
      if (!mail) return googleApiError(404, "notFound", "Requested entity was not found.");
      return { status: 200, body: messageResource(mail, query.get("format") ?? "full") };
    }
    if (path === "/gmail/v1/users/me/history") {
      const start = Number(query.get("startHistoryId"));
      if (!Number.isFinite(start) || start <= 0)
        return googleApiError(400, "invalidArgument", "Invalid startHistoryId");
      if (start < state.historyFloor) return googleApiError(404, "notFound", "Requested entity was not found.");
      const pageToken = query.get("pageToken");
      // Empty pages first, each pointing at the next: "e1", "e2", … then the real paging.
      const empty = /^e(\d+)$/.exec(pageToken ?? "");
      const emptyServed = pageToken === null ? 0 : empty ? Number(empty[1]) : state.emptyHistoryPages;
      if (emptyServed < state.emptyHistoryPages)
        return { status: 200, body: { historyId: String(state.historyId), nextPageToken: `e${emptyServed + 1}` } };
      const records = state.history.filter((record) => record.id > start);
      const { page, next } = pageOf(records, empty ? null : pageToken, state.pageSize);
      return {
        status: 200,
        body: {
          ...(page.length
            ? {
                history: page.map((record) => ({
                  id: String(record.id),
                  ...(record.added ? { messagesAdded: [{ message: { id: record.added } }] } : {}),
                  ...(record.deleted ? { messagesDeleted: [{ message: { id: record.deleted } }] } : {}),
                  ...(record.relabelled ? { labelsRemoved: [{ message: { id: record.relabelled } }] } : {}),
                })),
              }
            : {}),
          historyId: String(state.historyId),
          ...(next ? { nextPageToken: next } : {}),
        },
      };
    }
    return googleApiError(404, "notFound", "Not Found");
  }

  server.on("request", (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const parsed = new URL(request.url ?? "/", url);
      const method = request.method ?? "GET";
      const route = `${method} ${parsed.pathname}`;
      state.calls.push(route);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const authorization = request.headers.authorization;
      let answer: Answer;
      const fault = state.faults.find((candidate) => candidate.remaining > 0 && route.startsWith(candidate.route));
      if (fault) {
        fault.remaining -= 1;
        answer =
          parsed.pathname === "/token"
            ? oauthError(fault.status, fault.reason, fault.reason)
            : googleApiError(fault.status, fault.reason);
      } else if (route === "GET /__fake/health") answer = { status: 200, body: { ok: true } };
      // Browser tests put mail in the mailbox through the server, since they run in another process.
      else if (route === "POST /__fake/mail") {
        const input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as FakeMailInput;
        answer = { status: 201, body: { id: state.addMail(input).id } };
      } else if (route === "GET /o/oauth2/v2/auth") answer = authorize(parsed.searchParams);
      else if (route === "POST /token") answer = token(form, authorization);
      else if (route === "POST /revoke") answer = revoke(parsed.searchParams.get("token") ?? form.get("token") ?? "");
      else if (route === "GET /oauth2/v3/userinfo") {
        const grant = bearer(authorization);
        answer = grant
          ? { status: 200, body: { sub: state.account.sub, email: state.account.email, email_verified: true } }
          : googleApiError(401, "authError", "Invalid Credentials");
      } else if (parsed.pathname.startsWith("/gmail/v1/"))
        answer = gmail(method, parsed.pathname, parsed.searchParams, authorization);
      else answer = googleApiError(404, "notFound", "Not Found");
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.location) headers.location = answer.location;
      if (answer.body !== undefined) headers["content-type"] = "application/json; charset=UTF-8";
      response.writeHead(answer.status, headers);
      response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });

  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
