import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { book, bookingSetup, hoursFromNow } from "../appointments/appointments-fixtures";
import { loadClientRecordsApi, signUpPractitioner, systemRows, type Practitioner } from "./client-records-api";

let alice: Practitioner;

beforeAll(async () => {
  alice = await signUpPractitioner(await loadClientRecordsApi(), "Alice");
});

describe("merging two records of one client", () => {
  it("keeps the duplicate's sessions and emails on the client kept", async () => {
    const setup = await bookingSetup(alice);
    const primary = setup.client;
    const duplicate = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Rosa M.",
      email: "rosa@new.example",
    });
    const session = await book(alice, { ...setup, client: duplicate }, hoursFromNow(72));
    const [message] = await systemRows<{ id: string }>(sql`
      with connection as (
        insert into public.google_connections (user_id, google_email) values (${alice.id}, 'alice@example.com')
        returning id)
      insert into public.email_messages (user_id, connection_id, gmail_message_id, thread_id, sent_at, direction)
      select ${alice.id}, id, 'm1', 't1', now(), 'received' from connection
      returning id`);
    await systemRows(sql`insert into public.email_message_contacts (user_id, message_id, contact_id, sent_at)
                         values (${alice.id}, ${message?.id}, ${duplicate.id}, now())`);

    await alice.expect(200, "POST", `/api/contacts/${primary.id}/merge`, { duplicateId: duplicate.id, fields: {} });

    expect(await systemRows(sql`select contact_id from public.appointments where id = ${session.id}`)).toEqual([
      { contact_id: primary.id },
    ]);
    expect(
      await systemRows(sql`select contact_id from public.email_message_contacts where message_id = ${message?.id}`),
    ).toEqual([{ contact_id: primary.id }]);
  });
});
