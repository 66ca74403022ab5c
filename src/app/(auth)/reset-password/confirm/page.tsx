import { CircleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmResetPasswordForm } from "@/components/auth/confirm-reset-password-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { resetTokenSchema } from "@/lib/contracts/auth";
import { firstParam, type SearchParams } from "../../search-params";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** Opened from the emailed link (`?token=…`); the token's shape is checked here, its validity when the new password is sent. */
export default async function ConfirmResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = firstParam((await searchParams).token);
  const footer = (
    <p>
      <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
        Back to sign in
      </Link>
    </p>
  );

  // A code the contract refuses (e.g. a link cut short by a mail client) could never work: say so now.
  if (!token || !resetTokenSchema.safeParse(token).success) {
    return (
      <AuthCard
        title="This link is incomplete"
        description="The reset link is missing its code, or the code was cut short."
        footer={footer}
      >
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            <p>Open the link from the email again, or request a new one.</p>
            <Link href="/reset-password" className="font-medium underline underline-offset-4">
              Request a new link
            </Link>
          </AlertDescription>
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Choose a new password"
      description="Pick a password you don’t use anywhere else. You will sign in with it next."
      footer={footer}
    >
      <ConfirmResetPasswordForm token={token} />
    </AuthCard>
  );
}
