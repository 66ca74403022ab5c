"use client";

/**
 * `<ClientConsentsSection contactId={client.id} />` — the consents section of a client's page: where
 * each kind stands now (with "Withdraw" for granted ones) and the full history, newest first, each
 * record linking to its printable view. Fetches after mount from `GET /api/contacts/:id/consents`
 * through TanStack Query (`queryKeys.consents`).
 */

import { CircleAlertIcon, FileSignatureIcon, PrinterIcon, RefreshCwIcon } from "lucide-react";
import Link from "next/link";
import { isApiError } from "@/lib/api-client";
import {
  CONSENT_KIND_LABELS,
  CONSENT_KINDS,
  currentConsentDecisions,
  type ClientConsent,
  type ConsentKind,
} from "@/lib/contracts/consents";
import { EmptyState } from "@/components/empty-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ConsentStatus } from "./consent-status";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { useClientConsents, useWithdrawConsent } from "./use-client-consents";
import { WithdrawConsentDialog } from "./withdraw-consent-dialog";

export function ClientConsentsSection({ contactId }: { contactId: string }) {
  const consents = useClientConsents(contactId);
  const withdraw = useWithdrawConsent(contactId);
  const history = consents.data;

  return (
    <section aria-labelledby="client-consents-heading" className="grid gap-4">
      <h2 id="client-consents-heading" className="text-lg font-semibold">
        Consents
      </h2>
      {consents.isPending && (
        <div className="grid gap-2" aria-label="Loading consents">
          <Skeleton className="h-24" />
          <Skeleton className="h-12" />
        </div>
      )}
      {consents.isError && !history && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="flex flex-wrap items-center gap-3">
            <p>{isApiError(consents.error) ? consents.error.message : "The consents could not be loaded."}</p>
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={consents.isFetching}
              onClick={() => void consents.refetch()}
            >
              <RefreshCwIcon aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {history && history.length === 0 && (
        <EmptyState
          icon={FileSignatureIcon}
          title="No consents recorded"
          description="Consents appear here when the client answers your intake form, with the exact version they saw and their signature."
        />
      )}
      {history && history.length > 0 && (
        <>
          <CurrentConsents
            history={history}
            onWithdraw={async (kind) => {
              await withdraw.mutateAsync(kind);
            }}
          />
          <ConsentHistory contactId={contactId} history={history} />
        </>
      )}
    </section>
  );
}

function CurrentConsents({
  history,
  onWithdraw,
}: {
  history: ClientConsent[];
  onWithdraw: (kind: ConsentKind) => Promise<void>;
}) {
  const current = currentConsentDecisions(history);
  return (
    <ul className="grid gap-2 rounded-xl border bg-card p-3 sm:grid-cols-2" aria-label="Current consents">
      {CONSENT_KINDS.map((kind) => {
        const record = current[kind];
        return (
          <li key={kind} className="flex items-center justify-between gap-2 rounded-lg px-2 py-1.5">
            <div className="grid justify-items-start gap-1">
              <span className="text-sm font-medium">{CONSENT_KIND_LABELS[kind]}</span>
              <ConsentStatus decision={record?.decision ?? null} />
            </div>
            {record?.decision === "granted" && (
              <WithdrawConsentDialog kind={kind} onWithdraw={() => onWithdraw(kind)} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ConsentHistory({ contactId, history }: { contactId: string; history: ClientConsent[] }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium text-muted-foreground">History</h3>
      <ol className="grid gap-2">
        {history.map((record) => (
          <li key={record.id} className="grid gap-2 rounded-lg border bg-card p-3 sm:grid-cols-[1fr_auto]">
            <div className="grid gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium">{CONSENT_KIND_LABELS[record.kind]}</span>
                <ConsentStatus decision={record.decision} />
              </div>
              <p className="text-xs text-muted-foreground">
                <FormattedDateTime zone iso={record.recordedAt} /> · Version {record.documentVersion} “
                {record.documentTitle}” · {record.source === "intake" ? "Intake form" : "Recorded by you"}
              </p>
              {record.signatureName && (
                <p className="text-sm">
                  Signed by <span className="font-medium">{record.signatureName}</span>
                </p>
              )}
              {record.signatureImage && (
                // A data URL of the client's drawn signature; next/image adds nothing for inline data.
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={record.signatureImage}
                  alt={`Drawn signature of ${record.signatureName ?? "the client"}`}
                  className="h-12 w-auto max-w-48 rounded border bg-white object-contain"
                />
              )}
            </div>
            <Button asChild variant="ghost" size="sm" className="self-start">
              <Link href={`/clients/${contactId}/consents/${record.id}`}>
                <PrinterIcon aria-hidden="true" />
                Print
              </Link>
            </Button>
          </li>
        ))}
      </ol>
    </div>
  );
}
