import type { ReactNode } from "react";
import { PractitionerFormatProvider } from "@/components/format/practitioner-format";
import { TimeZoneGuess } from "@/components/format/time-zone-guess";
import { AppShell } from "@/components/shell/app-shell";
import { currentAccount } from "./current-account";
import { currentPractitionerFormat } from "./practitioner-format";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const [user, format] = await Promise.all([currentAccount(), currentPractitionerFormat()]);
  return (
    <PractitionerFormatProvider value={format}>
      <TimeZoneGuess known={format.timeZoneKnown} />
      <AppShell user={user}>{children}</AppShell>
    </PractitionerFormatProvider>
  );
}
