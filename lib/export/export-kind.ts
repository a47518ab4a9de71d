// What every export kind provides: its columns, in order, and its rows page
// by page through a keyset cursor held inside the generator, so a large
// history is never loaded at once and each page is one index range scan.
import type { Db } from "../db/client";
import type { ExportValue } from "./csv";

/** One exported record: a value for each of the kind's columns. */
export type ExportRow = Readonly<Record<string, ExportValue>>;

export type ExportKind = {
  /** Used in the file name: `residual-<name>-<date>.csv`. */
  name: string;
  /** Column names in CSV order; every row has exactly these keys. */
  columns: readonly string[];
  /** The user's rows in a stable order, `pageSize` (≥ 1) at a time; only `userId`'s data. */
  pages(db: Db, userId: string, pageSize: number): AsyncGenerator<ExportRow[]>;
};

/** A nil UUID and the epoch: a keyset cursor that sorts before every row. */
export const START_ID = "00000000-0000-0000-0000-000000000000";
export const START_AT = new Date(0);

/**
 * The pages of one keyset scan: `fetch(after)` reads up to `pageSize` (≥ 1)
 * rows after the cursor, `cursorOf(last)` moves it past the page; a short
 * page ends the scan, so the last page costs no extra query when it is short.
 */
export async function* keysetPages<Row, Cursor>(
  start: Cursor,
  pageSize: number,
  fetch: (after: Cursor) => Promise<Row[]>,
  cursorOf: (last: Row) => Cursor,
): AsyncGenerator<Row[]> {
  let after = start;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = cursorOf(last);
  }
}
