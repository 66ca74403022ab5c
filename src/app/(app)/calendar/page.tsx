import { CalendarDaysIcon, CalendarPlusIcon } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { UnavailableAction } from "@/components/unavailable-action";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    <>
      <PageHeader title="Calendar" description="Your sessions and appointments, day by day." />
      <EmptyState
        icon={CalendarDaysIcon}
        title="No sessions scheduled"
        description="Your upcoming sessions will appear here by day and week, alongside the clients they are with."
        action={
          <UnavailableAction
            icon={CalendarPlusIcon}
            label="Connect Google Calendar"
            reason="Calendar sync is not enabled on this installation yet."
          />
        }
      />
    </>
  );
}
