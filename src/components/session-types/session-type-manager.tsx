"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CalendarClockIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { BackLink } from "@/components/back-link";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { TagSwatch } from "@/components/tags/tag-badge";
import { Button } from "@/components/ui/button";
import { useFocusAfterClose } from "@/components/use-focus-after-close";
import { apiRequest } from "@/lib/api-client";
import {
  DEFAULT_SESSION_TYPE,
  LOCATION_LABELS,
  sessionTypeSchema,
  type SessionType,
} from "@/lib/contracts/session-types";
import { queryKeys } from "@/lib/query-keys";
import { SessionTypeFormDialog } from "./session-type-form-dialog";
import { durationText, useSessionTypes } from "./use-session-types";

type Editing = { sessionType: SessionType | null } | null;

function summaryOf(sessionType: SessionType): string {
  const parts = [durationText(sessionType.durationMinutes), LOCATION_LABELS[sessionType.locationKind]];
  if (sessionType.price !== null) parts.push(`${sessionType.price} ${sessionType.currency ?? ""}`.trim());
  if (sessionType.bufferBeforeMinutes + sessionType.bufferAfterMinutes > 0)
    parts.push(`buffers ${sessionType.bufferBeforeMinutes} / ${sessionType.bufferAfterMinutes} min`);
  if (sessionType.clientBookable) parts.push("clients may book");
  return parts.join(" · ");
}

/** Settings → Session types: what the practitioner offers, each with its length, price and place. */
export function SessionTypeManager({ initialSessionTypes }: { initialSessionTypes: SessionType[] }) {
  const queryClient = useQueryClient();
  const sessionTypes = useSessionTypes(initialSessionTypes);
  const list = sessionTypes.data ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SessionType | null>(null);
  const [addingDefault, setAddingDefault] = useState(false);
  const { fallback: newButton, rememberOpener, onCloseAutoFocus } = useFocusAfterClose<HTMLButtonElement>();

  async function addDefault() {
    setAddingDefault(true);
    try {
      await apiRequest("/api/session-types", {
        method: "POST",
        body: DEFAULT_SESSION_TYPE,
        schema: sessionTypeSchema,
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessionTypes });
    } finally {
      setAddingDefault(false);
    }
  }

  return (
    <>
      <BackLink href="/settings" className="mb-6">
        Settings
      </BackLink>
      <PageHeader
        title="Session types"
        description="The sessions you offer. Each has a length, a colour on the calendar, buffers kept free around it and where it happens."
        actions={
          <Button ref={newButton} onClick={() => setEditing({ sessionType: null })}>
            <PlusIcon aria-hidden="true" />
            New session type
          </Button>
        }
      />
      {list.length === 0 ? (
        <EmptyState
          icon={CalendarClockIcon}
          title="No session types yet"
          description="Add the sessions you offer before booking appointments. Start from an “Initial consultation” of 60 minutes with 15 minutes after it, and edit it to suit."
          action={
            <Button variant="outline" disabled={addingDefault} onClick={() => void addDefault()}>
              {addingDefault ? "Adding…" : "Add “Initial consultation, 60 min”"}
            </Button>
          }
        />
      ) : (
        <ul aria-label="Session types" className="divide-y rounded-xl border bg-card shadow-xs">
          {list.map((sessionType) => (
            <li key={sessionType.id} className="flex items-center gap-x-4 gap-y-1 px-4 py-3">
              <TagSwatch color={sessionType.color} className="size-4 shrink-0" />
              <div className="grid min-w-0 flex-1">
                <span className="font-medium">
                  {sessionType.name}
                  {sessionType.archived && <span className="ml-2 text-sm text-muted-foreground">(archived)</span>}
                </span>
                <span className="text-sm text-muted-foreground">{summaryOf(sessionType)}</span>
              </div>
              <div className="flex shrink-0 gap-1">
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Edit ${sessionType.name}`}
                  onClick={() => setEditing({ sessionType })}
                >
                  <PencilIcon aria-hidden="true" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Delete ${sessionType.name}`}
                  className="text-destructive hover:text-destructive"
                  onClick={(event) => {
                    rememberOpener(event.currentTarget);
                    setDeleting(sessionType);
                  }}
                >
                  <Trash2Icon aria-hidden="true" />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <SessionTypeFormDialog
        key={editing?.sessionType?.id ?? "new"}
        sessionType={editing?.sessionType ?? null}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      {deleting && (
        <ConfirmActionDialog
          open
          onOpenChange={(open) => {
            if (!open) setDeleting(null);
          }}
          title={<>Delete “{deleting.name}”?</>}
          description="Only a session type no appointment has used can be deleted; otherwise archive it from its edit form."
          confirmLabel="Delete session type"
          variant="destructive"
          onConfirm={async () => {
            await apiRequest(`/api/session-types/${deleting.id}`, { method: "DELETE" });
            queryClient.setQueryData<SessionType[]>(queryKeys.sessionTypes, (current = []) =>
              current.filter((other) => other.id !== deleting.id),
            );
          }}
          fallbackError="The session type could not be deleted. Try again."
          onCloseAutoFocus={onCloseAutoFocus}
        />
      )}
    </>
  );
}
