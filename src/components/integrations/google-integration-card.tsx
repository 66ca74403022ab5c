"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlertIcon, CircleCheckIcon, LoaderCircleIcon, RefreshCwIcon, TriangleAlertIcon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { ErrorAlert } from "@/components/error-alert";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  GOOGLE_CALLBACK_OUTCOMES,
  GOOGLE_SYNC_STALE_HOURS,
  googleIntegrationSchema,
  type GoogleCallbackOutcome,
  type GoogleConnection,
  type GoogleIntegration,
  type GoogleSyncState,
} from "@/lib/contracts/google";
import { formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

const CONNECT_PATH = "/api/integrations/google/connect";

const STATE_LABELS: Record<GoogleSyncState, string> = {
  syncing: "Syncing",
  up_to_date: "Up to date",
  needs_reconnect: "Needs reconnecting",
  failing: "Sync failing",
  stalled: `No successful sync for over ${GOOGLE_SYNC_STALE_HOURS} hours`,
};

const fetchIntegration = () => apiRequest("/api/integrations/google", { schema: googleIntegrationSchema });

/** Settings → Integrations: connect Google, see the Gmail sync's health, sync, resync or disconnect. */
export function GoogleIntegrationCard({
  initial,
  outcome,
}: {
  initial: GoogleIntegration;
  outcome: GoogleCallbackOutcome | null;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.googleIntegration,
    queryFn: fetchIntegration,
    initialData: initial,
    // While a sync is under way the page follows it; otherwise it stays still.
    refetchInterval: (current) => (current.state.data?.connection?.syncState === "syncing" ? 5_000 : false),
  });
  const integration = query.data;
  const sync = useMutation({
    mutationFn: (full: boolean) =>
      apiRequest("/api/integrations/google/sync", { method: "POST", body: full ? { full: true } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.googleIntegration }),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Google</CardTitle>
        <CardDescription>
          Read-only Gmail access: email you exchange with your clients (any address on their record) from the last{" "}
          {integration.initialSyncDays} days onwards appears on their timeline. Other mail is never stored.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {outcome && <OutcomeAlert outcome={outcome} />}
        {!integration.configured ? (
          <NotConfigured redirectUri={integration.redirectUri} />
        ) : integration.connection ? (
          <ConnectionHealth connection={integration.connection} />
        ) : (
          <p className="text-sm">Google is not connected.</p>
        )}
        <ErrorAlert
          message={sync.error ? (isApiError(sync.error) ? sync.error.message : "The sync could not be started.") : null}
        />
      </CardContent>
      {integration.configured && (
        <CardFooter className="flex flex-wrap gap-2">
          {!integration.connection ? (
            <Button asChild>
              <a href={CONNECT_PATH}>Connect Google</a>
            </Button>
          ) : (
            <>
              {integration.connection.status === "needs_reconnect" ? (
                <Button asChild>
                  <a href={CONNECT_PATH}>Reconnect Google</a>
                </Button>
              ) : (
                <>
                  <Button onClick={() => sync.mutate(false)} disabled={sync.isPending}>
                    {sync.isPending ? (
                      <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
                    ) : (
                      <RefreshCwIcon aria-hidden="true" />
                    )}
                    Sync now
                  </Button>
                  <ConfirmActionDialog
                    trigger={<Button variant="outline">Resync from scratch</Button>}
                    title="Import the last days of Gmail again?"
                    description={`Every email with a client from the last ${integration.initialSyncDays} days is read again. Nothing already imported is duplicated.`}
                    confirmLabel="Resync"
                    onConfirm={async () => {
                      await sync.mutateAsync(true);
                    }}
                    fallbackError="The resync could not be started."
                  />
                </>
              )}
              <ConfirmActionDialog
                trigger={<Button variant="outline">Disconnect</Button>}
                title="Disconnect Google?"
                description="OmniCRM's access is revoked at Google, and the email imported from Gmail is removed from your clients' timelines here (it stays in Gmail)."
                confirmLabel="Disconnect"
                variant="destructive"
                onConfirm={async () => {
                  await apiRequest("/api/integrations/google", { method: "DELETE" });
                  await queryClient.invalidateQueries({ queryKey: queryKeys.googleIntegration });
                  await queryClient.invalidateQueries({ queryKey: ["timeline"] });
                }}
                fallbackError="Google could not be disconnected."
              />
            </>
          )}
        </CardFooter>
      )}
    </Card>
  );
}

function OutcomeAlert({ outcome }: { outcome: GoogleCallbackOutcome }) {
  const good = outcome === "connected";
  return (
    <Alert variant={good ? "default" : "destructive"} role="status">
      {good ? <CircleCheckIcon aria-hidden="true" /> : <CircleAlertIcon aria-hidden="true" />}
      <AlertDescription>
        <p>{GOOGLE_CALLBACK_OUTCOMES[outcome]}</p>
      </AlertDescription>
    </Alert>
  );
}

function NotConfigured({ redirectUri }: { redirectUri: string }) {
  return (
    <Alert>
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>Google is not set up on this server</AlertTitle>
      <AlertDescription>
        <p>
          To connect Google, whoever runs this OmniCRM creates an OAuth client of type &ldquo;Web application&rdquo; in
          Google Cloud, adds <code className="break-all">{redirectUri}</code> as an authorised redirect URI, enables the
          Gmail API, and sets <code>GOOGLE_CLIENT_ID</code> and <code>GOOGLE_CLIENT_SECRET</code> (see{" "}
          <code>.env.example</code>), then restarts the app.
        </p>
      </AlertDescription>
    </Alert>
  );
}

function ConnectionHealth({ connection }: { connection: GoogleConnection }) {
  const format = usePractitionerFormat();
  const warning = connection.syncState !== "up_to_date" && connection.syncState !== "syncing";
  return (
    <div className="grid gap-3">
      {warning && (
        <Alert variant="destructive">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>{STATE_LABELS[connection.syncState]}</AlertTitle>
          <AlertDescription>
            <p>
              {connection.statusReason ??
                "Email may be missing from client timelines until the sync succeeds again. Try Sync now; if it keeps failing, reconnect Google."}
            </p>
          </AlertDescription>
        </Alert>
      )}
      <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr] sm:gap-x-6">
        <dt className="font-medium text-muted-foreground">Account</dt>
        <dd className="-mt-2 break-all sm:mt-0">{connection.googleEmail}</dd>
        <dt className="font-medium text-muted-foreground">State</dt>
        <dd className="-mt-2 sm:mt-0" aria-live="polite">
          {STATE_LABELS[connection.syncState]}
        </dd>
        <dt className="font-medium text-muted-foreground">Last successful sync</dt>
        <dd className="-mt-2 sm:mt-0">
          {connection.lastSyncSucceededAt ? format.dateTime(connection.lastSyncSucceededAt) : "Not yet"}
        </dd>
        <dt className="font-medium text-muted-foreground">Emails imported</dt>
        <dd className="-mt-2 sm:mt-0">{formatCount(connection.messagesImported)}</dd>
        <dt className="font-medium text-muted-foreground">Gmail access</dt>
        <dd className="-mt-2 sm:mt-0">{connection.gmailGranted ? "Read-only" : "Not granted"}</dd>
      </dl>
    </div>
  );
}
