import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MergeClientsForm } from "@/components/clients/duplicates/merge-clients-form";
import { loadClient } from "../../load-client";

interface MergePageProps {
  params: Promise<{ id: string; otherId: string }>;
}

export const metadata: Metadata = { title: "Merge clients" };

/** Both records side by side: `id` is kept, `otherId` is folded into it. Either not the caller's → 404. */
export default async function MergeClientsPage({ params }: MergePageProps) {
  const { id, otherId } = await params;
  if (id === otherId) notFound();
  const [primary, duplicate] = await Promise.all([loadClient(id), loadClient(otherId)]);
  return <MergeClientsForm primary={primary} duplicate={duplicate} />;
}
