import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors";
import type * as RateLimitModule from "@/server/security/rate-limit";

// The limiter's store is down: every call to it fails the way callStore reports it.
vi.mock("@/server/security/rate-limit", async (importOriginal) => ({
  ...(await importOriginal<typeof RateLimitModule>()),
  clearCount: vi.fn(() => Promise.reject(new AppError("unavailable", "store down"))),
}));

const { clearSignInLock, isFailedGuess } = await import("./account-lock");

describe("account lock", () => {
  it("does not turn a completed password reset into an error when the lock cannot be cleared", async () => {
    await expect(clearSignInLock("owner@example.com")).resolves.toBeUndefined();
  });

  it("counts only a refused password as a guess, not a busy or unreachable service", () => {
    expect(isFailedGuess(new AppError("unauthorized", "The email or password is incorrect."))).toBe(true);
    expect(isFailedGuess(new AppError("unavailable", "busy"))).toBe(false);
    expect(isFailedGuess(new AppError("validation_failed", "bad"))).toBe(false);
    expect(isFailedGuess(new Error("boom"))).toBe(false);
  });
});
