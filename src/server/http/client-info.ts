import { isIP } from "node:net";
import { env } from "@/server/config/env";
import { stampedPeerAddress } from "./peer-address";

export interface ProxyTrust {
  /** Reverse proxies in front of the app that each append the address they saw to X-Forwarded-For. */
  trustedProxyHops: number;
  /** On Vercel the platform sets the client address itself (`VERCEL=1`). */
  onVercel: boolean;
}

const UNKNOWN = "unknown";

function normalise(candidate: string | undefined): string {
  const bare = (candidate ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(bare) ? bare : UNKNOWN;
}

/**
 * The caller's address under one trust model. On Vercel: the platform's own header. Elsewhere the
 * chain is every X-Forwarded-For entry followed by the socket peer; each trusted proxy hop is one
 * entry from the right that is believed to have been appended by a proxy, so the client is
 * `chain[length - 1 - hops]` (never left of the first entry). Hops 0 = the socket peer, whatever
 * the caller wrote. Anything that is not an IP address is "unknown".
 */
export function clientAddress(headers: Pick<Headers, "get">, trust: ProxyTrust): string {
  if (trust.onVercel) {
    const platform = headers.get("x-vercel-forwarded-for")?.split(",")[0] ?? headers.get("x-real-ip") ?? undefined;
    return normalise(platform);
  }
  const forwarded = trust.trustedProxyHops === 0 ? [] : (headers.get("x-forwarded-for")?.split(",") ?? []);
  const chain = [...forwarded, stampedPeerAddress(headers) ?? UNKNOWN];
  return normalise(chain[Math.max(0, chain.length - 1 - trust.trustedProxyHops)]);
}

let deploymentTrust: ProxyTrust | undefined;

/** The caller's address for rate limits, audit events and consent evidence, under this deployment's trust. */
export function clientIp(headers: Pick<Headers, "get">): string {
  // Read once per process: every request asks, and reading process.env is a call into the runtime.
  deploymentTrust ??= { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: process.env.VERCEL === "1" };
  return clientAddress(headers, deploymentTrust);
}
