// The review outbox as a page uses it: ops in IndexedDB (moved once from the
// localStorage key older pages used), sends one tab at a time under a Web
// Lock, the window's fetch and timers. Without IndexedDB (a locked-down
// browser) the ops live in the page's memory only. The IndexedDB store is in
// the page's chunk, not one of its own: the outbox reads the saved ops as soon
// as the page runs, so that chunk was fetched on every load anyway.
import { afterNextFrame } from "./after-next-frame";
import { indexedDbOutboxStore } from "./outbox-idb-store";
import { ReviewOutbox, type OutboxStore } from "./review-outbox";
import { webLockRunner } from "./web-lock-runner";

const memoryOnly: OutboxStore = { load: () => null, add: () => undefined, remove: () => undefined, has: () => true };

/** The outbox of `userId` in this browser window. */
export function browserReviewOutbox(userId: string): ReviewOutbox {
  const legacy = safeLocalStorage();
  return new ReviewOutbox({
    store: typeof indexedDB === "undefined" ? memoryOnly : indexedDbOutboxStore(indexedDB, userId, legacy),
    send: window.fetch.bind(window),
    timers: { setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(Number(handle)) },
    exclusive: webLockRunner(navigator.locks, userId),
    afterChange: afterNextFrame,
  });
}

/** localStorage, or null where reading it throws (storage disabled). */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
