import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentStatus } from "@/components/consents/consent-status";
import { ConsentText } from "@/components/consents/consent-text";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { PrintButton } from "@/components/consents/print-button";
import { Button } from "@/components/ui/button";
import { CONSENT_KIND_LABELS, consentRecordParams, type ClientConsentDetail } from "@/lib/contracts/consents";
import { isAppError } from "@/server/errors";
import { getClientConsent } from "@/server/services/consents";
import { currentAccount } from "../../../../current-account";
import { loadClient } from "../../load-client";

interface ConsentPageProps {
  params: Promise<{ id: string; consentId: string }>;
}

export const metadata: Metadata = { title: "Consent record" };

/** Only the record prints: the app's navigation, header and the buttons are left off the page. */
const PRINT_CSS = `@media print {
  aside, body header:not([data-print]) { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  @page { margin: 18mm; }
}`;

async function loadConsent(params: ConsentPageProps["params"]): Promise<ClientConsentDetail> {
  const { id, consentId } = await params;
  if (!consentRecordParams.safeParse({ id, consentId }).success) notFound();
  const account = await currentAccount();
  try {
    return await getClientConsent({ userId: account.id }, { contactId: id, consentId });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ConsentRecordPage({ params }: ConsentPageProps) {
  const record = await loadConsent(params);
  const client = await loadClient(record.contactId);
  return (
    <article className="grid gap-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        {/* A long name wraps inside the button rather than widening the page. */}
        <Button
          asChild
          variant="ghost"
          size="sm"
          className="h-auto min-h-8 max-w-full py-1.5 text-left whitespace-normal"
        >
          <Link href={`/clients/${client.id}`}>
            <ArrowLeftIcon aria-hidden="true" />
            Back to {client.displayName}
          </Link>
        </Button>
        <PrintButton />
      </div>
      <header data-print className="grid gap-2 border-b pb-4">
        <p className="text-sm text-muted-foreground">{CONSENT_KIND_LABELS[record.kind]} consent</p>
        <h1 className="text-2xl font-semibold tracking-tight">{record.documentTitle}</h1>
        <p className="text-sm text-muted-foreground">Version {record.documentVersion}</p>
      </header>
      <ConsentText body={record.documentBody} className="text-base" />
      <section aria-labelledby="consent-record-heading" className="grid gap-3 rounded-xl border p-4 break-inside-avoid">
        <h2 id="consent-record-heading" className="text-lg font-semibold">
          Record
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted-foreground">Client</dt>
          <dd>{client.displayName}</dd>
          <dt className="text-muted-foreground">Decision</dt>
          <dd>
            <ConsentStatus decision={record.decision} />
          </dd>
          <dt className="text-muted-foreground">Recorded</dt>
          <dd>
            <FormattedDateTime zone iso={record.recordedAt} />
          </dd>
          <dt className="text-muted-foreground">How</dt>
          <dd>{record.source === "intake" ? "Intake form, answered by the client" : "Recorded by the practitioner"}</dd>
          {record.signatureName && (
            <>
              <dt className="text-muted-foreground">Signed (typed name)</dt>
              <dd className="font-medium">{record.signatureName}</dd>
            </>
          )}
          {record.signatureImage && (
            <>
              <dt className="text-muted-foreground">Drawn signature</dt>
              <dd>
                {/* eslint-disable-next-line @next/next/no-img-element -- an inline data URL, nothing to optimise */}
                <img
                  src={record.signatureImage}
                  alt={`Drawn signature of ${record.signatureName ?? "the client"}`}
                  className="h-20 w-auto max-w-72 rounded border bg-white object-contain"
                />
              </dd>
            </>
          )}
          {record.ip && (
            <>
              <dt className="text-muted-foreground">IP address</dt>
              <dd className="font-mono">{record.ip}</dd>
            </>
          )}
          {record.userAgent && (
            <>
              <dt className="text-muted-foreground">Browser</dt>
              <dd>{record.userAgent}</dd>
            </>
          )}
          <dt className="text-muted-foreground">Document SHA-256</dt>
          <dd className="font-mono text-xs break-all">{record.documentHash}</dd>
        </dl>
      </section>
    </article>
  );
}
