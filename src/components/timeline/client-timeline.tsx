"use client";

/**
 * `<ClientTimeline contactId={client.id} />` — one list of everything with a client: notes and the
 * email imported from Gmail, newest first, filterable by kind, a page at a time (`GET
 * /api/contacts/:id/timeline`). An email opens in place; opening it is what reads its body (and what
 * the audit log records as a view).
 */

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import {
  ArrowDownLeftIcon,
  ArrowUpRightIcon,
  ChevronDownIcon,
  CircleAlertIcon,
  HistoryIcon,
  MailIcon,
  NotebookPenIcon,
  PaperclipIcon,
} from "lucide-react";
import { useId, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  emailMessageSchema,
  timelinePageSchema,
  type TimelineEntry,
  type TimelineKind,
} from "@/lib/contracts/timeline";
import { formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";

const FILTERS: { value: TimelineKind | "all"; label: string }[] = [
  { value: "all", label: "Everything" },
  { value: "email", label: "Emails" },
  { value: "note", label: "Notes" },
];

export function ClientTimeline({ contactId }: { contactId: string }) {
  const [kind, setKind] = useState<TimelineKind | "all">("all");
  const timeline = useInfiniteQuery({
    queryKey: queryKeys.timeline(contactId, kind),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (kind !== "all") params.set("kind", kind);
      if (pageParam) params.set("cursor", pageParam);
      return apiRequest(`/api/contacts/${contactId}/timeline?${params.toString()}`, { schema: timelinePageSchema });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = timeline.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <section aria-labelledby="client-timeline-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="client-timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
          {FILTERS.map((filter) => (
            <Button
              key={filter.value}
              type="button"
              size="sm"
              variant={kind === filter.value ? "default" : "outline"}
              aria-pressed={kind === filter.value}
              onClick={() => setKind(filter.value)}
            >
              {filter.label}
            </Button>
          ))}
        </div>
      </div>
      {timeline.isPending && (
        <div className="grid gap-2" aria-label="Loading the timeline">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      )}
      {timeline.isError && entries.length === 0 && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="flex flex-wrap items-center gap-3">
            <p>{isApiError(timeline.error) ? timeline.error.message : "The timeline could not be loaded."}</p>
            <Button type="button" size="sm" variant="outline" onClick={() => void timeline.refetch()}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {timeline.isSuccess && entries.length === 0 && (
        <EmptyState
          icon={HistoryIcon}
          title={
            kind === "email" ? "No emails with this client" : kind === "note" ? "No notes yet" : "Nothing here yet"
          }
          description="Notes you write and, once Google is connected in Settings → Integrations, email you exchange with this client appear here, newest first."
        />
      )}
      {entries.length > 0 && (
        <ol className="grid gap-2">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`}>
              {entry.kind === "email" ? (
                <EmailEntry contactId={contactId} entry={entry} />
              ) : (
                <NoteEntry entry={entry} />
              )}
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <Button
          type="button"
          variant="outline"
          className="justify-self-start"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {timeline.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      )}
    </section>
  );
}

function NoteEntry({ entry }: { entry: Extract<TimelineEntry, { kind: "note" }> }) {
  return (
    <div className="grid gap-1 rounded-md border p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <NotebookPenIcon aria-hidden="true" className="size-4" />
        <span>{entry.status === "final" ? "Signed note" : "Draft note"}</span>
        <FormattedDateTime iso={entry.at} />
      </div>
      <p className="line-clamp-3 text-sm whitespace-pre-line">{entry.excerpt || "(empty note)"}</p>
    </div>
  );
}

function EmailEntry({ contactId, entry }: { contactId: string; entry: Extract<TimelineEntry, { kind: "email" }> }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const sender = entry.from ? (entry.from.name ?? entry.from.email) : "Unknown sender";
  return (
    <div className="rounded-md border">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((value) => !value)}
        className="grid w-full gap-1 p-3 text-left hover:bg-muted/50 focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <MailIcon aria-hidden="true" className="size-4" />
          {entry.direction === "sent" ? (
            <>
              <ArrowUpRightIcon aria-hidden="true" className="size-4" />
              <span>You wrote</span>
            </>
          ) : (
            <>
              <ArrowDownLeftIcon aria-hidden="true" className="size-4" />
              <span>{sender} wrote</span>
            </>
          )}
          <FormattedDateTime iso={entry.at} />
          {entry.attachmentCount > 0 && (
            <span className="inline-flex items-center gap-1">
              <PaperclipIcon aria-hidden="true" className="size-3.5" />
              {formatCount(entry.attachmentCount)}
              <span className="sr-only"> attachments</span>
            </span>
          )}
          <ChevronDownIcon
            aria-hidden="true"
            className={cn("ml-auto size-4 transition-transform", open && "rotate-180")}
          />
        </span>
        <span className="font-medium">{entry.subject || "(no subject)"}</span>
        {!open && <span className="line-clamp-2 text-sm text-muted-foreground">{entry.snippet}</span>}
      </button>
      <div id={bodyId} hidden={!open}>
        {open && <EmailBody contactId={contactId} emailId={entry.id} />}
      </div>
    </div>
  );
}

function EmailBody({ contactId, emailId }: { contactId: string; emailId: string }) {
  const email = useQuery({
    queryKey: ["timeline", contactId, "email", emailId],
    queryFn: () => apiRequest(`/api/contacts/${contactId}/emails/${emailId}`, { schema: emailMessageSchema }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (email.isPending) return <Skeleton className="m-3 h-24" aria-label="Loading the email" />;
  if (email.isError)
    return (
      <p role="alert" className="p-3 text-sm text-destructive">
        {isApiError(email.error) ? email.error.message : "The email could not be loaded."}
      </p>
    );
  const message = email.data;
  const names = (list: { name: string | null; email: string }[]) =>
    list.map((entry) => (entry.name ? `${entry.name} <${entry.email}>` : entry.email)).join(", ");
  return (
    <div className="grid gap-3 border-t p-3 text-sm">
      <dl className="grid gap-1 sm:grid-cols-[4rem_1fr] sm:gap-x-3">
        <dt className="text-muted-foreground">From</dt>
        <dd className="break-all">{message.from ? names([message.from]) : "—"}</dd>
        <dt className="text-muted-foreground">To</dt>
        <dd className="break-all">{names(message.to) || "—"}</dd>
        {message.cc.length > 0 && (
          <>
            <dt className="text-muted-foreground">Cc</dt>
            <dd className="break-all">{names(message.cc)}</dd>
          </>
        )}
      </dl>
      <p className="whitespace-pre-wrap">{message.body || "(no text)"}</p>
      {message.bodyTruncated && <p className="text-muted-foreground">The rest of this email is in Gmail.</p>}
      {message.attachments.length > 0 && (
        <ul className="grid gap-1" aria-label="Attachments (kept in Gmail)">
          {message.attachments.map((attachment, index) => (
            <li key={`${attachment.name}-${index}`} className="flex items-center gap-2">
              <PaperclipIcon aria-hidden="true" className="size-3.5" />
              <span className="break-all">{attachment.name}</span>
              <span className="text-muted-foreground">{formatCount(Math.ceil(attachment.size / 1024))} KB</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
