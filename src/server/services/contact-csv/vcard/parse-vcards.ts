import { formatCount } from "@/lib/format/numbers";
import { setImmediate } from "node:timers/promises";
import { AppError } from "@/server/errors";

/**
 * A small reader for the vCards address books export: 3.0 (RFC 2426: Apple Contacts, Google),
 * 4.0 (RFC 6350) and the 2.1 older phones and Outlook write. It unfolds continued lines (a line
 * starting with a space or tab continues the one before; a quoted-printable value ending in "="
 * continues on the next line), decodes quoted-printable values in their CHARSET, and skips binary
 * properties (PHOTO, LOGO, SOUND, KEY). Values are returned still escaped: `textValue` and
 * `listValue` undo the escapes for the kind of value read.
 */

export interface VCardProperty {
  /** Upper case, without the group prefix (`item1.EMAIL` → `EMAIL`). */
  name: string;
  /** Parameter name (upper case) → values; bare 2.1 parameters (`;HOME;PREF`) are TYPE values. Types are lower case. */
  params: Map<string, string[]>;
  value: string;
}

export interface VCard {
  /** The line of the file its BEGIN:VCARD is on. */
  line: number;
  properties: VCardProperty[];
}

/** The longest line (after unfolding) a card may hold, binary properties aside: far above any real note. */
export const VCARD_MAX_LINE_CHARS = 100_000;

const BINARY_PROPERTIES = new Set(["PHOTO", "LOGO", "SOUND", "KEY"]);
const PROPERTY_NAME = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$/;
const LINES_PER_TURN = 5_000;

const unreadable = (message: string) =>
  new AppError("validation_failed", message, { details: [{ path: "file", message }] });

/** The part before the value (`NAME;PARAMS`), up to the first colon outside double quotes. */
function splitAtValue(line: string): [string, string] | null {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ":" && !quoted) return [line.slice(0, index), line.slice(index + 1)];
  }
  return null;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function parseParams(parts: readonly string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (name: string, values: string[]) => params.set(name, [...(params.get(name) ?? []), ...values]);
  for (const part of parts) {
    const equals = part.indexOf("=");
    if (equals === -1) {
      const bare = part.trim().toUpperCase();
      if (bare === "QUOTED-PRINTABLE" || bare === "BASE64") add("ENCODING", [bare]);
      else if (bare !== "") add("TYPE", [bare.toLowerCase()]);
      continue;
    }
    const name = part.slice(0, equals).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(equals + 1), ",").map((value) => value.replace(/^"|"$/g, ""));
    add(name, name === "TYPE" ? values.map((value) => value.toLowerCase()) : values);
  }
  return params;
}

const isQuotedPrintable = (head: string) => /(?:^|;)(?:ENCODING=)?QUOTED-PRINTABLE(?:;|$)/i.test(head);

/**
 * Quoted-printable (`=C3=A9`, soft breaks `=` at line end) to text in the value's CHARSET; without
 * one, UTF-8 if the bytes are UTF-8, else Windows-1252 (what 2.1 exports without a CHARSET hold).
 */
export function decodeQuotedPrintable(value: string, charset?: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, "");
  for (let index = 0; index < text.length; index += 1) {
    const hex = text[index] === "=" ? text.slice(index + 1, index + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[index]));
    }
  }
  const decoded = new Uint8Array(bytes);
  if (charset === undefined) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(decoded);
    } catch {
      return new TextDecoder("windows-1252").decode(decoded);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(decoded);
}

/** A text value with its escapes undone: `\n` a line break, `\,` `\;` `\\` the character itself. */
export function textValue(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_match, char: string) => (char === "n" || char === "N" ? "\n" : char));
}

/** A structured (`;`, as N and ADR) or list (`,`, as CATEGORIES) value split where not escaped, each part unescaped. */
export function listValue(value: string, separator: ";" | ","): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === "\\" && index + 1 < value.length) {
      current += char + value[index + 1];
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map(textValue);
}

