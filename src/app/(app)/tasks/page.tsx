import { ListPlusIcon, ListTodoIcon } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { UnavailableAction } from "@/components/unavailable-action";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" description="Follow-ups and to-dos, so nothing slips between sessions." />
      <EmptyState
        icon={ListTodoIcon}
        title="Nothing to do yet"
        description="Your follow-ups and to-dos will appear here, soonest due first."
        action={
          <UnavailableAction
            icon={ListPlusIcon}
            label="Add task"
            reason="Tasks are not enabled on this installation yet."
          />
        }
      />
    </>
  );
}
