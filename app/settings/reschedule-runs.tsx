"use client";
// Recent reschedules, each with its Undo, and a way to reschedule by hand.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendModuleRequest } from "@/app/library/module-request";
import type { RescheduleRunView } from "@/lib/reschedule/run-view";
import { RescheduleOffer, undoLine } from "@/app/components/reschedule-offer";

const REASONS: Record<RescheduleRunView["reason"], string> = {
  RETENTION: "after a retention change",
  WEIGHTS: "after new FSRS parameters",
  BALANCING: "after load balancing or easy days changed",
  MANUAL: "by hand",
};

/** "YYYY-MM-DD HH:MM" in the user's zone: the same text on the server and in the browser. */
function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })
    .format(new Date(iso))
    .replace(",", "");
}

export function RescheduleRuns({ runs, timeZone }: { runs: RescheduleRunView[]; timeZone: string }) {
  const router = useRouter();
  const [offers, setOffers] = useState(0);
  const [error, setError] = useState<string | null>(null);

  async function undo(id: string) {
    setError(null);
    const outcome = await sendModuleRequest("POST", `/api/reschedule/${id}/undo`);
    if (outcome.ok) router.refresh();
    else setError(outcome.message);
  }

  return (
    <section className="panel stack" id="reschedules" data-testid="reschedule-runs">
      <h2 style={{ margin: 0, fontSize: 18 }}>Reschedules</h2>
      <p className="muted small" style={{ margin: 0 }}>
        Moving review cards&rsquo; due dates to match your retention, parameters and easy days. It never changes your review history, and each can be undone.
      </p>
      {runs.length === 0 && <p className="muted small">None yet.</p>}
      {runs.map((run) => (
        <div key={run.id} className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }} data-testid="reschedule-run">
          <span className="small">
            {formatWhen(run.createdAt, timeZone)} {REASONS[run.reason]}: {run.changedCards} of {run.reviewCards} moved
            {run.skippedCards > 0 ? `, ${run.skippedCards} left (reviewed meanwhile)` : ""}.
            {run.undoneAt && (
              <>
                <br />
                <span className="muted">Undone. {undoLine(run)}</span>
              </>
            )}
          </span>
          {!run.undoneAt && run.finished && run.changedCards > 0 && (
            <button className="button" type="button" onClick={() => void undo(run.id)} data-testid="reschedule-run-undo">
              Undo
            </button>
          )}
        </div>
      ))}
      <button className="button block" type="button" onClick={() => setOffers((n) => n + 1)} data-testid="reschedule-manual">
        Check due dates now
      </button>
      {offers > 0 && <RescheduleOffer key={offers} reason="MANUAL" />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
