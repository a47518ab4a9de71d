"use client";
// A module's own study settings, and for the learner's own modules its name,
// archiving and deletion, folded away under one summary. A study save that
// changes the retention the module is scheduled with offers a reschedule.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RescheduleOffer, useRescheduleOffer } from "@/app/components/reschedule-offer";
import type { Library, LibraryModule } from "@/lib/modules/library";
import type { SavedStudyChoice } from "@/lib/modules/manage-modules";
import { type ModuleOutcome, sendModuleRequest } from "./module-request";

const RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.97];

export function ModuleSettings({ module: m, defaults, presets }: { module: LibraryModule; defaults: Library["defaults"]; presets: Library["presets"] }) {
  const router = useRouter();
  const [presetId, setPresetId] = useState(m.presetId ?? "");
  const [retention, setRetention] = useState(m.desiredRetention === null ? "" : String(m.desiredRetention));
  const [newPerDay, setNewPerDay] = useState(m.newCardsPerDay === null ? "" : String(m.newCardsPerDay));
  const [title, setTitle] = useState(m.title);
  const [description, setDescription] = useState(m.description);
  const [confirm, setConfirm] = useState("");
  const [status, setStatus] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [offer, offerFor] = useRescheduleOffer();

  async function run<T>(request: Promise<ModuleOutcome<T>>, done: string): Promise<ModuleOutcome<T>> {
    setStatus(null);
    const outcome = await request;
    setStatus(outcome.ok ? { kind: "done", text: done } : { kind: "error", text: outcome.message });
    if (outcome.ok) router.refresh();
    return outcome;
  }

  const saveStudy = async (event: React.FormEvent) => {
    event.preventDefault();
    const outcome = await run(
      sendModuleRequest<SavedStudyChoice>("PATCH", `/api/modules/${m.slug}/study`, {
        presetId: presetId === "" ? null : presetId,
        desiredRetention: retention === "" ? null : Number(retention),
        newCardsPerDay: newPerDay === "" ? null : Number(newPerDay),
      }),
      "Saved",
    );
    if (outcome.ok) offerFor(outcome.body?.rescheduleReason);
  };
  const saveNames = (event: React.FormEvent) => {
    event.preventDefault();
    void run(sendModuleRequest("PATCH", `/api/modules/${m.slug}`, { title, description }), "Saved");
  };
  const preset = presets.find((p) => p.id === presetId);
  const base = preset ?? defaults;
  const retentions = m.desiredRetention === null || RETENTIONS.includes(m.desiredRetention) ? RETENTIONS : [...RETENTIONS, m.desiredRetention].sort();

  return (
    <details className="module-settings">
      <summary className="small">Settings{m.owned ? ", name and deletion" : ""}</summary>
      <div className="stack" style={{ marginTop: 10 }}>
        {!m.archived && (
          <form className="stack" onSubmit={saveStudy}>
            <label>
              Preset
              <select value={presetId} onChange={(e) => setPresetId(e.target.value)} name="presetId">
                <option value="">My settings</option>
                {presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <p className="small muted" style={{ margin: 0 }}>
              Make presets on <a href="/settings#presets">your settings page</a>. The two fields below, when filled, override the preset for this module.
            </p>
            <label>
              Desired retention
              <select value={retention} onChange={(e) => setRetention(e.target.value)} name="desiredRetention">
                <option value="">
                  As in {preset ? preset.name : "my settings"} ({Math.round(base.desiredRetention * 100)}%)
                </option>
                {retentions.map((r) => (
                  <option key={r} value={String(r)}>
                    {Math.round(r * 100)}%
                  </option>
                ))}
              </select>
            </label>
            <label>
              New cards per day from this module
              <input
                type="number"
                min={0}
                max={9999}
                inputMode="numeric"
                value={newPerDay}
                name="newCardsPerDay"
                placeholder={preset ? `As in ${preset.name} (${preset.newCardsPerDay})` : `Only my overall limit (${defaults.newCardsPerDay})`}
                onChange={(e) => setNewPerDay(e.target.value)}
              />
            </label>
            <button className="button block" type="submit">
              Save study settings
            </button>
            {offer && <RescheduleOffer key={offer.key} reason={offer.reason} />}
          </form>
        )}
        {m.owned && (
          <>
            <form className="stack" onSubmit={saveNames}>
              <label>
                Title
                <input value={title} maxLength={120} required onChange={(e) => setTitle(e.target.value)} name="title" />
              </label>
              <label>
                Description
                <textarea value={description} maxLength={1000} rows={2} onChange={(e) => setDescription(e.target.value)} name="description" />
              </label>
              <button className="button block" type="submit">
                Save name
              </button>
            </form>
            <button
              className="button block"
              type="button"
              onClick={() => void run(sendModuleRequest("PATCH", `/api/modules/${m.slug}`, { archived: !m.archived }), m.archived ? "Restored" : "Archived")}
            >
              {m.archived ? "Restore from the archive" : "Archive (keeps cards and history, leaves the review)"}
            </button>
            <form
              className="stack danger-zone"
              onSubmit={(event) => {
                event.preventDefault();
                void run(sendModuleRequest("DELETE", `/api/modules/${m.slug}?confirm=${encodeURIComponent(confirm)}`), "Deleted");
              }}
            >
              <label>
                Delete this module and its {m.counts.total} card{m.counts.total === 1 ? "" : "s"}: type <code>{m.slug}</code> to confirm. Your review history
                stays in the export.
                <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoCapitalize="none" autoCorrect="off" name="confirm" />
              </label>
              <button className="button block danger" type="submit" disabled={confirm !== m.slug}>
                Delete module
              </button>
            </form>
          </>
        )}
        {status && (
          <p className={status.kind === "error" ? "error" : "muted small"} role={status.kind === "error" ? "alert" : "status"}>
            {status.text}
          </p>
        )}
      </div>
    </details>
  );
}
