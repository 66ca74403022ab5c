import type { ParsedMessage } from "@/server/google";

/** Labels whose mail is never stored (and whose arrival removes a stored copy: moved to trash or spam). */
export const EXCLUDED_LABELS = new Set(["SPAM", "TRASH", "DRAFT", "CHAT"]);

export function isExcluded(labelIds: readonly string[]): boolean {
  return labelIds.some((label) => EXCLUDED_LABELS.has(label));
}

/** `sam@example.com` matches itself; `@example.com` matches every address at that domain. */
export function isBlocked(email: string, blocklist: readonly string[]): boolean {
  const address = email.toLowerCase();
  const domain = address.slice(address.lastIndexOf("@"));
  return blocklist.some((pattern) => pattern === address || (pattern.startsWith("@") && pattern === domain));
}

/** Every other party of a message (From, To, Cc), lower case, without the practitioner's own address or blocked ones. */
export function participantsOf(message: ParsedMessage, ownEmail: string, blocklist: readonly string[]): string[] {
  const all = [message.from, ...message.to, ...message.cc].flatMap((entry) => (entry ? [entry.email] : []));
  return [...new Set(all)].filter((email) => email !== ownEmail && !isBlocked(email, blocklist));
}
