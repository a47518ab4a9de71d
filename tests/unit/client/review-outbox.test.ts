// The review outbox with its store, fetch and timers handed in: order,
// retry with backoff, refusals, undo, offline, and a reload (a second outbox
// on the same store). Timers only run when a test says so.
import { describe, expect, it } from "vitest";
import { BACKOFF_MS, ReviewOutbox, opKey, type ExclusiveRunner, type OutboxOp, type OutboxStore } from "@/lib/client/review-outbox";

type Sent = { url: string; body: unknown };
type Reply = Response | "network-down" | Promise<Response>;

/** A fake server: answers each request with the next scripted reply (default 201), and records what was sent. */
function fakeServer(script: Reply[] = []) {
  const sent: Sent[] = [];
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    sent.push({ url, body: typeof init.body === "string" ? JSON.parse(init.body) : null });
    const reply = script.shift() ?? Response.json({ requeue: null, leech: false }, { status: 201 });
    if (reply === "network-down") throw new TypeError("Failed to fetch");
    return reply;
  };
  return { sent, send };
}

/** Manual timers: nothing runs until `fire()` runs the earliest one. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  return {
    delays: [] as number[],
    setTimeout(run: () => void, ms: number): unknown {
      pending.set(next, { run, ms });
      this.delays.push(ms);
      return next++;
    },
    clearTimeout(handle: unknown): void {
      pending.delete(Number(handle));
    },
    get waiting(): number {
      return pending.size;
    },
    fire(): void {
      const first = [...pending.entries()][0];
      if (!first) throw new Error("no timer waiting");
      pending.delete(first[0]);
      first[1].run();
    },
  };
}

/** An in-memory store of ops in order; `async` makes each method answer on a later tick, as IndexedDB would. */
function memoryStore(options: { async?: boolean; initial?: unknown } = {}) {
  let value: unknown = options.initial ?? null;
  const later = <T>(run: () => T): T | Promise<T> => (options.async ? new Promise((done) => setTimeout(() => done(run()), 1)) : run());
  const list = (): OutboxOp[] => (Array.isArray(value) ? (value as OutboxOp[]) : []);
  const store: OutboxStore & { value: () => unknown } = {
    load: () => later(() => JSON.parse(JSON.stringify(value))),
    add: (op) =>
      later(() => {
        if (!list().some((saved) => opKey(saved) === opKey(op))) value = [...list(), JSON.parse(JSON.stringify(op))];
      }),
    remove: (op) =>
      later(() => {
        value = list().filter((saved) => opKey(saved) !== opKey(op));
      }),
    has: (op) => later(() => list().some((saved) => opKey(saved) === opKey(op))),
    value: () => value,
  };
  return store;
}

