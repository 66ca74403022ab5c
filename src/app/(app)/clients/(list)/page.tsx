import type { Metadata } from "next";
import { ClientsView } from "@/components/clients/list/clients-view";

export const metadata: Metadata = { title: "Clients" };

export default function ClientsPage() {
  return <ClientsView />;
}
