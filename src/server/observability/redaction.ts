/**
 * What never leaves the process in a log line or an error report: credentials, session material
 * and client PII. Shared by the logger and Sentry's `beforeSend`; pure, so the browser SDK uses it too.
 */

export const REDACTED = "[redacted]";

/** Keys whose value is replaced wherever they appear (compared lower-case, without `_`, `-` or spaces). */
const SENSITIVE_KEYS = new Set([
  // credentials and session material
  "authorization",
  "proxyauthorization",
  "cookie",
  "cookies",
  "setcookie",
  "password",
  "passcode",
  "credentials",
  "token",
  "jwt",
  "otp",
  "secret",
  "apikey",
  "privatekey",
  // client PII
  "email",
  "phone",
  "phonenumber",
  "mobile",
  "telephone",
  "dateofbirth",
  "dob",
  "birthdate",
  "birthday",
  "address",
  "streetaddress",
  "postalcode",
  "firstname",
  "lastname",
  "fullname",
  "ssn",
]);

/** Suffixes that make any key sensitive: `newPassword`, `refresh_token`, `clientSecret`, `contactEmail`… */
const SENSITIVE_SUFFIXES = ["password", "token", "secret", "apikey", "email", "phone", "phonenumber", "dateofbirth"];

export function isSensitiveKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SENSITIVE_KEYS.has(normalized) || SENSITIVE_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

type Replacer = string | ((match: string) => string);

/**
 * Phone numbers as people write them: E.164 (`+14155550142`), or groups split by spaces, dots or
 * dashes with an optional +country and (area) code. Bare digit runs (ids, byte counts) and ISO dates are not phones.
 */
const PHONE =
  /(?<![\w.+-])(?!\d{4}-\d{2}-\d{2}(?!\d))(?:\+\d{7,15}|(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,6}(?:[ .-]\d{1,6}){1,6})(?![\w-]|\.\d)/g;

function phoneReplacer(match: string): string {
  const digits = match.replace(/\D/g, "").length;
  return digits >= 7 && digits <= 15 ? "[phone]" : match;
}

/** Patterns replaced inside free text (error messages, stacks, breadcrumbs), in this order. */
const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, Replacer]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g, "[jwt]"],
  // Also as URL-encoded in a path or query (`jane%40example.com`).
  [/[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi, "[email]"],
  [PHONE, phoneReplacer],
];

export function scrubText(text: string): string {
  return TEXT_PATTERNS.reduce(
    (current, [pattern, replacement]) =>
      typeof replacement === "string" ? current.replace(pattern, replacement) : current.replace(pattern, replacement),
    text,
  );
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` with sensitive keys replaced and free text scrubbed. `keep` names keys whose
 * value is copied untouched (identifiers and stack frames, which never hold PII and must stay exact).
 */
export function redactDeep(value: unknown, keep: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, keep, depth + 1));
  if (value instanceof Error) return redactError(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (keep.has(key)) copy[key] = item;
    else copy[key] = isSensitiveKey(key) ? REDACTED : redactDeep(item, keep, depth + 1);
  }
  return copy;
}

/** An Error's message, stack and driver details (e.g. Postgres `detail: Key (email)=(…)`) with PII scrubbed. */
export function redactError(error: Error): Record<string, unknown> {
  const record: Record<string, unknown> = { type: error.name, message: scrubText(error.message) };
  if (error.stack) record.stack = scrubText(error.stack);
  for (const [key, item] of Object.entries(error)) {
    record[key] = isSensitiveKey(key) ? REDACTED : redactDeep(item);
  }
  if (error.cause !== undefined) record.cause = redactDeep(error.cause);
  return record;
}
