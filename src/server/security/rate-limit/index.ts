export { enforceRateLimit, pingRateLimiter } from "./enforce";
export { clearCount, countEvent, readCount } from "./counters";
export { RATE_LIMIT_POLICIES, type PolicyName, type RateLimitPolicy } from "./policies";
