"use client";

import { queryKeys } from "@/lib/query-keys";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import {
  markNotificationsReadResponse,
  notificationListResponse,
  type MarkNotificationsReadInput,
  type NotificationListResponse,
} from "@/lib/contracts/notifications";

/** How often the bell asks for news while the tab is open (and again whenever the window regains focus). */
const POLL_MS = 60_000;

/** The newest notifications and the unread count, polled. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => apiRequest("/api/notifications", { schema: notificationListResponse, signal }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** Marks some or all notifications read; the list shows it at once and is refetched after. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkNotificationsReadInput) =>
      apiRequest("/api/notifications/read", { method: "POST", body: input, schema: markNotificationsReadResponse }),
    onMutate: (input) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<NotificationListResponse>(queryKeys.notifications, (current) => {
        if (!current) return current;
        const marks = (id: string) => "all" in input || input.ids.includes(id);
        const items = current.items.map((item) =>
          item.readAt === null && marks(item.id) ? { ...item, readAt } : item,
        );
        const newlyRead = current.items.filter((item) => item.readAt === null && marks(item.id)).length;
        const unreadCount = "all" in input ? 0 : Math.max(0, current.unreadCount - newlyRead);
        return { ...current, items, unreadCount };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
