import { setImmediate } from "node:timers/promises";
import { withUserDb } from "@/server/db";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { importEventStream } from "./import-event-stream";
import { planCsvImport } from "./plan-csv-import";
import { existingDuplicates, invalidRowReasons, prepareCsvImport } from "./prepare-csv-import";
import type { CsvUpload } from "./csv-upload";
import { writeCsvImport } from "./write-csv-import";

/**
 * Imports an uploaded CSV of clients in ONE transaction. The file is read, checked and mapped
 * first, so a malformed file or bad options answer 4xx before anything starts; then the returned
 * NDJSON stream runs the transaction, reporting progress, and ends with the created, merged and
 * skipped rows (invalid rows are skipped with their reasons) or with an error and nothing written.
 */
export async function importCsvContacts(context: UserContext, upload: CsvUpload): Promise<ReadableStream<Uint8Array>> {
  const { candidates, errors, options } = await prepareCsvImport(upload);
  const { userId } = context;
  return importEventStream((report, signal) =>
    withUserDb(userId, async (tx) => {
      const existing = await existingDuplicates(tx, userId, candidates);
      const steps = planCsvImport(candidates, existing, options);
      await setImmediate();
      const result = await writeCsvImport(tx, userId, steps, report, signal);
      const skipped = [...invalidRowReasons(errors), ...result.skipped].sort((a, b) => a.row - b.row);
      await recordAuditEvent(tx, {
        userId,
        action: "clients.imported",
        metadata: { created: result.created.length, merged: result.merged.length, skipped: skipped.length },
      });
      return { ...result, skipped };
    }),
  );
}
