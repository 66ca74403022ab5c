import type { Metadata } from "next";
import { ConsentDocumentEditor } from "@/components/consents/consent-document-editor";
import { PageHeader } from "@/components/page-header";
import { listConsentDocuments } from "@/server/services/consents";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Consent documents" };

export default async function ConsentSettingsPage() {
  const account = await currentAccount();
  const documents = await listConsentDocuments({ userId: account.id });
  return (
    <>
      <PageHeader
        title="Consent documents"
        description="What clients agree to on your intake form. Publishing a change keeps every earlier version, so each client's consent always points at the exact words they saw."
      />
      <div className="grid gap-6">
        {documents.map((document) => (
          <ConsentDocumentEditor key={document.kind} initialDocument={document} />
        ))}
      </div>
    </>
  );
}
