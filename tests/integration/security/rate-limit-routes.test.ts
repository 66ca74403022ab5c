import { describe, expect, it } from "vitest";
import { errorBodySchema } from "@/lib/contracts/errors";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { defineRoute } from "@/server/http/route";
import { RATE_LIMIT_POLICIES } from "@/server/security/rate-limit";
import { callerAddressHeaders } from "../../support/caller-address";

// The named policies as the real routes apply them, with the in-process limiter and the real database.
let ipCount = 0;
const freshIp = () => `172.20.${(ipCount >> 8) & 255}.${++ipCount & 255}`;

function jsonPost(url: string, body: unknown, headers: Record<string, string>): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function expectRateLimited(response: Response, limit: number): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get("x-ratelimit-limit")).toBe(String(limit));
  expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
}

describe("sign-in: 5 attempts per 15 minutes per IP and email", () => {
  it("answers the sixth attempt with 429, while other emails and other addresses go on", async () => {
    const ip = freshIp();
    const email = "limit.target@example.com";
    const attempt = (address: string, who: string) =>
      signIn(
        jsonPost(
          "http://localhost/api/auth/sign-in",
          { email: who, password: "wrong password 123" },
          callerAddressHeaders(address),
        ),
      );
    for (let i = 0; i < RATE_LIMIT_POLICIES.signIn.limit; i += 1) {
      expect((await attempt(ip, email)).status).toBe(401);
    }
    await expectRateLimited(await attempt(ip, email), 5);
    await expectRateLimited(await attempt(ip, email.toUpperCase()), 5);

    expect((await attempt(ip, "someone.else@example.com")).status).toBe(401);
    expect((await attempt(freshIp(), email)).status).toBe(401);
  });
});

describe("sign-up: per IP", () => {
  it("meters every attempt from one address, valid or not", async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMIT_POLICIES.signUp.limit; i += 1) {
      const response = await signUp(jsonPost("http://localhost/api/auth/sign-up", {}, callerAddressHeaders(ip)));
      expect(response.status).toBe(422);
    }
    await expectRateLimited(
      await signUp(jsonPost("http://localhost/api/auth/sign-up", {}, callerAddressHeaders(ip))),
      RATE_LIMIT_POLICIES.signUp.limit,
    );
  });
});

describe("sign-up: per IP, whatever X-Forwarded-For says (TRUSTED_PROXY_HOPS=0, the default)", () => {
  it("meters the connection's own address while the caller writes a new X-Forwarded-For every time", async () => {
    const peer = freshIp();
    const attempt = (forged: string) =>
      signUp(
        jsonPost("http://localhost/api/auth/sign-up", {}, { ...callerAddressHeaders(peer), "x-forwarded-for": forged }),
      );
    for (let i = 0; i < RATE_LIMIT_POLICIES.signUp.limit; i += 1) {
      expect((await attempt(`198.51.100.${i + 1}`)).status).toBe(422);
    }
    await expectRateLimited(await attempt("198.51.100.200"), RATE_LIMIT_POLICIES.signUp.limit);
  });
});

describe("API: per signed-in user", () => {
  const listClients = defineRoute({ auth: "required", rateLimit: { policy: "api" }, handler: async () => ({ ok: 1 }) });

  async function signedUpCookie(name: string): Promise<string> {
    const email = `${name}.${process.pid}.${Date.now()}@example.com`;
    const response = await signUp(
      jsonPost(
        "http://localhost/api/auth/sign-up",
        { email, password: "correct horse battery staple", displayName: name },
        callerAddressHeaders(freshIp()),
      ),
    );
    expect(response.status).toBe(201);
    return response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
  }

  it("limits one practitioner whatever address they call from, and leaves another untouched", async () => {
    const [ada, grace] = [await signedUpCookie("ada"), await signedUpCookie("grace")];
    const call = (cookie: string) =>
      listClients(
        new Request("http://localhost/api/clients", { headers: { cookie, ...callerAddressHeaders(freshIp()) } }),
      );
    const { limit } = RATE_LIMIT_POLICIES.api;
    for (let i = 0; i < limit; i += 1) {
      const response = await call(ada);
      if (response.status !== 200) throw new Error(`call ${i + 1} answered ${response.status}`);
    }
    await expectRateLimited(await call(ada), limit);
    const other = await call(grace);
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-remaining")).toBe(String(limit - 1));
  });
});

describe("the default policy of a route that names none", () => {
  it("meters a signed-in read per practitioner with `read`, and an anonymous call per address with `public`", async () => {
    const { loadClientRecordsApi, signUpPractitioner } = await import("../contacts/client-records-api");
    const practitioner = await signUpPractitioner(await loadClientRecordsApi(), "Reader");
    const client = await practitioner.expect<{ id: string }>(201, "POST", "/api/contacts", { displayName: "Read Me" });
    const read = await practitioner.send("GET", `/api/contacts/${client.id}`);
    expect(read.status).toBe(200);
    expect(read.response.headers.get("x-ratelimit-limit")).toBe(String(RATE_LIMIT_POLICIES.read.limit));

    const anonymous = defineRoute({ auth: "optional", handler: async () => ({ ok: true }) });
    const answer = await anonymous(new Request("http://localhost/api/x", { headers: callerAddressHeaders(freshIp()) }));
    expect(answer.headers.get("x-ratelimit-limit")).toBe(String(RATE_LIMIT_POLICIES.public.limit));
  });

  it("sends no limit headers where a route opts out with its reason", async () => {
    const { GET: ping } = await import("@/app/api/ping/route");
    const response = await ping(new Request("http://localhost/api/ping", { headers: callerAddressHeaders(freshIp()) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toBeNull();
  });
});
