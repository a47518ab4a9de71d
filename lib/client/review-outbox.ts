// The client's outbox of review posts and undos. Every rating is queued here
// first (each op saved in a store, IndexedDB in the browser, so a reload or a
// dead connection loses nothing) and sent in order in the background; a send
// that fails on the network is retried with backoff, and the server's
// idempotency on the review id makes a repeated send harmless. Each send runs
// under an exclusive lock (Web Locks in the browser) and only while the op is
// still in the store, so two tabs that loaded the same ops send each once.
// The store, fetch, the lock and the timers are handed in, so tests drive it
// without a browser. No zod here: it would land in the review page's chunk.
import type { QueueCard } from "../queue/queue-card";

/** `reviewedAt` (ms since epoch, this device's clock) keeps a review made offline at the time it was made; ops saved before it existed lack it. */
export type ReviewOp = { kind: "review"; id: string; cardId: string; rating: 1 | 2 | 3 | 4; durationMs: number; reviewedAt?: number };
export type UndoOp = { kind: "undo"; id: string };
export type OutboxOp = ReviewOp | UndoOp;

export type OutboxStatus = { pending: number; offline: boolean; lastError: string | null };

/** Where the outbox keeps its ops between page loads; each method may be synchronous or return a promise. */
export type OutboxStore = {
  /** Every op saved, oldest first (any shape: each entry is checked), or null/undefined when nothing was. */
  load(): unknown;
  /** Saves one more op after the others. */
  add(op: OutboxOp): void | Promise<void>;
  /** Forgets an op (sent, refused or undone before sending). */
  remove(op: OutboxOp): void | Promise<void>;
  /** Whether `op` is still saved: false once another tab sent it. */
  has(op: OutboxOp): boolean | Promise<boolean>;
};

