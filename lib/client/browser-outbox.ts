// The review outbox as a page uses it: ops in IndexedDB (moved once from the
// localStorage key older pages used), sends one tab at a time under a Web
// Lock, the window's fetch and timers. Without IndexedDB (a locked-down
// browser) the ops live in the page's memory only.
import { ReviewOutbox, type OutboxStore } from "./review-outbox";
import { webLockRunner } from "./web-lock-runner";

const memoryOnly: OutboxStore = { load: () => null, add: () => undefined, remove: () => undefined, has: () => true };

/** The outbox of `userId` in this browser window. */
export function browserReviewOutbox(userId: string): ReviewOutbox {
  const legacy = safeLocalStorage();
  return new ReviewOutbox({
    store: typeof indexedDB === "undefined" ? memoryOnly : deferredIndexedDbStore(userId, legacy),
    send: window.fetch.bind(window),
    timers: { setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(Number(handle)) },
    exclusive: webLockRunner(navigator.locks, userId),
  });
}

/**
 * The IndexedDB store, fetched as a chunk of its own after the page's first
 * load: the first card shows without it, and every store call is async anyway.
 */
function deferredIndexedDbStore(userId: string, legacy: Storage | null): OutboxStore {
  const store = import("./outbox-idb-store").then((m) => m.indexedDbOutboxStore(indexedDB, userId, legacy));
  return {
    load: async () => (await store).load(),
    add: async (op) => (await store).add(op),
    remove: async (op) => (await store).remove(op),
    has: async (op) => (await store).has(op),
  };
}

/** localStorage, or null where reading it throws (storage disabled). */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
