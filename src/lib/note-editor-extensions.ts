import StarterKit from "@tiptap/starter-kit";

/**
 * The editor's document schema, shared by the browser editor and the server that validates and
 * derives search text, so both agree on what a note may contain. Links are off: a session note
 * has no need for them and they are the one node a hostile body could turn into script.
 */
export const noteEditorExtensions = [
  StarterKit.configure({
    link: false,
    heading: { levels: [2, 3] },
  }),
];
