"use client";

import { CircleCheckIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";
import { reasonText, useContactDuplicates, useDismissDuplicate } from "./duplicates-api";

/**
 * On a client's page: "Possible duplicate: Sam Lee (same email)" with Review and Not a duplicate, for
 * the strongest suggestion; and, after a merge, what happened. Nothing while loading or when none.
 */
export function DuplicateNotice({ contactId }: { contactId: string }) {
  const merged = useSearchParams().get("merged") === "1";
  const duplicates = useContactDuplicates(contactId);
  const dismiss = useDismissDuplicate();
  const first = duplicates.data?.[0];
  const more = (duplicates.data?.length ?? 0) - 1;

  return (
    <div className="mb-6 grid gap-3 empty:hidden">
      {merged && (
        <Alert variant="success" role="status">
          <CircleCheckIcon aria-hidden="true" />
          <AlertTitle>Clients merged</AlertTitle>
          <AlertDescription>
            <p>The other record’s notes, consents, tags, photo and history are now part of this client.</p>
          </AlertDescription>
        </Alert>
      )}
      {first && (
        <Alert role="status" aria-label="Possible duplicate">
          <UsersIcon aria-hidden="true" />
          <AlertTitle className="[overflow-wrap:anywhere]">
            Possible duplicate: {first.contact.displayName} ({reasonText(first.reasons)})
          </AlertTitle>
          <AlertDescription>
            <p>
              {more > 0
                ? `${more} more possible ${more === 1 ? "duplicate" : "duplicates"} after this one.`
                : "Review the two records side by side and keep one."}
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              <Button size="sm" asChild>
                <Link href={`/clients/${contactId}/merge/${first.contact.id}`}>Review</Link>
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate({ id: contactId, otherId: first.contact.id })}
              >
                Not a duplicate
              </Button>
            </div>
            {dismiss.error && (
              <p role="alert" className="text-destructive">
                {isApiError(dismiss.error) ? dismiss.error.message : "That could not be saved. Try again."}
              </p>
            )}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
