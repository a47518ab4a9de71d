"use client";
// "Reschedule N review cards to match?": offered after a change of desired
// retention (Settings, a preset, a module in the library), weights, load
// balancing or easy days, with a preview of what would move. Nothing changes
// until the learner taps; the result comes with an Undo.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { sendModuleRequest } from "@/app/library/module-request";
import type { RescheduleCounts } from "@/lib/reschedule/tally";
import type { RescheduleRunView } from "@/lib/reschedule/run-view";

type Reason = RescheduleRunView["reason"];
type Preview = { asOf: string; counts: RescheduleCounts };
type Phase =
  | { kind: "loading" }
  | { kind: "offer"; preview: Preview }
  | { kind: "nothing" }
  | { kind: "busy" }
  | { kind: "done"; run: RescheduleRunView }
  | { kind: "undone"; run: RescheduleRunView }
  | { kind: "dismissed" };

const OFFER_STYLE = { border: "1px solid var(--accent)", borderRadius: "var(--radius)", padding: 12, gap: 8 } as const;

const cards = (n: number) => `${n} review card${n === 1 ? "" : "s"}`;

/** The preview line: which way cards move and what tomorrow looks like. */
function previewLine({ counts }: Preview): string {
  const moves = [counts.sooner > 0 ? `${counts.sooner} sooner` : null, counts.later > 0 ? `${counts.later} later` : null].filter(Boolean).join(", ");
  return `${moves || "Same dates"} · due by the end of tomorrow: ${counts.dueByTomorrow.before} → ${counts.dueByTomorrow.after}`;
}

/** Undo's summary: what was put back, and what was kept because it was reviewed since. */
export function undoLine(run: RescheduleRunView): string {
  const kept = run.undoSkippedCards ?? 0;
  return `Put back ${cards(run.restoredCards ?? 0)}${kept > 0 ? `; ${kept} reviewed since kept their new dates` : ""}.`;
}

/**
 * The offer a save calls for: `offerFor(reason)` with the reason the server
 * answered (null or undefined: none). Each call is a new offer (its key
 * remounts it), so a second save previews afresh.
 */
export function useRescheduleOffer(): [{ reason: Reason; key: number } | null, (reason: Reason | null | undefined) => void] {
  const [offer, setOffer] = useState<{ reason: Reason; key: number } | null>(null);
  const offerFor = useCallback((reason: Reason | null | undefined) => {
    if (reason) setOffer((last) => ({ reason, key: (last?.key ?? 0) + 1 }));
  }, []);
  return [offer, offerFor];
}

export function RescheduleOffer({ reason }: { reason: Reason }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [error, setError] = useState<string | null>(null);
  // One id per offer: a double tap or a retry after a lost answer reschedules once.
  const runId = useRef<string>(crypto.randomUUID());

  useEffect(() => {
    let live = true;
    void sendModuleRequest<Preview>("POST", "/api/reschedule", { id: runId.current, reason, dryRun: true }).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setPhase({ kind: "dismissed" });
      setPhase(outcome.body.counts.changed > 0 ? { kind: "offer", preview: outcome.body } : { kind: "nothing" });
    });
    return () => {
      live = false;
    };
  }, [reason]);

  async function reschedule(preview: Preview) {
    setError(null);
    setPhase({ kind: "busy" });
    const outcome = await sendModuleRequest<{ run: RescheduleRunView }>("POST", "/api/reschedule", { id: runId.current, reason, asOf: preview.asOf });
    if (!outcome.ok) {
      setError(outcome.message);
      return setPhase({ kind: "offer", preview });
    }
    setPhase({ kind: "done", run: outcome.body.run });
    router.refresh();
  }

  async function undo(run: RescheduleRunView) {
    setError(null);
    const outcome = await sendModuleRequest<{ run: RescheduleRunView }>("POST", `/api/reschedule/${run.id}/undo`);
    if (!outcome.ok) return setError(outcome.message);
    setPhase({ kind: "undone", run: outcome.body.run });
    router.refresh();
  }

  if (phase.kind === "loading" || phase.kind === "dismissed") return null;
  return (
    <section className="stack" style={OFFER_STYLE} data-testid="reschedule-offer" aria-label="Reschedule review cards">
      {phase.kind === "nothing" && <p className="muted small">Your review cards&rsquo; due dates already match.</p>}
      {phase.kind === "offer" && (
        <>
          <p style={{ margin: 0 }}>
            <strong>Reschedule {cards(phase.preview.counts.changed)} to match?</strong>
          </p>
          <p className="muted small" style={{ margin: 0 }} data-testid="reschedule-preview">
            {previewLine(phase.preview)}. Your review history is kept; you can undo this.
          </p>
          {/* Labels never break; at narrow widths "Not now" goes below, inside the border. */}
          <div className="row" style={{ whiteSpace: "nowrap", flexWrap: "wrap" }}>
            <button className="button primary" type="button" onClick={() => void reschedule(phase.preview)} data-testid="reschedule-accept">
              Reschedule
            </button>
            <button className="button" type="button" onClick={() => setPhase({ kind: "dismissed" })}>
              Not now
            </button>
          </div>
        </>
      )}
      {phase.kind === "busy" && <p className="muted small">Rescheduling…</p>}
      {phase.kind === "done" && (
        <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
          <span role="status" data-testid="reschedule-result">
            Rescheduled {cards(phase.run.changedCards)}.{phase.run.skippedCards > 0 ? ` ${phase.run.skippedCards} reviewed meanwhile kept their dates.` : ""}
          </span>
          <button className="button" type="button" onClick={() => void undo(phase.run)} data-testid="reschedule-undo">
            Undo
          </button>
        </div>
      )}
      {phase.kind === "undone" && (
        <p role="status" className="small" style={{ margin: 0 }} data-testid="reschedule-undone">
          {undoLine(phase.run)}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
