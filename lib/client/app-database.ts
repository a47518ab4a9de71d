// The app's IndexedDB database in the browser: the review outbox (one record
// per op, per user) and the review session's offline copy (one per user).
// Each schema version adds a step to `upgrade`; a page of a newer deploy
// upgrades the database in place, so ops queued by an older page are kept.
import { openDatabase } from "./idb";

export const APP_DATABASE = "residual";
/** Raise by one with each schema change, and add the step to `upgrade`. */
export const APP_DATABASE_VERSION = 1;

export const OUTBOX_STORE = "outbox";
export const SESSION_STORE = "review-session";

/** An outbox record: `key` is unique per user and op (`userId|kind:id`), `seq` keeps the order. */
export type OutboxRecord = { seq?: number; userId: string; key: string; op: unknown };

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const outbox = db.createObjectStore(OUTBOX_STORE, { keyPath: "seq", autoIncrement: true });
    outbox.createIndex("byUser", "userId");
    outbox.createIndex("byKey", "key", { unique: true });
    db.createObjectStore(SESSION_STORE, { keyPath: "userId" });
  }
}

const opened = new WeakMap<IDBFactory, Promise<IDBDatabase>>();

/** The app's database on `factory` (the browser's `indexedDB`), opened once per page and upgraded as needed. */
export function appDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  let db = opened.get(factory);
  if (!db) {
    db = openDatabase(factory, APP_DATABASE, APP_DATABASE_VERSION, upgrade);
    // A failed open is tried again next time rather than remembered.
    db.then(
      // Closed for a newer page's upgrade: the next call opens it afresh.
      (open) => open.addEventListener("versionchange", () => opened.delete(factory)),
      () => opened.delete(factory),
    );
    opened.set(factory, db);
  }
  return db;
}
