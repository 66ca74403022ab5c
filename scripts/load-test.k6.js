// The load-test scenarios of scripts/load-test/scenarios.ts for teams that run k6:
//   k6 run -e BASE_URL=https://staging.example.com scripts/load-test.k6.js
// 50 → 100 virtual users, each sleeping 1 s between requests; thresholds p95 < 500 ms and < 1% errors.
// Virtual users act as practitioners: one account per four users (the per-user API limit is 300/min).
/* global __ENV, __VU */
import http from "k6/http";
import { check, sleep } from "k6";

const BASE_URL = (__ENV.BASE_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
const SIGN_IN_LIMIT = 5;
const BURST_REQUESTS = 30;
const MAX_USERS = 100;
const USERS_PER_ACCOUNT = 4;

const randomString = (length) => {
  let text = "";
  while (text.length < length) text += Math.random().toString(36).slice(2);
  return text.slice(0, length);
};

const ramp = [
  { duration: "30s", target: 50 },
  { duration: "1m", target: 50 },
  { duration: "30s", target: MAX_USERS },
  { duration: "1m", target: MAX_USERS },
  { duration: "20s", target: 0 },
];

const staged = (exec) => ({ executor: "ramping-vus", startVUs: 0, stages: ramp, exec });

export const options = {
  setupTimeout: "2m",
  scenarios: {
    health: staged("health"),
    signedInUser: staged("signedInUser"),
    listClients: staged("listClients"),
    createClient: staged("createClient"),
    readClient: staged("readClient"),
    createNote: staged("createNote"),
    signIn: staged("signIn"),
    signInBurst: { executor: "shared-iterations", vus: 1, iterations: 1, exec: "signInBurst", startTime: "3m30s" },
  },
  thresholds: {
    "http_req_duration{kind:staged}": ["p(95)<500"],
    "http_req_failed{kind:staged}": ["rate<0.01"],
    "checks{scenario:signInBurst}": ["rate==1"],
  },
};

const jsonWrite = (extra = {}) => ({
  headers: { "content-type": "application/json", origin: BASE_URL, "sec-fetch-site": "same-origin", ...extra },
});

const sessionCookie = (response) =>
  Object.entries(response.cookies)
    .map(([name, values]) => `${name}=${values[0].value}`)
    .join("; ");

// The practitioners: each signs up (from its own simulated client address, believed only by an
// instance started with TRUSTED_PROXY_HOPS=1, which lets this script play its proxy) and creates
// one client for the read scenario.
export function setup() {
  const accounts = [];
  for (let index = 0; index < MAX_USERS / USERS_PER_ACCOUNT; index++) {
    const email = `load-${randomString(12)}@example.test`;
    const password = randomString(24);
    const address = { "x-forwarded-for": `198.51.100.${index + 1}` };
    const body = JSON.stringify({ email, password, displayName: `Load ${index}` });
    let cookie = sessionCookie(http.post(`${BASE_URL}/api/auth/sign-up`, body, jsonWrite(address)));
    if (!cookie) {
      const signIn = http.post(`${BASE_URL}/api/auth/sign-in`, JSON.stringify({ email, password }), jsonWrite(address));
      cookie = sessionCookie(signIn);
    }
    const client = http.post(
      `${BASE_URL}/api/contacts`,
      JSON.stringify({ displayName: `Load client ${index}`, allowDuplicate: true }),
      jsonWrite({ cookie }),
    );
    const created = client.json();
    accounts.push({ cookie, contactId: (created.contact || created).id });
  }
  return { accounts };
}

const accountOf = (data) => data.accounts[__VU % data.accounts.length];
const stagedTags = (extra = {}) => ({ ...extra, tags: { kind: "staged" } });

export function health() {
  const res = http.get(`${BASE_URL}/api/health`, stagedTags());
  check(res, { "health is 200": (r) => r.status === 200 });
  sleep(1);
}

export function signedInUser(data) {
  const res = http.get(`${BASE_URL}/api/auth/user`, stagedTags({ headers: { cookie: accountOf(data).cookie } }));
  check(res, { "user is 200": (r) => r.status === 200 });
  sleep(1);
}

export function listClients(data) {
  const res = http.get(
    `${BASE_URL}/api/contacts?limit=50`,
    stagedTags({ headers: { cookie: accountOf(data).cookie } }),
  );
  check(res, { "list is 200": (r) => r.status === 200 });
  sleep(1);
}

export function createClient(data) {
  const id = randomString(12);
  const body = JSON.stringify({ displayName: `Load client ${id}`, email: `client-${id}@example.test` });
  const res = http.post(`${BASE_URL}/api/contacts`, body, {
    ...jsonWrite({ cookie: accountOf(data).cookie }),
    tags: { kind: "staged" },
  });
  check(res, { "create is 201": (r) => r.status === 201 });
  sleep(1);
}

export function readClient(data) {
  const account = accountOf(data);
  const res = http.get(
    `${BASE_URL}/api/contacts/${account.contactId}`,
    stagedTags({ headers: { cookie: account.cookie } }),
  );
  check(res, { "read is 200": (r) => r.status === 200 });
  sleep(1);
}

export function createNote(data) {
  const account = accountOf(data);
  const text = `Session ${randomString(12)}`;
  const body = JSON.stringify({
    bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  });
  const res = http.post(`${BASE_URL}/api/contacts/${account.contactId}/notes`, body, {
    ...jsonWrite({ cookie: account.cookie }),
    tags: { kind: "staged" },
  });
  check(res, { "note is 201": (r) => r.status === 201 });
  sleep(1);
}

// Fresh unknown accounts from fresh simulated addresses: the full password-hash cost, and no rate limit
// trips. Hashing is capped per instance, so 503 (at capacity, Retry-After) is an expected answer too.
export function signIn() {
  const body = JSON.stringify({ email: `load-${randomString(12)}@example.test`, password: randomString(16) });
  const address = { "x-forwarded-for": `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}` };
  const res = http.post(`${BASE_URL}/api/auth/sign-in`, body, {
    ...jsonWrite(address),
    tags: { kind: "staged" },
    responseCallback: http.expectedStatuses(401, 503),
  });
  check(res, { "sign-in answers 401 or 503": (r) => r.status === 401 || r.status === 503 });
  sleep(1);
}

// One account hammered from one client: the limiter must answer 429 after the first attempts.
export function signInBurst() {
  const body = JSON.stringify({ email: `burst-${randomString(12)}@example.test`, password: "wrong-password" });
  let limited = 0;
  for (let attempt = 0; attempt < BURST_REQUESTS; attempt++) {
    const res = http.post(`${BASE_URL}/api/auth/sign-in`, body, {
      ...jsonWrite(),
      tags: { kind: "burst" },
      responseCallback: http.expectedStatuses(401, 429),
    });
    if (res.status === 429) limited++;
  }
  check(limited, { "the rate limiter answered 429": (count) => count >= BURST_REQUESTS - SIGN_IN_LIMIT });
}
