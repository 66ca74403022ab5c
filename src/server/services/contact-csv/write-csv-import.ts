import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { CsvImportResult } from "@/lib/contracts/contact-csv";
import type { CreateContactInput } from "@/lib/contracts/contacts";
import type { DbTransaction } from "@/server/db";
import { contacts, notes } from "@/server/db/schema";
import { contactColumnValues } from "@/server/services/contacts/contact-values";
import { describeClients, type ClientBrief } from "./existing-clients";
import { fillEmptyFields, type ContactFields } from "./fill-empty-fields";
import type { ImportStep } from "./plan-csv-import";
import { ensureTags, existingTagNames, linkTags } from "./import-tags";
import { firstNoteBody } from "./first-note";

export interface ImportProgress {
  done: number;
  total: number;
}

/** Rows per INSERT: about 20 parameters each, far below Postgres' 65,535, and a progress line per chunk. */
const CHUNK_ROWS = 250;

type Fields = Omit<CreateContactInput, "allowDuplicate">;

interface NewClient {
  row: number;
  id: string;
  fields: Fields;
  tags: string[];
  createdAt: string | null;
  /** The first note's text: the row's, then any merged row's after it. */
  noteParts: string[];
}

type Merged = CsvImportResult["merged"][number];

const sameTag = (tags: readonly string[], name: string) => tags.some((tag) => tag.toLowerCase() === name.toLowerCase());
const newTags = (current: readonly string[], incoming: readonly string[]) =>
  incoming.filter((name, index) => !sameTag(current, name) && !sameTag(incoming.slice(0, index), name));

function skipReason(step: Extract<ImportStep, { kind: "skip" }>, clients: Map<string, ClientBrief>): string {
  const { target, matchedOn } = step;
  if (target.kind === "row") return `Same ${matchedOn} as row ${target.row}`;
  const name = clients.get(target.contactId)?.displayName ?? "a client";
  return `Same ${matchedOn} as ${name}, already a client`;
}

/**
 * Carries out a plan inside the caller's transaction: merges into rows of the same file are folded
 * in memory, new clients are inserted in chunks (reporting progress after each), merges into
 * existing clients fill only their empty fields, tags are found or created by name and linked.
 * Any failure throws, and the caller's transaction rolls everything back.
 */
