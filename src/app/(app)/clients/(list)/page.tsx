import type { Metadata } from "next";
import { ClientsView } from "@/components/clients/list/clients-view";
import { firstClientsPage } from "./first-page";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ClientsView initial={await firstClientsPage(await searchParams)} />;
}
