import type { Metadata } from "next";
import { QueryProvider } from "@/components/clients/query-provider";
import { TagManager } from "@/components/tags/tag-manager";
import { listTags } from "@/server/services/tags";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsSettingsPage() {
  const account = await currentAccount();
  const { items } = await listTags({ userId: account.id });
  return (
    <QueryProvider>
      <TagManager initialTags={items} />
    </QueryProvider>
  );
}
