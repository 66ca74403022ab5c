import type { Metadata } from "next";
import type { ReactNode } from "react";

// The URL carries the token: keep it out of search engines and other sites' referrer logs.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The public intake pages: no app shell, one readable column from a 375 px phone up. */
export default function OnboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_60%)]">
      <main className="mx-auto grid w-full max-w-2xl gap-6 px-4 py-8 sm:py-12">{children}</main>
    </div>
  );
}