/** Lets every pending promise callback (and 1 ms store timers) run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 2));
};

const review = (n: number, rating: 1 | 2 | 3 | 4 = 3) => ({ id: `r${n}`, cardId: `c${n}`, rating, durationMs: 1000 + n });

function outbox(options: { script?: Reply[]; store?: ReturnType<typeof memoryStore>; exclusive?: ExclusiveRunner } = {}) {
  const server = fakeServer(options.script);
  const timers = manualTimers();
  const store = options.store ?? memoryStore();
  const box = new ReviewOutbox({ store, send: server.send, timers, exclusive: options.exclusive });
  return { box, server, timers, store };
}

describe("review outbox", () => {
  it("sends reviews in order, one at a time, and empties the store as the server accepts them", async () => {
    const { box, server, store } = outbox();
    await box.ready();
    box.addReview(review(1));
    box.addReview(review(2, 1));
    box.addReview(review(3, 4));
    await settle();
    expect(server.sent.map((s) => s.url)).toEqual(["/api/reviews", "/api/reviews", "/api/reviews"]);
    expect(server.sent.map((s) => s.body)).toEqual([review(1), review(2, 1), review(3, 4)]);
    expect(box.status()).toEqual({ pending: 0, offline: false, lastError: null });
    await box.saved();
    expect(store.value()).toEqual([]);
  });

  it("retries a send the network lost, backing off 1, 2, 5, 10, 30, 30 s, and goes on once it arrives", async () => {
    const down: Reply[] = Array.from({ length: 6 }, () => "network-down");
    const { box, server, timers } = outbox({ script: down });
    await box.ready();
    box.addReview(review(1));
    box.addReview(review(2));
    await settle();
    expect(box.status()).toMatchObject({ pending: 2, offline: true });
    for (let i = 0; i < 6; i++) {
      expect(timers.waiting).toBe(1);
      timers.fire();
      await settle();
    }
    expect(timers.delays).toEqual([...BACKOFF_MS, 30_000]);
    expect(server.sent.map((s) => (s.body as { id: string }).id)).toEqual(["r1", "r1", "r1", "r1", "r1", "r1", "r1", "r2"]);
    expect(box.status()).toEqual({ pending: 0, offline: false, lastError: null });
  });

  it("retries 408, 429 and 5xx answers; drops a 4xx refusal with the server's message and sends the rest", async () => {
    const refusal = Response.json({ error: { code: "NOT_FOUND", message: "Card not found" } }, { status: 404 });
    const script: Reply[] = [new Response(null, { status: 503 }), new Response(null, { status: 429 }), new Response(null, { status: 408 }), refusal];
    const { box, server, timers } = outbox({ script });
    await box.ready();
    box.addReview(review(1));
    box.addReview(review(2));
    await settle();
    for (let i = 0; i < 3; i++) {
      timers.fire();
      await settle();
    }
    expect(server.sent.map((s) => (s.body as { id: string }).id)).toEqual(["r1", "r1", "r1", "r1", "r2"]);
    expect(box.status()).toEqual({ pending: 0, offline: false, lastError: null });

    const again = outbox({ script: [Response.json({ error: { message: "This card is suspended" } }, { status: 409 })] });
    await again.box.ready();
    again.box.addReview(review(7));
    await settle();
    expect(again.box.status()).toEqual({ pending: 0, offline: false, lastError: "This card is suspended" });
  });

  it("keeps ratings made offline (each one tries the connection again at once) and sends them all in order when it is back", async () => {
    const { box, server, timers } = outbox({ script: ["network-down", "network-down", "network-down"] });
    await box.ready();
    box.addReview(review(1));
    await settle();
    box.addReview(review(2));
    await settle();
    box.addReview(review(3));
    await settle();
    expect(box.status()).toMatchObject({ pending: 3, offline: true });
    expect(box.pendingCardIds()).toEqual(new Set(["c1", "c2", "c3"]));
    expect(timers.waiting).toBe(1);
    box.flush(); // the page's `online` handler: no waiting for the backoff
    await settle();
    expect(timers.waiting).toBe(0);
    expect(server.sent.map((s) => (s.body as { id: string }).id)).toEqual(["r1", "r1", "r1", "r1", "r2", "r3"]);
    expect(box.status()).toMatchObject({ pending: 0, offline: false });
  });

  it("undo drops a review never sent, and queues an undo for one already on its way", async () => {
    const { box, server } = outbox({ script: ["network-down"] });
    await box.ready();
    box.addReview(review(1));
    await settle();
    box.addReview(review(2));
    box.undo("r2"); // still waiting behind r1: dropped here, the server never hears of it
    expect(box.status().pending).toBe(1);

    let release: (r: Response) => void = () => undefined;
    const slow = outbox({ script: [new Promise<Response>((done) => (release = done))] });
    await slow.box.ready();
    const reviewed: string[] = [];
    slow.box.onReviewed((id) => reviewed.push(id));
    slow.box.addReview(review(3));
    await settle();
    slow.box.undo("r3"); // r3 is in flight: an undo follows it
    release(Response.json({ requeue: { cardId: "c3" }, leech: false }, { status: 201 }));
    await settle();
    expect(slow.server.sent.map((s) => s.url)).toEqual(["/api/reviews", "/api/reviews/r3/undo"]);
    expect(reviewed).toEqual([]); // the undone review's next face is not shown
    expect(server.sent.every((s) => (s.body as { id: string } | null)?.id !== "r2")).toBe(true);
  });

  it("tells listeners about a requeued card and a new leech", async () => {
    const script: Reply[] = [
      Response.json({ requeue: { cardId: "c1", frontHtml: "<p>again</p>" }, leech: false }, { status: 201 }),
      Response.json({ requeue: null, leech: true }, { status: 201 }),
    ];
    const { box } = outbox({ script });
    await box.ready();
    const seen: { id: string; requeue: string | null; leech: boolean }[] = [];
    box.onReviewed((id, { requeue, leech }) => seen.push({ id, requeue: requeue?.cardId ?? null, leech }));
    box.addReview(review(1, 1));
    box.addReview(review(2, 1));
    await settle();
    expect(seen).toEqual([
      { id: "r1", requeue: "c1", leech: false },
      { id: "r2", requeue: null, leech: true },
    ]);
  });

  it.each([
    { name: "a synchronous store", async: false },
    { name: "an asynchronous store", async: true },
  ])("after a reload, a second outbox on $name sends what the first could not, before anything rated since", async ({ async }) => {
    const store = memoryStore({ async });
    const first = outbox({ store, script: ["network-down"] });
    await first.box.ready();
    first.box.addReview(review(1));
    first.box.addReview(review(2));
    first.box.undo("r2");
    first.box.addReview(review(3));
    await settle();
    await first.box.saved();
    expect(store.value()).toEqual([
      { kind: "review", ...review(1) },
      { kind: "review", ...review(3) },
    ]);

    const second = outbox({ store });
    second.box.addReview(review(4)); // rated before the saved ops finished loading
    await second.box.ready();
    expect(second.box.pendingCardIds()).toEqual(new Set(["c1", "c3", "c4"]));
    await settle();
    expect(second.server.sent.map((s) => (s.body as { id: string }).id)).toEqual(["r1", "r3", "r4"]);
    await second.box.saved();
    expect(store.value()).toEqual([]);
  });

  it("starts empty from a store holding something else, keeping the entries that are still ops", async () => {
    const junk = outbox({ store: memoryStore({ initial: { not: "a list" } }) });
    await junk.box.ready();
    expect(junk.box.status().pending).toBe(0);

    const mixed = outbox({
      store: memoryStore({ initial: [{ kind: "review", ...review(1) }, { kind: "review", id: "x" }, "nonsense", { kind: "undo", id: "r0" }] }),
    });
    await mixed.box.ready();
    await settle();
    expect(mixed.server.sent.map((s) => s.url)).toEqual(["/api/reviews", "/api/reviews/r0/undo"]);
  });

  it("keeps working in memory when the store cannot save", async () => {
    const full = () => {
      throw new Error("QuotaExceededError");
    };
    const store: OutboxStore = { load: () => null, add: full, remove: full, has: full };
    const server = fakeServer();
    const box = new ReviewOutbox({ store, send: server.send, timers: manualTimers() });
    await box.ready();
    box.addReview(review(1));
    await settle();
    expect(server.sent).toHaveLength(1);
    expect(box.status().pending).toBe(0);
  });

  it("two tabs that loaded the same ops send each one once, taking turns under one lock", async () => {
    const store = memoryStore({
      async: true,
      initial: [
        { kind: "review", ...review(1) },
        { kind: "review", ...review(2) },
      ],
    });
    let turn: Promise<unknown> = Promise.resolve();
    let holders = 0;
    let overlapped = false;
    const lock: ExclusiveRunner = (task) => {
      const run = turn.then(async () => {
        holders++;
        if (holders > 1) overlapped = true;
        try {
          return await task();
        } finally {
          holders--;
        }
      });
      turn = run.catch(() => undefined);
      return run;
    };
    const left = outbox({ store, exclusive: lock });
    const right = outbox({ store, exclusive: lock });
    await Promise.all([left.box.ready(), right.box.ready()]);
    right.box.addReview(review(3));
    for (let i = 0; i < 4; i++) await settle();
    const ids = [...left.server.sent, ...right.server.sent].map((s) => (s.body as { id: string }).id);
    expect(ids.sort()).toEqual(["r1", "r2", "r3"]);
    expect(overlapped).toBe(false);
    expect(left.box.status().pending + right.box.status().pending).toBe(0);
    expect(store.value()).toEqual([]);
  });
});
