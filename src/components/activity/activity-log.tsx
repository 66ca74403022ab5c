"use client";

import { BackLink } from "@/components/back-link";
import { DownloadIcon, HistoryIcon, Loader2Icon } from "lucide-react";
import { useState } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api-client";
import { filterQuery, NO_FILTERS, rangeIsValid, type ActivityFilters } from "./activity-filters";
import { ActivityFilterForm } from "./activity-filter-form";
import { ActivityRow } from "./activity-row";
import { useActivity } from "./use-activity";

const COLUMNS = ["Time", "Action", "Record", "IP address", "Device"] as const;

function LoadingRows() {
  return (
    <div aria-busy="true" aria-label="Loading activity" className="grid gap-2 rounded-xl border bg-card p-4">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-8 w-full" />
      ))}
    </div>
  );
}

/** Settings → Activity: the account's audit log, filtered, paged and exportable as CSV. */
export function ActivityLog({ initialFilters }: { initialFilters: ActivityFilters }) {
  const [filters, setFilters] = useState(initialFilters);
  const { timeZone } = usePractitionerFormat().settings;
  const [query, setQuery] = useState(() => filterQuery(initialFilters, timeZone).toString());
  const change = (next: ActivityFilters) => {
    setFilters(next);
    // An impossible date range keeps the last valid result on screen while the form says what is wrong.
    if (rangeIsValid(next)) setQuery(filterQuery(next, timeZone).toString());
  };
  const activity = useActivity(query);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <BackLink href="/settings" className="mb-6">
        Settings
      </BackLink>
      <PageHeader
        title="Activity"
        description="Sign-ins, client records viewed or changed, exports and settings changes on your account."
        actions={
          <Button asChild variant="outline">
            <a href={`/api/audit-events/export${query ? `?${query}` : ""}`} download>
              <DownloadIcon aria-hidden="true" />
              Export CSV
            </a>
          </Button>
        }
      />
      <ActivityFilterForm filters={filters} onChange={change} />
      <p role="status" aria-live="polite" className="sr-only">
        {activity.isPending ? "Loading activity" : `${activity.events.length} events shown`}
      </p>
      {activity.isPending ? (
        <LoadingRows />
      ) : activity.isError ? (
        <div role="alert" className="rounded-xl border border-destructive/40 bg-destructive/5 p-4 text-sm">
          {isApiError(activity.error) ? activity.error.message : "The activity could not be loaded."}{" "}
          <Button variant="link" className="h-auto p-0" onClick={() => void activity.refetch()}>
            Try again
          </Button>
        </div>
      ) : activity.events.length === 0 ? (
        <EmptyState
          icon={HistoryIcon}
          title={filtered ? "No activity matches these filters" : "No activity yet"}
          description={
            filtered
              ? "Widen the date range or clear a filter to see more."
              : "Sign-ins, client records you open or change, exports and settings changes will be listed here."
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-xl border bg-card shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Activity on your account, newest first</caption>
            {/* Below 640 px each event is a stacked card: the column headers stay for screen readers only. */}
            <thead className="bg-muted/50 text-xs font-medium text-muted-foreground max-sm:sr-only">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2">
                    {column}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {activity.events.map((event) => (
                <ActivityRow key={event.id} event={event} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {activity.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="outline"
            disabled={activity.isFetchingNextPage}
            onClick={() => void activity.fetchNextPage()}
          >
            {activity.isFetchingNextPage && <Loader2Icon aria-hidden="true" className="animate-spin" />}
            {activity.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </>
  );
}
