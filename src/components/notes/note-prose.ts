/** Section and subsection headings inside a note (the view renders them a level lower than the editor does). */
export const noteSectionHeadingClass = "mt-4 mb-1 text-base font-semibold first:mt-0";
export const noteSubheadingClass = "mt-3 mb-1 text-sm font-semibold";

/**
 * Typography for a note body, the same in the editor and in the read-only view of a signed note. Long words
 * break anywhere: important, because TipTap's injected `.ProseMirror { word-wrap: break-word }` is unlayered
 * and would beat the utility (and the inherited value), letting one long word widen the whole page.
 */
export const noteProseClass = [
  "text-sm leading-relaxed wrap-anywhere!",
  "[&_p]:my-1 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
  "[&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3 [&_pre]:font-mono [&_pre]:text-xs",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_hr]:my-3",
].join(" ");

/** The editor's own headings (h2 for sections, h3 below them). */
export const noteEditorHeadingsClass = [
  "[&_h2]:mt-4 [&_h2]:mb-1 [&_h2]:text-base [&_h2]:font-semibold [&_h2:first-child]:mt-0",
  "[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:text-sm [&_h3]:font-semibold",
].join(" ");
