// Signing out forgets what this browser kept of the learner's private pages:
// the review page's HTML in the service worker's cache and the session copy
// in IndexedDB. The outbox stays: it holds only ids and ratings, keyed to its
// user, and is sent when that user signs in again.
import { PAGES_CACHE } from "./offline-pages";
import { clearSessionCopies } from "./review-session-copy";

/** Deletes the kept private pages and session copies; what is missing or unsupported is skipped. */
export async function forgetPrivateCopies(caches: CacheStorage | undefined, factory: IDBFactory | undefined): Promise<void> {
  await Promise.allSettled([caches?.delete(PAGES_CACHE), factory ? clearSessionCopies(factory) : undefined]);
}
