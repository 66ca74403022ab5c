import type { Metadata } from "next";
import { CheckInPanel } from "@/components/check-ins/check-in-panel";
import { QueryProvider } from "@/components/clients/query-provider";
import { HabitBoard } from "@/components/habits/habit-board";
import { PageHeader } from "@/components/page-header";
import { listCheckIns } from "@/server/services/check-ins";
import { listHabits } from "@/server/services/habits";
import { currentAccount } from "../current-account";

export const metadata: Metadata = { title: "Habits" };

export default async function HabitsPage() {
  const account = await currentAccount();
  const context = { userId: account.id };
  const [habits, checkIns] = await Promise.all([listHabits(context), listCheckIns(context, {})]);
  return (
    <QueryProvider>
      <PageHeader
        title="Habits"
        description="Your own wellbeing between sessions: a daily check-in and the habits you want to keep."
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] lg:items-start">
        <CheckInPanel initial={checkIns} />
        <HabitBoard initial={habits} />
      </div>
    </QueryProvider>
  );
}
