import type { Metadata } from "next";
import { filtersFromSearch } from "@/components/activity/activity-filters";
import { ActivityLog } from "@/components/activity/activity-log";
import { QueryProvider } from "@/components/clients/query-provider";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Activity" };

/** Filters can arrive in the address (e.g. `?targetType=client&targetId=…`) so other pages can link here. */
export default async function ActivitySettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await currentAccount();
  return (
    <QueryProvider>
      <ActivityLog initialFilters={filtersFromSearch(await searchParams)} />
    </QueryProvider>
  );
}
