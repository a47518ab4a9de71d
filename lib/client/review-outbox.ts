// The client's outbox of review posts and undos. Every rating is queued here
// first (persisted in a store, localStorage today, so a reload or a dead
// connection loses nothing) and sent in order in the background; a send that
// fails on the network is retried with backoff, and the server's idempotency
// on the review id makes a repeated send harmless. The store, fetch and the
// timers are handed in, so tests drive it without a browser; the store may be
// asynchronous (IndexedDB later).
import { z } from "zod";
import type { QueueCard } from "../queue/queue-card";

export type ReviewOp = { kind: "review"; id: string; cardId: string; rating: 1 | 2 | 3 | 4; durationMs: number };
export type UndoOp = { kind: "undo"; id: string };
export type OutboxOp = ReviewOp | UndoOp;

const OutboxOpSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("review"),
    id: z.string(),
    cardId: z.string(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    durationMs: z.number(),
  }),
  z.object({ kind: z.literal("undo"), id: z.string() }),
]);

export type OutboxStatus = { pending: number; offline: boolean; lastError: string | null };

/** Where the outbox keeps its ops between page loads; either method may be synchronous or return a promise. */
export type OutboxStore = {
  /** What was saved last (any shape: it is parsed), or null/undefined when nothing was. */
  load(): unknown;
  save(ops: readonly OutboxOp[]): void | Promise<void>;
};

/** The timer functions the outbox schedules retries with (the browser's, or a test's). */
export type OutboxTimers = {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type OutboxDeps = {
  store: OutboxStore;
  /** Sends one request, as `fetch` does. */
  send: (url: string, init: RequestInit) => Promise<Response>;
  timers: OutboxTimers;
};

type Listener = (status: OutboxStatus) => void;
type ReviewedListener = (reviewId: string, outcome: { requeue: QueueCard | null; leech: boolean }) => void;

/** Waits before the 1st, 2nd, … retry after a network failure; the last one repeats. */
export const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** One outbox per user, so a shared browser never sends one person's reviews as another's. */
export function outboxStorageKey(userId: string): string {
  return `residual.outbox.v1.${userId}`;
}

/** A store on Web Storage (localStorage) under the user's key; a full or disabled storage keeps the ops in memory only. */
export function webStorageStore(storage: Storage | null, userId: string): OutboxStore {
  const key = outboxStorageKey(userId);
  return {
    load: () => {
      const raw = storage?.getItem(key);
      return raw ? JSON.parse(raw) : null;
    },
    save: (ops) => {
      storage?.setItem(key, JSON.stringify(ops));
    },
  };
}

/** The saved ops that still make sense; anything else in the store is dropped. */
function parseOps(saved: unknown): OutboxOp[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((op) => {
    const parsed = OutboxOpSchema.safeParse(op);
    return parsed.success ? [parsed.data] : [];
  });
}

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
      this.ops = [...parseOps(saved), ...this.ops];
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

  addReview(op: Omit<ReviewOp, "kind">): void {
    this.ops.push({ kind: "review", ...op });
    this.changed();
  }

  /** Undoes a review: dropped locally if it was never sent, else an undo is queued after it. */
  undo(reviewId: string): void {
    const index = this.ops.findIndex((op) => op.kind === "review" && op.id === reviewId);
    if (index > 0 || (index === 0 && !this.sending)) this.ops.splice(index, 1);
    else this.ops.push({ kind: "undo", id: reviewId });
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
      const response = await this.post(op);
      if (response.ok) {
        outcome = "done";
        this.lastError = null;
        if (op.kind === "review") await this.reviewed(op.id, response);
      } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // The server will never accept this op; keep the others moving.
        outcome = "done";
        this.lastError = await errorMessage(response);
      }
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
    const parsed = ReviewedBodySchema.safeParse(body);
    if (!parsed.success) return;
    const undoQueued = this.ops.some((op) => op.kind === "undo" && op.id === reviewId);
    if (undoQueued) return;
    // The requeued card is the server's own view of a card (lib/queue/queue-card.ts), passed on as sent.
    const requeue = parsed.data.requeue ? (parsed.data.requeue as QueueCard) : null;
    const outcome = { requeue, leech: parsed.data.leech === true };
    for (const listener of this.reviewedListeners) listener(reviewId, outcome);
  }

  private changed(): void {
    const snapshot = [...this.ops];
    const store = this.deps.store;
    this.saving = this.saving.then(async () => {
      try {
        await store.save(snapshot);
      } catch {
        // Store full or disabled: the ops still live in memory for this page.
      }
    });
    this.emit();
    this.flush();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

const ReviewedBodySchema = z.object({
  requeue: z.looseObject({ cardId: z.string() }).nullable().optional(),
  leech: z.boolean().optional(),
});

async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
  return parsed.success ? parsed.data.error.message : `The server refused a review (${response.status})`;
}
