import type { ErrorEvent } from "@sentry/nextjs";
import { describe, expect, it } from "vitest";
import { REDACTED } from "./redaction";
import { scrubBreadcrumb, scrubEvent, scrubUrl } from "./sentry-scrub";

const EMAIL = "client@example.org";
const PHONE = "+33 6 12 34 56 78";

function eventWithEverything(): ErrorEvent {
  return {
    type: undefined,
    event_id: "0123456789abcdef0123456789abcdef",
    message: `could not reach ${EMAIL}`,
    exception: { values: [{ type: "Error", value: `duplicate ${EMAIL} / ${PHONE}` }] },
    request: {
      url: `https://crm.example.com/api/contacts?email=${EMAIL}#top`,
      method: "POST",
      headers: {
        Cookie: "omnicrm_session=c00k1e-v4l",
        Authorization: "Bearer b34r3r-v4l",
        "x-api-key": "4p1-k3y",
        "user-agent": "Mozilla/5.0",
        referer: `https://crm.example.com/reset?token=t0k`,
      },
      cookies: { omnicrm_session: "c00k1e-v4l" },
      data: { email: EMAIL, note: "private" },
      query_string: `email=${EMAIL}`,
    },
    user: { id: "user-1", email: EMAIL, ip_address: "203.0.113.9", username: "ada" },
    extra: { contact: { phone: PHONE, dateOfBirth: "1990-01-01" }, attempt: 2 },
    contexts: { trace: { trace_id: "abcdefabcdefabcdefabcdefabcdefab", span_id: "abcdefabcdefabcd" } },
    breadcrumbs: [
      { category: "fetch", data: { url: `/api/contacts?email=${EMAIL}`, method: "GET" } },
      { category: "console", message: `saved ${EMAIL}` },
    ],
    tags: { route: "/api/contacts", requestId: "req-12345678" },
  };
}

describe("scrubEvent", () => {
  it("keeps what identifies the failure and masks everything that identifies a client", () => {
    const scrubbed = scrubEvent(eventWithEverything());
    expect(scrubbed.exception?.values?.[0]?.value).toBe("duplicate [email] / [phone]");
    expect(scrubbed.message).toBe("could not reach [email]");
    expect(scrubbed.request).toEqual({
      method: "POST",
      url: "https://crm.example.com/api/contacts",
      headers: { "user-agent": "Mozilla/5.0", referer: "https://crm.example.com/reset" },
    });
    expect(scrubbed.user).toEqual({ id: "user-1" });
    expect(scrubbed.extra).toEqual({ contact: { phone: REDACTED, dateOfBirth: REDACTED }, attempt: 2 });
    expect(scrubbed.contexts?.trace).toEqual({
      trace_id: "abcdefabcdefabcdefabcdefabcdefab",
      span_id: "abcdefabcdefabcd",
    });
    expect(scrubbed.event_id).toBe("0123456789abcdef0123456789abcdef");
    expect(scrubbed.tags).toEqual({ route: "/api/contacts", requestId: "req-12345678" });
    const serialized = JSON.stringify(scrubbed);
    for (const secret of [
      EMAIL,
      "12 34 56",
      "c00k1e-v4l",
      "b34r3r-v4l",
      "4p1-k3y",
      "t0k",
      "private",
      "203.0.113.9",
      "ada",
    ]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("drops the user entirely when it has no id", () => {
    expect(scrubEvent({ type: undefined, user: { email: EMAIL } }).user).toEqual({});
  });
});

describe("URLs anywhere in an event", () => {
  it("lose their query strings, and URL-encoded emails are masked too", () => {
    const scrubbed = scrubEvent({
      type: undefined,
      contexts: { nextjs: { request_path: "/clients?email=jane.doe%40example.com", route_type: "render" } },
      extra: { note: "opened /clients/jane.doe%40example.com" },
    });
    expect(scrubbed.contexts?.nextjs).toEqual({ request_path: "/clients", route_type: "render" });
    expect(scrubbed.extra).toEqual({ note: "opened /clients/[email]" });
  });
});

describe("scrubBreadcrumb", () => {
  it("strips query strings from navigation and request URLs and masks messages", () => {
    expect(scrubBreadcrumb({ category: "navigation", data: { from: "/a?x=1", to: `/b?email=${EMAIL}` } })).toEqual({
      category: "navigation",
      data: { from: "/a", to: "/b" },
    });
    expect(scrubBreadcrumb({ message: `call ${PHONE}` }).message).toBe("call [phone]");
  });
});

describe("scrubUrl", () => {
  it("keeps the path only", () => {
    expect(scrubUrl("/reset-password?token=abc#frag")).toBe("/reset-password");
    expect(scrubUrl("/clients")).toBe("/clients");
  });
});
