"use client";

import { BackLink } from "@/components/back-link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowRightLeftIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { Button } from "@/components/ui/button";
import { apiRequest } from "@/lib/api-client";
import { MERGEABLE_FIELDS, mergeContactsResponse, type Contact, type MergeableField } from "@/lib/contracts/contacts";
import { z } from "@/lib/zod";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";
import { queryKeys } from "@/lib/query-keys";
import { MERGE_ROWS, defaultSide, differs, fieldText } from "./merge-fields";

const side = z.enum(["primary", "duplicate"]);
/** One choice per field; the API's merge contract takes the same map. */
const mergeChoices = z.object(
  Object.fromEntries(MERGEABLE_FIELDS.map((field) => [field, side])) as Record<MergeableField, typeof side>,
);
type MergeChoices = z.infer<typeof mergeChoices>;

/**
 * Both records field by field, a choice per differing row, then a confirmation naming what moves:
 * `primary` is kept, `duplicate` is folded into it and deleted.
 */
export function MergeClientsForm({ primary, duplicate }: { primary: Contact; duplicate: Contact }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<MergeChoices | null>(null);
  const form = useForm<MergeChoices>({
    resolver: zodResolver(mergeChoices),
    defaultValues: Object.fromEntries(
      MERGEABLE_FIELDS.map((field) => [field, defaultSide(primary, duplicate, field)]),
    ) as MergeChoices,
  });

  async function merge() {
    if (!choices) return;
    await apiRequest(`/api/contacts/${primary.id}/merge`, {
      method: "POST",
      body: { duplicateId: duplicate.id, fields: choices },
      schema: mergeContactsResponse,
    });
    queryClient.removeQueries({ queryKey: CONTACTS_QUERY_KEY });
    // The kept client's notes and consents now include the other's: never show a page cached before.
    for (const id of [primary.id, duplicate.id]) {
      queryClient.removeQueries({ queryKey: queryKeys.notes(id) });
      queryClient.removeQueries({ queryKey: queryKeys.consents(id) });
    }
    await queryClient.invalidateQueries({ queryKey: queryKeys.duplicates.all });
    router.replace(`/clients/${primary.id}?merged=1`);
  }

  const summary = `Notes, consents, tags, photos and history of ${duplicate.displayName} move to ${primary.displayName}; ${duplicate.displayName} is deleted.`;

  return (
    <form onSubmit={(event) => void form.handleSubmit((values) => setChoices(values))(event)} className="grid gap-6">
      <BackLink href={`/clients/${primary.id}`} className="justify-self-start">
        Back to {primary.displayName}
      </BackLink>
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-3xl">Merge clients</h1>
        <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]">
          Keeping <strong className="text-foreground">{primary.displayName}</strong> and folding{" "}
          <strong className="text-foreground">{duplicate.displayName}</strong> into it. Choose which value to keep where
          they differ.
        </p>
        <Button variant="outline" size="sm" className="justify-self-start" asChild>
          <Link href={`/clients/${duplicate.id}/merge/${primary.id}`}>
            <ArrowRightLeftIcon aria-hidden="true" />
            Keep the other record instead
          </Link>
        </Button>
      </header>

      <div className="grid gap-3">
        {MERGE_ROWS.map(({ field, label }) =>
          differs(primary, duplicate, field) ? (
            <fieldset key={field} className="grid min-w-0 gap-2 rounded-lg border p-3 sm:grid-cols-[9rem_1fr_1fr]">
              <legend className="sr-only">{label}</legend>
              <span aria-hidden="true" className="text-sm font-medium">
                {label}
              </span>
              {(["primary", "duplicate"] as const).map((which) => {
                const record = which === "primary" ? primary : duplicate;
                const text = fieldText(record, field);
                return (
                  <label
                    key={which}
                    className="flex min-w-0 cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
                  >
                    <input
                      type="radio"
                      value={which}
                      className="mt-0.5 size-4 shrink-0 accent-primary"
                      aria-label={`${label}: ${text ?? "empty"} (from ${record.displayName})`}
                      {...form.register(field)}
                    />
                    <span className="grid min-w-0 gap-0.5">
                      <span className={text ? "[overflow-wrap:anywhere]" : "text-muted-foreground italic"}>
                        {text ?? "Empty"}
                      </span>
                      <span className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
                        {record.displayName}
                        {which === "primary" ? " (kept)" : ""}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <div
              key={field}
              className="grid min-w-0 gap-1 rounded-lg border border-dashed p-3 text-sm sm:grid-cols-[9rem_1fr]"
            >
              <span className="font-medium">{label}</span>
              <span className="text-muted-foreground [overflow-wrap:anywhere]">
                {fieldText(primary, field) ?? "Empty in both"}
                {fieldText(primary, field) !== null && " (same in both)"}
              </span>
            </div>
          ),
        )}
      </div>

      <p className="rounded-lg bg-muted p-3 text-sm [overflow-wrap:anywhere]">{summary}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Merge clients</Button>
        <Button variant="outline" asChild>
          <Link href={`/clients/${primary.id}`}>Cancel</Link>
        </Button>
      </div>

      <ConfirmActionDialog
        open={choices !== null}
        onOpenChange={(open) => {
          if (!open) setChoices(null);
        }}
        title={
          <>
            Merge {duplicate.displayName} into {primary.displayName}?
          </>
        }
        description={`${summary} This cannot be undone.`}
        cancelLabel="Go back"
        confirmLabel="Merge"
        pendingLabel="Merging…"
        onConfirm={merge}
        fallbackError="The clients could not be merged. Try again."
        closeOnSuccess={false}
      />
    </form>
  );
}
