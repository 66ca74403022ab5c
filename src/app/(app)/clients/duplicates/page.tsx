import type { Metadata } from "next";
import { DuplicatePairsView } from "@/components/clients/duplicates/duplicate-pairs-view";

export const metadata: Metadata = { title: "Possible duplicates" };

export default function DuplicatesPage() {
  return <DuplicatePairsView />;
}
