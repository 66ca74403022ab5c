import { DownloadIcon } from "lucide-react";
import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Your data" };

export default async function AccountDataPage() {
  const account = await currentAccount();
  return (
    <>
      <PageHeader title="Your data" description="Take a copy of everything your account holds, or delete it all." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Download all my data</CardTitle>
            <CardDescription>
              One ZIP file: every record of your account as JSON (clients, notes and amendments, consents, tags, intake
              links, profile, sign-in sessions, activity log), your clients as CSV, client photos, and a manifest
              listing what is inside. Password and token hashes are left out.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <a
              href="/api/account/export"
              download
              className="inline-flex h-9 items-center gap-2 rounded-md border border-input bg-card px-4 text-sm font-medium shadow-xs hover:bg-accent"
            >
              <DownloadIcon aria-hidden="true" className="size-4" />
              Download all my data
            </a>
          </CardContent>
        </Card>
        <Card className="border-destructive/50">
          <CardHeader>
            <CardTitle className="text-destructive">Delete my account</CardTitle>
            <CardDescription>
              Deletes your account for good: every client with their notes, consents and photos, your tags, intake
              links, settings, activity log and sign-in. You are signed out on every device and cannot sign in again
              with this account. An entry that an account was deleted is kept, without your name or email.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteAccountForm email={account.email} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
