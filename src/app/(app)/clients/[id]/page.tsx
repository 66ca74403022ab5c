import type { Metadata } from "next";
import { ClientAppointmentsSection } from "@/components/appointments/client-appointments-section";
import { ClientSummaryPanel } from "@/components/ai/client-summary-panel";
import { DuplicateNotice } from "@/components/clients/duplicates/duplicate-notice";
import { ClientRecord } from "@/components/clients/record/client-record";
import { ClientConsentsSection } from "@/components/consents/client-consents-section";
import { ClientNotesTimeline } from "@/components/notes/client-notes-timeline";
import { ClientTasks } from "@/components/tasks/client-tasks";
import { ClientTimeline } from "@/components/timeline/client-timeline";
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
        <ClientTimeline contactId={contact.id} />
      </div>
      <div className="mt-10">
        <ClientAppointmentsSection contactId={contact.id} />
      </div>
      <div className="mt-10">
        <ClientTasks contactId={contact.id} displayName={contact.displayName} />
      </div>
      <div className="mt-10">
        <ClientConsentsSection contactId={contact.id} />
      </div>
    </>
  );
}
