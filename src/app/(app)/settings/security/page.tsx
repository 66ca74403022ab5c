import type { Metadata } from "next";
import { QueryProvider } from "@/components/clients/query-provider";
import { PageHeader } from "@/components/page-header";
import { SecuritySettings } from "@/components/security/security-settings";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const account = await currentAccount();
  return (
    <>
      <PageHeader title="Security" description="Your password, your sign-in email and where you are signed in." />
      <QueryProvider>
        <SecuritySettings email={account.email} displayName={account.displayName} />
      </QueryProvider>
    </>
  );
}
