"use client";

import { CircleAlertIcon, LoaderCircleIcon, RefreshCwIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import type { ContactSummary } from "@/lib/contracts/contacts";
import { CARD_ESTIMATED_HEIGHT, ClientCards } from "./client-cards";
import { ClientTable, TABLE_ROW_HEIGHT } from "./client-table";
import { effectiveSort, sortedBy, type ListParams } from "./list-params";
import type { RowSelection } from "./row-selection";
import { useMediaQuery } from "./use-media-query";
import { useVirtualRows } from "./use-virtual-rows";

interface ResultsProps {
  contacts: readonly ContactSummary[];
  params: ListParams;
  onParamsChange: (next: ListParams) => void;
  selection: RowSelection;
  total: number | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  open: (index: number) => void;
  loadError: Error | null;
}

/** The loaded clients as a table (640 px and up) or cards, then the way to load more. */
export function ClientResults(props: ResultsProps) {
  const wide = useMediaQuery("(min-width: 640px)", true);
  return (
    <>
      {/* Keyed so the windowing restarts with the right row heights when the layout switches. */}
      {wide ? <WindowedTable key="table" {...props} /> : <WindowedCards key="cards" {...props} />}
      <ResultsFooter {...props} />
    </>
  );
}

function WindowedTable(props: ResultsProps) {
  const rows = useVirtualRows({
    count: props.contacts.length,
    estimateHeight: TABLE_ROW_HEIGHT,
    hasMore: props.hasMore,
    loadMore: props.loadMore,
    open: props.open,
    toggle: props.selection.toggle,
  });
  return (
    <div className="rounded-xl border bg-card px-1 pb-1 shadow-xs">
      <ClientTable
        contacts={props.contacts}
        rows={rows}
        selection={props.selection}
        total={props.total}
        open={props.open}
        sort={effectiveSort(props.params)}
        onSort={(column) => props.onParamsChange(sortedBy(props.params, column))}
      />
    </div>
  );
}

function WindowedCards(props: ResultsProps) {
  const rows = useVirtualRows({
    count: props.contacts.length,
    estimateHeight: CARD_ESTIMATED_HEIGHT,
    measure: true,
    hasMore: props.hasMore,
    loadMore: props.loadMore,
    open: props.open,
    toggle: props.selection.toggle,
  });
  return (
    <ClientCards
      contacts={props.contacts}
      rows={rows}
      selection={props.selection}
      total={props.total}
      open={props.open}
    />
  );
}

/** "Load more" for keyboard and screen-reader users (scrolling loads on its own), or how many are shown. */
function ResultsFooter({ contacts, total, hasMore, loadingMore, loadMore, loadError }: ResultsProps) {
  return (
    <div className="mt-4 grid justify-items-center gap-3 text-sm text-muted-foreground">
      {loadError && (
        <Alert variant="destructive" role="alert" className="max-w-md">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            <p>{isApiError(loadError) ? loadError.message : "More clients could not be loaded."}</p>
          </AlertDescription>
        </Alert>
      )}
      {hasMore ? (
        <Button variant="outline" onClick={loadMore} disabled={loadingMore}>
          {loadingMore && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
          {loadingMore ? "Loading more…" : "Load more"}
        </Button>
      ) : (
        <p>
          {total !== undefined && total === contacts.length
            ? `All ${countOf(total, "client")} shown`
            : `${countOf(contacts.length, "client")} shown`}
        </p>
      )}
    </div>
  );
}

/** Shaped like the table while the first page loads. */
export function ResultsSkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid gap-1 rounded-xl border bg-card p-3">
      <span className="sr-only">Loading clients…</span>
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex h-14 items-center gap-3 px-1">
          <Skeleton className="size-4 rounded" />
          <Skeleton className="size-8 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-3.5 w-40 max-w-full" />
            <Skeleton className="h-3 w-56 max-w-full" />
          </div>
          <Skeleton className="hidden h-5 w-24 rounded-full sm:block" />
          <Skeleton className="hidden h-3.5 w-20 md:block" />
        </div>
      ))}
    </div>
  );
}

export function ResultsError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <Alert variant="destructive" role="alert">
      <CircleAlertIcon aria-hidden="true" />
      <AlertDescription>
        <p>{isApiError(error) ? error.message : "The clients could not be loaded."}</p>
        <Button variant="outline" size="sm" onClick={retry} className="mt-2">
          <RefreshCwIcon aria-hidden="true" />
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}
