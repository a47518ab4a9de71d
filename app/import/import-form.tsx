"use client";
// Choose a file or paste notes, pick the module, preview, confirm.
import Link from "next/link";
import { useState } from "react";
import { sendImport, slugFromFileName } from "@/lib/client/import-request";
import type { ImportResult } from "@/lib/imports/import-upload";
import { ImportPreviewView } from "./import-preview";

type Module = { slug: string; title: string; cards: number };
type Source = { bytes: Uint8Array; filename?: string };
type Step =
  | { kind: "edit" }
  | { kind: "previewing" }
  | { kind: "preview"; result: ImportResult }
  | { kind: "committing"; result: ImportResult }
  | { kind: "done"; result: ImportResult };

const NEW = "__new__";

export function ImportForm({ modules }: { modules: Module[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [target, setTarget] = useState(modules[0]?.slug ?? NEW);
  const [slug, setSlug] = useState("");
  const [title, setTitle] = useState("");
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const [error, setError] = useState<string | null>(null);

  const module = target === NEW ? slug.trim() : target;
  const busy = step.kind === "previewing" || step.kind === "committing";

  async function source(): Promise<Source | null> {
    if (file) return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
    if (pasted.trim()) return { bytes: new TextEncoder().encode(pasted), filename: undefined };
    return null;
  }

  async function run(dryRun: boolean) {
    const from = await source();
    if (!from) return setError("Choose a file or paste some notes first.");
    if (!module) return setError("Name the new module (lowercase letters, digits and hyphens).");
    const shown = step.kind === "preview" ? step.result : null;
    if (dryRun) setStep({ kind: "previewing" });
    else if (shown) setStep({ kind: "committing", result: shown });
    else return;
    setError(null);
    const outcome = await sendImport(from.bytes, { module, title: target === NEW ? title.trim() || undefined : undefined, filename: from.filename, dryRun });
    if (!outcome.ok) {
      setError(outcome.message);
      setStep(shown ? { kind: "preview", result: shown } : { kind: "edit" });
      return;
    }
    setStep(dryRun ? { kind: "preview", result: outcome.result } : { kind: "done", result: outcome.result });
  }

  function changed() {
    setError(null);
    if (step.kind !== "edit") setStep({ kind: "edit" });
  }

  if (step.kind === "done") return <Done result={step.result} />;
  const preview = step.kind === "preview" || step.kind === "committing" ? step.result : null;
  const willWrite = preview ? preview.cards.created.total + preview.cards.updated.total + preview.cards.restored.total + preview.cards.archived.total : 0;

  return (
    <>
      <section className="panel stack" aria-busy={busy}>
        <label>
          File (.md, .csv, .tsv)
          <input
            type="file"
            accept=".md,.markdown,.txt,.csv,.tsv,text/markdown,text/csv"
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && !slug) setSlug(slugFromFileName(chosen.name));
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
        <label>
          Into module
          <select
            value={target}
            data-testid="import-module"
            onChange={(e) => {
              setTarget(e.currentTarget.value);
              changed();
            }}
          >
            {modules.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.title} ({m.cards} cards)
              </option>
            ))}
            <option value={NEW}>New module…</option>
          </select>
        </label>
        {target === NEW && (
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
        {!preview && (
          <button type="button" className="button primary block" disabled={busy} onClick={() => run(true)} data-testid="import-preview-button">
            {step.kind === "previewing" ? "Reading…" : "Preview"}
          </button>
        )}
      </section>
      {preview && (
        <ImportPreviewView result={preview}>
          <button type="button" className="button primary block" disabled={busy || willWrite === 0} onClick={() => run(false)} data-testid="import-confirm">
            {step.kind === "committing" ? "Importing…" : willWrite === 0 ? "Nothing to change" : `Import into ${preview.module.title}`}
          </button>
        </ImportPreviewView>
      )}
    </>
  );
}

function Done({ result }: { result: ImportResult }) {
  const { cards } = result;
  return (
    <section className="panel stack" data-testid="import-done">
      <h2 style={{ margin: 0, fontSize: 20 }}>Imported into {result.module.title}</h2>
      <p style={{ margin: 0 }}>
        {cards.created.total} new, {cards.updated.total} updated, {cards.unchanged.total} unchanged, {cards.archived.total} archived.
      </p>
      <p className="muted small" style={{ margin: 0 }}>
        New cards join your daily queue after the new cards already waiting; edited cards keep their history.
      </p>
      <Link href="/review" className="button primary block" data-testid="import-review">
        Start reviewing
      </Link>
      <a href="/import" className="button block">
        Import another file
      </a>
    </section>
  );
}
