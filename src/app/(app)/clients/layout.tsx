import type { ReactNode } from "react";
import { QueryProvider } from "@/components/clients/query-provider";

/** The client screens share one query cache, so the list is still warm when coming back from a client. */
export default function ClientsLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
