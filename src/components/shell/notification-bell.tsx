"use client";

import { BellIcon, CircleAlertIcon, InboxIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import type { Notification } from "@/lib/contracts/notifications";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { cn } from "@/lib/utils";
import { useMarkNotificationsRead, useNotifications } from "./use-notifications";

/**
 * The bell in the shell: unread count on the button, recent notifications in a popover. The shell
 * renders one for the sidebar and one for the phone top bar (only one is displayed); both read one
 * query, so the app polls once.
 */
export function NotificationBell({ className }: { className?: string }) {
  return <Bell className={className} />;
}

function bellLabel(unread: number): string {
  if (unread === 0) return "Notifications, none unread";
  return `Notifications, ${unread} unread`;
}

function Bell({ className }: { className?: string | undefined }) {
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" className={cn("relative", className)} aria-label={bellLabel(unread)}>
          <BellIcon aria-hidden="true" className="size-5" />
          {unread > 0 ? (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-primary px-1 text-[11px] leading-none font-semibold text-primary-foreground"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-[min(24rem,calc(100vw-1rem))] p-0" aria-label="Notifications">
        <NotificationPanel onNavigate={() => setOpen(false)} />
      </PopoverContent>
    </Popover>
  );
}

function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;
  return (
    <div className="flex flex-col">
      <div className="flex items-center justify-between gap-2 border-b px-3 py-2">
        <h2 className="text-sm font-semibold">Notifications</h2>
        <Button
          variant="ghost"
          size="sm"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all as read
        </Button>
      </div>
      {notifications.isPending ? (
        <div className="grid gap-2 p-3" role="status" aria-label="Loading notifications">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : notifications.isError && !notifications.data ? (
        <p role="alert" className="flex items-start gap-2 p-3 text-sm text-destructive">
          <CircleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {notifications.error.message}
        </p>
      ) : notifications.data.items.length === 0 ? (
        <div className="flex flex-col items-center gap-2 px-4 py-8 text-center">
          <InboxIcon aria-hidden="true" className="size-6 text-muted-foreground" />
          <p className="text-sm font-medium">No notifications yet</p>
          <p className="text-xs text-muted-foreground">When an intake form arrives, you will see it here.</p>
        </div>
      ) : (
        <ul className="divide-y">
          {notifications.data.items.map((notification) => (
            <li key={notification.id}>
              <NotificationItem
                notification={notification}
                onOpen={() => {
                  if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
                  onNavigate();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {markRead.isError ? (
        <p role="alert" className="border-t p-3 text-sm text-destructive">
          {markRead.error.message}
        </p>
      ) : null}
    </div>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const format = usePractitionerFormat();
  const unread = notification.readAt === null;
  const body = (
    <>
      <span
        aria-hidden="true"
        className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-primary" : "bg-transparent")}
      />
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className={cn("text-sm break-words [overflow-wrap:anywhere]", unread && "font-medium")}>
          {notification.title}
          {unread ? <span className="sr-only"> (unread)</span> : null}
        </span>
        <time dateTime={notification.createdAt} className="text-xs text-muted-foreground">
          {format.relative(notification.createdAt, new Date())}
        </time>
      </span>
    </>
  );
  const rowClass =
    "flex w-full items-start gap-2 px-3 py-2.5 text-left outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring";
  return notification.href ? (
    <Link href={notification.href} className={rowClass} onClick={onOpen}>
      {body}
    </Link>
  ) : (
    <div className={rowClass}>{body}</div>
  );
}
