import type { ReactNode } from "react";
import { PractitionerFormatProvider } from "@/components/format/practitioner-format";
import { AppShell } from "@/components/shell/app-shell";
import { currentAccount } from "./current-account";
import { currentPractitionerFormat } from "./practitioner-format";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const [user, format] = await Promise.all([currentAccount(), currentPractitionerFormat()]);
  return (
    <PractitionerFormatProvider value={format}>
      <AppShell user={user}>{children}</AppShell>
    </PractitionerFormatProvider>
  );
}
