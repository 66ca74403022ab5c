"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import {
  habitListResponse,
  habitPauseResponse,
  habitSchema,
  type Habit,
  type HabitListResponse,
  type HabitStatusValue,
  type PauseHabitsInput,
} from "@/lib/contracts/habits";
import { queryKeys } from "@/lib/query-keys";

/** The practitioner's habits, today's day and any pause. */
export function useHabits(initial?: HabitListResponse) {
  return useQuery({
    queryKey: queryKeys.habits,
    queryFn: ({ signal }) => apiRequest("/api/habits", { schema: habitListResponse, signal }),
    ...(initial ? { initialData: initial } : {}),
  });
}

/** Puts one habit as the API answered it into the cached list (added at the end when new). */
export function useStoreHabit() {
  const queryClient = useQueryClient();
  return (habit: Habit) =>
    queryClient.setQueryData<HabitListResponse>(queryKeys.habits, (list) => {
      if (!list) return list;
      const known = list.items.some((item) => item.id === habit.id);
      return {
        ...list,
        items: known ? list.items.map((item) => (item.id === habit.id ? habit : item)) : [...list.items, habit],
      };
    });
}

/** Answers a habit for a day (yes, no, skip; null clears); the list shows the answer at once. */
export function useAnswerHabit() {
  const storeHabit = useStoreHabit();
  return useMutation({
    mutationFn: ({ habit, day, status }: { habit: Habit; day: string; status: HabitStatusValue | null }) =>
      apiRequest(`/api/habits/${habit.id}/entries/${day}`, {
        method: status === null ? "DELETE" : "PUT",
        ...(status === null ? {} : { body: { status } }),
        schema: habitSchema,
      }),
    onSuccess: storeHabit,
  });
}

/** Pauses every habit (a holiday), or resumes them with `null`. */
export function usePauseHabits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pause: PauseHabitsInput | null) =>
      apiRequest("/api/habits/pause", {
        method: pause === null ? "DELETE" : "PUT",
        ...(pause === null ? {} : { body: pause }),
        schema: habitPauseResponse,
      }),
    // Which days count changes every habit's numbers: read them again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.habits }),
  });
}
