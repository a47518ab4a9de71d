"use client";
// Named presets: each a set of scheduling options a module can follow instead
// of the learner's settings (Library → a module's settings → Preset). A change
// applies to what is scheduled next; the review log is never touched. When the
// server answers that a save or a deletion moved a studied module's retention,
// the reschedule is offered: under the preset after a save, under the list
// after a deletion (the deleted preset's editor is gone).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ChangedPreset, PresetList, PresetRescheduleReason, PresetView, RemovedPreset } from "@/lib/presets/presets";
import { sendModuleRequest } from "@/app/library/module-request";
import { PresetFields } from "./preset-fields";
import { RescheduleOffer, useRescheduleOffer } from "@/app/components/reschedule-offer";

export function PresetsPanel({ initial }: { initial: PresetList }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [status, setStatus] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  // One id per preset being made: a double tap or a retry after a lost answer creates it once.
  const pendingId = useRef<string | null>(null);
  const [offer, offerFor] = useRescheduleOffer();

  async function create(event: React.FormEvent) {
    event.preventDefault();
    pendingId.current ??= crypto.randomUUID();
    const outcome = await sendModuleRequest("POST", "/api/presets", { id: pendingId.current, name });
    setStatus(outcome.ok ? { kind: "done", text: `Created ${name}: a copy of your settings to change` } : { kind: "error", text: outcome.message });
    if (outcome.ok) {
      pendingId.current = null;
      setName("");
      router.refresh();
    }
  }
  function removed(name: string, reason: PresetRescheduleReason) {
    setStatus({ kind: "done", text: `Deleted ${name}` });
    offerFor(reason);
    router.refresh();
  }

  return (
    <section className="panel stack" id="presets" data-testid="presets">
      <h2 style={{ margin: 0, fontSize: 18 }}>Presets</h2>
      <p className="muted small" style={{ margin: 0 }}>
        A preset is a set of the options above that a module can follow instead of your settings: choose it under the module&rsquo;s settings in the{" "}
        <a href="/library">library</a>. Changing one changes what comes next, never your review history.
      </p>
      {/* Each editor keyed by id alone: the refresh after a save must not remount it, closing it and dropping "Saved". */}
      {initial.presets.map((preset) => (
        <PresetEditor key={preset.id} preset={preset} onRemoved={removed} />
      ))}
      <form className="row" style={{ gap: 8, alignItems: "flex-end" }} onSubmit={create}>
        <label style={{ flex: 1, minWidth: 0 }}>
          New preset
          <input value={name} maxLength={60} required placeholder="e.g. Light days" onChange={(e) => setName(e.target.value)} name="presetName" />
        </label>
        <button className="button" type="submit" data-testid="preset-create">
          Add
        </button>
      </form>
      {status && (
        <p className={status.kind === "error" ? "error" : "muted small"} role={status.kind === "error" ? "alert" : "status"}>
          {status.text}
        </p>
      )}
      {offer && <RescheduleOffer key={offer.key} reason={offer.reason} />}
    </section>
  );
}

function PresetEditor({ preset, onRemoved }: { preset: PresetView; onRemoved: (name: string, reason: PresetRescheduleReason) => void }) {
  const router = useRouter();
  const [values, setValues] = useState(preset);
  const [stepsError, setStepsError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [offer, offerFor] = useRescheduleOffer();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (stepsError) return setStatus({ kind: "error", text: stepsError });
    const { id, modules: _modules, updatedAt: _updatedAt, ...patch } = values;
    const outcome = await sendModuleRequest<ChangedPreset>("PATCH", `/api/presets/${id}`, patch);
    setStatus(outcome.ok ? { kind: "done", text: "Saved" } : { kind: "error", text: outcome.message });
    if (!outcome.ok) return;
    offerFor(outcome.body.rescheduleReason);
    router.refresh();
  }
  async function remove() {
    const outcome = await sendModuleRequest<RemovedPreset>("DELETE", `/api/presets/${preset.id}`);
    if (outcome.ok) onRemoved(preset.name, outcome.body.rescheduleReason);
    else setStatus({ kind: "error", text: outcome.message });
  }

  return (
    <details className="module-settings" data-testid="preset">
      <summary>
        {preset.name}{" "}
        <span className="muted small">
          · {preset.modules} module{preset.modules === 1 ? "" : "s"}
        </span>
      </summary>
      <form className="stack" style={{ marginTop: 10 }} onSubmit={save}>
        <label>
          Name
          <input value={values.name} maxLength={60} required onChange={(e) => setValues({ ...values, name: e.target.value })} name="name" />
        </label>
        <PresetFields value={values} onChange={(next) => setValues({ ...values, ...next })} idPrefix={`preset-${preset.id}`} onStepsError={setStepsError} />
        <button className="button primary block" type="submit">
          Save preset
        </button>
        <button className="button block danger" type="button" onClick={() => void remove()}>
          Delete preset{preset.modules > 0 ? ` (its ${preset.modules === 1 ? "module follows" : "modules follow"} your settings again)` : ""}
        </button>
        {status && (
          <p className={status.kind === "error" ? "error" : "muted small"} role={status.kind === "error" ? "alert" : "status"}>
            {status.text}
          </p>
        )}
        {offer && <RescheduleOffer key={offer.key} reason={offer.reason} />}
      </form>
    </details>
  );
}
