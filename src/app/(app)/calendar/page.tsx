import type { Metadata } from "next";
import { CalendarScreen } from "@/components/calendar/calendar-screen";
import { QueryProvider } from "@/components/clients/query-provider";
import { listSessionTypes } from "@/server/services/session-types";
import { currentAccount } from "../current-account";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const account = await currentAccount();
  const { items } = await listSessionTypes({ userId: account.id });
  return (
    <QueryProvider>
      <CalendarScreen initialSessionTypes={items} />
    </QueryProvider>
  );
}
