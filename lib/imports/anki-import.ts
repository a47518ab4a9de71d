// An Anki package through the one import flow: each deck becomes one of the
// importer's own modules (previewed like any upload), and on commit, in the
// same transaction, every card's Anki history is written as review log rows
// with the FSRS state it replays to, so imported cards come due when FSRS
// says. The images the cards show are stored with their modules
// (lib/imports/import-images.ts). Re-importing the same package changes nothing.
import { convertAnkiCollection, type AnkiConversion } from "../anki/convert";
import { isBareFileName } from "../anki/media-name";
import { readAnkiPackage } from "../anki/read-package";
import type { Notice } from "../anki/report";
import { importModule } from "../content/import-module";
import { analyzeTables } from "../db/analyze";
import type { PrismaClient } from "../db/generated/client";
import type { Db } from "../db/client";
import { lockImageQuota } from "../data/card-image";
import { insertEnrollments } from "../data/enrollment";
import { writeImportedHistory } from "../data/imported-history";
import { selectUserSettings } from "../data/user-settings";
import { AppError } from "../errors/app-error";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { planImportImages, storeImportImages, type ImageSummary } from "./import-images";
import { previewImport, type ImportPreview } from "./import-preview";
import { ANKI_CARD_LIMIT } from "./limits";

/** The stages of an Anki import, in order; `done`/`total` count steps, notes, modules or cards (see importAnkiUpload). */
export const IMPORT_PHASES = ["reading", "converting", "previewing", "writing"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
/** Told where an import stands; called often (every ~20 ms at most): a listener that stores it throttles itself. */
export type ImportProgressListener = (phase: ImportPhase, done: number, total: number) => void;

export type AnkiImportRequest = {
  userId: string;
  bytes: Uint8Array;
  slug?: string;
  title?: string;
  dryRun: boolean;
  onProgress?: ImportProgressListener;
};

export type AnkiImportResult = {
  format: "anki";
  /** One preview per deck that holds cards, each the importer's own module. */
  modules: ImportPreview[];
  noteTypes: AnkiConversion["noteTypes"];
  /** What was dropped or approximated (sounds, other note types, skipped cram reviews, …). */
  notices: Notice[];
  /** Cards that have a review history, and the reviews in it. */
  history: { cards: number; reviews: number };
  /** The images the cards show: stored new (a dry run: would be), already stored, not stored (see the notices). */
  images: ImageSummary;
  /** On commit: how many card states, review rows and images were written (a re-import writes none). */
  written: { cards: number; reviews: number; images: number } | null;
  committed: boolean;
};

/** The media file an image link of a converted card names: the converter writes bare file names. */
const mediaFileOf = (target: string) => (isBareFileName(target) ? target.normalize("NFC") : null);

/** Rows written (cards, card states, reviews) from which the planner is given fresh statistics once the import commits. */
const ANALYZE_AFTER_ROWS = 1000;

/** Anki imports write up to ANKI_CARD_LIMIT cards and their histories in one transaction. */
const ANKI_TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

/**
 * Previews (dryRun) or imports one package as of `now`, all or nothing: the
 * commit is one transaction. `onProgress` hears reading (steps), converting
 * (notes), previewing (decks) and writing (each deck's cards, then those with
 * a history: one count over both). Throws AnkiPackageError for a package it
 * cannot read, VALIDATION when it holds no card, PAYLOAD_TOO_LARGE past
 * ANKI_CARD_LIMIT.
 */
export async function importAnkiUpload(db: PrismaClient, request: AnkiImportRequest, now: Date): Promise<AnkiImportResult> {
  const progress = request.onProgress ?? (() => undefined);
  const settings = schedulerSettingsOf(await selectUserSettings(db, request.userId));
  const read = readAnkiPackage(request.bytes, { onProgress: (done, total) => progress("reading", done, total) });
  // The collection read is not kept in a variable: once converted, it can be collected during the writes.
  const conversion = await convertAnkiCollection(await read, { settings, onProgress: (done, total) => progress("converting", done, total) });
  const modules = conversion.modules.map((m) => m.module);
  if (modules.length === 0) throw new AppError("VALIDATION", "The package holds no cards");
  const total = modules.reduce((sum, m) => sum + m.cards.length, 0);
  if (total > ANKI_CARD_LIMIT) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The package holds ${total} cards; one import takes at most ${ANKI_CARD_LIMIT}. Export its decks one at a time.`);
  }
  // A single deck goes where the importer said; several keep their deck names.
  const [only] = modules;
  if (only && modules.length === 1) {
    if (request.slug) only.slug = request.slug;
    if (request.title) only.title = request.title;
  }
  const withHistory = conversion.modules.flatMap((m) => m.schedules).filter((s) => s.replay.reviews.length > 0);
  const history = { cards: withHistory.length, reviews: withHistory.reduce((sum, s) => sum + s.replay.reviews.length, 0) };
  const scope = request.userId;
  const media = new Map(conversion.media.map((m) => [m.name, m.bytes]));
  const withImages = async (tx: Db) => {
    const images = await planImportImages(
      tx,
      scope,
      modules.map((module) => ({ module, files: media, fileOf: mediaFileOf })),
    );
    const summary = {
      format: "anki" as const,
      noteTypes: conversion.noteTypes,
      notices: [...conversion.notices, ...images.notices],
      history,
      images: images.summary,
    };
    let previewed = 0;
    progress("previewing", 0, modules.length);
    const planned = await Promise.all(
      images.modules.map(async (m) => {
        const preview = await previewImport(tx, scope, m, "anki", null);
        progress("previewing", ++previewed, modules.length);
        return preview;
      }),
    );
    return { images, summary, planned };
  };

  if (request.dryRun) {
    const { summary, planned } = await withImages(db);
    return { ...summary, modules: planned, written: null, committed: false };
  }
  const result = await db.$transaction(async (tx) => {
    if (media.size) await lockImageQuota(tx, scope);
    const { images, summary, planned } = await withImages(tx);
    const written = { cards: 0, reviews: 0, images: 0 };
    // One count over cards and histories, so the bar never runs back between a deck's two writes.
    const units = total + history.cards;
    let done = 0;
    progress("writing", done, units);
    for (const [i, converted] of conversion.modules.entries()) {
      const report = await importModule(tx, images.modules[i] ?? converted.module, { scope, ownerId: scope }, now);
      written.images += await storeImportImages(tx, scope, report.module.id, images.images[i] ?? [], now);
      done += converted.module.cards.length;
      progress("writing", done, units);
      await insertEnrollments(tx, scope, [report.module.id], now);
      const cards = await tx.card.findMany({ where: { moduleId: report.module.id }, select: { id: true, externalId: true } });
      const idOf = new Map(cards.map((c) => [c.externalId, c.id]));
      const histories = converted.schedules.flatMap((s) => {
        const cardId = idOf.get(s.externalId);
        return cardId ? [{ cardId, replay: s.replay, suspended: s.suspended }] : [];
      });
      const stored = await writeImportedHistory(tx, scope, histories, now);
      done += histories.filter((h) => h.replay.reviews.length > 0).length;
      progress("writing", done, units);
      written.cards += stored.cards;
      written.reviews += stored.reviews;
      const preview = planned[i];
      if (preview) preview.module.id = report.module.id;
    }
    return { ...summary, modules: planned, written, committed: true };
  }, ANKI_TRANSACTION);
  const created = result.modules.reduce((sum, m) => sum + m.cards.created.total + m.cards.restored.total, 0);
  if (created + result.written.cards + result.written.reviews >= ANALYZE_AFTER_ROWS) {
    await analyzeTables(db, ["module", "card", "card_state", "review_log", "enrollment"]);
  }
  return result;
}
