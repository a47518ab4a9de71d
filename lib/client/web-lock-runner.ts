// The outbox's lock around a send, so two tabs of one user never send the same op.
import type { ExclusiveRunner } from "./review-outbox";

/** A lock per user across the browser's tabs (Web Locks); without the API, this page's sends only. */
export function webLockRunner(locks: LockManager | undefined, userId: string): ExclusiveRunner {
  const name = `residual.outbox.${userId}`;
  return <T>(task: () => Promise<T>): Promise<T> => (locks ? (locks.request(name, task) as Promise<T>) : task());
}
