import type { GmailMessage } from "./gmail";

type Part = NonNullable<GmailMessage["payload"]>;

export interface ParsedAddress {
  name: string | null;
  email: string;
}

export interface ParsedMessage {
  id: string;
  threadId: string;
  subject: string;
  snippet: string;
  from: ParsedAddress | null;
  to: ParsedAddress[];
  cc: ParsedAddress[];
  sentAt: Date;
  labelIds: string[];
  /** Plain text: the text/plain part, else the HTML part reduced to text; capped at `maxBodyChars`. */
  body: string;
  bodyTruncated: boolean;
  attachments: { name: string; size: number }[];
}

export const MAX_BODY_CHARS = 100_000;

function header(part: Part | undefined, name: string): string {
  const lower = name.toLowerCase();
  return part?.headers?.find((entry) => entry.name?.toLowerCase() === lower)?.value ?? "";
}

/** Splits an address list on commas outside quotes and angle brackets. */
export function parseAddressList(value: string): ParsedAddress[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = 0;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === "<") angle += 1;
    if (!quoted && char === ">") angle = Math.max(0, angle - 1);
    if (char === "," && !quoted && angle === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.flatMap((raw) => {
    const text = raw.trim();
    if (!text) return [];
    const angled = /^(.*)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
    const email = (angled?.[2] ?? text).trim().toLowerCase();
    if (!/^[^\s@<>",]+@[^\s@<>",]+$/.test(email)) return [];
    const name =
      angled?.[1]
        ?.trim()
        .replace(/^"(.*)"$/, "$1")
        .trim() || null;
    return [{ name: name ? name.slice(0, 200) : null, email: email.slice(0, 320) }];
  });
}

function decodeBase64Url(data: string | null | undefined): string {
  return data ? Buffer.from(data, "base64url").toString("utf8") : "";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** HTML to readable text: scripts and styles dropped, block ends become line breaks, tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith("#x") || entity.startsWith("#X"))
        return safeCodePoint(parseInt(entity.slice(2), 16), whole);
      if (entity.startsWith("#")) return safeCodePoint(parseInt(entity.slice(1), 10), whole);
      return ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

function walk(part: Part | undefined, visit: (part: Part) => void): void {
  if (!part) return;
  visit(part);
  for (const child of part.parts ?? []) walk(child, visit);
}

/** Reads what the timeline stores from a Gmail message (format "full", or "metadata" with no body). */
export function parseGmailMessage(message: GmailMessage, maxBodyChars = MAX_BODY_CHARS): ParsedMessage {
  const payload = message.payload ?? undefined;
  let plain: string | null = null;
  let html: string | null = null;
  const attachments: { name: string; size: number }[] = [];
  walk(payload, (part) => {
    if (part.filename) {
      attachments.push({ name: part.filename.slice(0, 255), size: Math.max(0, part.body?.size ?? 0) });
      return;
    }
    if (part.mimeType === "text/plain" && plain === null) plain = decodeBase64Url(part.body?.data);
    if (part.mimeType === "text/html" && html === null) html = decodeBase64Url(part.body?.data);
  });
  const text = (plain ?? (html === null ? "" : htmlToText(html))).replaceAll("\u0000", "");
  const internal = Number(message.internalDate);
  const dated = Date.parse(header(payload, "Date"));
  const sentAt = new Date(Number.isFinite(internal) && internal > 0 ? internal : Number.isFinite(dated) ? dated : 0);
  return {
    id: message.id ?? "",
    threadId: message.threadId ?? message.id ?? "",
    subject: header(payload, "Subject").replaceAll("\u0000", "").slice(0, 998),
    snippet: (message.snippet ?? "").replaceAll("\u0000", "").slice(0, 500),
    from: parseAddressList(header(payload, "From"))[0] ?? null,
    to: parseAddressList(header(payload, "To")).slice(0, 100),
    cc: parseAddressList(header(payload, "Cc")).slice(0, 100),
    sentAt,
    labelIds: message.labelIds ?? [],
    body: text.slice(0, maxBodyChars),
    bodyTruncated: text.length > maxBodyChars,
    attachments: attachments.slice(0, 50),
  };
}
