import { CircleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** A refusal or failure, read out as soon as it appears; nothing when there is no message. */
export function ErrorAlert({ title, message }: { title?: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert variant="destructive" role="alert">
      <CircleAlertIcon aria-hidden="true" />
      {title !== undefined && <AlertTitle>{title}</AlertTitle>}
      <AlertDescription>
        <p>{message}</p>
      </AlertDescription>
    </Alert>
  );
}
