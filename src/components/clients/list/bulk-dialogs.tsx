"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { formatCount } from "@/lib/format/numbers";
import { TagPicker } from "@/components/tags/tag-picker";
import { TAGS_QUERY_KEY } from "@/components/tags/use-tags";
import { ErrorAlert } from "@/components/error-alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { apiRequest, isApiError } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import {
  bulkDeleteContactsInput,
  bulkTagContactsInput,
  type ContactSelectionBody,
} from "@/lib/contracts/contact-selection";
import { CONTACTS_QUERY_KEY } from "./use-contact-list";

interface BulkDialogProps {
  /** The ticked ids, or every client matching the list's filters with the count the practitioner saw. */
  selection: ContactSelectionBody;
  /** How many clients that is. */
  count: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called after the server applied the change, with a sentence to announce. */
  onDone: (message: string) => void;
}

/**
 * Runs one bulk request: validated with the API's contract first, errors kept for the dialog. The body
 * is sent as written, not as parsed: a parsed filter (lists, booleans) is no longer its query-string form.
 */
function useBulkRequest() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(send: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await send();
      await queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: TAGS_QUERY_KEY });
      return true;
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "That did not work. Try again.");
      return false;
    } finally {
      setPending(false);
    }
  }
  return { pending, error, setError, run };
}

/** Deletes the selected clients after a confirmation that says how many; all or nothing. */
export function BulkDeleteDialog({ selection, count, open, onOpenChange, onDone }: BulkDialogProps) {
  const request = useBulkRequest();
  const clients = countOf(count, "client");
  async function confirm() {
    const parsed = bulkDeleteContactsInput.safeParse(selection);
    if (!parsed.success) return request.setError(parsed.error.issues[0]?.message ?? "Check the selection");
    const done = await request.run(() => apiRequest("/api/contacts/bulk-delete", { body: selection }));
    if (done) onDone(`Deleted ${clients}.`);
  }
  return (
    <AlertDialog open={open} onOpenChange={(next) => !request.pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {clients}?</AlertDialogTitle>
          <AlertDialogDescription>
            {"ids" in selection
              ? count === 1
                ? "This client"
                : `These ${formatCount(count)} clients`
              : `All ${countOf(count, "client")} matching the search and filters`}
            , with their notes and tags, will be deleted for good. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <ErrorAlert message={request.error} />
        <AlertDialogFooter>
          <AlertDialogCancel disabled={request.pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" disabled={request.pending} onClick={() => void confirm()}>
            {request.pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            Delete {clients}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** Adds tags to, or removes them from, every selected client. */
export function BulkTagDialog({ selection, count, open, onOpenChange, onDone }: BulkDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Tag {countOf(count, "client")}</DialogTitle>
          <DialogDescription>Choose the tags to add to, or take off, every selected client.</DialogDescription>
        </DialogHeader>
        <BulkTagForm selection={selection} count={count} onCancel={() => onOpenChange(false)} onDone={onDone} />
      </DialogContent>
    </Dialog>
  );
}

function BulkTagForm({
  selection,
  count,
  onCancel,
  onDone,
}: Pick<BulkDialogProps, "selection" | "count" | "onDone"> & { onCancel: () => void }) {
  const request = useBulkRequest();
  const [action, setAction] = useState<"add" | "remove">("add");
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());

  async function apply() {
    const body = { ...selection, tagIds: [...chosen.keys()], action };
    const parsed = bulkTagContactsInput.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return request.setError(issue?.path[0] === "tagIds" ? "Choose at least one tag" : (issue?.message ?? null));
    }
    const done = await request.run(() => apiRequest("/api/contacts/bulk-tag", { body }));
    const names = [...chosen.values()].join(", ");
    if (done)
      onDone(
        action === "add"
          ? `Added ${names} to ${countOf(count, "client")}.`
          : `Removed ${names} from ${countOf(count, "client")}.`,
      );
  }

  return (
    <div className="grid gap-4">
      <div role="radiogroup" aria-label="Add or remove" className="grid grid-cols-2 gap-1 rounded-lg bg-muted p-1">
        {(["add", "remove"] as const).map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium has-checked:bg-card has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-ring"
          >
            <input
              type="radio"
              name="bulk-tag-action"
              value={value}
              checked={action === value}
              onChange={() => setAction(value)}
              className="sr-only"
            />
            {value === "add" ? "Add tags" : "Remove tags"}
          </label>
        ))}
      </div>
      <TagPicker
        legend="Tags"
        selected={new Set(chosen.keys())}
        onToggle={(tag, checked) => {
          request.setError(null);
          setChosen((current) => {
            const next = new Map(current);
            if (checked) next.set(tag.id, tag.name);
            else next.delete(tag.id);
            return next;
          });
        }}
      />
      <ErrorAlert message={request.error} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" disabled={request.pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={request.pending} onClick={() => void apply()}>
          {request.pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
          {action === "add" ? "Add" : "Remove"} {countOf(chosen.size, "tag")}
        </Button>
      </div>
    </div>
  );
}
