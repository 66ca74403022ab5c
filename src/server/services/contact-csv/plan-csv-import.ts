import type { CsvImportOptions, DuplicateAction } from "@/lib/contracts/contact-csv";
import type { ImportCandidate } from "./map-csv-rows";

export type MatchedOn = "email" | "phone";

/** A client a row duplicates: one already on file, or the client an earlier row of the file creates. */
export type DuplicateTarget = { kind: "existing"; contactId: string } | { kind: "row"; row: number };

interface DuplicateStep<A extends DuplicateAction> {
  kind: A;
  candidate: ImportCandidate;
  matchedOn: MatchedOn;
  target: DuplicateTarget;
}

export type ImportStep =
  { kind: "create"; candidate: ImportCandidate } | DuplicateStep<"skip"> | DuplicateStep<"merge">;

/** An existing client matching a candidate (by position), as `duplicatesIn` of the contacts service reports it. */
export interface ExistingMatch {
  index: number;
  duplicateId: string;
  matchedOn: MatchedOn;
}

/**
 * The keys the database compares (`email_normalized`, `phone_normalized`), for rows not yet stored.
 * On values that passed the contract they are the same: emails are trimmed ASCII, so lower() and
 * toLowerCase() agree; phones keep their digits only.
 */
export function duplicateKeys(candidate: ImportCandidate): Record<MatchedOn, string | null> {
  const email = candidate.contact.email?.toLowerCase() || null;
  const phone = candidate.contact.phone?.replace(/[^0-9]/g, "") || null;
  return { email, phone };
}

const MATCH_ORDER: readonly MatchedOn[] = ["email", "phone"];

/**
 * What the import does with each valid row, in file order. A row matching a client already on file
 * (email first, then phone) or a client an earlier row creates is a duplicate: skipped or merged
 * as chosen for its row, else by the default. A merged row's email and phone then lead to the same
 * client, so later rows matching them merge there too; a skipped row leads nowhere.
 */
export function planCsvImport(
  candidates: readonly ImportCandidate[],
  existing: readonly ExistingMatch[],
  options: Pick<CsvImportOptions, "duplicateActions" | "defaultDuplicateAction">,
): ImportStep[] {
  const existingByIndex = new Map(existing.map((match) => [match.index, match]));
  const targets: Record<MatchedOn, Map<string, DuplicateTarget>> = { email: new Map(), phone: new Map() };
  return candidates.map((candidate, index): ImportStep => {
    const keys = duplicateKeys(candidate);
    const onFile = existingByIndex.get(index);
    let match: { matchedOn: MatchedOn; target: DuplicateTarget } | undefined = onFile && {
      matchedOn: onFile.matchedOn,
      target: { kind: "existing", contactId: onFile.duplicateId },
    };
    for (const key of MATCH_ORDER) {
      const value = keys[key];
      const target = value === null ? undefined : targets[key].get(value);
      if (!match && target) match = { matchedOn: key, target };
    }
    const remember = (target: DuplicateTarget) => {
      for (const key of MATCH_ORDER) {
        const value = keys[key];
        if (value !== null && !targets[key].has(value)) targets[key].set(value, target);
      }
    };
    if (!match) {
      remember({ kind: "row", row: candidate.row });
      return { kind: "create", candidate };
    }
    const action = options.duplicateActions[String(candidate.row)] ?? options.defaultDuplicateAction;
    if (action === "skip") return { kind: "skip", candidate, ...match };
    remember(match.target);
    return { kind: "merge", candidate, ...match };
  });
}
