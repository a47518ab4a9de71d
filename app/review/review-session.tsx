"use client";
// The daily review screen. The whole session queue lives here: rating a card
// shows the next one at once while the outbox posts the review behind it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QueueCard, RatingPreview } from "@/lib/queue/queue-card";
import type { TodayQueue } from "@/lib/queue/today-queue";
import type { OutboxStatus } from "@/lib/client/review-outbox";
import { browserReviewOutbox } from "@/lib/client/browser-outbox";
import { afterNextFrame } from "@/lib/client/after-next-frame";
import { useOfflineSession } from "./use-offline-session";
import { drawnFaces, useStandbyCards } from "./use-standby-cards";
import { CardFace } from "./card-face";
import { RatingBar } from "./rating-bar";
import { ReviewCounter } from "./review-counter";
import { comesBackToday, sessionCounts, type SessionCounts } from "@/lib/queue/session-counts";
import { useHydrated } from "@/app/components/use-hydrated";
import type { NoteView } from "@/lib/cards/card-editor";
import "../cards/editor.css";

// Shown only for some cards, or on request: each loads its own chunk when first needed.
// React's lazy, not next/dynamic, which would add 2 KB of its own to the first load.
const ExerciseCardFace = lazy(() => import("./exercise-card-face").then((m) => ({ default: m.ExerciseCardFace })));
const DrawingCardFace = lazy(() => import("./drawing-card-face").then((m) => ({ default: m.DrawingCardFace })));
const EditSheet = lazy(() => import("./edit-sheet").then((m) => ({ default: m.EditSheet })));
// The summary shows only once the queue is empty after a rating: it is fetched at the first rating, so a
// look at the screen never loads it.
const loadSessionSummary = () => import("./session-summary").then((m) => ({ default: m.SessionSummary }));
const SessionSummary = lazy(loadSessionSummary);
// Only a screen with nothing due shows it: a session's first load never needs it.
const EmptyState = lazy(() => import("./empty-state").then((m) => ({ default: m.EmptyState })));

type Done = { reviewId: string; card: QueueCard; rating: 1 | 2 | 3 | 4; durationMs: number };

/** Ignore taps this soon after a rating, so a double tap cannot reveal, rate or undo on the next card. */
const TAP_GUARD_MS = 400;

type Props = {
  userId: string;
  /** Names this render of the page, so a reload of the HTML kept offline finds the session's own copy. */
  pageId: string;
  initial: TodayQueue;
  /** Today's cards the queue did not hand over (countsBeyond), counted from the server's figures. */
  beyond: SessionCounts;
  /** Which daily limit holds cards back, if one does. */
  limit: string | null;
};

