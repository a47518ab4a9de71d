// Images an import brings (an Anki package's media, a module folder's
// media/): each file a card links to is sniffed from its bytes and, when it
// is a PNG, JPEG, WebP or GIF within the per-image cap, stored in card_image
// of the imported module in the import's transaction. Its id is derived from
// the importer, the module and the bytes (or is the id the module already
// has for those bytes), so the links can be written before the module exists
// and importing the same file again finds the same rows and writes nothing.
// SVG, unknown types, damaged and oversized files are listed in the notices
// and keep their links as text. New images that would take the importer past
// their quota refuse the whole import, dry run included: a partial set of
// images would leave cards that change again on the next import.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { Notice } from "../anki/report";
import { NoticeLog } from "../anki/report";
import type { ParsedModule } from "../content/schemas";
import { insertCardImages, selectModuleImageIds, sumOwnImageBytes } from "../data/card-image";
import { derivedUuid } from "../data/imported-history";
import { AppError } from "../errors/app-error";
import { sniffImage, type ImageType } from "../images/sniff-image";
import { imageUrl, MAX_IMAGE_BYTES, MAX_USER_IMAGE_BYTES } from "../images/store-image";
import { cardTexts, imageLinkTargets, relinkModule } from "./image-links";

/** A module as read, whose cards link to media files: `fileOf` names the file a link target means (null: not a media file). */
export type ModuleMedia = {
  module: ParsedModule;
  files: ReadonlyMap<string, Uint8Array>;
  fileOf: (target: string) => string | null;
};

/** An image to store with a module; `existing` when the module holds these bytes already. */
export type PlannedImage = {
  id: string;
  sha256: string;
  contentType: ImageType;
  width: number | null;
  height: number | null;
  bytes: Uint8Array<ArrayBuffer>;
  existing: boolean;
};

/** What an import does with images: new ones stored (and their bytes), ones the module has, files not stored. */
export type ImageSummary = { stored: number; unchanged: number; refused: number; bytes: number };

export type ImportImages = {
  /** The modules with their image links pointed at /api/images/{id}. */
  modules: ParsedModule[];
  /** Per module, in the same order: its images. */
  images: PlannedImage[][];
  summary: ImageSummary;
  notices: Notice[];
};

type Accepted = Omit<PlannedImage, "id" | "existing">;

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The id of the image with bytes `sha256` in the module `slug` of `userId`: the same import always gives the same id. */
export function importedImageId(userId: string, slug: string, sha256: string): string {
  return derivedUuid(`card-image\n${userId}\n${slug}\n${sha256}`);
}

/** The file `name` as an image to store, or null with a notice saying why not. */
function acceptFile(name: string, bytes: Uint8Array, log: NoticeLog): Accepted | null {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    log.add("IMAGE_TOO_LARGE", `${name} (${MiB(bytes.byteLength)})`);
    return null;
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) {
    log.add(/SVG/.test(sniffed.reason) ? "SVG_MEDIA" : "IMAGE_REFUSED", /SVG/.test(sniffed.reason) ? name : `${name}: ${sniffed.reason}`);
    return null;
  }
  const owned = new Uint8Array(bytes);
  return { sha256: createHash("sha256").update(owned).digest("hex"), contentType: sniffed.type, width: sniffed.width, height: sniffed.height, bytes: owned };
}

/** The files `entry`'s cards link to, sniffed once each: accepted ones by file name. */
function linkedImages(entry: ModuleMedia, log: NoticeLog, seen: Map<Uint8Array, Accepted | null>): Map<string, Accepted> {
  const names = new Set<string>();
  for (const card of entry.module.cards) {
    for (const target of cardTexts(card).flatMap(imageLinkTargets)) {
      const name = entry.fileOf(target);
      if (name !== null) names.add(name);
    }
  }
  const accepted = new Map<string, Accepted>();
  for (const name of [...names].sort()) {
    const bytes = entry.files.get(name);
    if (!bytes) {
      log.add("MEDIA_NOT_IN_PACKAGE", name);
      continue;
    }
    if (!seen.has(bytes)) seen.set(bytes, acceptFile(name, bytes, log));
    const image = seen.get(bytes);
    if (image) accepted.set(name, image);
  }
  return accepted;
}

/**
 * Plans the images of `entries` (modules of `userId`, by slug) against the
 * database: which files are stored under which id, and the modules with
 * their links rewritten. Reads only; in a commit, call it inside the
 * transaction after lockImageQuota. Throws PAYLOAD_TOO_LARGE when the new
 * images do not fit in what the user may still store.
 */
export async function planImportImages(db: Db, userId: string, entries: readonly ModuleMedia[]): Promise<ImportImages> {
  const log = new NoticeLog();
  const seen = new Map<Uint8Array, Accepted | null>();
  const modules: ParsedModule[] = [];
  const images: PlannedImage[][] = [];
  for (const entry of entries) {
    const accepted = linkedImages(entry, log, seen);
    const slug = entry.module.slug;
    const existing = await db.module.findUnique({ where: { scope_slug: { scope: userId, slug } }, select: { id: true } });
    const known = existing ? await selectModuleImageIds(db, existing.id, [...new Set([...accepted.values()].map((a) => a.sha256))]) : new Map();
    const bySha = new Map<string, PlannedImage>();
    for (const image of accepted.values()) {
      const id = known.get(image.sha256);
      bySha.set(image.sha256, { ...image, id: id ?? importedImageId(userId, slug, image.sha256), existing: id !== undefined });
    }
    const urlOf = (target: string) => {
      const name = entry.fileOf(target);
      const image = name === null ? undefined : accepted.get(name);
      const planned = image && bySha.get(image.sha256);
      return planned ? imageUrl(planned.id) : null;
    };
    modules.push(relinkModule(entry.module, urlOf));
    images.push([...bySha.values()]);
  }
  const fresh = images.flat().filter((i) => !i.existing);
  const summary = {
    stored: fresh.length,
    unchanged: images.flat().length - fresh.length,
    refused: log.list().reduce((sum, n) => sum + n.count, 0),
    bytes: fresh.reduce((sum, i) => sum + i.bytes.byteLength, 0),
  };
  if (summary.bytes > 0) {
    const used = await sumOwnImageBytes(db, userId);
    if (used + summary.bytes > MAX_USER_IMAGE_BYTES) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `This import brings ${summary.stored} new image(s) of ${MiB(summary.bytes)}, but your images already take ${MiB(used)} of the ${MiB(MAX_USER_IMAGE_BYTES)} one account may store. Delete a module with images you no longer need, or import fewer decks at once. Nothing was imported.`,
      );
    }
  }
  return { modules, images, summary, notices: log.list() };
}

/** Stores the planned images of one module (those it lacks); returns how many rows were written. */
export async function storeImportImages(db: Db, userId: string, moduleId: string, images: readonly PlannedImage[], now: Date): Promise<number> {
  const rows = images
    .filter((i) => !i.existing)
    .map((i) => ({ id: i.id, ownerId: userId, moduleId, sha256: i.sha256, contentType: i.contentType, width: i.width, height: i.height, bytes: i.bytes }));
  return insertCardImages(db, rows, now);
}
