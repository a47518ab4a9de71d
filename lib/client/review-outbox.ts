// The client's outbox of review posts and undos. Every rating is queued here
// first (persisted in localStorage so a reload or a dead connection loses
// nothing) and sent in order in the background; a send that fails on the
// network is retried with backoff, and the server's idempotency on the review
// id makes a repeated send harmless.
import type { QueueCard } from "../queue/queue-card";

export type ReviewOp = { kind: "review"; id: string; cardId: string; rating: 1 | 2 | 3 | 4; durationMs: number };
export type UndoOp = { kind: "undo"; id: string };
export type OutboxOp = ReviewOp | UndoOp;

export type OutboxStatus = { pending: number; offline: boolean; lastError: string | null };

type Listener = (status: OutboxStatus) => void;
type ReviewedListener = (reviewId: string, outcome: { requeue: QueueCard | null; leech: boolean }) => void;

/** One outbox per user, so a shared browser never sends one person's reviews as another's. */
const storageKey = (userId: string) => `residual.outbox.v1.${userId}`;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export class ReviewOutbox {
  private ops: OutboxOp[];
  private sending = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastError: string | null = null;
  private listeners = new Set<Listener>();
  private reviewedListeners = new Set<ReviewedListener>();

  private readonly key: string;

  constructor(userId: string, private readonly storage: Storage | null, private readonly send: typeof fetch) {
    this.key = storageKey(userId);
    this.ops = load(storage, this.key);
  }

  /** Review ids and card ids still waiting to reach the server. */
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

  /** Sends what is queued; call on start, on `online`, and after each change. */
  flush(): void {
    if (this.sending || this.ops.length === 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
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
      this.timer = setTimeout(() => this.flush(), delay);
    }
  }

  private post(op: OutboxOp): Promise<Response> {
    if (op.kind === "undo") {
      return this.send(`/api/reviews/${op.id}/undo`, { method: "POST", credentials: "same-origin" });
    }
    const { kind: _kind, ...body } = op;
    return this.send("/api/reviews", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  private async reviewed(reviewId: string, response: Response): Promise<void> {
    const body = (await response.json().catch(() => null)) as { requeue?: QueueCard | null; leech?: boolean } | null;
    if (!body) return;
    const undoQueued = this.ops.some((op) => op.kind === "undo" && op.id === reviewId);
    if (undoQueued) return;
    const outcome = { requeue: body.requeue ?? null, leech: body.leech === true };
    for (const listener of this.reviewedListeners) listener(reviewId, outcome);
  }

  private changed(): void {
    save(this.storage, this.key, this.ops);
    this.emit();
    this.flush();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

function load(storage: Storage | null, key: string): OutboxOp[] {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as OutboxOp[]) : [];
  } catch {
    return [];
  }
}

function save(storage: Storage | null, key: string, ops: OutboxOp[]): void {
  try {
    storage?.setItem(key, JSON.stringify(ops));
  } catch {
    // Storage full or disabled: the ops still live in memory for this page.
  }
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server refused a review (${response.status})`;
}
