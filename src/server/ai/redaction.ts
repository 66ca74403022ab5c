/**
 * Redaction of personal identifiers before text leaves the server for an AI provider, and their
 * restoration in the answer shown to the practitioner. Pure: no I/O, no clock.
 *
 * What is replaced, each by a stable placeholder (the same value always gets the same one):
 * - every email address and every phone-like number (7–15 digits), known or not;
 * - a subject's date of birth, in ISO, numeric (d/m/y, m/d/y, d.m.y) or written English form; other
 *   dates stay, because a summary needs session dates;
 * - a subject's street address lines and postal code;
 * - a subject's full name (any letter case) and first and last names (as stored, Capitalised or
 *   UPPER CASE, so a first name such as "Will" does not swallow the verb "will"), and other people
 *   named on the record (the emergency contact).
 * Text that already looks like a placeholder is defused first, so a note cannot smuggle one in
 * and have it "restored" into someone else's details.
 */

export interface RedactionSubject {
  /** Placeholder stem, e.g. `CLIENT_1`: names become `[CLIENT_1]`, `[CLIENT_1_FIRST]`, `[CLIENT_1_EMAIL]`… */
  label: string;
  displayName: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  emails?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  /** Street lines and postal code; each is replaced wherever it appears. */
  addressParts?: readonly (string | null | undefined)[];
  /** `yyyy-mm-dd`. */
  dateOfBirth?: string | null | undefined;
  /** Other people named on the record (e.g. the emergency contact). */
  otherPeople?: readonly (string | null | undefined)[];
}

export interface Redactor {
  redact(text: string): string;
  restore(text: string): string;
}

interface Span {
  start: number;
  end: number;
  /** Placeholder without brackets; null keeps the text (a date that is not a birth date). */
  label: string | null;
}

const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{N}_])`;
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = new RegExp(`${BOUNDARY_BEFORE}\\+?\\(?\\d[\\d\\s().-]{5,}\\d${BOUNDARY_AFTER}`, "gu");
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = new RegExp(
  [
    String.raw`\d{4}-\d{1,2}-\d{1,2}`,
    String.raw`\d{1,2}[./-]\d{1,2}[./-]\d{4}`,
    String.raw`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME},?\s+\d{4}`,
    String.raw`${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  ]
    .map((pattern) => `${BOUNDARY_BEFORE}${pattern}${BOUNDARY_AFTER}`)
    .join("|"),
  "giu",
);
const PLACEHOLDER = /\[((?:CLIENT|PERSON|EMAIL|PHONE)_\d+(?:_[A-Z]+(?:_\d+)?)?)\]/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const digitsOf = (text: string) => text.replace(/\D/g, "");
const present = (values: readonly (string | null | undefined)[] | undefined): string[] =>
  (values ?? []).map((value) => value?.trim() ?? "").filter((value) => value.length > 0);

/** A literal as a pattern: any run of whitespace matches any other, so line breaks do not hide it. */
function literalPattern(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join(String.raw`\s+`);
}

/** The dates (y-m-d) a matched date may mean: d/m and m/d orders are both read. */
function datesMeant(text: string): string[] {
  const pad = (n: number) => String(n).padStart(2, "0");
  const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
  const lower = text.toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(lower);
  if (iso) return [ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]))];
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(lower);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    return [ymd(y, b, a), ymd(y, a, b)];
  }
  const year = /(\d{4})$/.exec(lower);
  const day = /(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?(?=[\s,])/.exec(lower);
  const month = MONTHS.findIndex((name) => new RegExp(`(?:^|\\s)${name.slice(0, 3)}`).test(lower));
  if (!year || !day || month < 0) return [];
  return [ymd(Number(year[1]), month + 1, Number(day[1]))];
}

/** Case variants a name part is matched in: as stored, Capitalised and UPPER CASE. */
function namePartVariants(part: string): string[] {
  const capitalised = part.charAt(0).toUpperCase() + part.slice(1);
  return [...new Set([part, capitalised, part.toUpperCase()])];
}

const SUBJECT_LABEL = /^CLIENT_\d+$/;

