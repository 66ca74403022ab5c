/** How to get a file out of the address books the import recognises, and what comes across. */
const EXPORT_STEPS: { app: string; steps: string }[] = [
  {
    app: "Google Contacts",
    steps:
      "At contacts.google.com, select the contacts (or none for all), choose Export, then “Google CSV” or “vCard (for iOS Contacts)”.",
  },
  {
    app: "Outlook",
    steps:
      "Outlook on the web: People → Manage contacts → Export contacts → CSV. Classic Outlook for Windows: File → Open & Export → Import/Export → Export to a file → Comma Separated Values → Contacts.",
  },
  {
    app: "Apple Contacts",
    steps:
      "On a Mac, select the contacts or a list (⌘A for all), then File → Export → Export vCard. On iCloud.com, select the contacts, then the … menu → Export vCard.",
  },
];

export function ExportHelp() {
  return (
    <details className="group rounded-lg border bg-card p-3 text-sm">
      <summary className="cursor-pointer font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
        Moving from Google Contacts, Outlook or Apple Contacts?
      </summary>
      <div className="mt-3 grid gap-3 text-muted-foreground">
        <p>
          Their exports are recognised as they are: a Google or Outlook CSV, or a vCard file (.vcf) from any of the
          three. Upload the file unchanged.
        </p>
        <dl className="grid gap-2">
          {EXPORT_STEPS.map(({ app, steps }) => (
            <div key={app}>
              <dt className="font-medium text-foreground">{app}</dt>
              <dd className="break-words">{steps}</dd>
            </div>
          ))}
        </dl>
        <p>
          What comes across: names; the first email and phone (the others are kept in the client’s first note); the home
          or first address; the birthday (one without a year goes in the note); groups, labels and categories as tags
          (Google’s “My Contacts” left out); and notes, as a first draft note. Photos are not imported.
        </p>
      </div>
    </details>
  );
}
