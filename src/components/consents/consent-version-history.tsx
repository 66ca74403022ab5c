"use client";

import { ChevronDownIcon, HistoryIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { isApiError } from "@/lib/api-client";
import type { ConsentDocument, ConsentKind } from "@/lib/contracts/consents";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ConsentText } from "./consent-text";
import { fetchConsentDocumentVersions } from "./consents-api";
import { FormattedDateTime } from "@/components/format/practitioner-format";

type Load = { kind: "loading" } | { kind: "ready"; versions: ConsentDocument[] } | { kind: "failed"; message: string };

/**
 * Every published version of one kind, newest first, each with its full text. Loads when opened;
 * `revision` changes after a publication so the list reloads with the new version.
 */
export function ConsentVersionHistory({ kind, revision }: { kind: ConsentKind; revision: string }) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ key: string; load: Load }>({ key: "", load: { kind: "loading" } });
  const key = `${kind}:${revision}`;
  const load: Load = state.key === key ? state.load : { kind: "loading" };

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetchConsentDocumentVersions(kind, controller.signal)
      .then(({ versions }) => setState({ key, load: { kind: "ready", versions } }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = isApiError(error) ? error.message : "The version history could not be loaded.";
        setState({ key, load: { kind: "failed", message } });
      });
    return () => controller.abort();
  }, [open, kind, key]);

  return (
    <div className="grid gap-3">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="justify-self-start"
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
      >
        <HistoryIcon aria-hidden="true" />
        {open ? "Hide version history" : "Version history"}
      </Button>
      {open && load.kind === "loading" && (
        <div className="grid gap-2" aria-label="Loading versions">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      )}
      {open && load.kind === "failed" && <ErrorAlert message={load.message} />}
      {open && load.kind === "ready" && (
        <ol className="grid gap-2">
          {load.versions.map((version) => (
            <li key={version.id}>
              <details className="group rounded-lg border bg-card">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                  <ChevronDownIcon aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
                  <span className="font-medium">Version {version.version}</span>
                  <span className="text-muted-foreground">{version.title}</span>
                  <span className="ml-auto text-xs text-muted-foreground">
                    Published <FormattedDateTime zone iso={version.createdAt} />
                  </span>
                </summary>
                <div className="grid gap-2 border-t px-3 py-3">
                  <ConsentText body={version.body} />
                  <p className="font-mono text-xs break-all text-muted-foreground">SHA-256 {version.contentHash}</p>
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
