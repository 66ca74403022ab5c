import { UserPlusIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { UnavailableAction } from "@/components/unavailable-action";

export const metadata: Metadata = { title: "Clients" };

export default function ClientsPage() {
  return (
    <>
      <PageHeader title="Clients" description="Everyone you work with, and everything you know about them." />
      <EmptyState
        icon={UsersIcon}
        title="No clients yet"
        description="Your clients will appear here, each with their contact details, notes, intake forms and sessions."
        action={
          <UnavailableAction
            icon={UserPlusIcon}
            label="Add client"
            reason="Client records are not enabled on this installation yet."
          />
        }
      />
    </>
  );
}
