import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentAccount } from "./current-account";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  return <AppShell user={await currentAccount()}>{children}</AppShell>;
}
