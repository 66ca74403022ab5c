import { randomBytes } from "node:crypto";

/** `name=value` pairs of Set-Cookie headers, as a browser would send them back. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((cookie) => cookie.split(";")[0]?.trim() ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

async function postJson(baseUrl: string, route: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method: "POST",
    // Same-origin headers, as the browser form sends them: the proxy refuses cross-site writes.
    headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" },
    body: JSON.stringify(body),
  });
}

async function explain(response: Response, what: string): Promise<Error> {
  return new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
}

/**
 * Signs up one user and returns its session cookie. Sign-up and sign-in are rate limited per IP,
 * so the benchmark does this once and reuses the cookie for every request.
 */
export async function signedInCookie(baseUrl: string): Promise<string> {
  const credentials = {
    email: `bench-${randomBytes(6).toString("hex")}@example.test`,
    password: randomBytes(18).toString("base64url"),
  };
  const signUp = await postJson(baseUrl, "/api/auth/sign-up", { ...credentials, displayName: "Bench Practitioner" });
  if (signUp.status !== 201 && signUp.status !== 200) throw await explain(signUp, "sign-up failed");
  let cookie = cookieHeader(signUp.headers.getSetCookie());
  if (!cookie) {
    const signIn = await postJson(baseUrl, "/api/auth/sign-in", credentials);
    if (!signIn.ok) throw await explain(signIn, "sign-in failed");
    cookie = cookieHeader(signIn.headers.getSetCookie());
  }
  const user = await fetch(`${baseUrl}/api/auth/user`, { headers: { cookie } });
  if (user.status !== 200) throw await explain(user, "the new session is not accepted by GET /api/auth/user");
  await user.body?.cancel();
  return cookie;
}
