import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import { IntakeForm } from "@/components/intake/form/intake-form";
import { INTAKE_LINK_UNAVAILABLE } from "@/lib/contracts/intake";
import { openIntakeForm } from "@/server/services/intake";

export const metadata: Metadata = { title: "Client intake form" };

/**
 * A client's intake form behind a practitioner's link. Any token that cannot be used (unknown,
 * expired, used up, revoked) gets the same page, which never says which.
 */
export default async function OnboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await openIntakeForm({ token });
  if (!form) {
    return (
      <section className="grid justify-items-center gap-3 rounded-xl border bg-card p-6 text-center shadow-xs">
        <LinkIcon aria-hidden="true" className="size-8 text-muted-foreground" />
        <h1 className="text-xl font-semibold">This link cannot be used</h1>
        <p className="text-sm text-muted-foreground">{INTAKE_LINK_UNAVAILABLE}</p>
      </section>
    );
  }
  return (
    <>
      <header className="grid gap-1">
        <p className="text-sm font-medium text-muted-foreground">New client form</p>
        <h1 className="text-2xl font-semibold text-balance">{form.practitionerName}</h1>
        <p className="text-sm text-muted-foreground">
          Please fill in your details before your first session. It takes about five minutes.
        </p>
      </header>
      <IntakeForm token={token} documents={form.consentDocuments} />
    </>
  );
}
