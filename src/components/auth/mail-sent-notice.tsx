import { MailCheckIcon } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Replaces a form once an email is on its way; takes focus so the change is announced. */
export function MailSentNotice({
  title,
  children,
  noticeRef,
}: {
  title: string;
  children: ReactNode;
  noticeRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <Alert ref={noticeRef} variant="success" role="status" tabIndex={-1} className="outline-none">
      <MailCheckIcon aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}
