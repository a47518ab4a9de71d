// The browser's call to POST /api/imports: the file's bytes as the body, the
// choices in the query string; back come the preview or the result of notes
// and CSV, or the background job an Anki package became (see import-job.ts).
import type { ImportJobView } from "../imports/jobs/import-job-view";
import type { ImportResult } from "../imports/import-upload";
import type { ModuleZipResult } from "../imports/module-zip-import";

/**
 * `module` may be left out for an Anki package (its decks keep their names) and
 * a zip with module.json (its slug). `id` makes a retried package upload the same job.
 */
export type ImportChoice = { module?: string; title?: string; filename?: string; dryRun: boolean; id?: string };

export type ImportOutcome = { ok: true; result: ImportResult | ModuleZipResult } | { ok: true; job: ImportJobView } | { ok: false; message: string };

/** Sends `bytes` to be previewed (dryRun) or imported; a refusal carries the server's message. */
export async function sendImport(bytes: Uint8Array, choice: ImportChoice): Promise<ImportOutcome> {
  const query = new URLSearchParams();
  if (choice.module) query.set("module", choice.module);
  if (choice.title) query.set("title", choice.title);
  if (choice.filename) query.set("filename", choice.filename);
  if (choice.dryRun) query.set("dryRun", "1");
  if (choice.id) query.set("id", choice.id);
  const response = await fetch(`/api/imports?${query}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: new Blob([bytes.slice().buffer as ArrayBuffer]),
  }).catch(() => null);
  if (!response) return { ok: false, message: "No connection: nothing was imported. Try again when you are back online." };
  const json = (await response.json().catch(() => null)) as ((ImportResult | ModuleZipResult | ImportJobView) & { error?: { message: string } }) | null;
  if (!response.ok || !json || json.error) return { ok: false, message: json?.error?.message ?? `The server refused the file (${response.status}).` };
  return "location" in json ? { ok: true, job: json } : { ok: true, result: json };
}

/** A module slug suggested by a file name: "Attention Notes (v2).md" → "attention-notes-v2". */
export function slugFromFileName(name: string): string {
  return name
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** Whether a file is an Anki package, by its name. */
export function isAnkiFileName(name: string): boolean {
  return /\.(?:apkg|colpkg)$/i.test(name);
}

/** Whether a file is a zipped module folder (the markdown export), by its name. */
export function isZipFileName(name: string): boolean {
  return /\.zip$/i.test(name);
}
