import type { Metadata } from "next";
import { ContactImportWizard } from "@/components/contact-import/contact-import-wizard";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Import clients" };

export default function ImportClientsPage() {
  return (
    <>
      <PageHeader
        title="Import clients"
        description="Bring your client list over from a spreadsheet, Google Contacts, Outlook or Apple Contacts, checked row by row before anything is saved."
      />
      <ContactImportWizard />
    </>
  );
}
