// Following an Anki import job from the browser: poll GET /api/imports/{id}
// about twice a second until the job stops running (each answer handed to
// `onUpdate` for the progress bar), and ask for the commit of a preview.
// Timers come in as `wait`, so this stays plain TypeScript.
import type { ImportJobView } from "../imports/jobs/import-job-view";

export type JobOutcome = { ok: true; job: ImportJobView } | { ok: false; message: string };

/** How often a running job is asked about. */
export const POLL_MS = 500;
/** Polls in a row that may fail (no connection) before following gives up; the job runs on regardless. */
const MISSES_ALLOWED = 20;

const OFFLINE = "No connection: the import carries on on the server. Reload this page to see how it ended.";

async function jobRequest(path: string, method: "GET" | "POST"): Promise<JobOutcome | null> {
  const response = await fetch(path, { method, headers: { accept: "application/json" } }).catch(() => null);
  if (!response) return null;
  const json = (await response.json().catch(() => null)) as (ImportJobView & { error?: { message: string } }) | null;
  if (!response.ok || !json || json.error) return { ok: false, message: json?.error?.message ?? `The server answered ${response.status}.` };
  return { ok: true, job: json };
}

/** Whether the worker has yet to finish with the job. */
export function isRunning(job: ImportJobView): boolean {
  return job.status === "UPLOADING" || job.status === "QUEUED" || job.status === "RUNNING";
}

/** Polls `job` until it is PREVIEWED, DONE or FAILED; `onUpdate` hears every answer. */
export async function followImportJob(job: ImportJobView, onUpdate: (job: ImportJobView) => void, wait: (ms: number) => Promise<void>): Promise<JobOutcome> {
  let current = job;
  let misses = 0;
  while (isRunning(current)) {
    await wait(POLL_MS);
    const polled = await jobRequest(current.location, "GET");
    if (!polled) {
      if (++misses > MISSES_ALLOWED) return { ok: false, message: OFFLINE };
      continue;
    }
    if (!polled.ok) return polled;
    misses = 0;
    current = polled.job;
    onUpdate(current);
  }
  return { ok: true, job: current };
}

/** Asks for the commit of a previewed job (asking twice is harmless). */
export async function commitImportJob(job: ImportJobView): Promise<JobOutcome> {
  return (
    (await jobRequest(`${job.location}/commit`, "POST")) ?? { ok: false, message: "No connection: nothing was imported. Try again when you are back online." }
  );
}
