"use client";
// Upload a lab output and follow its grading: the file is read in the
// browser, posted as is (the server reads .npy, .npz or JSON), and the submission
// polled until a worker has graded it. A retry after a lost connection
// reuses the submission id, so it is stored once.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { SubmissionView } from "@/lib/labs/submissions/submission-view";
import { LabHistory } from "./lab-history";
import { LabResult } from "./lab-result";

type Props = { slug: string; seed: number; maxUploadBytes: number; history: SubmissionView[] };

/** Poll quickly at first (most grades take well under a second), then ease off. */
const pollDelay = (polls: number) => (polls < 10 ? 600 : 2000);

export function LabWorkbench({ slug, seed, maxUploadBytes, history }: Props) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idRef = useRef<string | null>(null);
  const pending = submission && (submission.status === "QUEUED" || submission.status === "RUNNING") ? submission : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the submission's url so each status update does not restart the polling.
  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const response = await fetch(pending.url, { cache: "no-store" }).catch(() => null);
      if (cancelled) return;
      const body = response?.ok ? ((await response.json()) as SubmissionView) : null;
      if (body && body.status !== "QUEUED" && body.status !== "RUNNING") {
        setSubmission(body);
        router.refresh();
        return;
      }
      if (body) setSubmission((current) => (current?.status === body.status && current.queuedAhead === body.queuedAhead ? current : body));
      timer = setTimeout(poll, pollDelay(++polls));
    };
    timer = setTimeout(poll, pollDelay(0));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pending?.url, router]);

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setError(null);
    setFile(chosen);
    idRef.current = chosen ? crypto.randomUUID() : null;
    if (chosen && chosen.size > maxUploadBytes) {
      setError(
        `That file is ${(chosen.size / 2 ** 20).toFixed(1)} MiB; an upload is at most ${(maxUploadBytes / 2 ** 20).toFixed(1)} MiB. Is it the right array?`,
      );
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file || !idRef.current || file.size > maxUploadBytes) return;
    setBusy(true);
    setError(null);
    const bytes = await file.arrayBuffer();
    const response = await fetch(`/api/labs/${slug}/submissions?seed=${seed}&id=${idRef.current}`, {
      method: "POST",
      headers: { "content-type": file.name.endsWith(".json") ? "application/json" : "application/octet-stream" },
      body: bytes,
    }).catch(() => null);
    setBusy(false);
    if (!response) {
      setError("No connection. Your file is still chosen; submit again (it will be recorded once).");
      return;
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok || !isSubmission(body)) {
      setError(errorMessage(body) ?? `The server refused the upload (HTTP ${response.status}).`);
      return;
    }
    setSubmission(body);
    idRef.current = crypto.randomUUID();
  }

  return (
    <>
      <form className="panel stack lab-file" onSubmit={submit} data-testid="lab-upload">
        <h2 style={{ margin: 0, fontSize: 17 }}>Submit your output</h2>
        <label>
          Your output as .npy or .npz (float32/float64, C order; np.save or np.savez) or JSON (nested arrays or {"{"}&quot;shape&quot;, &quot;data&quot;{"}"})
          <input type="file" accept=".npy,.npz,.json,application/json,application/zip,application/octet-stream" onChange={choose} data-testid="lab-file" />
        </label>
        {error && (
          <p className="error" role="alert" style={{ margin: 0 }} data-testid="lab-error">
            {error}
          </p>
        )}
        <button className="button primary block" type="submit" disabled={!file || busy || Boolean(pending)}>
          {busy ? "Uploading…" : pending ? "Grading…" : "Submit for grading"}
        </button>
        {pending && (
          <p className="lab-status" role="status" data-testid="lab-status" style={{ margin: 0 }}>
            <span className="lab-spinner" aria-hidden />
            {pending.status === "RUNNING" ? "Grading…" : pending.queuedAhead ? `Queued, ${pending.queuedAhead} ahead…` : "Queued…"}
          </p>
        )}
      </form>
      {submission && !pending && <LabResult submission={submission} />}
      <LabHistory submissions={history} />
    </>
  );
}

/** The upload answers with the submission itself, as its poll URL does. */
function isSubmission(body: unknown): body is SubmissionView {
  return typeof body === "object" && body !== null && "id" in body && "status" in body;
}

function errorMessage(body: unknown): string | undefined {
  const error = typeof body === "object" && body !== null && "error" in body ? (body as { error?: { message?: unknown } }).error : undefined;
  return typeof error?.message === "string" ? error.message : undefined;
}
