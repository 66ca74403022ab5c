import type { CsvDryRunResponse, CsvDuplicate } from "@/lib/contracts/contact-csv";
import { withUserDb } from "@/server/db";
import type { UserContext } from "@/server/services/contacts";
import { describeClients } from "./existing-clients";
import { planCsvImport, type ImportStep } from "./plan-csv-import";
import { existingDuplicates, prepareCsvImport } from "./prepare-csv-import";
import type { CsvUpload } from "./csv-upload";

type DuplicateStep = Exclude<ImportStep, { kind: "create" }>;

/**
 * What importing the file would do now, without writing: every invalid value (row, field, column),
 * every duplicate (of a client on file or of an earlier row) with the action it would get, and the
 * counts. The same plan as the import itself, so the two agree.
 */
export async function dryRunCsvImport(context: UserContext, upload: CsvUpload): Promise<CsvDryRunResponse> {
  const { table, candidates, errors, options } = await prepareCsvImport(upload);
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const existing = await existingDuplicates(tx, userId, candidates);
    const steps = planCsvImport(candidates, existing, options);
    const clients = await describeClients(
      tx,
      userId,
      existing.map((match) => match.duplicateId),
    );
    const duplicateSteps = steps.filter((step): step is DuplicateStep => step.kind !== "create");
    const duplicates = duplicateSteps.map((step): CsvDuplicate => {
      const client = step.target.kind === "existing" ? clients.get(step.target.contactId) : undefined;
      return {
        row: step.candidate.row,
        displayName: step.candidate.contact.displayName,
        matchedOn: step.matchedOn,
        target:
          step.target.kind === "row"
            ? step.target
            : {
                kind: "existing",
                contactId: step.target.contactId,
                displayName: client?.displayName ?? "",
                email: client?.email ?? null,
                phone: client?.phone ?? null,
              },
        action: step.kind,
      };
    });
    const count = (kind: ImportStep["kind"]) => steps.filter((step) => step.kind === kind).length;
    return {
      rowCount: table.rows.length,
      errors,
      duplicates,
      summary: {
        create: count("create"),
        merge: count("merge"),
        skipDuplicate: count("skip"),
        skipInvalid: new Set(errors.map((error) => error.row)).size,
      },
    };
  });
}
