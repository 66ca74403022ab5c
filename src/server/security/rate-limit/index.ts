export { enforceRateLimit, pingRateLimiter } from "./enforce";
export { RATE_LIMIT_POLICIES, type PolicyName, type RateLimitPolicy } from "./policies";