/** The timer functions the outbox schedules retries with (the browser's, or a test's). */
export type OutboxTimers = {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Runs `task` while no other page holds the same lock. */
export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T>;

export type OutboxDeps = {
  store: OutboxStore;
  /** Sends one request, as `fetch` does. */
  send: (url: string, init: RequestInit) => Promise<Response>;
  timers: OutboxTimers;
  /** One sender at a time across pages; by default only this page's own sends are serialised. */
  exclusive?: ExclusiveRunner;
  /**
   * When a send a new op calls for may start (by default at once). A page starts it after the
   * next frame: the rating's tap then paints the next card before the send's work (the lock, the
   * store read, fetch) takes the main thread. The op is saved at once either way.
   */
  afterChange?: (run: () => void) => void;
};

type Listener = (status: OutboxStatus) => void;
type ReviewedListener = (reviewId: string, outcome: { requeue: QueueCard | null; leech: boolean; suspended: boolean }) => void;

/** Waits before the 1st, 2nd, … retry after a network failure; the last one repeats. */
export const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** Whether `value` is an op as the outbox saves it (stores hold whatever an older page wrote). */
export function isOutboxOp(value: unknown): value is OutboxOp {
  if (typeof value !== "object" || value === null) return false;
  const op = value as Record<string, unknown>;
  if (typeof op.id !== "string") return false;
  if (op.kind === "undo") return true;
  return (
    op.kind === "review" &&
    typeof op.cardId === "string" &&
    (op.rating === 1 || op.rating === 2 || op.rating === 3 || op.rating === 4) &&
    typeof op.durationMs === "number" &&
    Number.isFinite(op.durationMs) &&
    (op.reviewedAt === undefined || (typeof op.reviewedAt === "number" && Number.isSafeInteger(op.reviewedAt) && op.reviewedAt > 0))
  );
}

/** The saved ops that still make sense, copied to exactly their fields; anything else in the store is dropped. */
export function parseOps(saved: unknown): OutboxOp[] {
  if (!Array.isArray(saved)) return [];
  return saved.filter(isOutboxOp).map((op) =>
    op.kind === "undo"
      ? { kind: "undo", id: op.id }
      : {
          kind: "review",
          id: op.id,
          cardId: op.cardId,
          rating: op.rating,
          durationMs: op.durationMs,
          ...(op.reviewedAt === undefined ? {} : { reviewedAt: op.reviewedAt }),
        },
  );
}

const runAlone: ExclusiveRunner = (task) => task();

export class ReviewOutbox {
  private ops: OutboxOp[] = [];
  private loaded = false;
  private readonly loading: Promise<void>;
  private sending = false;
  private failures = 0;
  private timer: unknown = null;
  private lastError: string | null = null;
  private saving: Promise<void> = Promise.resolve();
  private listeners = new Set<Listener>();
  private reviewedListeners = new Set<ReviewedListener>();

  constructor(private readonly deps: OutboxDeps) {
    this.loading = (async () => {
      let saved: unknown = null;
      try {
        saved = await deps.store.load();
      } catch {
        // An unreadable store starts empty.
      }
      // Ops added while the store was loading come after the saved ones.
      const fresh = new Set(this.ops.map(opKey));
      this.ops = [...parseOps(saved).filter((op) => !fresh.has(opKey(op))), ...this.ops];
      this.loaded = true;
      this.changed();
    })();
  }

  /** Resolves once the saved ops are loaded (pendingCardIds and status include them from then). */
  ready(): Promise<void> {
    return this.loading;
  }

  /** Resolves once every change so far is in the store. */
  saved(): Promise<void> {
    return this.saving;
  }

  /** Card ids still waiting to reach the server. */
  pendingCardIds(): Set<string> {
    return new Set(this.ops.flatMap((op) => (op.kind === "review" ? [op.cardId] : [])));
  }

  status(): OutboxStatus {
    return { pending: this.ops.length, offline: this.failures > 0, lastError: this.lastError };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the server accepted a review: the card's next face if it comes back today, and leech news. */
  onReviewed(listener: ReviewedListener): () => void {
    this.reviewedListeners.add(listener);
    return () => this.reviewedListeners.delete(listener);
  }

  addReview(review: Omit<ReviewOp, "kind">): void {
    const op: ReviewOp = { kind: "review", ...review };
    this.ops.push(op);
    this.write((store) => store.add(op));
    this.changed();
  }

  /** Undoes a review: dropped locally if it was never sent, else an undo is queued after it. */
  undo(reviewId: string): void {
    const index = this.ops.findIndex((op) => op.kind === "review" && op.id === reviewId);
    const unsent = this.ops[index];
    if (unsent && (index > 0 || !this.sending)) {
      this.ops.splice(index, 1);
      this.write((store) => store.remove(unsent));
    } else {
      const op: UndoOp = { kind: "undo", id: reviewId };
      this.ops.push(op);
      this.write((store) => store.add(op));
    }
    this.changed();
  }

  /** Sends what is queued, now (a retry waiting on its backoff goes at once); call on start, on `online`, and after each change. */
  flush(): void {
    if (!this.loaded || this.sending || this.ops.length === 0) return;
    if (this.timer !== null) {
      this.deps.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    void this.sendNext();
  }

  private async sendNext(): Promise<void> {
    const op = this.ops[0];
    if (!op) return;
    this.sending = true;
    let outcome: "done" | "retry" = "retry";
    try {
      outcome = await (this.deps.exclusive ?? runAlone)(() => this.sendHoldingLock(op));
    } catch {
      outcome = "retry";
    }
    this.sending = false;
    if (outcome === "done") {
      if (this.ops[0] === op) this.ops.shift();
      this.failures = 0;
      this.changed();
    } else {
      const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 30_000;
      this.failures++;
      this.emit();
      this.timer = this.deps.timers.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, delay);
    }
  }

  /** One send while this page holds the lock; an op another page already sent (gone from the store) is only dropped here. */
  private async sendHoldingLock(op: OutboxOp): Promise<"done" | "retry"> {
    await this.saving;
    if (!(await this.stillSaved(op))) return "done";
    const response = await this.post(op);
    if (response.ok) {
      this.lastError = null;
      await this.forget(op);
      if (op.kind === "review") await this.reviewed(op.id, response);
      return "done";
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      // The server will never accept this op; keep the others moving.
      this.lastError = await errorMessage(response);
      await this.forget(op);
      return "done";
    }
    return "retry";
  }

  private async stillSaved(op: OutboxOp): Promise<boolean> {
    try {
      return await this.deps.store.has(op);
    } catch {
      // A store that cannot answer is treated as holding it: sending twice is harmless, losing it is not.
      return true;
    }
  }

  private async forget(op: OutboxOp): Promise<void> {
    this.write((store) => store.remove(op));
    await this.saving;
  }

  /** Queues a store write after the earlier ones; a full or disabled store keeps the ops in memory for this page. */
  private write(change: (store: OutboxStore) => void | Promise<void>): void {
    const store = this.deps.store;
    this.saving = this.saving.then(async () => {
      try {
        await change(store);
      } catch {
        // The op still lives in memory for this page.
      }
    });
  }

  private post(op: OutboxOp): Promise<Response> {
    if (op.kind === "undo") {
      return this.deps.send(`/api/reviews/${op.id}/undo`, { method: "POST", credentials: "same-origin" });
    }
    const { kind: _kind, ...body } = op;
    return this.deps.send("/api/reviews", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  private async reviewed(reviewId: string, response: Response): Promise<void> {
    const body: unknown = await response.json().catch(() => null);
    if (!isRecord(body)) return;
    const undoQueued = this.ops.some((op) => op.kind === "undo" && op.id === reviewId);
    if (undoQueued) return;
    // The requeued card is the server's own view of a card (lib/queue/queue-card.ts), passed on as sent.
    const requeue = isRecord(body.requeue) && typeof body.requeue.cardId === "string" ? (body.requeue as QueueCard) : null;
    const outcome = { requeue, leech: body.leech === true, suspended: body.suspended === true };
    for (const listener of this.reviewedListeners) listener(reviewId, outcome);
  }

  private changed(): void {
    this.emit();
    if (this.deps.afterChange) this.deps.afterChange(() => this.flush());
    else this.flush();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

/** An op's identity in a store: a review and the undo of it share the review id. */
export function opKey(op: OutboxOp): string {
  return `${op.kind}:${op.id}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  return typeof error?.message === "string" ? error.message : `The server refused a review (${response.status})`;
}
