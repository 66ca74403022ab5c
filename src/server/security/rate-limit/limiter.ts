import type { RateLimitPolicy } from "./policies";

/** A policy with its table name, which also namespaces its counters in the store. */
export interface NamedPolicy extends RateLimitPolicy {
  name: string;
}

/** Counters are namespaced by the whole policy, so changing a limit starts fresh counts. */
export function policyId(policy: NamedPolicy): string {
  return `${policy.name}:${policy.limit}:${policy.windowSeconds}`;
}

/** The outcome of counting one hit. `resetAtMs` is when the caller gets its full allowance back. */
export interface LimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAtMs: number;
}

/** One interface, two adapters (in-process and Upstash); the enforcement code cannot tell them apart. */
export interface RateLimiter {
  readonly kind: "memory" | "upstash";
  /** Counts one hit for `identifier`; rejects when the store cannot be reached. */
  hit(policy: NamedPolicy, identifier: string): Promise<LimitState>;
  /** The counter as it stands, without counting a hit. */
  peek(policy: NamedPolicy, identifier: string): Promise<LimitState>;
  /** Forgets every hit counted for `identifier` (e.g. an account's failed sign-ins after a password reset). */
  clear(policy: NamedPolicy, identifier: string): Promise<void>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
}
