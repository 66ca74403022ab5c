"use client";

/**
 * `<ClientSummaryPanel contactId={client.id} />` — "Summarise" on a client's page: whether an AI
 * summary can be made now (`GET /api/contacts/:id/summary`; if not, why and what to do), the summary
 * itself (`POST`, shown with an "AI-generated" label, never saved to the record), Regenerate, Copy and
 * Dismiss.
 */

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CheckIcon,
  CircleAlertIcon,
  CopyIcon,
  LoaderCircleIcon,
  RefreshCwIcon,
  SparklesIcon,
  XIcon,
} from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  clientSummaryResponse,
  clientSummaryStatusResponse,
  type AiBlockedReason,
  type ClientSummary,
} from "@/lib/contracts/ai";
import { formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

/** States the practitioner can change in Settings → AI get a link there. */
const SETTINGS_REASONS: readonly AiBlockedReason[] = [
  "disabled",
  "notes_not_allowed",
  "consent_missing",
  "quota_exhausted",
];

export function ClientSummaryPanel({ contactId }: { contactId: string }) {
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<ClientSummary | null>(null);
  const [copied, setCopied] = useState(false);
  const status = useQuery({
    queryKey: queryKeys.ai.summaryStatus(contactId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/contacts/${contactId}/summary`, { schema: clientSummaryStatusResponse, signal }),
  });
  const summarise = useMutation({
    mutationFn: () =>
      apiRequest(`/api/contacts/${contactId}/summary`, { method: "POST", schema: clientSummaryResponse }),
    onSuccess: (result) => {
      setSummary(result);
      setCopied(false);
    },
    // A refusal (quota spent, consent withdrawn meanwhile) changes what the panel should offer.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.ai.all }),
  });

  const available = status.data?.available === true;
  const blocked = status.data && !status.data.available ? status.data : null;

  return (
    <section aria-labelledby="client-summary-heading" className="mb-8 grid gap-3 rounded-xl border bg-card p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="client-summary-heading" className="flex items-center gap-2 text-lg font-semibold">
          <SparklesIcon aria-hidden="true" className="size-5 text-muted-foreground" />
          AI summary
        </h2>
        {available && (
          <Button
            type="button"
            size="sm"
            variant={summary ? "outline" : "default"}
            disabled={summarise.isPending}
            onClick={() => summarise.mutate()}
          >
            {summarise.isPending ? (
              <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
            ) : summary ? (
              <RefreshCwIcon aria-hidden="true" />
            ) : (
              <SparklesIcon aria-hidden="true" />
            )}
            {summarise.isPending ? "Summarising…" : summary ? "Regenerate" : "Summarise"}
          </Button>
        )}
      </div>

      {status.isPending && <Skeleton className="h-10" aria-label="Checking whether AI can summarise this client" />}
      {status.isError && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="flex flex-wrap items-center gap-3">
            <p>{isApiError(status.error) ? status.error.message : "Could not check whether AI is available."}</p>
            <Button type="button" size="sm" variant="outline" onClick={() => void status.refetch()}>
              <RefreshCwIcon aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {blocked && (
        <p className="text-sm text-muted-foreground" data-testid="ai-summary-unavailable">
          {blocked.message}{" "}
          {blocked.reason && SETTINGS_REASONS.includes(blocked.reason) && (
            <Link href="/settings/ai" className="font-medium text-foreground underline underline-offset-4">
              Open Settings → AI
            </Link>
          )}
        </p>
      )}
      {available && !summary && !summarise.isPending && !summarise.isError && (
        <p className="text-sm text-muted-foreground">
          A short overview of this client&apos;s notes before a session. Their name and contact details are replaced
          before anything is sent to the AI service, and the summary is never added to the record.
        </p>
      )}
      {summarise.isError && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            {isApiError(summarise.error) ? summarise.error.message : "The summary could not be made. Try again."}
          </AlertDescription>
        </Alert>
      )}
      {summarise.isPending && !summary && (
        <div className="grid gap-2" aria-live="polite" aria-label="Summarising">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      )}
      {summary && (
        <article aria-label="AI-generated summary" aria-busy={summarise.isPending} className="grid gap-3">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
            <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              AI-generated
            </span>
            <span>
              From {formatCount(summary.notesRead)} {summary.notesRead === 1 ? "note" : "notes"}
              {summary.notesLeftOut > 0 && ` (${formatCount(summary.notesLeftOut)} older left out)`},{" "}
              <FormattedDateTime iso={summary.generatedAt} /> · {summary.model}
            </span>
          </p>
          <div className="text-sm leading-relaxed whitespace-pre-wrap">{summary.summary}</div>
          <p className="text-xs text-muted-foreground">
            Check it against your notes: it may be wrong or incomplete. It is not saved to the client&apos;s record.
            This month: {formatCount(summary.quota.used)} of {formatCount(summary.quota.limit)} tokens used.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={() =>
                void navigator.clipboard.writeText(summary.summary).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setSummary(null)}>
              <XIcon aria-hidden="true" />
              Dismiss
            </Button>
          </div>
        </article>
      )}
    </section>
  );
}
