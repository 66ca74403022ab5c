import { LoaderCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The form's submit button: disabled while the request runs, saying what it is doing. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <Button type="submit" size="lg" className="w-full" disabled={pending}>
      {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
      {pending ? pendingLabel : label}
    </Button>
  );
}
