// Requests for the import tests: an upload to POST /api/imports (an Anki
// package run through the import worker's step), a module's export, an
// image's download, each through the real route handler.
import { expect } from "vitest";
import * as imageRoute from "@/app/api/images/[id]/route";
import * as jobRoute from "@/app/api/imports/[id]/route";
import * as importsRoute from "@/app/api/imports/route";
import * as exportRoute from "@/app/api/modules/[slug]/export/route";
import type { AnkiImportResult } from "@/lib/imports/anki-import";
import type { ImportJobView } from "@/lib/imports/jobs/import-job-view";
import { runNextImportJob } from "@/lib/imports/jobs/run-import-job";
import { testDb } from "../support/db";

export function postImport(auth: string, query: string, bytes: Uint8Array): Promise<Response> {
  const init = { method: "POST", body: bytes, headers: { authorization: auth, "content-type": "application/octet-stream" }, duplex: "half" };
  return importsRoute.POST(new Request(`http://localhost/api/imports?${query}`, init as RequestInit), undefined);
}

export async function okJson<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

export async function exportModuleFile(auth: string, slug: string, format: "md" | "apkg"): Promise<Uint8Array> {
  const request = new Request(`http://localhost/api/modules/${slug}/export?format=${format}`, { headers: { authorization: auth } });
  const response = await exportRoute.GET(request, { params: Promise.resolve({ slug }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

export function getImage(auth: string, id: string): Promise<Response> {
  return imageRoute.GET(new Request(`http://localhost/api/images/${id}`, { headers: { authorization: auth } }), { params: Promise.resolve({ id }) });
}

/** Uploads an Anki package, runs its job with the worker's step as of `now`, and returns the job as the owner sees it. */
export async function runAnkiJob(auth: string, query: string, apkg: Uint8Array, now: Date): Promise<ImportJobView> {
  const response = await postImport(auth, query, apkg);
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = (await response.json()) as ImportJobView;
  await runNextImportJob(testDb(), { now: () => now, ms: () => 0 });
  const request = new Request(`http://localhost/api/imports/${id}`, { headers: { authorization: auth } });
  return (await (await jobRoute.GET(request, { params: Promise.resolve({ id }) })).json()) as ImportJobView;
}

/** runAnkiJob's result, which must be there. */
export async function runAnkiImport(auth: string, query: string, apkg: Uint8Array, now: Date): Promise<AnkiImportResult> {
  const job = await runAnkiJob(auth, query, apkg, now);
  expect(job.error).toBeNull();
  if (!job.result) throw new Error(`import job ${job.id} ended ${job.status} without a result`);
  return job.result;
}
