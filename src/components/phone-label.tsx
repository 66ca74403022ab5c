/**
 * A column's name before a cell's value in a table that stacks into cards below 640 px, where the header
 * row is shown to screen readers only (they announce the header, so this copy is hidden from them).
 */
export function PhoneLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="text-muted-foreground sm:hidden">
      {children}
    </span>
  );
}
