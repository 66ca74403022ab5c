import { ChevronRightIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { SignOutAllButton } from "@/components/shell/sign-out-all-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentAccount } from "../current-account";

export const metadata: Metadata = { title: "Settings" };

/** Every settings page, in the order the overview lists them. */
const SETTINGS_SECTIONS = [
  {
    title: "Profile",
    description: "Your name, the business name clients see, your time zone and how dates and times read.",
    href: "/settings/profile",
    linkLabel: "Edit profile",
  },
  {
    title: "Availability",
    description: "Your weekly working hours, days off and different hours on chosen dates, and a daily booking limit.",
    href: "/settings/availability",
    linkLabel: "Set availability",
  },
  {
    title: "Session types",
    description: "The sessions you offer: length, price, calendar colour, buffers and where they happen.",
    href: "/settings/session-types",
    linkLabel: "Manage session types",
  },
  {
    title: "Tags",
    description: "The labels you give clients, their colours and how many clients carry each.",
    href: "/settings/tags",
    linkLabel: "Manage tags",
  },
  {
    title: "Intake links",
    description: "Send new clients a private link to fill in their details and consents before the first session.",
    href: "/settings/intake",
    linkLabel: "Manage intake links",
  },
  {
    title: "Notifications",
    description: "Whether an intake form arriving also sends you an email.",
    href: "/settings/notifications",
    linkLabel: "Choose notifications",
  },
  {
    title: "Integrations",
    description: "Connect Google so your email with clients appears on their timeline, and see how the sync is doing.",
    href: "/settings/integrations",
    linkLabel: "Manage integrations",
  },
  {
    title: "AI",
    description:
      "AI summaries of a client's notes: turn them on, choose whose notes they may read, and see the tokens used.",
    href: "/settings/ai",
    linkLabel: "Manage AI",
  },
  {
    title: "Consent documents",
    description: "The consent texts clients agree to on the intake form. Each change is kept as a new version.",
    href: "/settings/consents",
    linkLabel: "Edit consent documents",
  },
  {
    title: "Activity",
    description: "Who viewed, changed, exported or deleted what, and when: the audit log of your account.",
    href: "/settings/activity",
    linkLabel: "View activity",
  },
  {
    title: "Security",
    description: "Change your password or sign-in email, and see and sign out the devices signed in to your account.",
    href: "/settings/security",
    linkLabel: "Manage security",
  },
  {
    title: "Your data",
    description: "Download everything your account holds, or delete the account and all of its data.",
    href: "/settings/account",
    linkLabel: "Export or delete your data",
  },
] as const;

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
        {SETTINGS_SECTIONS.map((section) => (
          <Card key={section.href}>
            <CardHeader>
              <CardTitle>{section.title}</CardTitle>
              <CardDescription>{section.description}</CardDescription>
            </CardHeader>
            <CardContent>
              <Link
                href={section.href}
                className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
              >
                {section.linkLabel}
                <ChevronRightIcon aria-hidden="true" className="size-4" />
              </Link>
            </CardContent>
          </Card>
        ))}
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
