import { isIP } from "node:net";

/** The caller's IP as set by the platform's proxy (Vercel, the load balancer, or `next start`). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  const bare = candidate.replace(/^::ffff:/, "");
  return isIP(bare) ? bare : "unknown";
}