// `beyond` and `limit` are worked out on the server, where their code costs the phone nothing: neither changes in a session.
export function ReviewSession({ userId, pageId, initial, beyond, limit }: Props) {
  const outbox = useMemo(() => (typeof window === "undefined" ? null : browserReviewOutbox(userId)), [userId]);
  const [queue, setQueue] = useState<QueueCard[]>(() => initial.cards);
  useOfflineSession({ userId, pageId, outbox, queue, setQueue });
  const [done, setDone] = useState<Done[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [status, setStatus] = useState<OutboxStatus>({ pending: 0, offline: false, lastError: null });
  const [notice, setNotice] = useState<string | null>(null);
  const shownAt = useRef(Date.now());
  const startedAt = useRef(Date.now());
  const lastRatedAt = useRef(0);
  /** Review id → card id, so the server's answer to a review can settle that card's count. */
  const reviewedCards = useRef(new Map<string, string>());
  const [editing, setEditing] = useState<string | null>(null);
  // Cards rated and due back today whose requeue the server has not sent yet: they count as learning meanwhile.
  const [expectedBack, setExpectedBack] = useState<ReadonlySet<string>>(() => new Set());
  // A requeued card comes back from the server without knowing who may edit it; the session remembers.
  const editableIds = useRef(new Set(initial.cards.filter((c) => c.editable).map((c) => c.cardId)));

  const current = queue[0];
  const rated = done.length > 0;

  // After the frame that shows the next card: the chunk's arrival and evaluation would otherwise compete with it.
  useEffect(() => {
    if (rated) return afterNextFrame(() => void loadSessionSummary());
  }, [rated]);

  useEffect(() => {
    if (!outbox) return;
    const unsubscribe = outbox.subscribe(setStatus);
    const unreviewed = outbox.onReviewed((reviewId, { requeue, leech, suspended }) => {
      const cardId = reviewedCards.current.get(reviewId);
      if (cardId) setExpectedBack((ids) => without(ids, cardId));
      if (requeue) {
        const card = { ...requeue, editable: editableIds.current.has(requeue.cardId) };
        setQueue((q) => [...q.filter((c) => c.cardId !== card.cardId), card]);
      }
      if (leech) {
        setNotice(
          suspended
            ? "That card has been forgotten so often that it is suspended as a leech. Rewrite or split it, then bring it back from Settings."
            : "That card has been forgotten so often that it is now marked a leech (find it under Cards). Rewrite or split it.",
        );
      }
    });
    const online = () => outbox.flush();
    window.addEventListener("online", online);
    setStatus(outbox.status());
    outbox.flush();
    return () => {
      unsubscribe();
      unreviewed();
      window.removeEventListener("online", online);
    };
  }, [outbox]);

  const reveal = useCallback(() => {
    if (Date.now() - lastRatedAt.current < TAP_GUARD_MS) return;
    setRevealed(true);
  }, []);

  /** Queues the current card's review in the outbox and shows the next card at once. */
  const commit = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!current || !outbox) return;
      lastRatedAt.current = Date.now();
      const reviewId = crypto.randomUUID();
      const durationMs = Math.min(Date.now() - shownAt.current, 3_600_000);
      outbox.addReview({ id: reviewId, cardId: current.cardId, rating, durationMs, reviewedAt: Date.now() });
      reviewedCards.current.set(reviewId, current.cardId);
      const back = comesBackToday(current.previews, rating, initial.studyDay.end);
      setExpectedBack((ids) => (back ? new Set(ids).add(current.cardId) : without(ids, current.cardId)));
      setDone((d) => [...d, { reviewId, card: current, rating, durationMs }]);
      setQueue((q) => q.slice(1));
      setRevealed(false);
      setNotice(null);
      shownAt.current = Date.now();
    },
    [current, outbox, initial.studyDay.end],
  );

  const rate = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      // Exercise and drawing cards are rated by their grade (commit from their face), never by a button or key.
      if (!revealed || current?.exercise || current?.drawing) return;
      if (Date.now() - lastRatedAt.current < TAP_GUARD_MS) return;
      commit(rating);
    },
    [current, revealed, commit],
  );

  const skip = useCallback(() => {
    setQueue((q) => (q.length > 1 ? [...q.slice(1), ...q.slice(0, 1)] : q));
    shownAt.current = Date.now();
  }, []);

  const undo = useCallback(() => {
    const last = done[done.length - 1];
    if (!last || !outbox) return;
    // Undo takes the rating buttons' place when the next card shows: the second tap of a double tap must not hit it.
    if (Date.now() - lastRatedAt.current < TAP_GUARD_MS) return;
    outbox.undo(last.reviewId);
    setExpectedBack((ids) => without(ids, last.card.cardId));
    setDone((d) => d.slice(0, -1));
    setQueue((q) => [last.card, ...q.filter((c) => c.cardId !== last.card.cardId)]);
    setRevealed(false);
    setNotice("Last review undone");
    shownAt.current = Date.now();
  }, [done, outbox]);

  /** The edited note's cards take their new faces wherever the session holds them; a card the edit archived leaves the queue. */
  const applyEdit = useCallback((note: NoteView) => {
    const byId = new Map(note.cards.map((c) => [c.id, c]));
    const refresh = (card: QueueCard): QueueCard => {
      const edited = byId.get(card.cardId);
      return edited ? { ...card, frontHtml: edited.frontHtml, backHtml: edited.backHtml, wrongAnswerHtml: edited.wrongAnswerHtml } : card;
    };
    setQueue((q) => q.filter((c) => !byId.get(c.cardId)?.archived).map(refresh));
    setDone((d) => d.map((entry) => ({ ...entry, card: refresh(entry.card) })));
    setNotice("Card saved; its schedule is unchanged");
  }, []);
  const closeEditor = useCallback(() => setEditing(null), []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (editing) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || event.metaKey || event.altKey)
        return;
      if (current?.exercise || current?.drawing) return;
      if (event.key === "e" && !event.ctrlKey && current?.editable) {
        event.preventDefault();
        setEditing(current.cardId);
        return;
      }
      if ((event.key === "z" && event.ctrlKey) || event.key === "u" || event.key === "z") {
        event.preventDefault();
        undo();
        return;
      }
      if (event.ctrlKey) return;
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        event.preventDefault();
        reveal();
        return;
      }
      if (revealed) {
        const rating = keyToRating(event.key, initial.buttonMode);
        if (rating) {
          event.preventDefault();
          rate(rating);
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, revealed, reveal, rate, undo, initial.buttonMode, editing]);

  const hydrated = useHydrated();
  const standby = useStandbyCards(queue, hydrated);
  const counts = sessionCounts(queue, expectedBack, beyond);
  const remaining = counts.new + counts.learning + counts.review;
  const total = done.length + remaining;
  const progress = total === 0 ? 1 : done.length / total;

  return (
    <div className="review">
      <h1 className="visually-hidden">Review</h1>
      <div className="review-top">
        {/* Plain links leave the review screen: next/link would add 3.5 KB to its first load and prefetch every card's info page. */}
        <a href="/" className="back" aria-label="Back to overview">
          ‹
        </a>
        <div className="progress" role="progressbar" aria-label="Reviews done this session" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done.length}>
          <div className="progress-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
        <ReviewCounter counts={counts} current={current?.queueKind ?? null} />
      </div>
      {limit && (
        <p className="muted small" style={{ margin: 0 }} data-testid="limit-note">
          {limit}
        </p>
      )}
      <SyncLine status={status} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {current?.exercise ? (
        <>
          <Suspense fallback={<FacePlaceholder />}>
            {hydrated ? (
              <ExerciseCardFace key={current.cardId + current.exercise.seed} card={{ ...current, exercise: current.exercise }} onRated={commit} onSkip={skip} />
            ) : (
              <FacePlaceholder />
            )}
          </Suspense>
          {done.length > 0 && <UndoButton onUndo={undo} />}
        </>
      ) : current?.drawing ? (
        <>
          <Suspense fallback={<FacePlaceholder />}>
            {hydrated ? (
              <DrawingCardFace key={current.cardId + current.drawing.seed} card={{ ...current, drawing: current.drawing }} onRated={commit} />
            ) : (
              <FacePlaceholder />
            )}
          </Suspense>
          {done.length > 0 && <UndoButton onUndo={undo} />}
        </>
      ) : current ? (
        <>
          {drawnFaces(standby, current).map(({ card, place }) => (
            <CardFace
              key={card.cardId}
              card={card}
              place={place}
              revealed={place === "shown" && revealed}
              onReveal={reveal}
              onEdit={() => setEditing(card.cardId)}
            />
          ))}
          <div className="answer-bar">
            {revealed ? (
              <RatingBar previews={visiblePreviews(current.previews, initial.buttonMode)} onRate={rate} />
            ) : (
              <button type="button" className="button primary block reveal" onClick={reveal} data-testid="reveal">
                Show answer<kbd className="key-hint">&nbsp;Space</kbd>
              </button>
            )}
            {done.length > 0 && <UndoButton onUndo={undo} />}
          </div>
        </>
      ) : done.length > 0 ? (
        <Suspense fallback={null}>
          <SessionSummary
            done={done}
            elapsedMs={Date.now() - startedAt.current}
            today={initial.today}
            moreDue={Math.max(0, initial.counts.learning + initial.counts.review + initial.counts.new - initial.cards.length)}
            onUndo={undo}
          />
        </Suspense>
      ) : (
        <Suspense fallback={null}>
          <EmptyState nextDueAt={initial.nextDueAt} />
        </Suspense>
      )}
      {editing && (
        <Suspense fallback={null}>
          <EditSheet cardId={editing} onSaved={applyEdit} onClose={closeEditor} />
        </Suspense>
      )}
    </div>
  );
}

