import { describe, expect, it } from "vitest";
import { isSensitiveKey, REDACTED, redactDeep, redactError, scrubText } from "./redaction";

describe("isSensitiveKey", () => {
  it.each([
    "password",
    "newPassword",
    "current_password",
    "token",
    "refresh_token",
    "accessToken",
    "clientSecret",
    "authorization",
    "Cookie",
    "set-cookie",
    "email",
    "contactEmail",
    "phone",
    "phoneNumber",
    "dateOfBirth",
    "date_of_birth",
    "dob",
    "firstName",
    "address",
  ])("treats %s as sensitive", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(["requestId", "route", "status", "durationMs", "userId", "emailVerified", "tokenType", "method"])(
    "keeps %s",
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );
});

describe("scrubText", () => {
  it("masks emails, phone numbers, bearer credentials and JWTs", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    const text = `jane.doe+crm@example.co.uk called from +1 (555) 123-4567, 020 7946 0958, +33 6 12 34 56 78 and +14155550142 with Bearer abc.def-123 and ${jwt}`;
    const scrubbed = scrubText(text);
    expect(scrubbed).toBe(
      `[email] called from [phone], [phone], [phone] and [phone] with Bearer ${REDACTED} and [jwt]`,
    );
  });

  it("leaves identifiers, versions, times, stack positions and small numbers alone", () => {
    const text =
      "request 550e8400-e29b-41d4-a716-446655440000 on next 16.4.6 at 2026-11-25T13:16:38Z took 1234 ms (chunk 4821.js:120:17), body over 1048576 bytes, pi 3.14159265";
    expect(scrubText(text)).toBe(text);
  });
});

describe("redactDeep", () => {
  it("replaces sensitive keys at any depth and scrubs free text, without touching the input", () => {
    const input = {
      contact: { profile: { email: "a@b.io", dateOfBirth: "1990-01-02", name: "Ada" } },
      headers: { cookie: "sid=1", authorization: "Bearer x", accept: "application/json" },
      notes: ["call ada@example.com back"],
      count: 3,
    };
    expect(redactDeep(input)).toEqual({
      contact: { profile: { email: REDACTED, dateOfBirth: REDACTED, name: "Ada" } },
      headers: { cookie: REDACTED, authorization: REDACTED, accept: "application/json" },
      notes: ["call [email] back"],
      count: 3,
    });
    expect(input.contact.profile.email).toBe("a@b.io");
  });

  it("copies kept keys verbatim and stops at a fixed depth", () => {
    expect(redactDeep({ event_id: "a@b.io", other: "a@b.io" }, new Set(["event_id"]))).toEqual({
      event_id: "a@b.io",
      other: "[email]",
    });
    let nested: unknown = "deep";
    for (let level = 0; level < 12; level += 1) nested = { level: nested };
    expect(JSON.stringify(redactDeep(nested))).toContain(REDACTED);
  });

  it("turns errors into records with scrubbed message, stack and driver details", () => {
    const error = Object.assign(new Error("duplicate key for jane@example.com"), {
      detail: "Key (email)=(jane@example.com) already exists.",
      code: "23505",
      password: "hunter2",
    });
    const record = redactError(error);
    expect(record).toMatchObject({
      type: "Error",
      message: "duplicate key for [email]",
      code: "23505",
      password: REDACTED,
    });
    expect(JSON.stringify(record)).not.toContain("jane@example.com");
    expect(String(record.stack)).toContain("redaction.test.ts");
  });
});
