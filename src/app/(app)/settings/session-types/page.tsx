import type { Metadata } from "next";
import { QueryProvider } from "@/components/clients/query-provider";
import { SessionTypeManager } from "@/components/session-types/session-type-manager";
import { listSessionTypes } from "@/server/services/session-types";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Session types" };

export default async function SessionTypesSettingsPage() {
  const account = await currentAccount();
  const { items } = await listSessionTypes({ userId: account.id });
  return (
    <QueryProvider>
      <SessionTypeManager initialSessionTypes={items} />
    </QueryProvider>
  );
}
