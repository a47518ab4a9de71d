// The review outbox's IndexedDB store (on fake-indexeddb, a complete
// in-memory IndexedDB): ops per user in order, the one-time move from the old
// localStorage key, a reload and two tabs on one database, the session copy.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { APP_DATABASE, APP_DATABASE_VERSION, appDatabase } from "@/lib/client/app-database";
import { indexedDbOutboxStore, legacyOutboxKey, migrateLegacyOutbox } from "@/lib/client/outbox-idb-store";
import { webLockRunner } from "@/lib/client/web-lock-runner";
import { ReviewOutbox, type OutboxOp } from "@/lib/client/review-outbox";
import { clearSessionCopies, loadSessionCopy, saveSessionCopy } from "@/lib/client/review-session-copy";
import type { QueueCard } from "@/lib/queue/queue-card";

const review = (n: number): OutboxOp => ({ kind: "review", id: `r${n}`, cardId: `c${n}`, rating: 3, durationMs: 1000 + n });

function memoryStorage(initial: Record<string, string> = {}): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size;
    },
  };
}

/** A server that accepts every review, recording the ids it was sent. */
function acceptingServer() {
  const ids: string[] = [];
  const send = async (_url: string, init: RequestInit) => {
    ids.push((JSON.parse(String(init.body)) as { id: string }).id);
    await new Promise((done) => setTimeout(done, 2));
    return Response.json({ requeue: null, leech: false }, { status: 201 });
  };
  return { ids, send };
}

const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((done) => setTimeout(done, 3));
};

