import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Contact } from "@/lib/contracts/contacts";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";

type Handler = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = "GET" | "PUT" | "DELETE";

export interface PhotoApp {
  signUp(name: string): Promise<Practitioner>;
  /** Calls the photo route as `practitioner` with a real Request. */
  call(practitioner: Practitioner, method: Method, contactId: string, init?: RequestInit): Promise<Response>;
  /** Every stored object under the practitioner's photo folder, by path. */
  storedPhotos(userId: string): Map<string, Buffer>;
}

/** The client-record API plus the photo route, in one module graph with its own data directory. */
export async function loadPhotoApp(): Promise<PhotoApp> {
  const api = await loadClientRecordsApi();
  const route = (await import("@/app/api/contacts/[id]/photo/route")) as Record<Method, Handler>;
  const { dataPath } = await import("@/server/config/data-dir");
  return {
    signUp: (name) => signUpPractitioner(api, name),
    async call(practitioner, method, contactId, init = {}) {
      const base = practitioner.browser.request(method, `/api/contacts/${contactId}/photo`);
      const headers = new Headers(base.headers);
      for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
      const request = new Request(base.url, { ...init, method, headers, ...(init.body ? { duplex: "half" } : {}) });
      const response = await route[method](request, { params: Promise.resolve({ id: contactId }) });
      practitioner.browser.remember(response);
      return response;
    },
    storedPhotos(userId) {
      const root = dataPath("storage", "objects");
      const folder = path.join(root, "photos", userId);
      if (!fs.existsSync(folder)) return new Map();
      const files = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      return new Map(
        files.map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return [path.relative(root, file), fs.readFileSync(file)];
        }),
      );
    },
  };
}

/** A multipart body with the file in the `photo` field, as the upload control sends it. */
export function photoForm(bytes: Uint8Array, fileName = "photo.jpg", type = "image/jpeg"): FormData {
  const form = new FormData();
  form.append("photo", new Blob([new Uint8Array(bytes)], { type }), fileName);
  return form;
}

export async function newClient(practitioner: Practitioner, displayName = "Photo Client"): Promise<Contact> {
  return practitioner.expect<Contact>(201, "POST", "/api/contacts", { displayName });
}

export interface AuditRow {
  action: string;
  target_type: string | null;
  target_id: string | null;
  user_id: string | null;
  metadata: Record<string, unknown>;
}

/** The practitioner's photo audit events for one client, oldest first. */
export async function photoEvents(userId: string, contactId: string): Promise<AuditRow[]> {
  return systemRows<AuditRow>(
    sql`select action, target_type, target_id, user_id, metadata from public.audit_events
        where user_id = ${userId} and target_id = ${contactId} and action like 'photo.%'
        order by occurred_at, id`,
  );
}

export async function photoPathOf(contactId: string): Promise<string | null> {
  const [row] = await systemRows<{ photo_path: string | null }>(
    sql`select photo_path from public.contacts where id = ${contactId}`,
  );
  return row?.photo_path ?? null;
}
