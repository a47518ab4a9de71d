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
import { importAnkiUpload, type AnkiImportResult } from "./anki-import";
import { packageFormat, type ImportFormat, type TextFormat } from "./detect-format";
import { importModuleZip, type ModuleZipResult } from "./module-zip-import";

export interface ImportRequest extends Omit<UploadInput, "format" | "slug"> {
  userId: string;
  /** The module to import into; needed for notes and CSV (an Anki package's decks keep their names unless it holds one). */
  slug?: string;
  format?: ImportFormat;
  /** Preview only: nothing is written. */
  dryRun: boolean;
}

export type ImportResult = Omit<ImportPreview, "format"> & {
  format: TextFormat;
  /** True when the import was carried out (false for a dry run). */
  committed: boolean;
};

/** Import transactions read and write up to 2000 cards: more room than Prisma's 5 s default. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/**
 * Previews or commits one upload as of `now`: notes, CSV/TSV, an Anki
 * package (importAnkiUpload) or a zipped module folder (importModuleZip). Importing the same file again
 * changes nothing; an edited file updates cards in place (their reviews stay).
 * Throws AppError VALIDATION / PAYLOAD_TOO_LARGE for a file it cannot read
 * (see parseUpload), and VALIDATION with the reason when a commit would
 * import no card or checklist item; nothing is written then.
 */
export async function importUpload(db: PrismaClient, request: ImportRequest, now: Date): Promise<ImportResult | AnkiImportResult | ModuleZipResult> {
  const zipped = await packageFormat(request.format, request.filename, request.bytes);
  if (zipped === "anki") return importAnkiUpload(db, request, now);
  if (zipped === "zip") return importModuleZip(db, request, now);
  const { slug } = request;
  if (!slug) {
    throw new AppError("VALIDATION", "Name the module to import into: module=<slug>, e.g. attention-notes", [
      { path: "module", message: "is required for notes and CSV" },
    ]);
  }
  const asked = request.format === "anki" || request.format === "zip" ? undefined : request.format;
  const { format, module, notice } = parseUpload({ ...request, slug, format: asked });
  const scope = request.userId;
  if (request.dryRun) return { ...(await previewImport(db, scope, module, format, notice)), format, committed: false };
  // A file that yields nothing would only archive what the module holds.
  if (notice) throw new AppError("VALIDATION", notice);
  return db.$transaction(async (tx) => {
    const preview = await previewImport(tx, scope, module, format, notice);
    const report = await importModule(tx, module, { scope, ownerId: scope }, now);
    await insertEnrollments(tx, scope, [report.module.id], now);
    return { ...preview, format, module: { ...preview.module, id: report.module.id }, committed: true };
  }, IMPORT_TRANSACTION);
}
