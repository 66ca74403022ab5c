import type { Metadata } from "next";
import { Suspense } from "react";
import { QueryProvider } from "@/components/clients/query-provider";
import { HomeSectionFrame, HomeSectionSkeleton } from "@/components/home/home-sections";
import { HOME_SECTION_IDS } from "@/lib/contracts/home";
import { formatCalendarDate } from "@/lib/format/dates";
import { readHomeGreeting } from "@/server/services/home";
import { currentAccount } from "./current-account";
import { HomeSectionSlot } from "./home-section-slot";
import { currentPractitionerFormat } from "./practitioner-format";

export const metadata: Metadata = { title: "Home" };

/**
 * The practitioner's day: a greeting with today's date, then one section per entry of HOME_SECTION_IDS,
 * each streamed on its own behind a skeleton so a slow one holds up nothing else.
 */
export default async function HomePage() {
  const account = await currentAccount();
  const [format, greeting] = await Promise.all([
    currentPractitionerFormat(),
    readHomeGreeting({ userId: account.id, displayName: account.displayName }),
  ]);
  const firstName = greeting.displayName.trim().split(/\s+/)[0] ?? greeting.displayName;
  return (
    <QueryProvider>
      <header className="mb-6 grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          Good {greeting.partOfDay}, {firstName}
        </h1>
        <p className="text-sm text-muted-foreground sm:text-base" data-testid="home-date">
          {formatCalendarDate(greeting.today, format, { style: "long" })}
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-2 md:items-start">
        {HOME_SECTION_IDS.map((id) => (
          <HomeSectionFrame key={id} id={id}>
            <Suspense fallback={<HomeSectionSkeleton />}>
              <HomeSectionSlot id={id} userId={account.id} />
            </Suspense>
          </HomeSectionFrame>
        ))}
      </div>
    </QueryProvider>
  );
}