interface LogicalLine {
  line: number;
  text: string;
}

/** Physical lines joined into logical ones (RFC 6350 §3.2 folding, and 2.1 quoted-printable soft breaks). */
async function unfold(text: string): Promise<LogicalLine[]> {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  const finish = () => {
    if (current) logical.push(current);
    current = null;
  };
  for (const [index, raw] of physical.entries()) {
    if (index > 0 && index % LINES_PER_TURN === 0) await setImmediate();
    const line = index + 1;
    const open: LogicalLine | null = current;
    if (open && (raw.startsWith(" ") || raw.startsWith("\t"))) {
      open.text += raw.slice(1);
    } else if (open && open.text.endsWith("=") && isQuotedPrintable(splitAtValue(open.text)?.[0] ?? "")) {
      open.text += `\n${raw}`;
    } else if (raw.startsWith(" ") || raw.startsWith("\t")) {
      if (raw.trim() === "") continue;
      throw unreadable(
        `Line ${line} continues a value (it starts with a space), but no property comes before it. The file may be cut or edited by hand.`,
      );
    } else {
      finish();
      current = { line, text: raw };
    }
    const growing: LogicalLine | null = current;
    if (growing && growing.text.length > VCARD_MAX_LINE_CHARS) {
      const name = growing.text.slice(0, 40).split(/[;:]/)[0]?.toUpperCase().replace(/^.*\./, "") ?? "";
      if (!BINARY_PROPERTIES.has(name)) {
        throw unreadable(
          `Line ${growing.line} is over ${formatCount(VCARD_MAX_LINE_CHARS)} characters long; no field of a contact card is that long. Export the contacts again from your address book.`,
        );
      }
    }
  }
  finish();
  return logical;
}

/** Every card in the text, in order; a file that is not a well-formed series of cards is refused with the line at fault. */
export async function parseVCards(text: string): Promise<VCard[]> {
  const cards: VCard[] = [];
  let card: VCard | null = null;
  for (const { line, text: content } of await unfold(text)) {
    if (content.trim() === "") continue;
    const split = splitAtValue(content);
    const [head = "", ...paramParts] = split ? splitOutsideQuotes(split[0], ";") : [];
    const nameMatch = PROPERTY_NAME.exec(head.trim());
    if (!split || !nameMatch?.[1]) {
      throw unreadable(
        `Line ${line} is not a contact card property (NAME:value). A long value may have been wrapped onto a new line without the leading space that continues it.`,
      );
    }
    const name = nameMatch[1].toUpperCase();
    const rawValue = split[1];
    if (name === "BEGIN" && rawValue.trim().toUpperCase() === "VCARD") {
      if (card) {
        throw unreadable(
          `The card starting at line ${card.line} has no END:VCARD before the next card begins at line ${line}.`,
        );
      }
      card = { line, properties: [] };
      continue;
    }
    if (!card) {
      throw unreadable(
        `Line ${line} is outside any card: contact cards start with BEGIN:VCARD and end with END:VCARD.`,
      );
    }
    if (name === "END" && rawValue.trim().toUpperCase() === "VCARD") {
      cards.push(card);
      card = null;
      continue;
    }
    if (name === "BEGIN" || name === "END") {
      throw unreadable(`Line ${line} nests another object inside a contact card, which cannot be imported.`);
    }
    if (BINARY_PROPERTIES.has(name)) continue;
    const params = parseParams(paramParts);
    const quotedPrintable = params.get("ENCODING")?.some((encoding) => encoding.toUpperCase() === "QUOTED-PRINTABLE");
    const value = quotedPrintable ? decodeQuotedPrintable(rawValue, params.get("CHARSET")?.[0]) : rawValue;
    card.properties.push({ name, params, value });
  }
  if (card) {
    throw unreadable(
      `The card starting at line ${card.line} never ends (END:VCARD is missing): the file may be cut short.`,
    );
  }
  return cards;
}