export async function writeCsvImport(
  tx: DbTransaction,
  userId: string,
  steps: readonly ImportStep[],
  report: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<CsvImportResult> {
  const newClients = new Map<number, NewClient>();
  const merged: Merged[] = [];
  const mergesIntoExisting = new Map<string, Extract<ImportStep, { kind: "merge" }>[]>();
  for (const step of steps) {
    const { candidate } = step;
    if (step.kind === "create") {
      const { allowDuplicate: _ignored, ...fields } = candidate.contact;
      newClients.set(candidate.row, {
        row: candidate.row,
        id: randomUUID(),
        fields,
        tags: [...candidate.tags],
        createdAt: candidate.createdAt,
        noteParts: candidate.note === null ? [] : [candidate.note],
      });
    } else if (step.kind === "merge" && step.target.kind === "existing") {
      mergesIntoExisting.set(step.target.contactId, [...(mergesIntoExisting.get(step.target.contactId) ?? []), step]);
    } else if (step.kind === "merge" && step.target.kind === "row") {
      const into = newClients.get(step.target.row);
      if (!into) throw new Error(`row ${candidate.row} merges into row ${step.target.row}, which creates no client`);
      const { values, filled } = fillEmptyFields(into.fields, candidate.contact);
      Object.assign(into.fields, values);
      const tagsAdded = newTags(into.tags, candidate.tags);
      into.tags.push(...tagsAdded);
      if (candidate.note !== null) into.noteParts.push(candidate.note);
      merged.push({
        row: candidate.row,
        contactId: into.id,
        displayName: into.fields.displayName,
        matchedOn: step.matchedOn,
        intoRow: into.row,
        filledFields: candidate.note === null ? filled : [...filled, "note"],
        tagsAdded,
      });
    }
  }

  const total = newClients.size + [...mergesIntoExisting.values()].reduce((sum, group) => sum + group.length, 0);
  let done = 0;
  report({ done, total });
  const tagIds = await ensureTags(tx, userId, [...steps.flatMap((step) => step.candidate.tags)]);
  await setImmediate();
  const links: [string, string][] = [];
  /** Notes to add, `[contactId, text]`: a new client's first note, or a note from a row merged into a client on file. */
  const firstNotes: [string, string][] = [];
  const linkAll = (contactId: string, names: readonly string[]) =>
    names.forEach((name) => {
      const tagId = tagIds.get(name.toLowerCase());
      if (!tagId) throw new Error("an imported tag was neither found nor created");
      links.push([contactId, tagId]);
    });

  const creating = [...newClients.values()];
  for (let start = 0; start < creating.length; start += CHUNK_ROWS) {
    signal?.throwIfAborted();
    const chunk = creating.slice(start, start + CHUNK_ROWS);
    await tx.insert(contacts).values(
      chunk.map(({ id, fields, createdAt }) => ({
        ...contactColumnValues(fields),
        id,
        userId,
        displayName: fields.displayName,
        source: fields.source ?? "import",
        ...(createdAt === null ? {} : { createdAt: new Date(createdAt) }),
      })),
    );
    chunk.forEach((client) => {
      linkAll(client.id, client.tags);
      if (client.noteParts.length > 0) firstNotes.push([client.id, client.noteParts.join("\n\n")]);
    });
    done += chunk.length;
    report({ done, total });
    // Embedded PGlite answers in the same thread: give other requests a turn between chunks.
    await setImmediate();
  }

  const targetIds = [...mergesIntoExisting.keys()];
  const targets =
    targetIds.length === 0
      ? []
      : await tx
          .select()
          .from(contacts)
          .where(and(eq(contacts.userId, userId), inArray(contacts.id, targetIds)))
          .for("update");
  const tagsOnFile = await existingTagNames(tx, userId, targetIds);
  for (const target of targets) {
    signal?.throwIfAborted();
    const current: ContactFields = { ...target };
    const filledAll: string[] = [];
    for (const step of mergesIntoExisting.get(target.id) ?? []) {
      const { values, filled } = fillEmptyFields(current, step.candidate.contact);
      Object.assign(current, values);
      filledAll.push(...filled);
      const onClient = tagsOnFile.get(target.id) ?? [];
      const tagsAdded = newTags(onClient, step.candidate.tags);
      tagsOnFile.set(target.id, [...onClient, ...tagsAdded]);
      linkAll(target.id, tagsAdded);
      const { note } = step.candidate;
      if (note !== null) firstNotes.push([target.id, note]);
      merged.push({
        row: step.candidate.row,
        contactId: target.id,
        displayName: target.displayName,
        matchedOn: step.matchedOn,
        intoRow: null,
        filledFields: note === null ? filled : [...filled, "note"],
        tagsAdded,
      });
      done += 1;
    }
    if (filledAll.length > 0) {
      const { values } = fillEmptyFields({ ...target }, current);
      await tx
        .update(contacts)
        .set({ ...contactColumnValues(values), updatedAt: sql`now()` })
        .where(and(eq(contacts.userId, userId), eq(contacts.id, target.id)));
    }
    report({ done, total });
    await setImmediate();
  }
  await linkTags(tx, userId, links);
  for (let start = 0; start < firstNotes.length; start += CHUNK_ROWS) {
    signal?.throwIfAborted();
    const chunk = firstNotes.slice(start, start + CHUNK_ROWS);
    await tx.insert(notes).values(chunk.map(([contactId, text]) => ({ userId, contactId, ...firstNoteBody(text) })));
    await setImmediate();
  }

  const skippedSteps = steps.filter((step): step is Extract<ImportStep, { kind: "skip" }> => step.kind === "skip");
  const skippedTargets = skippedSteps.flatMap((step) =>
    step.target.kind === "existing" ? [step.target.contactId] : [],
  );
  const clients = await describeClients(tx, userId, skippedTargets);
  return {
    created: creating.map(({ row, id, fields }) => ({ row, contactId: id, displayName: fields.displayName })),
    merged: merged.sort((a, b) => a.row - b.row),
    skipped: skippedSteps.map((step) => ({ row: step.candidate.row, reason: skipReason(step, clients) })),
  };
}
