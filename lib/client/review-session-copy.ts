// The review session's own copy of the cards still to do, kept in IndexedDB
// so the session reopens offline as it was left: the review page's HTML kept
// by the service worker has the queue as it was rendered, and this copy says
// which of those cards are already done. It belongs to one kept HTML render
// (`pageId`) and is used only with it; signing out deletes it.
import type { QueueCard } from "../queue/queue-card";
import { appDatabase, SESSION_STORE } from "./app-database";
import { requestResult, transactionDone } from "./idb";

type SessionCopyRecord = { userId: string; pageId: string; cards: QueueCard[] };

async function inSessions<T>(factory: IDBFactory, mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await appDatabase(factory);
  const transaction = db.transaction(SESSION_STORE, mode);
  const result = await work(transaction.objectStore(SESSION_STORE));
  await transactionDone(transaction);
  return result;
}

/** Keeps `cards` (the session's queue, next card first) as the copy belonging to the kept render `pageId`. */
export function saveSessionCopy(factory: IDBFactory, userId: string, pageId: string, cards: readonly QueueCard[]): Promise<void> {
  const record: SessionCopyRecord = { userId, pageId, cards: [...cards] };
  return inSessions(factory, "readwrite", async (store) => {
    await requestResult(store.put(record));
  });
}

/** The cards still to do in the copy belonging to render `pageId`, or null when the copy is of another render (or none). */
export async function loadSessionCopy(factory: IDBFactory, userId: string, pageId: string): Promise<QueueCard[] | null> {
  const record: unknown = await inSessions(factory, "readonly", (store) => requestResult(store.get(userId)));
  if (typeof record !== "object" || record === null) return null;
  const copy = record as Partial<SessionCopyRecord>;
  if (copy.pageId !== pageId || !Array.isArray(copy.cards)) return null;
  return copy.cards.filter((card) => typeof card === "object" && card !== null && typeof card.cardId === "string");
}

/** Deletes every user's session copy (at sign-out: the cards are private). */
export function clearSessionCopies(factory: IDBFactory): Promise<void> {
  return inSessions(factory, "readwrite", async (store) => {
    await requestResult(store.clear());
  });
}
