import { and, desc, eq, sql } from "drizzle-orm";
import type { AiBlockedReason } from "@/lib/contracts/ai";
import { aiConfig, estimateTokens, type RedactionSubject } from "@/server/ai";
import type { DbTransaction } from "@/server/db";
import { contacts, notes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { aiConsentVerdict, readAiConsent } from "./ai-consent";
import { readAiSettings, type StoredAiSettings } from "./ai-settings-row";
import { readMonthUsage, type MonthUsage } from "./ai-usage-ledger";

/** Newest notes first, until this many characters: about 4,000 tokens of material. */
export const SUMMARY_NOTE_BUDGET_CHARS = 16_000;
/** At most this many notes are read; the character budget ends the list sooner in practice. */
const SUMMARY_NOTE_LIMIT = 100;
/** The answer's own budget; less when the month's allowance has less left. */
export const SUMMARY_MAX_OUTPUT_TOKENS = 900;
/** The smallest answer worth asking for. */
const MIN_OUTPUT_TOKENS = 200;

export interface SummaryNote {
  id: string;
  date: string;
  status: "draft" | "final";
  text: string;
}

export interface SummaryMaterial {
  settings: StoredAiSettings;
  usage: MonthUsage;
  blocked: AiBlockedReason | null;
  subject: RedactionSubject;
  notes: SummaryNote[];
  notesLeftOut: number;
}

/**
 * Everything a client summary needs, read in one transaction under the caller's row level security,
 * and the first reason (in the order the practitioner can act on them) it may not run. Nothing of the
 * client is read past a refusal of their consent: the notes query runs only when they may be used.
 */
export async function readSummaryMaterial(
  tx: DbTransaction,
  userId: string,
  contactId: string,
): Promise<SummaryMaterial> {
  const [contact] = await tx
    .select({
      displayName: contacts.displayName,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      email: contacts.email,
      phone: contacts.phone,
      dateOfBirth: contacts.dateOfBirth,
      address: contacts.address,
      emergencyContact: contacts.emergencyContact,
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  if (!contact) throw AppError.notFound("Client");
  const settings = await readAiSettings(tx, userId);
  const usage = await readMonthUsage(tx, userId);
  const subject: RedactionSubject = {
    label: "CLIENT_1",
    displayName: contact.displayName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    emails: [contact.email],
    phones: [contact.phone, contact.emergencyContact?.phone],
    addressParts: [contact.address?.line1, contact.address?.line2, contact.address?.postalCode],
    dateOfBirth: contact.dateOfBirth,
    otherPeople: [contact.emergencyContact?.name],
  };
  const material = (blocked: AiBlockedReason | null, found: SummaryNote[] = [], leftOut = 0): SummaryMaterial => ({
    settings,
    usage,
    blocked,
    subject,
    notes: found,
    notesLeftOut: leftOut,
  });

  if (!aiConfig().configured) return material("not_configured");
  if (!settings.enabled) return material("disabled");
  if (!settings.readNotes) return material("notes_not_allowed");
  const verdict = aiConsentVerdict(await readAiConsent(tx, userId, contactId), settings.consentPolicy);
  if (verdict !== "allowed") return material(verdict);

  // Newest first; the character budget is reached long before this many notes.
  const rows = await tx
    .select({
      id: notes.id,
      createdAt: notes.createdAt,
      status: notes.status,
      text: sql<string>`left(${notes.bodyText}, ${SUMMARY_NOTE_BUDGET_CHARS})`,
    })
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.contactId, contactId), sql`btrim(${notes.bodyText}) <> ''`))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(SUMMARY_NOTE_LIMIT);
  if (rows.length === 0) return material("no_notes");
  const chosen: SummaryNote[] = [];
  let chars = 0;
  for (const row of rows) {
    if (chosen.length > 0 && chars + row.text.length > SUMMARY_NOTE_BUDGET_CHARS) break;
    chars += row.text.length;
    chosen.push({ id: row.id, date: row.createdAt.toISOString().slice(0, 10), status: row.status, text: row.text });
  }
  const [counted] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.contactId, contactId), sql`btrim(${notes.bodyText}) <> ''`));
  const leftOut = (counted?.total ?? chosen.length) - chosen.length;
  const needed = estimateTokens(chosen.map((note) => note.text).join("\n")) + MIN_OUTPUT_TOKENS;
  if (usage.used + needed > settings.monthlyTokenQuota) return material("quota_exhausted", chosen, leftOut);
  return material(null, chosen, leftOut);
}

/** The answer's token budget: never more than the month has left after the prompt. */
export function outputBudget(material: SummaryMaterial, promptTokens: number): number {
  const left = material.settings.monthlyTokenQuota - material.usage.used - promptTokens;
  return Math.max(MIN_OUTPUT_TOKENS, Math.min(SUMMARY_MAX_OUTPUT_TOKENS, left));
}
