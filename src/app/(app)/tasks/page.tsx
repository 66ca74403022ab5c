import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { PageSkeleton } from "@/components/page-skeleton";
import { QuickAddButton } from "@/components/tasks/quick-add-button";
import { TasksBoard } from "@/components/tasks/tasks-board";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Follow-ups and to-dos, so nothing slips between sessions."
        actions={<QuickAddButton />}
      />
      <Suspense fallback={<PageSkeleton />}>
        <TasksBoard />
      </Suspense>
    </>
  );
}
