// The browser's calls behind the card editor: save a note, upload an image.
// A network failure is told apart from a refusal so the editor can say which.
import type { CardDraft } from "../cards/card-draft";
import type { NoteView } from "../cards/card-editor";

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

const OFFLINE = "Could not reach the server; your text is still here, try again when you are online";

async function call<T>(url: string, init: RequestInit, pick: (body: unknown) => T): Promise<Outcome<T>> {
  const response = await fetch(url, init).catch(() => null);
  if (!response) return { ok: false, message: OFFLINE };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok || !body) return { ok: false, message: body?.error?.message ?? `The server answered ${response.status}` };
  return { ok: true, value: pick(body) };
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const note = (body: unknown) => (body as { note: NoteView }).note;

/** Creates a note; `id` is made once per note, so a repeated save never makes a second one. */
export function saveNewNote(id: string, module: string, draft: CardDraft): Promise<Outcome<NoteView>> {
  return call("/api/cards", json("POST", { id, module, draft }), note);
}

export function saveNoteEdit(cardId: string, draft: CardDraft): Promise<Outcome<NoteView>> {
  return call(`/api/cards/${cardId}`, json("PATCH", { draft }), note);
}

export function loadNoteForEdit(cardId: string): Promise<Outcome<NoteView>> {
  return call(`/api/cards/${cardId}/note`, { method: "GET" }, note);
}

/** Uploads an image file (its bytes as the body) into a module; the answer carries the markdown to insert. */
export function uploadImage(file: Blob, module: string): Promise<Outcome<{ markdown: string; url: string }>> {
  return call(
    `/api/images?module=${encodeURIComponent(module)}`,
    { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file },
    (body) => {
      const image = (body as { image: { markdown: string; url: string } }).image;
      return { markdown: image.markdown, url: image.url };
    },
  );
}
