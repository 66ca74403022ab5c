import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";

/** Signed-out pages: one centred card under the brand, readable from a phone up. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_60%)]">
      <header className="flex justify-center px-4 pt-10 pb-6 sm:pt-16">
        <Link href="/" className="rounded-lg" aria-label="OmniCRM home">
          <Brand />
        </Link>
      </header>
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col px-4 pb-12">{children}</main>
      <footer className="px-4 pb-6 text-center text-xs text-muted-foreground">
        Your client records stay private to your account.
      </footer>
    </div>
  );
}
