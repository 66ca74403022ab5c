import { ChevronRightIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { SignOutAllButton } from "@/components/shell/sign-out-all-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentAccount } from "../current-account";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const account = await currentAccount();
  return (
    <>
      <PageHeader title="Settings" description="Your account and where you are signed in." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
            <CardDescription>The name and email your account is registered with.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-[10rem_1fr] sm:gap-x-6">
              <dt className="text-sm font-medium text-muted-foreground">Name</dt>
              <dd className="-mt-3 text-sm sm:mt-0">{account.displayName}</dd>
              <dt className="text-sm font-medium text-muted-foreground">Email</dt>
              <dd className="-mt-3 text-sm break-all sm:mt-0">{account.email}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Tags</CardTitle>
            <CardDescription>
              The labels you give clients, their colours and how many clients carry each.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Link
              href="/settings/tags"
              className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              Manage tags
              <ChevronRightIcon aria-hidden="true" className="size-4" />
            </Link>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sessions</CardTitle>
            <CardDescription>
              Signed in on a shared or lost device? Sign out everywhere at once, this device included.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SignOutAllButton />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
