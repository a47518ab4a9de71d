"use client";
// A grill in progress: one question at a time against its clock. Submitting
// (or the clock running out) records the answer and opens the reveal; the
// key points ticked become the score; after the last question the grill is
// finished and the summary shows. Keys on a desktop: Enter submits, 1–9 tick
// key points, N goes on. On a phone Enter is a new line and the button submits.
import { IntentLink } from "@/app/components/intent-link";
import { useCallback, useEffect, useState } from "react";
import type { AnswerOutcome } from "@/lib/grills/answer-item";
import type { ShowOutcome } from "@/lib/grills/get-grill";
import type { GrillItemView, GrillView, NumericResult } from "@/lib/grills/grill-view";
import { isSettled as done } from "@/lib/grills/scoring";
import { postJson } from "../grill-api";
import { GrillClock, useCountdown } from "./grill-clock";
import { InterviewItem } from "./interview-item";
import { NumericItem } from "./numeric-item";
import { GrillSummaryView } from "./grill-summary";
import { RenderedHtml } from "@/app/components/rendered-html";
import { useTouchFirst } from "@/app/components/use-touch-first";

export function GrillRun({ initial }: { initial: GrillView }) {
  const [grill, setGrill] = useState(initial);
  const [position, setPosition] = useState(() => initial.items.find((i) => !done(i))?.position ?? null);
  const [text, setText] = useState("");
  const [steps, setSteps] = useState<Record<string, string>>({});
  const [ticks, setTicks] = useState<ReadonlySet<number>>(new Set());
  const [pending, setPending] = useState<NumericResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const touchFirst = useTouchFirst();
  const item = position === null ? undefined : grill.items.find((i) => i.position === position);
  const limitMs = grill.secondsPerItem * 1000;
  const replace = useCallback((next: GrillItemView) => setGrill((g) => ({ ...g, items: g.items.map((i) => (i.position === next.position ? next : i)) })), []);

  const finish = useCallback(async () => {
    setBusy(true);
    setError(null);
    const outcome = await postJson<GrillView>(`/api/grills/${grill.id}/finish`, {});
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setGrill(outcome.body);
    setPosition(null);
  }, [grill.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: clock is made below (its timeout calls submit); elapsedMs reads a ref, so any render's copy is current.
  const submit = useCallback(
    async (timedOut: boolean) => {
      if (!item || item.answered || busy) return;
      setBusy(true);
      setError(null);
      const timeMs = timedOut ? limitMs : clock.elapsedMs();
      const body = item.kind === "numeric" ? { answers: steps, timeMs } : { answer: text, timeMs };
      const outcome = await postJson<AnswerOutcome>(`/api/grills/${grill.id}/items/${item.position}/answer`, body);
      setBusy(false);
      if (!outcome.ok) return setError(outcome.message);
      if (!outcome.body.stored) return setPending(outcome.body.item.grade);
      setPending(null);
      replace(outcome.body.item);
    },
    [item, busy, limitMs, steps, text, grill.id, replace],
  );

  // The clock waits for the server to note the question as shown (the page load does it for the first one).
  const ticking = item !== undefined && !item.answered && !done(item) && item.leftMs !== null;
  const clock = useCountdown(limitMs, item?.leftMs ?? limitMs, ticking, `${grill.id}:${position}`, () => void submit(true));

  const shownKey = item && !item.answered && !done(item) && item.leftMs === null ? item.position : null;
  useEffect(() => {
    if (shownKey === null) return;
    let live = true;
    void postJson<ShowOutcome>(`/api/grills/${grill.id}/items/${shownKey}/shown`, {}).then((outcome) => {
      if (!live) return;
      // Offline: run the clock here; the answer is then bounded by the time since the last one, and a reload marks it shown.
      if (outcome.ok) replace(outcome.body.item);
      else setGrill((g) => ({ ...g, items: g.items.map((i) => (i.position === shownKey ? { ...i, leftMs: limitMs } : i)) }));
    });
    return () => {
      live = false;
    };
  }, [grill.id, shownKey, limitMs, replace]);

  const next = useCallback(async () => {
    if (!item?.answered || busy) return;
    if (!done(item)) {
      setBusy(true);
      setError(null);
      const outcome = await postJson<AnswerOutcome>(`/api/grills/${grill.id}/items/${item.position}/key-points`, { keyPointsHit: [...ticks] });
      setBusy(false);
      if (!outcome.ok) return setError(outcome.message);
      replace(outcome.body.item);
    }
    const after = grill.items.find((i) => i.position > item.position && !done(i));
    setText("");
    setSteps({});
    setTicks(new Set());
    setPending(null);
    if (after) setPosition(after.position);
    else await finish();
  }, [item, busy, ticks, grill, finish, replace]);

  const toggle = useCallback((index: number) => {
    setTicks((t) => {
      const copy = new Set(t);
      if (copy.has(index)) copy.delete(index);
      else copy.add(index);
      return copy;
    });
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!item || event.metaKey || event.ctrlKey || event.altKey) return;
      const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
      if (event.target instanceof HTMLTextAreaElement && event.key === "Enter" && !event.shiftKey && !touchFirst) {
        event.preventDefault();
        void submit(false);
        return;
      }
      if (typing) return;
      const count = item.reveal?.keyPointsHtml.length ?? 0;
      const digit = Number(event.key);
      if (item.answered && item.kind === "interview" && !done(item) && Number.isInteger(digit) && digit >= 1 && digit <= count) {
        event.preventDefault();
        toggle(digit - 1);
      } else if ((event.key === "n" || event.key === "N") && item.answered) {
        event.preventDefault();
        void next();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, submit, next, toggle, touchFirst]);

  if (grill.summary || position === null || !item) {
    return grill.summary ? <GrillSummaryView grill={grill} /> : <Unfinished onFinish={finish} busy={busy} error={error} />;
  }

  const index = grill.items.findIndex((i) => i.position === item.position);
  return (
    <div
      className="grill stack"
      data-testid="grill-item"
      data-kind={item.kind}
      data-position={item.position}
      data-exercise={item.exercise?.slug}
      data-seed={item.exercise?.seed}
    >
      <div className="grill-top">
        <IntentLink href="/grill" className="grill-back" aria-label="Back to grill setup">
          ‹
        </IntentLink>
        <span className="muted small">
          Question {index + 1} of {grill.items.length}
        </span>
        <button type="button" className="link-button" onClick={() => void finish()} disabled={busy} data-testid="finish-now">
          Finish now
        </button>
      </div>
      <GrillClock leftMs={item.answered ? Math.max(0, limitMs - (item.timeMs ?? 0)) : clock.leftMs} limitMs={limitMs} stopped={item.answered} />
      {item.outOfTime && (
        <p className="notice" style={{ margin: 0 }} data-testid="out-of-time">
          Out of time: this question scores 0, but here is the answer.
        </p>
      )}
      <form
        className="grill-card stack"
        onSubmit={(e) => {
          e.preventDefault();
          void (item.answered ? next() : submit(false));
        }}
      >
        <header className="grill-meta">
          <span>{item.topic}</span>
          {item.difficulty && <span className={`pill ${item.difficulty.toLowerCase()}`}>{item.difficulty.toLowerCase()}</span>}
          <span className="pill">{item.kind === "numeric" ? "numbers" : "interview"}</span>
        </header>
        <RenderedHtml className="grill-prompt prompt" html={item.promptHtml} />
        {item.kind === "numeric" ? (
          <NumericItem item={item} answers={steps} onAnswer={(k, v) => setSteps((s) => ({ ...s, [k]: v }))} pending={pending} disabled={busy} />
        ) : item.kind === "interview" ? (
          <InterviewItem item={item} text={text} onText={setText} ticks={ticks} onTick={toggle} disabled={busy} touchFirst={touchFirst} />
        ) : null}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="grill-bar">
          {item.answered || item.kind === "removed" ? (
            <button className="button primary block" type="submit" disabled={busy} data-testid="grill-next">
              {item.kind === "interview" && !done(item) ? `Score ${ticks.size} of ${item.reveal?.keyPointsHtml.length ?? 0} · next` : "Next"}
              <span className="key-hint"> N</span>
            </button>
          ) : (
            <button className="button primary block" type="submit" disabled={busy} data-testid="grill-submit">
              {busy ? "Saving…" : item.kind === "numeric" ? "Check" : "Submit answer"}
              <span className="key-hint"> ⏎</span>
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

function Unfinished({ onFinish, busy, error }: { onFinish: () => void; busy: boolean; error: string | null }) {
  return (
    <section className="panel stack">
      <p style={{ margin: 0 }}>Every question is answered.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button primary block" onClick={onFinish} disabled={busy} data-testid="grill-finish">
        See the summary
      </button>
    </section>
  );
}
