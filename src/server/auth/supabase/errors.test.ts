import {
  AuthApiError,
  AuthRetryableFetchError,
  AuthSessionMissingError,
  AuthWeakPasswordError,
} from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { fromSupabaseError } from "./errors";

describe("fromSupabaseError", () => {
  it.each([
    ["invalid_credentials", 401, "The email or password is incorrect."],
    ["user_already_exists", 409, /already exists/],
    ["email_exists", 409, /already exists/],
    ["email_not_confirmed", 403, /Confirm your email/],
    ["over_request_rate_limit", 429, /Too many attempts/],
    ["refresh_token_not_found", 401, /session has ended/],
    ["flow_state_not_found", 401, /Google sign-in did not complete/],
  ] as const)("maps %s to %i", (code, status, message) => {
    const error = fromSupabaseError(new AuthApiError("provider says no", 400, code));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it("names the password field for a weak password", () => {
    const error = fromSupabaseError(new AuthWeakPasswordError("Password is known to be weak", 422, ["pwned"]));
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ path: "password", message: "Password is known to be weak" }]);
  });

  it("answers 503 when GoTrue cannot be reached and 401 when the session is missing", () => {
    expect(fromSupabaseError(new AuthRetryableFetchError("fetch failed", 0)).status).toBe(503);
    expect(fromSupabaseError(new AuthSessionMissingError()).status).toBe(401);
  });

  it("keeps anything unknown a 500 that says nothing of the cause", () => {
    const error = fromSupabaseError(new AuthApiError("secret internals", 400, "unexpected_failure"));
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("secret internals");
  });
});