/** Where an exercise or drawing face will be, while its code loads (never rendered on the server: see useHydrated). */
function FacePlaceholder() {
  return <article className="card-face" aria-busy="true" aria-label="Loading the card" />;
}

function UndoButton({ onUndo }: { onUndo: () => void }) {
  return (
    <button type="button" className="undo" onClick={onUndo} data-testid="undo">
      Undo last<kbd className="key-hint">&nbsp;U</kbd>
    </button>
  );
}

function SyncLine({ status }: { status: OutboxStatus }) {
  if (status.lastError)
    return (
      <p className="sync error" role="alert">
        {status.lastError}
      </p>
    );
  if (status.pending === 0)
    return (
      <p className="sync" data-testid="sync">
        All reviews saved
      </p>
    );
  return (
    <p className="sync" data-testid="sync">
      {status.offline ? `Offline — ${status.pending} review${status.pending === 1 ? "" : "s"} will sync` : `Saving ${status.pending}…`}
    </p>
  );
}

function without(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!ids.has(id)) return ids;
  const next = new Set(ids);
  next.delete(id);
  return next;
}

function visiblePreviews(previews: RatingPreview[], mode: "FOUR" | "TWO"): RatingPreview[] {
  return mode === "TWO" ? previews.filter((p) => p.rating === 1 || p.rating === 3) : previews;
}

function keyToRating(key: string, mode: "FOUR" | "TWO"): 1 | 2 | 3 | 4 | null {
  if (mode === "TWO") return key === "1" ? 1 : key === "2" || key === "3" || key === " " ? 3 : null;
  return key === "1" ? 1 : key === "2" ? 2 : key === "3" || key === " " ? 3 : key === "4" ? 4 : null;
}
