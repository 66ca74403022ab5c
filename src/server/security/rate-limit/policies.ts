/** Named limits. `failClosed` policies refuse requests when the limiter cannot be reached. */
export const RATE_LIMIT_POLICIES = {
  signIn: { limit: 5, windowSeconds: 15 * 60, failClosed: true },
  passwordReset: { limit: 5, windowSeconds: 15 * 60, failClosed: true },
  signUp: { limit: 10, windowSeconds: 60 * 60, failClosed: true },
  api: { limit: 300, windowSeconds: 60, failClosed: false },
  public: { limit: 60, windowSeconds: 60, failClosed: true },
} as const satisfies Record<string, RateLimitPolicy>;

export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
  failClosed: boolean;
}

export type PolicyName = keyof typeof RATE_LIMIT_POLICIES;
