"use client";
// Choose a file or paste notes, pick the module, preview, confirm. Notes and
// CSV are previewed and imported in one request each; an Anki package
// becomes a job on the server whose progress is shown while it is read, and
// again while the confirmed import is written.
import { IntentLink } from "@/app/components/intent-link";
import { useEffect, useRef, useState } from "react";
import { commitImportJob, followImportJob } from "@/lib/client/import-job";
import { isAnkiFileName, isZipFileName, sendImport, slugFromFileName } from "@/lib/client/import-request";
import type { AnkiImportResult } from "@/lib/imports/anki-import";
import type { ImportResult } from "@/lib/imports/import-upload";
import type { ImportJobView } from "@/lib/imports/jobs/import-job-view";
import type { ModuleZipResult } from "@/lib/imports/module-zip-import";
import { AnkiDone, AnkiPreviewView, ankiWillWrite } from "./anki-preview";
import { ImageCounts, NoticeList } from "./image-counts";
import { ImportPreviewView } from "./import-preview";
import { ImportProgressView } from "./import-progress";

type Module = { slug: string; title: string; cards: number };
type Source = { bytes: Uint8Array; filename?: string };
type Result = ImportResult | AnkiImportResult | ModuleZipResult;
type Step =
  | { kind: "edit" }
  | { kind: "previewing" }
  | { kind: "working"; job: ImportJobView | null; dryRun: boolean }
  /** `job`: the Anki job whose stored upload a confirmation commits. */
  | { kind: "preview"; result: Result; job?: ImportJobView }
  | { kind: "committing"; result: Result }
  | { kind: "done"; result: Result };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NEW = "__new__";
/** A zipped module folder goes to the module its module.json names unless another is chosen. */
const FROM_ZIP = "__zip__";

