import { userAgentParts } from "@/lib/user-agent";

/** "Chrome on macOS" from a user agent; the raw string (shortened) when neither part is known. */
export function deviceSummary(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, system } = userAgentParts(userAgent);
  if (browser && system) return `${browser} on ${system}`;
  if (browser || system) return (browser ?? system) as string;
  return userAgent.length > 40 ? `${userAgent.slice(0, 39)}…` : userAgent;
}
