import type { Metadata } from "next";
import { ClientRecord } from "@/components/clients/record/client-record";
import { ClientNotesTimeline } from "@/components/notes/client-notes-timeline";
import { loadClientPhoto } from "./client-photo";
import { loadClient } from "./load-client";

interface ClientPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: ClientPageProps): Promise<Metadata> {
  return { title: (await loadClient((await params).id)).displayName };
}

export default async function ClientPage({ params }: ClientPageProps) {
  const contact = await loadClient((await params).id);
  return (
    <ClientRecord
      initialContact={contact}
      photoUrl={await loadClientPhoto(contact)}
      notes={<ClientNotesTimeline contactId={contact.id} />}
    />
  );
}
