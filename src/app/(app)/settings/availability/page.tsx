import type { Metadata } from "next";
import { OverrideManager } from "@/components/availability/override-manager";
import { SlotsPreview } from "@/components/availability/slots-preview";
import { WeeklyHoursForm } from "@/components/availability/weekly-hours-form";
import { BackLink } from "@/components/back-link";
import { QueryProvider } from "@/components/clients/query-provider";
import { PageHeader } from "@/components/page-header";
import { FALLBACK_TIME_ZONE, zonedDay } from "@/lib/format";
import { getAvailability, listOverrides } from "@/server/services/availability";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Availability" };

export default async function AvailabilitySettingsPage() {
  const account = await currentAccount();
  const { availability } = await getAvailability({ userId: account.id });
  const today = zonedDay(new Date(), availability.timeZone ?? FALLBACK_TIME_ZONE);
  const { items } = await listOverrides({ userId: account.id }, { from: today });
  return (
    <QueryProvider>
      <BackLink href="/settings" className="mb-6">
        Settings
      </BackLink>
      <PageHeader
        title="Availability"
        description="Your working hours, days off and how many sessions a day clients may book."
      />
      <div className="grid gap-6">
        <WeeklyHoursForm availability={availability} />
        <OverrideManager initial={items} today={today} />
        <SlotsPreview />
      </div>
    </QueryProvider>
  );
}
