import type { Metadata } from "next";
import { headers } from "next/headers";
import { GmailSendersCard } from "@/components/integrations/gmail-senders-card";
import { GoogleIntegrationCard } from "@/components/integrations/google-integration-card";
import { PageHeader } from "@/components/page-header";
import { GOOGLE_CALLBACK_OUTCOMES, type GoogleCallbackOutcome } from "@/lib/contracts/google";
import { appOriginFromHeaders } from "@/server/auth/auth-call";
import { getGoogleIntegration } from "@/server/services/google";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Integrations" };

function outcomeOf(value: string | string[] | undefined): GoogleCallbackOutcome | null {
  return typeof value === "string" && value in GOOGLE_CALLBACK_OUTCOMES ? (value as GoogleCallbackOutcome) : null;
}

export default async function IntegrationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const account = await currentAccount();
  const initial = await getGoogleIntegration(account.id, appOriginFromHeaders(await headers()));
  const outcome = outcomeOf((await searchParams).google);
  return (
    <>
      <PageHeader title="Integrations" description="Services OmniCRM reads from on your behalf." />
      <div className="grid gap-6">
        <GoogleIntegrationCard initial={initial} outcome={outcome} />
        {initial.connection && <GmailSendersCard />}
      </div>
    </>
  );
}
