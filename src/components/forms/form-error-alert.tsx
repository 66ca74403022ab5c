"use client";

import { CircleAlertIcon } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ApiError } from "@/lib/api-client";

/** The API's message for a failed submission; focusable so keyboard and screen-reader users land on it. */
export function FormErrorAlert({
  error,
  alertRef,
  children,
}: {
  error: ApiError | null;
  alertRef: RefObject<HTMLDivElement | null>;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <Alert ref={alertRef} variant="destructive" role="alert" tabIndex={-1} className="outline-none">
      <CircleAlertIcon aria-hidden="true" />
      <AlertDescription>
        <p>{error.message}</p>
        {children}
      </AlertDescription>
    </Alert>
  );
}
