"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MonitorSmartphoneIcon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import { okResponse } from "@/lib/contracts/auth";
import { sessionsResponse, type AccountSession } from "@/lib/contracts/security";
import { queryKeys } from "@/lib/query-keys";
import { describeUserAgent } from "@/lib/user-agent";

function When({ label, at }: { label: string; at: string }) {
  const format = usePractitionerFormat();
  return (
    <p className="text-xs text-muted-foreground">
      {label}{" "}
      <time dateTime={at} title={format.dateTime(at)} suppressHydrationWarning>
        {format.relative(at, new Date())}
      </time>
    </p>
  );
}

function SessionRow({ session, onRevoked }: { session: AccountSession; onRevoked: () => Promise<void> }) {
  const device = describeUserAgent(session.userAgent);
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 gap-3">
        <MonitorSmartphoneIcon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
        <div className="grid min-w-0 gap-1">
          <p className="text-sm font-medium break-words">
            {device}
            {session.current && (
              <span className="ml-2 rounded-full bg-success/10 px-2 py-0.5 text-xs font-medium text-success">
                This device
              </span>
            )}
          </p>
          <p className="text-xs break-all text-muted-foreground">
            {session.ip ? `From ${session.ip}` : "Address not recorded"}
          </p>
          <When label="Signed in" at={session.createdAt} />
          <When label="Last active" at={session.lastSeenAt} />
        </div>
      </div>
      {!session.current && (
        <ConfirmActionDialog
          trigger={
            <Button variant="outline" size="sm" className="self-start sm:self-center">
              Sign out<span className="sr-only"> {device}</span>
            </Button>
          }
          title="Sign out this session?"
          description={`${device} will be signed out and must sign in again to use OmniCRM.`}
          confirmLabel="Sign out"
          pendingLabel="Signing out…"
          variant="destructive"
          fallbackError="The session could not be signed out. Try again."
          onConfirm={async () => {
            await apiRequest(`/api/auth/sessions/${session.id}`, { method: "DELETE", schema: okResponse });
            await onRevoked();
          }}
        />
      )}
    </li>
  );
}

/** Where the account is signed in, with sign-out per session and for every other session at once. */
export function SessionsList() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => apiRequest("/api/auth/sessions", { schema: sessionsResponse, signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions });

  if (sessions.isPending) {
    return (
      <div role="status" className="grid gap-3">
        <span className="sr-only">Loading sessions…</span>
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <div className="grid gap-3">
        <ErrorAlert
          message={isApiError(sessions.error) ? sessions.error.message : "Your sessions could not be loaded."}
        />
        <div>
          <Button variant="outline" onClick={() => void sessions.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  const list = sessions.data.sessions;
  const others = list.filter((session) => !session.current).length;
  return (
    <div className="grid gap-4">
      <ul className="divide-y" aria-label="Active sessions">
        {list.map((session) => (
          <SessionRow key={session.id} session={session} onRevoked={refresh} />
        ))}
      </ul>
      {others === 0 ? (
        <p className="text-sm text-muted-foreground">You are not signed in anywhere else.</p>
      ) : (
        <div>
          <ConfirmActionDialog
            trigger={<Button variant="outline">Sign out all other sessions</Button>}
            title="Sign out all other sessions?"
            description={`${others === 1 ? "One other session" : `${others} other sessions`} will be signed out. This device stays signed in.`}
            confirmLabel="Sign out others"
            pendingLabel="Signing out…"
            variant="destructive"
            fallbackError="The other sessions could not be signed out. Try again."
            onConfirm={async () => {
              await apiRequest("/api/auth/sessions/revoke-others", { method: "POST", schema: okResponse });
              await refresh();
            }}
          />
        </div>
      )}
    </div>
  );
}
