import type { Metadata } from "next";
import { QueryProvider } from "@/components/clients/query-provider";
import { IntakeLinkManager } from "@/components/intake/intake-link-manager";
import { listIntakeLinks } from "@/server/services/intake";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Intake links" };

export default async function IntakeSettingsPage() {
  const account = await currentAccount();
  const { items } = await listIntakeLinks({ userId: account.id });
  return (
    <QueryProvider>
      <IntakeLinkManager initialLinks={items} />
    </QueryProvider>
  );
}
