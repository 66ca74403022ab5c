import type { CsvImportEvent, CsvImportResult } from "@/lib/contracts/contact-csv";
import { toAppError } from "@/server/errors";
import { reportError } from "@/server/observability/error-reporting";
import { log } from "@/server/observability/logger";
import { currentRequestContext } from "@/server/observability/request-context";
import type { ImportProgress } from "./write-csv-import";

type RunImport = (report: (progress: ImportProgress) => void, signal: AbortSignal) => Promise<CsvImportResult>;

/**
 * The import as NDJSON: a `progress` line per chunk written, then `result` once committed or `error`
 * once rolled back. Validation has already answered 4xx before this starts; the transaction runs
 * while the lines stream, and a reader that goes away aborts it (nothing is written).
 */
export function importEventStream(run: RunImport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  const context = currentRequestContext();
  const requestId = context?.requestId ?? "";
  let open = true;
  let settled: Promise<void> = Promise.resolve();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: CsvImportEvent) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      const finish = () => {
        if (open) controller.close();
        open = false;
      };
      settled = run((progress) => send({ type: "progress", ...progress }), abort.signal).then(
        (result) => {
          log().info(
            { created: result.created.length, merged: result.merged.length, skipped: result.skipped.length },
            "clients imported",
          );
          send({ type: "result", result });
          finish();
        },
        (error: unknown) => {
          const appError = toAppError(error);
          if (appError.status >= 500 && !abort.signal.aborted) {
            log().error({ err: appError.cause ?? appError }, "client import failed");
            reportError(appError.cause ?? appError, {
              requestId,
              route: context?.route ?? "",
              userId: context?.userId,
            });
          }
          send({ type: "error", error: { code: appError.code, message: appError.message, requestId } });
          finish();
        },
      );
    },
    /** Resolves once the transaction has rolled back (or had already committed). */
    async cancel() {
      open = false;
      abort.abort();
      await settled;
    },
  });
}
