import type { Metadata } from "next";
import { ClientSummaryPanel } from "@/components/ai/client-summary-panel";
import { DuplicateNotice } from "@/components/clients/duplicates/duplicate-notice";
import { ClientRecord } from "@/components/clients/record/client-record";
import { ClientConsentsSection } from "@/components/consents/client-consents-section";
import { ClientNotesTimeline } from "@/components/notes/client-notes-timeline";
import { loadClient, loadClientTitle } from "./load-client";

interface ClientPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: ClientPageProps): Promise<Metadata> {
  return { title: (await loadClientTitle((await params).id)).displayName };
}

export default async function ClientPage({ params }: ClientPageProps) {
  const contact = await loadClient((await params).id);
  return (
    <>
      <DuplicateNotice contactId={contact.id} />
      <ClientRecord
        initialContact={contact}
        notes={
          <>
            <ClientSummaryPanel contactId={contact.id} />
            <ClientNotesTimeline contactId={contact.id} />
          </>
        }
      />
      <div className="mt-10">
        <ClientConsentsSection contactId={contact.id} />
      </div>
    </>
  );
}
