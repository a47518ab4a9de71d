// The review session's offline side: on load, the cards still to do come
// from the session copy when this HTML is the kept copy the session was
// using (a reload offline), else from the server's queue less the cards
// still waiting in the outbox; from then on every change of the queue is
// written to the copy, kept with the review page's HTML the service worker
// holds (lib/client/offline-pages.ts). Its modules are in the page's own
// chunk: all of it runs at load, where a chunk of their own would cost a
// request, and its ~440 bytes of headers, for a few hundred bytes of code.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { QueueCard } from "@/lib/queue/queue-card";
import type { ReviewOutbox } from "@/lib/client/review-outbox";
import { keepReviewPage } from "@/lib/client/offline-pages";
import { loadSessionCopy, saveSessionCopy } from "@/lib/client/review-session-copy";

/** How long the queue must stay unchanged before the session copy is written. */
const COPY_DELAY_MS = 300;

type Options = { userId: string; pageId: string; outbox: ReviewOutbox | null; queue: QueueCard[]; setQueue: Dispatch<SetStateAction<QueueCard[]>> };

export function useOfflineSession({ userId, pageId, outbox, queue, setQueue }: Options): void {
  const [restored, setRestored] = useState(false);
  const [keptId, setKeptId] = useState<string | null>(null);
  const factory = typeof indexedDB === "undefined" ? undefined : indexedDB;
  const restoring = useRef(false);

  useEffect(() => {
    if (!outbox || restoring.current) return;
    restoring.current = true;
    void (async () => {
      const copy = factory ? await loadSessionCopy(factory, userId, pageId).catch(() => null) : null;
      await outbox.ready();
      // Cards rated before a reload and not yet sent are still in the outbox: never shown twice.
      const pending = outbox.pendingCardIds();
      setQueue((q) => (copy ?? q).filter((c) => !pending.has(c.cardId)));
      setRestored(true);
    })();
    keepReviewPage(typeof caches === "undefined" ? undefined : caches, window.fetch.bind(window), pageId)
      .then(setKeptId)
      .catch(() => setKeptId(null));
  }, [outbox, factory, userId, pageId, setQueue]);

  // Written a moment after the queue settles, not in the frame that shows the next card: cloning the whole queue
  // into IndexedDB costs a slow phone milliseconds a rating should not wait for. A copy a rating behind is
  // harmless: the outbox holds that rating, and its card is filtered out on restore.
  useEffect(() => {
    if (!restored || !keptId || !factory) return;
    const save = () => saveSessionCopy(factory, userId, keptId, queue);
    const timer = window.setTimeout(() => void save().catch(() => undefined), COPY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [restored, keptId, factory, userId, queue]);
}
