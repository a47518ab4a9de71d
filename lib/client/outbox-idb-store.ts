// The review outbox's store in the browser: one IndexedDB record per op, per
// user, so two tabs add and remove ops without overwriting each other's, and
// the outbox's lock around a send (Web Locks) makes each op go out once.
// Ops an older page left in localStorage move here once.
import { appDatabase, OUTBOX_STORE, type OutboxRecord } from "./app-database";
import { requestResult, transactionDone } from "./idb";
import { isOutboxOp, opKey, type OutboxOp, type OutboxStore } from "./review-outbox";

/** Where pages before the IndexedDB outbox kept a user's ops (a JSON array). */
export function legacyOutboxKey(userId: string): string {
  return `residual.outbox.v1.${userId}`;
}

const recordKey = (userId: string, op: OutboxOp) => `${userId}|${opKey(op)}`;

/**
 * The outbox store of `userId` in the app's database on `factory`. With
 * `legacy` (the page's localStorage), ops an older page left there are moved
 * in before the first load.
 */
export function indexedDbOutboxStore(factory: IDBFactory, userId: string, legacy: Storage | null = null): OutboxStore {
  const inStore = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> => {
    const db = await appDatabase(factory);
    const transaction = db.transaction(OUTBOX_STORE, mode);
    const result = await work(transaction.objectStore(OUTBOX_STORE));
    await transactionDone(transaction);
    return result;
  };
  return {
    load: async () => {
      if (legacy) await migrateLegacyOutbox(factory, legacy, userId);
      return inStore("readonly", async (store) => {
        // The index lists one user's records in key order, then by seq: the order they were added.
        const records = await requestResult(store.index("byUser").getAll(userId));
        return (records as OutboxRecord[]).map((record) => record.op);
      });
    },
    add: (op) => inStore("readwrite", (store) => addOnce(store, userId, op)),
    remove: (op) =>
      inStore("readwrite", async (store) => {
        const seq = await requestResult(store.index("byKey").getKey(recordKey(userId, op)));
        if (seq !== undefined) await requestResult(store.delete(seq));
      }),
    has: (op) => inStore("readonly", async (store) => (await requestResult(store.index("byKey").count(recordKey(userId, op)))) > 0),
  };
}

/** Adds `op` unless the user's outbox already holds it (a second tab migrating, a repeated add). */
async function addOnce(store: IDBObjectStore, userId: string, op: OutboxOp): Promise<void> {
  const key = recordKey(userId, op);
  if ((await requestResult(store.index("byKey").count(key))) > 0) return;
  const record: OutboxRecord = { userId, key, op };
  await requestResult(store.add(record));
}

/**
 * Moves ops an older page left in localStorage into the IndexedDB outbox, in
 * their order, in one transaction; the old key is removed only once they are
 * stored. Entries that are not ops are dropped. Returns how many ops moved.
 */
export async function migrateLegacyOutbox(factory: IDBFactory, storage: Storage | null, userId: string): Promise<number> {
  const raw = storage?.getItem(legacyOutboxKey(userId));
  if (raw == null) return 0;
  let saved: unknown = null;
  try {
    saved = JSON.parse(raw);
  } catch {
    // Unreadable: nothing to keep.
  }
  const ops = Array.isArray(saved) ? saved.filter(isOutboxOp) : [];
  if (ops.length > 0) {
    const db = await appDatabase(factory);
    const transaction = db.transaction(OUTBOX_STORE, "readwrite");
    const store = transaction.objectStore(OUTBOX_STORE);
    for (const op of ops) await addOnce(store, userId, op);
    await transactionDone(transaction);
  }
  storage?.removeItem(legacyOutboxKey(userId));
  return ops.length;
}
