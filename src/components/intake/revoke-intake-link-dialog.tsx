"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { apiRequest, isApiError } from "@/lib/api-client";
import { intakeLinkSchema, type IntakeLink } from "@/lib/contracts/intake";
import { INTAKE_LINKS_QUERY_KEY } from "./use-intake-links";

/** "Revoke link?": the link stops working at once; clients already submitted stay. */
export function RevokeIntakeLinkDialog({ link, onClose }: { link: IntakeLink | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(target: IntakeLink) {
    setPending(true);
    setError(null);
    try {
      const revoked = await apiRequest(`/api/intake-links/${target.id}/revoke`, {
        method: "POST",
        schema: intakeLinkSchema,
      });
      queryClient.setQueryData<IntakeLink[]>(INTAKE_LINKS_QUERY_KEY, (list = []) =>
        list.map((other) => (other.id === revoked.id ? revoked : other)),
      );
      onClose();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The link could not be revoked. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog
      open={link !== null}
      onOpenChange={(open) => {
        if (open || pending) return;
        setError(null);
        onClose();
      }}
    >
      {link && (
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Revoke “{link.label}”?</AlertDialogTitle>
            <AlertDialogDescription>
              Anyone opening this link will be told it is no longer valid. Forms already submitted stay. This cannot be
              undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          {error && (
            <Alert variant="destructive" role="alert">
              <CircleAlertIcon aria-hidden="true" />
              <AlertDescription>
                <p>{error}</p>
              </AlertDescription>
            </Alert>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button variant="destructive" disabled={pending} onClick={() => void confirm(link)}>
              {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
              Revoke link
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      )}
    </AlertDialog>
  );
}
