// The load-test scenarios of scripts/load-test/scenarios.ts for teams that run k6:
//   k6 run -e BASE_URL=https://staging.example.com scripts/load-test.k6.js
// 50 → 100 virtual users, each sleeping 1 s between requests; thresholds p95 < 500 ms and < 1% errors.
/* global __ENV */
import http from "k6/http";
import { check, sleep } from "k6";

const BASE_URL = (__ENV.BASE_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
const SIGN_IN_LIMIT = 5;
const BURST_REQUESTS = 30;

const randomString = (length) => {
  let text = "";
  while (text.length < length) text += Math.random().toString(36).slice(2);
  return text.slice(0, length);
};

const ramp = [
  { duration: "30s", target: 50 },
  { duration: "1m", target: 50 },
  { duration: "30s", target: 100 },
  { duration: "1m", target: 100 },
  { duration: "20s", target: 0 },
];

const staged = (exec) => ({ executor: "ramping-vus", startVUs: 0, stages: ramp, exec });

export const options = {
  scenarios: {
    health: staged("health"),
    signedInUser: staged("signedInUser"),
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

// One load-test account; its session cookie is shared by every virtual user.
export function setup() {
  const email = `load-${randomString(12)}@example.test`;
  const password = randomString(24);
  const signUp = http.post(
    `${BASE_URL}/api/auth/sign-up`,
    JSON.stringify({ email, password, displayName: "Load Test" }),
    jsonWrite(),
  );
  const signIn = http.post(`${BASE_URL}/api/auth/sign-in`, JSON.stringify({ email, password }), jsonWrite());
  const cookies = Object.entries(signIn.cookies).concat(Object.entries(signUp.cookies));
  const cookie = cookies.map(([name, values]) => `${name}=${values[0].value}`).join("; ");
  return { cookie };
}

export function health() {
  const res = http.get(`${BASE_URL}/api/health`, { tags: { kind: "staged" } });
  check(res, { "health is 200": (r) => r.status === 200 });
  sleep(1);
}

export function signedInUser(data) {
  const res = http.get(`${BASE_URL}/api/auth/user`, { headers: { cookie: data.cookie }, tags: { kind: "staged" } });
  check(res, { "user is 200": (r) => r.status === 200 });
  sleep(1);
}

// Fresh unknown accounts: the full password-hash cost, and no rate limit trips.
export function signIn() {
  const body = JSON.stringify({ email: `load-${randomString(12)}@example.test`, password: randomString(16) });
  const res = http.post(`${BASE_URL}/api/auth/sign-in`, body, {
    ...jsonWrite(),
    tags: { kind: "staged" },
    responseCallback: http.expectedStatuses(401),
  });
  check(res, { "sign-in answers 401": (r) => r.status === 401 });
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
