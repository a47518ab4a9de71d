// An export as a byte stream: pages are read from the database only as the
// client takes the bytes (ReadableStream pull), so memory stays one page deep
// however long the history is.
import type { Db } from "../db/client";
import { csvRecord } from "./csv";
import type { ExportRow } from "./export-kind";
import { EXPORT_KINDS, type ExportQuery } from "./export-schemas";

/** Rows fetched per query: large enough that round trips do not dominate, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1000;

export type ExportFile = {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
};

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8; header=present", json: "application/json; charset=utf-8" } as const;

/**
 * Opens the export of `query.what` for `userId` (only that user's rows) as
 * JSON (one array of objects) or CSV (header line, then one record per row).
 * The first page is read before returning, so a database error becomes an
 * error response rather than a truncated download. `now` dates the file name.
 */
export async function openExport(db: Db, userId: string, query: ExportQuery, now: Date, pageSize = EXPORT_PAGE_SIZE): Promise<ExportFile> {
  const kind = EXPORT_KINDS[query.what];
  const pages = kind.pages(db, userId, pageSize);
  const firstPage = await pages.next();
  const encoder = new TextEncoder();
  const csv = query.format === "csv";
  let rowsSent = 0;
  const render = (rows: ExportRow[]): string => {
    const text = csv
      ? rows.map((row) => csvRecord(kind.columns.map((column) => row[column] ?? null))).join("")
      : rows.map((row, i) => `${rowsSent + i === 0 ? "" : ",\n"}${JSON.stringify(row)}`).join("");
    rowsSent += rows.length;
    return text;
  };

  let pending: IteratorResult<ExportRow[]> | null = firstPage;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csv ? csvRecord(kind.columns) : "[\n"));
    },
    async pull(controller) {
      const next = pending ?? (await pages.next());
      pending = null;
      if (next.done) {
        if (!csv) controller.enqueue(encoder.encode(rowsSent === 0 ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(render(next.value)));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return { fileName: `residual-${kind.name}-${now.toISOString().slice(0, 10)}.${query.format}`, contentType: CONTENT_TYPES[query.format], body };
}
