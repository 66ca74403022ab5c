import type { Metadata } from "next";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { PageHeader } from "@/components/page-header";
import { getNotificationSettings } from "@/server/services/notifications";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const account = await currentAccount();
  const { items } = await getNotificationSettings({ userId: account.id });
  return (
    <>
      <PageHeader title="Notifications" description="What OmniCRM tells you about, and where." />
      <NotificationSettingsForm initial={items} />
    </>
  );
}
