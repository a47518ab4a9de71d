// A zipped module folder (the markdown export, or markdown files with their
// media/) through the one import flow: read by the module parser, its media
// stored as the module's images (lib/imports/import-images.ts), previewed,
// and on confirmation written into the importer's own module in one
// transaction. Re-importing the export of a module into it changes nothing.
import { fileStem, firstHeading, parseModuleSource } from "../content/parse-module";
import type { ParsedModule } from "../content/schemas";
import { importModule } from "../content/import-module";
import type { Notice } from "../anki/report";
import type { Db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { lockImageQuota } from "../data/card-image";
import { insertEnrollments } from "../data/enrollment";
import { AppError } from "../errors/app-error";
import { planImportImages, storeImportImages, type ImageSummary } from "./import-images";
import { previewImport, type ImportPreview } from "./import-preview";
import { readModuleZip, zipMediaFile, type ModuleZip } from "./module-zip";
import { emptyNotice } from "./parse-upload";

export type ModuleZipRequest = { userId: string; bytes: Uint8Array; slug?: string; title?: string; filename?: string; dryRun: boolean };

export type ModuleZipResult = Omit<ImportPreview, "format"> & {
  format: "zip";
  /** The images the cards show: stored new (a dry run: would be), already stored, not stored (see the notices). */
  images: ImageSummary;
  /** Images not stored and why. */
  notices: Notice[];
  committed: boolean;
};

/** Import transactions read and write up to 2000 cards and their images. */
const ZIP_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/** The folder as a module: with module.json, read as the module format (as the export checks itself); without, as notes. */
function parseFolder(folder: ModuleZip, request: ModuleZipRequest): ParsedModule {
  const titled = request.title ? { title: request.title } : {};
  if (folder.manifest) {
    return parseModuleSource({ manifest: { ...folder.manifest, ...(request.slug ? { slug: request.slug } : {}), ...titled }, files: folder.files });
  }
  if (!request.slug) {
    throw new AppError("VALIDATION", "This zip has no module.json: name the module to import into, module=<slug>", [
      { path: "module", message: "is required for a zip without module.json" },
    ]);
  }
  const first = folder.files[0]?.text ?? "";
  const title = request.title ?? firstHeading(first) ?? fileStem(request.filename ?? request.slug);
  return parseModuleSource({ manifest: { slug: request.slug, title, description: "" }, files: folder.files }, { notes: true });
}

/**
 * Previews or commits one zipped module folder as of `now` into `userId`'s
 * module (module.json's slug unless `slug` is given). Throws AppError
 * VALIDATION / PAYLOAD_TOO_LARGE for a zip it cannot read (see
 * readModuleZip), images past the user's quota, or a commit that would
 * import no card; nothing is written then.
 */
export async function importModuleZip(db: PrismaClient, request: ModuleZipRequest, now: Date): Promise<ModuleZipResult> {
  const folder = await readModuleZip(request.bytes);
  const module = parseFolder(folder, request);
  const notice = emptyNotice(module, "markdown");
  const scope = request.userId;
  const plan = async (tx: Db) => {
    const images = await planImportImages(tx, scope, [{ module, files: folder.media, fileOf: zipMediaFile }]);
    const relinked = images.modules[0] ?? module;
    const preview = await previewImport(tx, scope, relinked, "zip", notice);
    return { images, relinked, result: { ...preview, format: "zip" as const, images: images.summary, notices: images.notices } };
  };
  if (request.dryRun) return { ...(await plan(db)).result, committed: false };
  if (notice) throw new AppError("VALIDATION", notice);
  return db.$transaction(async (tx) => {
    if (folder.media.size) await lockImageQuota(tx, scope);
    const { images, relinked, result } = await plan(tx);
    const report = await importModule(tx, relinked, { scope, ownerId: scope }, now);
    await storeImportImages(tx, scope, report.module.id, images.images[0] ?? [], now);
    await insertEnrollments(tx, scope, [report.module.id], now);
    return { ...result, module: { ...result.module, id: report.module.id }, committed: true };
  }, ZIP_TRANSACTION);
}
