import { CircleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailChange } from "@/components/security/confirm-email-change";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { confirmEmailChangeRequest } from "@/lib/contracts/security";
import { firstParam, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

/**
 * Opened from the link mailed to the new address (`?token=…`). The change applies only when the button
 * is pressed, so a mail scanner that fetches the link spends nothing.
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token);
  const footer = (
    <p>
      <Link href="/settings/security" className="font-medium text-primary underline-offset-4 hover:underline">
        Go to Settings → Security
      </Link>
    </p>
  );
  if (!token || !confirmEmailChangeRequest.safeParse({ token }).success) {
    return (
      <AuthCard
        title="This link is incomplete"
        description="The confirmation link is missing its code, or the code was cut short."
        footer={footer}
      >
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            <p>Open the link from the email again, or ask for a new one in Settings → Security.</p>
          </AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Confirm your new email address"
      description="Your account starts using this address as soon as you confirm."
      footer={footer}
    >
      <ConfirmEmailChange token={token} />
    </AuthCard>
  );
}
