/** What a healthy deployment must answer; each check lists every problem it finds so one run shows them all. */

export interface SmokeResponse {
  status: number;
  headers: Headers;
  body: string;
  durationMs: number;
}

export interface SmokeCheck {
  name: string;
  path: string;
  /** Problems found in the response; an empty list means the check passed. */
  verify: (response: SmokeResponse, baseUrl: URL) => string[];
}

const expectStatus = (response: SmokeResponse, expected: number): string[] =>
  response.status === expected ? [] : [`expected HTTP ${expected}, got ${response.status}`];

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** A dependency check reads `{ ok: true, latencyMs }` (or `{ ok: false, error }`); `"ok"` and `{ status }` are accepted too. */
function checkState(value: unknown): string {
  if (typeof value === "string") return value;
  if (!isRecord(value)) return "missing";
  if (typeof value.ok === "boolean") return value.ok ? "ok" : typeof value.error === "string" ? value.error : "failing";
  return typeof value.status === "string" ? value.status : "missing";
}

function verifyHealth(response: SmokeResponse): string[] {
  const problems = expectStatus(response, 200);
  const health = parseJson(response.body);
  if (!isRecord(health)) return [...problems, "body is not a JSON object"];
  if (health.status !== "ok") problems.push(`status is ${JSON.stringify(health.status)}, expected "ok"`);
  const database = checkState(isRecord(health.checks) ? health.checks.database : undefined);
  if (database !== "ok") problems.push(`checks.database is ${JSON.stringify(database)}, expected "ok"`);
  return problems;
}

function verifySignInPage(response: SmokeResponse): string[] {
  const problems = expectStatus(response, 200);
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("text/html")) problems.push(`content-type is ${JSON.stringify(type)}, expected text/html`);
  if (!/<form[\s>]/i.test(response.body)) problems.push("the page has no <form>");
  if (!/type=["']?password/i.test(response.body)) problems.push("the page has no password field");
  return problems;
}

function verifyAnonymousRefused(response: SmokeResponse): string[] {
  const problems = expectStatus(response, 401);
  const body = parseJson(response.body);
  const code = isRecord(body) && isRecord(body.error) ? body.error.code : undefined;
  if (code !== "unauthorized") problems.push(`error.code is ${JSON.stringify(code)}, expected "unauthorized"`);
  return problems;
}

/** Header name → test of its value; applied to the HTML page, where the browser enforces them. */
const PAGE_SECURITY_HEADERS: Record<string, (value: string, baseUrl: URL) => string | undefined> = {
  "content-security-policy": (value) => {
    const missing = ["default-src", "frame-ancestors 'none'", "object-src 'none'"].filter((d) => !value.includes(d));
    return missing.length ? `lacks ${missing.join(", ")}` : undefined;
  },
  "x-content-type-options": (value) => (value.toLowerCase() === "nosniff" ? undefined : "is not nosniff"),
  "referrer-policy": (value) => (value ? undefined : "is empty"),
  "permissions-policy": (value) => (value ? undefined : "is empty"),
  "strict-transport-security": (value, baseUrl) =>
    baseUrl.protocol !== "https:" || /max-age=\d{6,}/.test(value) ? undefined : "max-age is under 100000 s",
};

function verifySecurityHeaders(response: SmokeResponse, baseUrl: URL): string[] {
  const problems: string[] = [];
  for (const [name, test] of Object.entries(PAGE_SECURITY_HEADERS)) {
    const value = response.headers.get(name);
    const optionalOverHttp = name === "strict-transport-security" && baseUrl.protocol !== "https:";
    if (value === null) {
      if (!optionalOverHttp) problems.push(`${name} is missing`);
      continue;
    }
    const problem = test(value, baseUrl);
    if (problem) problems.push(`${name} ${problem}`);
  }
  if (response.headers.has("x-powered-by")) problems.push("x-powered-by reveals the framework");
  return problems;
}

function verifyApiHeaders(response: SmokeResponse): string[] {
  const problems: string[] = [];
  if (response.headers.get("x-content-type-options")?.toLowerCase() !== "nosniff") {
    problems.push("x-content-type-options is not nosniff");
  }
  if (!response.headers.get("x-request-id")) problems.push("x-request-id is missing");
  return problems;
}

export const SMOKE_CHECKS: SmokeCheck[] = [
  { name: "health: status ok and database ok", path: "/api/health", verify: verifyHealth },
  { name: "ready: can serve traffic", path: "/api/ready", verify: (response) => expectStatus(response, 200) },
  { name: "sign-in page renders", path: "/sign-in", verify: verifySignInPage },
  { name: "API refuses an anonymous call", path: "/api/auth/user", verify: verifyAnonymousRefused },
  { name: "security headers on pages", path: "/sign-in", verify: verifySecurityHeaders },
  { name: "security headers on API responses", path: "/api/auth/user", verify: verifyApiHeaders },
];
