/** The lower-cased email of a raw JSON body, so limits count per IP + account whatever its spelling. */
export function emailKey(rawBody: unknown): string | undefined {
  if (typeof rawBody !== "object" || rawBody === null) return undefined;
  const email = (rawBody as { email?: unknown }).email;
  return typeof email === "string" && email.trim() !== "" ? email.trim().toLowerCase().slice(0, 254) : undefined;
}
