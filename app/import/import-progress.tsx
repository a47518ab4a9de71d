// Where an Anki import job stands: the step it is on, a bar, and the count
// behind it (notes converted, cards written), polled while the server works.
import type { ImportPhase } from "@/lib/imports/anki-import";
import type { ImportJobView } from "@/lib/imports/jobs/import-job-view";

const PHASES: Record<ImportPhase, { label: string; unit: string }> = {
  reading: { label: "Unpacking the package", unit: "steps" },
  converting: { label: "Converting notes and replaying their history", unit: "notes" },
  previewing: { label: "Comparing with your modules", unit: "decks" },
  writing: { label: "Writing cards and their history", unit: "cards" },
};

const ORDER: readonly ImportPhase[] = ["reading", "converting", "previewing", "writing"];

/** `job` is null while the upload (or the commit request) is on its way. */
export function ImportProgressView({ job, dryRun }: { job: ImportJobView | null; dryRun: boolean }) {
  const progress = job?.status === "RUNNING" ? job.progress : null;
  const phase = progress ? PHASES[progress.phase] : null;
  const steps = dryRun ? ORDER.slice(0, 3) : ORDER;
  const at = progress ? steps.indexOf(progress.phase) + 1 : 0;
  const waiting = !job ? (dryRun ? "Uploading the package…" : "Asking for the import…") : "Waiting for the importer…";
  return (
    <section className="panel stack" data-testid="import-progress" aria-live="polite">
      <h2 style={{ margin: 0, fontSize: 18 }}>{dryRun ? "Reading your package" : "Importing"}</h2>
      <progress className="import-bar" value={progress?.done} max={progress && progress.total > 0 ? progress.total : undefined} data-testid="import-bar" />
      <p style={{ margin: 0 }} data-testid="import-phase">
        {phase && progress ? (
          <>
            <strong>{phase.label}</strong>
            <span className="muted">
              {" "}
              · step {at} of {steps.length}
            </span>
            <br />
            <span className="muted small">
              {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} {phase.unit}
            </span>
          </>
        ) : (
          <span className="muted">{waiting}</span>
        )}
      </p>
      {!dryRun && (
        <p className="muted small" style={{ margin: 0 }}>
          All or nothing: if it stops, nothing is written. You can leave this page; the import carries on.
        </p>
      )}
    </section>
  );
}
