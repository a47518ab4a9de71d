// The one import flow behind the page, the API and the CLI: read the file,
// preview what it would do to the importer's own module, and (unless it is a
// dry run) carry it out and enrol the importer so the cards reach the queue.
// The module's scope is always the importer's id: no upload can write into
// the public course or into another user's module.
import { importModule } from "../content/import-module";
import { insertEnrollments } from "../data/enrollment";
import { AppError } from "../errors/app-error";
import type { PrismaClient } from "../db/generated/client";
import { previewImport, type ImportPreview } from "./import-preview";
import { parseUpload, type UploadInput } from "./parse-upload";

export interface ImportRequest extends UploadInput {
  userId: string;
  /** Preview only: nothing is written. */
  dryRun: boolean;
}

export type ImportResult = ImportPreview & {
  /** True when the import was carried out (false for a dry run). */
  committed: boolean;
};

/** Import transactions read and write up to 2000 cards: more room than Prisma's 5 s default. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/**
 * Previews or commits one upload as of `now`. Importing the same file again
 * changes nothing; an edited file updates cards in place (their reviews stay).
 * Throws AppError VALIDATION / PAYLOAD_TOO_LARGE for a file it cannot read
 * (see parseUpload), and VALIDATION with the reason when a commit would
 * import no card or checklist item; nothing is written then.
 */
export async function importUpload(db: PrismaClient, request: ImportRequest, now: Date): Promise<ImportResult> {
  const { format, module, notice } = parseUpload(request);
  const scope = request.userId;
  if (request.dryRun) return { ...(await previewImport(db, scope, module, format, notice)), committed: false };
  // A file that yields nothing would only archive what the module holds.
  if (notice) throw new AppError("VALIDATION", notice);
  return db.$transaction(async (tx) => {
    const preview = await previewImport(tx, scope, module, format, notice);
    const report = await importModule(tx, module, { scope, ownerId: scope }, now);
    await insertEnrollments(tx, scope, [report.module.id], now);
    return { ...preview, module: { ...preview.module, id: report.module.id }, committed: true };
  }, IMPORT_TRANSACTION);
}