export function ImportForm({ modules }: { modules: Module[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [target, setTarget] = useState(modules[0]?.slug ?? NEW);
  const [slug, setSlug] = useState("");
  const [title, setTitle] = useState("");
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const [error, setError] = useState<string | null>(null);
  // Polling stops updating the page once it is left.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const anki = file !== null && isAnkiFileName(file.name);
  const zip = file !== null && isZipFileName(file.name);
  const module = anki || (zip && target === FROM_ZIP) ? undefined : target === NEW ? slug.trim() : target;
  const busy = step.kind === "previewing" || step.kind === "committing" || step.kind === "working";

  /** Shows `job`'s progress until it ends: its preview, its report, or its error with `back` shown again. */
  async function follow(job: ImportJobView, back: Step) {
    setStep({ kind: "working", job, dryRun: job.dryRun });
    const end = await followImportJob(job, (next) => mounted.current && setStep({ kind: "working", job: next, dryRun: next.dryRun }), wait);
    if (!mounted.current) return;
    if (!end.ok || !end.job.result || end.job.status === "FAILED") {
      setError(end.ok ? (end.job.error ?? "The import stopped without a result.") : end.message);
      setStep(back);
      return;
    }
    setStep(end.job.status === "PREVIEWED" ? { kind: "preview", result: end.job.result, job: end.job } : { kind: "done", result: end.job.result });
  }

  async function commit(shown: Extract<Step, { kind: "preview" }>, job: ImportJobView) {
    setError(null);
    setStep({ kind: "working", job: null, dryRun: false });
    const outcome = await commitImportJob(job);
    if (!outcome.ok) {
      setError(outcome.message);
      setStep(shown);
      return;
    }
    await follow(outcome.job, shown);
  }

  async function source(): Promise<Source | null> {
    if (file) return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
    if (pasted.trim()) return { bytes: new TextEncoder().encode(pasted), filename: undefined };
    return null;
  }

  async function run(dryRun: boolean) {
    const from = await source();
    if (!from) return setError("Choose a file or paste some notes first.");
    if (!anki && !zip && !module) return setError("Name the new module (lowercase letters, digits and hyphens).");
    const shownStep = step.kind === "preview" ? step : null;
    if (!dryRun && shownStep?.job) return commit(shownStep, shownStep.job);
    const shown = shownStep?.result ?? null;
    if (dryRun) setStep(anki ? { kind: "working", job: null, dryRun } : { kind: "previewing" });
    else if (shown) setStep({ kind: "committing", result: shown });
    else return;
    setError(null);
    const outcome = await sendImport(from.bytes, {
      module,
      title: target === NEW ? title.trim() || undefined : undefined,
      filename: from.filename,
      dryRun,
      // randomUUID exists only in secure contexts (https, localhost); without an id the server makes one.
      id: anki && typeof crypto.randomUUID === "function" ? crypto.randomUUID() : undefined,
    });
    const back: Step = shown ? { kind: "preview", result: shown } : { kind: "edit" };
    if (!outcome.ok) {
      setError(outcome.message);
      setStep(back);
      return;
    }
    if ("job" in outcome) return follow(outcome.job, back);
    setStep(dryRun ? { kind: "preview", result: outcome.result } : { kind: "done", result: outcome.result });
  }

  function changed() {
    setError(null);
    if (step.kind !== "edit") setStep({ kind: "edit" });
  }

  if (step.kind === "done") return step.result.format === "anki" ? <AnkiDone result={step.result} /> : <Done result={step.result} />;
  const pickTarget = (value: string) => {
    setTarget(value);
    changed();
  };
  const preview = step.kind === "preview" || step.kind === "committing" ? step.result : null;
  const willWrite = !preview
    ? 0
    : preview.format === "anki"
      ? ankiWillWrite(preview)
      : preview.cards.created.total + preview.cards.updated.total + preview.cards.restored.total + preview.cards.archived.total;
  const confirm = preview && (
    <button type="button" className="button primary block" disabled={busy || willWrite === 0} onClick={() => run(false)} data-testid="import-confirm">
      {step.kind === "committing"
        ? "Importing…"
        : willWrite === 0
          ? "Nothing to change"
          : preview.format === "anki"
            ? `Import ${preview.modules.length} deck${preview.modules.length === 1 ? "" : "s"}`
            : `Import into ${preview.module.title}`}
    </button>
  );

  return (
    <>
      <section className="panel stack" aria-busy={busy}>
        <label>
          File (.md, .csv, .tsv, an Anki .apkg, or a module .zip)
          <input
            type="file"
            accept=".md,.markdown,.txt,.csv,.tsv,.apkg,.colpkg,.zip,text/markdown,text/csv,application/zip"
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && !slug && !isAnkiFileName(chosen.name)) setSlug(slugFromFileName(chosen.name));
              const zipped = chosen !== null && isZipFileName(chosen.name);
              if (zipped && target !== FROM_ZIP) setTarget(FROM_ZIP);
              if (!zipped && target === FROM_ZIP) setTarget(modules[0]?.slug ?? NEW);
              changed();
            }}
          />
        </label>
        {!file && (
          <label>
            …or paste notes
            <textarea
              rows={6}
              value={pasted}
              placeholder={"Q: Why scale by √d_k?\nA: To keep the logits near unit variance."}
              data-testid="import-paste"
              onChange={(e) => {
                setPasted(e.currentTarget.value);
                changed();
              }}
            />
          </label>
        )}
        {anki && (
          <p className="muted small" style={{ margin: 0 }}>
            Each deck becomes a module of yours, and its review history comes along: cards come due when their history says.
          </p>
        )}
        {!anki && (
          <label>
            Into module
            <select value={target} data-testid="import-module" onChange={(e) => pickTarget(e.currentTarget.value)}>
              {zip && <option value={FROM_ZIP}>The module the zip names</option>}
              {modules.map((m) => (
                <option key={m.slug} value={m.slug}>
                  {m.title} ({m.cards} cards)
                </option>
              ))}
              <option value={NEW}>New module…</option>
            </select>
          </label>
        )}
        {!anki && target === NEW && (
          <div className="import-new">
            <label>
              Module id
              <input
                value={slug}
                inputMode="url"
                autoCapitalize="none"
                placeholder="attention-notes"
                data-testid="import-slug"
                onChange={(e) => {
                  setSlug(e.currentTarget.value);
                  changed();
                }}
              />
            </label>
            <label>
              Title (optional)
              <input
                value={title}
                placeholder="From the file"
                data-testid="import-title"
                onChange={(e) => {
                  setTitle(e.currentTarget.value);
                  changed();
                }}
              />
            </label>
          </div>
        )}
        {error && (
          <p className="error" role="alert" style={{ margin: 0 }}>
            {error}
          </p>
        )}
        {!preview && step.kind !== "working" && (
          <button type="button" className="button primary block" disabled={busy} onClick={() => run(true)} data-testid="import-preview-button">
            {step.kind === "previewing" ? "Reading…" : "Preview"}
          </button>
        )}
      </section>
      {step.kind === "working" && <ImportProgressView job={step.job} dryRun={step.dryRun} />}
      {preview &&
        (preview.format === "anki" ? (
          <AnkiPreviewView result={preview}>{confirm}</AnkiPreviewView>
        ) : (
          <ImportPreviewView result={preview}>
            {preview.format === "zip" && (
              <>
                <ImageCounts images={preview.images} committed={false} />
                <NoticeList notices={preview.notices} />
              </>
            )}
            {confirm}
          </ImportPreviewView>
        ))}
    </>
  );
}

function Done({ result }: { result: ImportResult | ModuleZipResult }) {
  const { cards } = result;
  return (
    <section className="panel stack" data-testid="import-done">
      <h2 style={{ margin: 0, fontSize: 20 }}>Imported into {result.module.title}</h2>
      <p style={{ margin: 0 }}>
        {cards.created.total} new, {cards.updated.total} updated, {cards.unchanged.total} unchanged, {cards.archived.total} archived.
      </p>
      {result.format === "zip" && <ImageCounts images={result.images} committed />}
      <p className="muted small" style={{ margin: 0 }}>
        New cards join your daily queue after the new cards already waiting; edited cards keep their history.
      </p>
      <IntentLink href="/review" className="button primary block" data-testid="import-review">
        Start reviewing
      </IntentLink>
      <a href="/import" className="button block">
        Import another file
      </a>
    </section>
  );
}