export function createRedactor(subjects: readonly RedactionSubject[]): Redactor {
  /** Placeholder → what it stands for: the stored value for known details, the first text seen for others. */
  const restoreMap = new Map<string, string>();
  const generic = { email: new Map<string, string>(), phone: new Map<string, string>() };
  const knownEmails = new Map<string, string>();
  const knownPhones: { digits: string; label: string }[] = [];
  const birthDates = new Map<string, string>();
  // In order of precedence: address lines, then whole names, then single name parts, across all subjects,
  // so one client's first name never cuts into another's full name.
  const tiers: { pattern: RegExp; label: string }[][] = [[], [], []];
  const known = (label: string, value: string) => {
    if (!restoreMap.has(label)) restoreMap.set(label, value);
    return label;
  };
  const literal = (value: string, flags = "giu") =>
    new RegExp(`${BOUNDARY_BEFORE}${literalPattern(value)}${BOUNDARY_AFTER}`, flags);

  for (const subject of subjects) {
    const { label } = subject;
    if (!SUBJECT_LABEL.test(label)) throw new Error(`redaction labels look like CLIENT_1, not ${label}`);
    const displayName = subject.displayName.trim();
    present(subject.emails).forEach((email, index) => {
      const key = email.toLowerCase();
      if (!knownEmails.has(key))
        knownEmails.set(key, known(index === 0 ? `${label}_EMAIL` : `${label}_EMAIL_${index + 1}`, email));
    });
    present(subject.phones).forEach((phone, index) => {
      const digits = digitsOf(phone);
      if (digits.length >= 7)
        knownPhones.push({
          digits,
          label: known(index === 0 ? `${label}_PHONE` : `${label}_PHONE_${index + 1}`, phone),
        });
    });
    if (subject.dateOfBirth) birthDates.set(subject.dateOfBirth, known(`${label}_DOB`, subject.dateOfBirth));
    present(subject.addressParts).forEach((part, index) => {
      if (part.length >= 3)
        tiers[0]?.push({ pattern: literal(part), label: known(`${label}_ADDRESS_${index + 1}`, part) });
    });
    if (displayName.length >= 2) tiers[1]?.push({ pattern: literal(displayName), label: known(label, displayName) });
    present(subject.otherPeople).forEach((person, index) => {
      if (person.length >= 2)
        tiers[1]?.push({ pattern: literal(person), label: known(`${label}_PERSON_${index + 1}`, person) });
    });
    const parts: [string, string][] = [
      [subject.firstName?.trim() ?? "", `${label}_FIRST`],
      [subject.lastName?.trim() ?? "", `${label}_LAST`],
      ...displayName.split(/\s+/).map((part): [string, string] => [part, label]),
    ];
    for (const [part, partLabel] of parts) {
      if (part.length < 2) continue;
      const variants = namePartVariants(part).map(escapeRegExp).join("|");
      tiers[2]?.push({
        pattern: new RegExp(`${BOUNDARY_BEFORE}(?:${variants})${BOUNDARY_AFTER}`, "gu"),
        label: known(partLabel, part),
      });
    }
  }
  const [addressRules = [], wholeNames = [], nameParts = []] = tiers;
  const literalRules = [...wholeNames, ...nameParts];

  const remember = (label: string, original: string): string => {
    if (!restoreMap.has(label)) restoreMap.set(label, original);
    return label;
  };
  const genericLabel = (kind: "email" | "phone", key: string): string => {
    const labels = generic[kind];
    let label = labels.get(key);
    if (!label) {
      label = `${kind.toUpperCase()}_${labels.size + 1}`;
      labels.set(key, label);
    }
    return label;
  };

  function redact(input: string): string {
    // Defuse anything shaped like a placeholder, so restoring can only bring back what was redacted.
    const text = input.replace(PLACEHOLDER, "($1)");
    let masked = text;
    const spans: Span[] = [];
    const take = (pattern: RegExp, labelOf: (match: string) => string | null) => {
      for (const match of masked.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        spans.push({ start, end, label: labelOf(text.slice(start, end)) });
      }
      // Later passes must not see what this one took (indices stay: one mask character per code unit).
      masked = spans.reduce(
        (current, span) => current.slice(0, span.start) + "#".repeat(span.end - span.start) + current.slice(span.end),
        masked,
      );
    };

    take(EMAIL, (email) => {
      const key = email.toLowerCase();
      return knownEmails.get(key) ?? remember(genericLabel("email", key), email);
    });
    take(DATE, (date) => {
      return (
        datesMeant(date)
          .map((meant) => birthDates.get(meant))
          .find(Boolean) ?? null
      );
    });
    // Address lines before phones: a house number must not be read as the start of a phone number.
    for (const rule of addressRules) take(rule.pattern, () => rule.label);
    take(PHONE, (phone) => {
      const digits = digitsOf(phone);
      // Longer runs (two numbers side by side, an account number) are redacted whole: over-redaction is the safe side.
      if (digits.length < 7) return null;
      const match = knownPhones.find(
        (candidate) =>
          candidate.digits === digits || (digits.length >= 9 && candidate.digits.endsWith(digits.slice(-9))),
      );
      // Keyed by the last nine digits, so +44 20 7946 0958 and 020 7946 0958 are one number.
      return match?.label ?? remember(genericLabel("phone", digits.slice(-9)), phone);
    });
    for (const rule of literalRules) take(rule.pattern, () => rule.label);

    let output = "";
    let cursor = 0;
    for (const span of spans.sort((a, b) => a.start - b.start)) {
      output += text.slice(cursor, span.start) + (span.label ? `[${span.label}]` : text.slice(span.start, span.end));
      cursor = span.end;
    }
    return output + text.slice(cursor);
  }

  function restore(text: string): string {
    return text.replace(PLACEHOLDER, (whole, label: string) => restoreMap.get(label) ?? whole);
  }

  return { redact, restore };
}
