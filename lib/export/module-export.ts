// One module as a download: a zip of its folder in the markdown module format
// (with its images), a CSV of its cards, or an Anki package with the
// learner's review history. Any module the learner can see: their own, or the
// public course (read-only, exported all the same).
import { zipSync, type Zippable } from "fflate";
import type { Db } from "../db/client";
import { selectVisibleModuleRow, type ModuleRow } from "../data/module";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { MAX_USER_IMAGE_BYTES } from "../images/store-image";
import { writeAnkiPackage } from "../anki/write-package";
import { csvRecord } from "./csv";
import { moduleAnkiCollection, type ApkgCard, type ExportReview } from "./module-apkg";
import { moduleFolder } from "./module-folder";
import type { ModuleExportFormat } from "./module-export-schemas";
import type { ExportImage } from "./module-media";

export type ModuleExportFile = {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** What did not come out exactly (cards that would come back changed); empty when everything did. */
  notes: string[];
};

const CONTENT_TYPES: Record<ModuleExportFormat, string> = {
  md: "application/zip",
  csv: "text/csv; charset=utf-8; header=present",
  apkg: "application/octet-stream",
};

const CARD_FIELDS = {
  id: true,
  externalId: true,
  kind: true,
  role: true,
  front: true,
  back: true,
  commonWrongAnswer: true,
  keyPoints: true,
  topic: true,
  tags: true,
  difficulty: true,
  siblingKey: true,
  exerciseSlug: true,
  noteSource: true,
  position: true,
  createdAt: true,
} as const;

async function liveCards(db: Db, moduleId: string) {
  return db.card.findMany({ where: { moduleId, archivedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }], select: CARD_FIELDS });
}

/** The module's images; refused whole when they exceed what one account may store (the export is built in memory). */
async function moduleImages(db: Db, moduleId: string): Promise<ExportImage[]> {
  const sizes = await db.cardImage.aggregate({ where: { moduleId }, _sum: { byteSize: true } });
  if ((sizes._sum.byteSize ?? 0) > MAX_USER_IMAGE_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "This module's images are too large to export at once; move some cards to another module.");
  }
  const rows = await db.cardImage.findMany({ where: { moduleId }, orderBy: { createdAt: "asc" }, select: { id: true, contentType: true, bytes: true } });
  return rows.map((r) => ({ id: r.id, contentType: r.contentType, bytes: new Uint8Array(r.bytes) }));
}

function datedName(module: ModuleRow, now: Date, extension: string): string {
  return `${module.slug}-${now.toISOString().slice(0, 10)}.${extension}`;
}

async function markdownExport(db: Db, module: ModuleRow, now: Date): Promise<ModuleExportFile> {
  const checklist = await db.checklistItem.findMany({
    where: { moduleId: module.id, archivedAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { externalId: true, section: true, text: true, evidenceRule: true },
  });
  const folder = moduleFolder(module, await liveCards(db, module.id), checklist, await moduleImages(db, module.id));
  const zip: Zippable = {};
  for (const [path, bytes] of folder.files) zip[`${module.slug}/${path}`] = bytes;
  return { fileName: datedName(module, now, "zip"), contentType: CONTENT_TYPES.md, bytes: zipSync(zip, { level: 6, mtime: now }), notes: folder.notes };
}

async function csvExport(db: Db, module: ModuleRow, now: Date): Promise<ModuleExportFile> {
  const cards = await liveCards(db, module.id);
  const text = csvRecord(["front", "back", "tags"]) + cards.map((c) => csvRecord([c.front, c.back, c.tags.join(" ")])).join("");
  return { fileName: datedName(module, now, "csv"), contentType: CONTENT_TYPES.csv, bytes: new TextEncoder().encode(text), notes: [] };
}

async function apkgExport(db: Db, userId: string, module: ModuleRow, now: Date): Promise<ModuleExportFile> {
  const cards = await liveCards(db, module.id);
  const ids = cards.map((c) => c.id);
  const [states, reviews] = await Promise.all([
    db.cardState.findMany({ where: { userId, cardId: { in: ids } }, select: { cardId: true, state: true, due: true, suspendedAt: true, buriedUntil: true } }),
    db.reviewLog.findMany({
      where: { userId, cardId: { in: ids } },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { cardId: true, reviewedAt: true, rating: true, state: true, due: true, scheduledDays: true, durationMs: true },
    }),
  ]);
  const stateOf = new Map(states.map((s) => [s.cardId, s]));
  const reviewsOf = new Map<string, ExportReview[]>();
  for (const r of reviews) reviewsOf.set(r.cardId, [...(reviewsOf.get(r.cardId) ?? []), r]);
  const apkgCards: ApkgCard[] = cards.map((c) => {
    const s = stateOf.get(c.id);
    const schedule = s ? { state: s.state, due: s.due, suspended: s.suspendedAt !== null, buried: s.buriedUntil !== null && s.buriedUntil > now } : null;
    return { ...c, schedule, reviews: reviewsOf.get(c.id) ?? [] };
  });
  const collection = moduleAnkiCollection({ moduleId: module.id, title: module.title, cards: apkgCards, images: await moduleImages(db, module.id), now });
  return { fileName: datedName(module, now, "apkg"), contentType: CONTENT_TYPES.apkg, bytes: await writeAnkiPackage(collection, now), notes: [] };
}

/**
 * The export of module `slug` as `userId` sees it, in `format`, dated `now`.
 * Throws AppError NOT_FOUND when they cannot see such a module (another
 * user's private module included), PAYLOAD_TOO_LARGE when its images are
 * over the cap. Archived cards are left out; the Anki package carries only
 * `userId`'s own schedule and review log.
 */
export async function exportModule(db: Db, userId: string, slug: string, format: ModuleExportFormat, now: Date): Promise<ModuleExportFile> {
  const module = await selectVisibleModuleRow(db, userId, slug);
  if (!module) throw notFound(`Module ${quoteInput(slug)}`);
  if (format === "md") return markdownExport(db, module, now);
  if (format === "csv") return csvExport(db, module, now);
  return apkgExport(db, userId, module, now);
}
