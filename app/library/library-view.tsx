"use client";
// The library: every module the learner can see, what feeds their daily
// review, and their own modules' names, archiving and deletion.
import { IntentLink } from "@/app/components/intent-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Library, LibraryModule } from "@/lib/modules/library";
import { NewModuleForm } from "./new-module-form";
import { ModuleSettings } from "./module-settings";
import { sendModuleRequest } from "./module-request";

export function LibraryView({ library }: { library: Library }) {
  const active = library.modules.filter((m) => !m.archived);
  const archived = library.modules.filter((m) => m.archived);
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0, fontSize: 22 }}>Library</h1>
        <IntentLink href="/import" className="button small-button">
          Import
        </IntentLink>
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        Switch a module on to have its cards in your daily review. Cards keep their schedule while a module is off.
      </p>
      {active.map((m) => (
        <ModuleCard key={m.id} module={m} defaults={library.defaults} presets={library.presets} />
      ))}
      <NewModuleForm />
      {archived.length > 0 && (
        <section className="stack" aria-label="Archived modules">
          <h2 style={{ margin: 0, fontSize: 17 }}>Archived</h2>
          {archived.map((m) => (
            <ModuleCard key={m.id} module={m} defaults={library.defaults} presets={library.presets} />
          ))}
        </section>
      )}
    </>
  );
}

function ModuleCard({ module: m, defaults, presets }: { module: LibraryModule; defaults: Library["defaults"]; presets: Library["presets"] }) {
  const router = useRouter();
  const [studying, setStudying] = useState(m.studying);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle(next: boolean) {
    // The switch moves at once; its label says "Saving…" until the server has it.
    setStudying(next);
    setSaving(true);
    setError(null);
    const outcome = await sendModuleRequest("PATCH", `/api/modules/${m.slug}/study`, { studying: next });
    setSaving(false);
    if (!outcome.ok) {
      setStudying(!next);
      setError(outcome.message);
    } else router.refresh();
  }

  return (
    <section className={`panel stack module-entry${m.archived ? " archived" : ""}`} data-testid={`library-${m.slug}`}>
      <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
        <div className="stack" style={{ gap: 4, minWidth: 0 }}>
          <h2 className="module-title">{m.title}</h2>
          <span className="muted small">
            {m.owned ? "Yours" : "Built-in course"} · {m.counts.total} card{m.counts.total === 1 ? "" : "s"}
            {m.archived ? " · archived" : ""}
          </span>
        </div>
        {!m.archived && (
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={studying}
              checked={studying}
              disabled={saving}
              onChange={(e) => void toggle(e.target.checked)}
              aria-label={`${m.title} in daily review`}
            />
            <span className="small" aria-live="polite">
              {saving ? "Saving…" : studying ? "In review" : "Off"}
            </span>
          </label>
        )}
      </div>
      {m.description && (
        <p className="small" style={{ margin: 0 }}>
          {m.description}
        </p>
      )}
      <p className="library-counts">
        <span>
          <strong>{m.counts.new}</strong> new
        </span>
        <span>
          <strong>{m.counts.learning}</strong> learning
        </span>
        <span>
          <strong>{m.counts.due}</strong> due
        </span>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ModuleSettings module={m} defaults={defaults} presets={presets} />
      <div className="row wrap">
        <IntentLink href={`/cards?module=${m.slug}`} className="small">
          Browse cards
        </IntentLink>
        {m.studying && (
          <IntentLink href={`/modules/${m.slug}`} className="small">
            Readiness
          </IntentLink>
        )}
        {m.owned && !m.archived && (
          <IntentLink href={`/cards/new?module=${m.slug}`} className="small">
            Write a card
          </IntentLink>
        )}
        {m.owned && !m.archived && (
          <IntentLink href={`/import?module=${m.slug}`} className="small">
            Import into it
          </IntentLink>
        )}
      </div>
      <DownloadLinks slug={m.slug} title={m.title} />
    </section>
  );
}

const DOWNLOADS = [
  { format: "md", label: "Markdown folder (.zip)" },
  { format: "csv", label: "CSV" },
  { format: "apkg", label: "Anki (.apkg, with your reviews)" },
] as const;

/** Plain links, not client navigation: the browser saves what the export route sends. */
function DownloadLinks({ slug, title }: { slug: string; title: string }) {
  return (
    <details className="small">
      <summary>Download</summary>
      <div className="row wrap" style={{ marginTop: 6 }}>
        {DOWNLOADS.map((d) => (
          <a key={d.format} href={`/api/modules/${slug}/export?format=${d.format}`} download aria-label={`Download ${title} as ${d.label}`}>
            {d.label}
          </a>
        ))}
      </div>
    </details>
  );
}
