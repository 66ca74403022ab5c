"use client";

import { DownloadIcon, LoaderCircleIcon, TagIcon, Trash2Icon, XIcon } from "lucide-react";
import { formatCount } from "@/lib/format/numbers";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/contact-display";
import { MAX_MATCHING_SELECTION } from "@/lib/contracts/contact-selection";
import type { MatchingOffer } from "./row-selection";

/**
 * The actions on the ticked clients; it sits at the bottom of the screen while any are ticked. Once
 * every loaded row is ticked it offers every client the search and filters match (`offer`).
 */
export function BulkBar({
  count,
  allMatching,
  offer,
  onSelectAllMatching,
  onTag,
  onExport,
  onDelete,
  onClear,
  exporting,
  exportError,
}: {
  count: number;
  /** The selection is every matching client, loaded or not. */
  allMatching: boolean;
  offer: MatchingOffer;
  onSelectAllMatching: (total: number) => void;
  onTag: () => void;
  onExport: () => void;
  onDelete: () => void;
  onClear: () => void;
  exporting: boolean;
  exportError: string | null;
}) {
  if (count === 0) return null;
  return (
    <section
      aria-label="Selected clients"
      className="sticky bottom-4 z-20 mt-4 flex flex-wrap items-center gap-2 rounded-xl border bg-card p-2 pl-4 shadow-lg"
    >
      <p className="mr-auto text-sm font-medium" aria-live="polite">
        {allMatching ? `All ${countOf(count, "matching client")} selected` : `${countOf(count, "client")} selected`}
      </p>
      <Button size="sm" variant="outline" onClick={onTag}>
        <TagIcon aria-hidden="true" />
        Tag
      </Button>
      <Button size="sm" variant="outline" onClick={onExport} disabled={exporting} aria-busy={exporting}>
        {exporting ? (
          <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
        ) : (
          <DownloadIcon aria-hidden="true" />
        )}
        {exporting ? "Exporting…" : "Export selected"}
      </Button>
      <Button size="sm" variant="outline" className="text-destructive hover:text-destructive" onClick={onDelete}>
        <Trash2Icon aria-hidden="true" />
        Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        <XIcon aria-hidden="true" />
        <span className="sr-only sm:not-sr-only">Clear selection</span>
      </Button>
      {offer && (
        <p className="basis-full text-sm text-muted-foreground">
          {offer.kind === "offer" ? (
            <Button size="sm" variant="link" className="h-auto p-0" onClick={() => onSelectAllMatching(offer.total)}>
              Select all {formatCount(offer.total)} matching
            </Button>
          ) : (
            `Only the loaded clients are selected: one action takes at most ${formatCount(MAX_MATCHING_SELECTION)} of the ${formatCount(offer.total)} matching. Narrow the search or filters to act on all of them.`
          )}
        </p>
      )}
      {exportError && (
        <div className="basis-full">
          <ErrorAlert title="Export failed" message={exportError} />
        </div>
      )}
    </section>
  );
}
