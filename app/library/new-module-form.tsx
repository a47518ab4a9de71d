"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendModuleRequest } from "./module-request";

/** A slug from a title: lowercase words joined by hyphens. */
function slugOf(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

export function NewModuleForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await sendModuleRequest("POST", "/api/modules", { slug, title, description });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setTitle("");
    setSlug("");
    setSlugEdited(false);
    setDescription("");
    router.refresh();
  }

  return (
    <details className="panel">
      <summary className="summary-button">New module</summary>
      <form className="stack" onSubmit={create} style={{ marginTop: 12 }} data-testid="new-module-form">
        <label>
          Title
          <input
            value={title}
            maxLength={120}
            required
            name="title"
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slugEdited) setSlug(slugOf(e.target.value));
            }}
          />
        </label>
        <label>
          Short name (in links and for the command line)
          <input
            value={slug}
            maxLength={64}
            required
            name="slug"
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            autoCapitalize="none"
            autoCorrect="off"
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
          />
        </label>
        <label>
          Description (optional)
          <textarea value={description} maxLength={1000} rows={2} name="description" onChange={(e) => setDescription(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button primary block" type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create module"}
        </button>
      </form>
    </details>
  );
}
