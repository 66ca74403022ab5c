"use client";

import { BackLink } from "@/components/back-link";
import { UsersIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api-client";
import type { DuplicateClient, DuplicatePair } from "@/lib/contracts/contact-duplicates";
import { reasonText, useDismissDuplicate, useDuplicatePairs } from "./duplicates-api";

function Person({ contact }: { contact: DuplicateClient }) {
  const reach = [contact.email, contact.phone].filter(Boolean).join(" · ");
  return (
    <div className="grid min-w-0 gap-0.5">
      <Link
        href={`/clients/${contact.id}`}
        className="font-medium [overflow-wrap:anywhere] hover:underline focus-visible:outline-2 focus-visible:outline-ring"
      >
        {contact.displayName}
      </Link>
      {reach && <span className="text-xs text-muted-foreground [overflow-wrap:anywhere]">{reach}</span>}
    </div>
  );
}

function PairCard({ pair }: { pair: DuplicatePair }) {
  const dismiss = useDismissDuplicate();
  return (
    <li className="grid gap-3 rounded-lg border bg-card p-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Person contact={pair.contact} />
        <Person contact={pair.other} />
      </div>
      <p className="text-sm text-muted-foreground">Why: {reasonText(pair.reasons)}</p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" asChild>
          <Link href={`/clients/${pair.contact.id}/merge/${pair.other.id}`}>
            Review
            <span className="sr-only">
              {" "}
              {pair.contact.displayName} and {pair.other.displayName}
            </span>
          </Link>
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate({ id: pair.contact.id, otherId: pair.other.id })}
        >
          Not a duplicate
          <span className="sr-only">
            : {pair.contact.displayName} and {pair.other.displayName}
          </span>
        </Button>
      </div>
      {dismiss.error && (
        <ErrorAlert
          message={isApiError(dismiss.error) ? dismiss.error.message : "That could not be saved. Try again."}
        />
      )}
    </li>
  );
}

/** Likely duplicate pairs across the practitioner's clients, each with Review and Not a duplicate. */
export function DuplicatePairsView() {
  const pairs = useDuplicatePairs();
  return (
    <>
      <BackLink href="/clients" className="mb-6">
        Clients
      </BackLink>
      <PageHeader
        title="Possible duplicates"
        description="Clients who share an email, a phone number or a name. Merge them, or say they are different people."
      />
      {pairs.isPending && (
        <div className="grid gap-3" aria-busy="true" aria-label="Loading possible duplicates">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-28 w-full" />
          ))}
        </div>
      )}
      {pairs.isError && (
        <div className="grid justify-items-start gap-3">
          <ErrorAlert message="Possible duplicates could not be loaded." />
          <Button variant="outline" onClick={() => void pairs.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {pairs.data && pairs.data.pairs.length === 0 && (
        <EmptyState
          icon={UsersIcon}
          title="No possible duplicates"
          description="No two clients share an email, a phone number or a name (apart from any you marked as different people)."
        />
      )}
      {pairs.data && pairs.data.pairs.length > 0 && (
        <>
          <ul className="grid gap-3" aria-label="Possible duplicate pairs">
            {pairs.data.pairs.map((pair) => (
              <PairCard key={`${pair.contact.id}:${pair.other.id}`} pair={pair} />
            ))}
          </ul>
          {pairs.data.hasMore && (
            <p className="mt-4 text-sm text-muted-foreground">More pairs will show as you merge or dismiss these.</p>
          )}
        </>
      )}
    </>
  );
}
