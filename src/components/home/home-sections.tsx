import { BellIcon, ClipboardListIcon } from "lucide-react";
import Link from "next/link";
import type { ComponentType, ReactNode } from "react";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { Skeleton } from "@/components/ui/skeleton";
import { HOME_SECTION_TITLES, type HomeSectionData, type HomeSectionId } from "@/lib/contracts/home";
import { HomeCheckIn } from "./home-check-in";
import { HomeHabits } from "./home-habits";

const linkClass = "font-medium underline-offset-4 hover:underline";

function Attention({ data }: { data: HomeSectionData["attention"] }) {
  if (data.unreadCount === 0 && data.newFromIntakeCount === 0) {
    return <p className="text-sm text-muted-foreground">All caught up: no unread notifications or new intake forms.</p>;
  }
  return (
    <div className="grid gap-4 text-sm">
      {data.newFromIntakeCount > 0 && (
        <div className="grid gap-1.5">
          <h3 className="flex items-center gap-2 font-medium">
            <ClipboardListIcon aria-hidden="true" className="size-4" />
            New from intake ({data.newFromIntakeCount})
          </h3>
          <ul className="grid gap-1 pl-6">
            {data.newFromIntake.map((client) => (
              <li key={client.id}>
                <Link href={`/clients/${client.id}`} className={linkClass}>
                  {client.displayName}
                </Link>
              </li>
            ))}
          </ul>
          {data.newFromIntakeCount > data.newFromIntake.length && (
            <Link href="/clients?newFromIntake=true" className={`${linkClass} pl-6 text-muted-foreground`}>
              See all {data.newFromIntakeCount}
            </Link>
          )}
        </div>
      )}
      {data.unreadCount > 0 && (
        <div className="grid gap-1.5">
          <h3 className="flex items-center gap-2 font-medium">
            <BellIcon aria-hidden="true" className="size-4" />
            Unread notifications ({data.unreadCount})
          </h3>
          <ul className="grid gap-1.5 pl-6">
            {data.unreadNotifications.map((notification) => (
              <li key={notification.id} className="grid">
                {notification.href ? (
                  <Link href={notification.href} className={linkClass}>
                    {notification.title}
                  </Link>
                ) : (
                  <span>{notification.title}</span>
                )}
                <span className="text-xs text-muted-foreground">
                  <FormattedDateTime iso={notification.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function RecentClients({ data }: { data: HomeSectionData["recent-clients"] }) {
  if (data.items.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No clients yet. Add your first one on the{" "}
        <Link href="/clients" className={`${linkClass} text-foreground underline`}>
          Clients page
        </Link>
        , or send an intake link from Settings.
      </p>
    );
  }
  return (
    <ul className="grid gap-2 text-sm">
      {data.items.map((client) => (
        <li key={client.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
          <Link href={`/clients/${client.id}`} className={linkClass}>
            {client.displayName}
          </Link>
          <span className="text-xs text-muted-foreground">
            <FormattedDateTime iso={client.updatedAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One view per home section; a section added to the contract must be added here too. */
const VIEWS: { [K in HomeSectionId]: ComponentType<{ data: HomeSectionData[K] }> } = {
  "check-in": ({ data }) => <HomeCheckIn initial={data} />,
  habits: ({ data }) => <HomeHabits initial={data} />,
  attention: Attention,
  "recent-clients": RecentClients,
};

export function HomeSectionView<K extends HomeSectionId>({ id, data }: { id: K; data: HomeSectionData[K] }) {
  const View = VIEWS[id] as ComponentType<{ data: HomeSectionData[K] }>;
  return <View data={data} />;
}

/** A section's frame: its heading and what it holds (or its skeleton while it loads). */
export function HomeSectionFrame({ id, children }: { id: HomeSectionId; children: ReactNode }) {
  return (
    <section aria-labelledby={`home-${id}`} className="grid content-start gap-3 rounded-xl border bg-card p-4 sm:p-5">
      <h2 id={`home-${id}`} className="text-base font-semibold">
        {HOME_SECTION_TITLES[id]}
      </h2>
      {children}
    </section>
  );
}

export function HomeSectionSkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid gap-2">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
      <Skeleton className="h-4 w-2/3" />
    </div>
  );
}