describe("the IndexedDB outbox store", () => {
  it("keeps each user's ops in the order added, once each, and forgets removed ones", async () => {
    const factory = new IDBFactory();
    const ann = indexedDbOutboxStore(factory, "ann");
    const bob = indexedDbOutboxStore(factory, "bob");
    await ann.add(review(1));
    await bob.add(review(9));
    await ann.add(review(2));
    await ann.add({ kind: "undo", id: "r1" });
    await ann.add(review(2)); // added again: still one
    expect(await ann.load()).toEqual([review(1), review(2), { kind: "undo", id: "r1" }]);
    expect(await bob.load()).toEqual([review(9)]);
    await ann.remove(review(1));
    expect(await ann.has(review(1))).toBe(false);
    expect(await ann.has({ kind: "undo", id: "r1" })).toBe(true);
    expect(await bob.has(review(1))).toBe(false);
    expect(await ann.load()).toEqual([review(2), { kind: "undo", id: "r1" }]);
  });

  it("moves ops an older page left in localStorage once, dropping what is not an op, and removes the old key", async () => {
    const factory = new IDBFactory();
    const saved = [review(1), { kind: "review", id: "half" }, "nonsense", review(2), { kind: "undo", id: "r0" }];
    const storage = memoryStorage({ [legacyOutboxKey("ann")]: JSON.stringify(saved), [legacyOutboxKey("bob")]: JSON.stringify([review(7)]) });
    const store = indexedDbOutboxStore(factory, "ann", storage);
    expect(await store.load()).toEqual([review(1), review(2), { kind: "undo", id: "r0" }]);
    expect(storage.data.has(legacyOutboxKey("ann"))).toBe(false);
    expect(storage.data.has(legacyOutboxKey("bob"))).toBe(true); // another user's ops wait for them
    // Loaded again (another tab, a reload): nothing moves twice.
    expect(await migrateLegacyOutbox(factory, storage, "ann")).toBe(0);
    expect(await store.load()).toHaveLength(3);
  });

  it("does not duplicate ops when two tabs move the same old key at once, and survives an unreadable one", async () => {
    const factory = new IDBFactory();
    const raw = JSON.stringify([review(1), review(2)]);
    const left = memoryStorage({ [legacyOutboxKey("ann")]: raw });
    const right = memoryStorage({ [legacyOutboxKey("ann")]: raw });
    await Promise.all([migrateLegacyOutbox(factory, left, "ann"), migrateLegacyOutbox(factory, right, "ann")]);
    expect(await indexedDbOutboxStore(factory, "ann").load()).toEqual([review(1), review(2)]);

    const broken = memoryStorage({ [legacyOutboxKey("cy")]: "{not json" });
    expect(await migrateLegacyOutbox(factory, broken, "cy")).toBe(0);
    expect(broken.data.size).toBe(0);
  });

  it("after a reload, the outbox sends what the first page queued offline, and the store ends empty", async () => {
    const factory = new IDBFactory();
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    const first = new ReviewOutbox({ store: indexedDbOutboxStore(factory, "ann"), send: offline, timers: noTimers });
    await first.ready();
    for (const n of [1, 2, 3]) first.addReview({ id: `r${n}`, cardId: `c${n}`, rating: 3, durationMs: 1000 + n });
    first.undo("r3");
    await first.saved();
    await settle();

    const server = acceptingServer();
    const second = new ReviewOutbox({ store: indexedDbOutboxStore(factory, "ann"), send: server.send, timers: noTimers });
    await second.ready();
    expect(second.pendingCardIds()).toEqual(new Set(["c1", "c2"]));
    await settle();
    expect(server.ids).toEqual(["r1", "r2"]);
    expect(await indexedDbOutboxStore(factory, "ann").load()).toEqual([]);
  });

  it("two tabs on one database send each op once", async () => {
    const factory = new IDBFactory();
    const store = indexedDbOutboxStore(factory, "ann");
    for (const n of [1, 2, 3, 4]) await store.add(review(n));
    const server = acceptingServer();
    // Node has no Web Locks: one promise chain plays the browser's lock manager.
    let turn: Promise<unknown> = Promise.resolve();
    const locks = {
      request: (_name: string, task: () => Promise<unknown>) => {
        const run = turn.then(task);
        turn = run.catch(() => undefined);
        return run;
      },
    } as unknown as LockManager;
    const tabs = [1, 2].map(
      () => new ReviewOutbox({ store: indexedDbOutboxStore(factory, "ann"), send: server.send, timers: noTimers, exclusive: webLockRunner(locks, "ann") }),
    );
    await Promise.all(tabs.map((tab) => tab.ready()));
    await settle();
    expect(server.ids.sort()).toEqual(["r1", "r2", "r3", "r4"]);
    expect(await store.load()).toEqual([]);
  });

  it("closes its connection when a newer page upgrades the database", async () => {
    const factory = new IDBFactory();
    const db = await appDatabase(factory);
    expect([...db.objectStoreNames].sort()).toEqual(["outbox", "review-session"]);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(APP_DATABASE, APP_DATABASE_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(newer.version).toBe(APP_DATABASE_VERSION + 1);
    expect([...newer.objectStoreNames].sort()).toEqual(["outbox", "review-session"]);
    newer.close();
  });
});

describe("the review session copy", () => {
  const card = (id: string) => ({ cardId: id, frontHtml: `<p>${id}</p>` }) as unknown as QueueCard;

  it("is found only by the render it belongs to, per user, and signing out clears it", async () => {
    const factory = new IDBFactory();
    await saveSessionCopy(factory, "ann", "page-1", [card("c2"), card("c3")]);
    await saveSessionCopy(factory, "bob", "page-9", [card("c9")]);
    expect((await loadSessionCopy(factory, "ann", "page-1"))?.map((c) => c.cardId)).toEqual(["c2", "c3"]);
    expect(await loadSessionCopy(factory, "ann", "page-2")).toBeNull();
    expect(await loadSessionCopy(factory, "bob", "page-1")).toBeNull();
    await saveSessionCopy(factory, "ann", "page-1", [card("c3")]);
    expect((await loadSessionCopy(factory, "ann", "page-1"))?.map((c) => c.cardId)).toEqual(["c3"]);
    await clearSessionCopies(factory);
    expect(await loadSessionCopy(factory, "ann", "page-1")).toBeNull();
    expect(await loadSessionCopy(factory, "bob", "page-9")).toBeNull();
  });
});
