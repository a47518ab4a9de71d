// Runs work in one transaction: a root client opens one, a transaction client
// (a workflow or a test already inside one) is used as it is.
import type { Db } from "./client";

export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction((tx) => work(tx)) : work(db);
}
