// An Anki package through the one import flow: each deck becomes one of the
// importer's own modules (previewed like any upload), and on commit, in the
// same transaction, every card's Anki history is written as review log rows
// with the FSRS state it replays to, so imported cards come due when FSRS
// says. Re-importing the same package changes nothing.
import { convertAnkiCollection, type AnkiConversion } from "../anki/convert";
import { readAnkiPackage } from "../anki/read-package";
import type { Notice } from "../anki/report";
import { importModule } from "../content/import-module";
import { analyzeTables } from "../db/analyze";
import type { PrismaClient } from "../db/generated/client";
import { insertEnrollments } from "../data/enrollment";
import { writeImportedHistory } from "../data/imported-history";
import { selectUserSettings } from "../data/user-settings";
import { AppError } from "../errors/app-error";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { previewImport, type ImportPreview } from "./import-preview";
import { ANKI_CARD_LIMIT } from "./limits";

export type AnkiImportRequest = { userId: string; bytes: Uint8Array; slug?: string; title?: string; dryRun: boolean };

export type AnkiImportResult = {
  format: "anki";
  /** One preview per deck that holds cards, each the importer's own module. */
  modules: ImportPreview[];
  noteTypes: AnkiConversion["noteTypes"];
  /** What was dropped or approximated (sounds, other note types, skipped cram reviews, …). */
  notices: Notice[];
  /** Cards that have a review history, and the reviews in it. */
  history: { cards: number; reviews: number };
  /** On commit: how many card states and review rows were written (a re-import writes none). */
  written: { cards: number; reviews: number } | null;
  committed: boolean;
};

/** Rows written (cards, card states, reviews) from which the planner is given fresh statistics once the import commits. */
const ANALYZE_AFTER_ROWS = 1000;

/** Anki imports write up to ANKI_CARD_LIMIT cards and their histories in one transaction. */
const ANKI_TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

export async function importAnkiUpload(db: PrismaClient, request: AnkiImportRequest, now: Date): Promise<AnkiImportResult> {
  const settings = schedulerSettingsOf(await selectUserSettings(db, request.userId));
  // The collection read is not kept in a variable: once converted, it can be collected during the writes.
  const conversion = await convertAnkiCollection(await readAnkiPackage(request.bytes), { settings });
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
  const summary = { format: "anki" as const, noteTypes: conversion.noteTypes, notices: conversion.notices, history };
  const scope = request.userId;
  const previews = (tx: Parameters<typeof previewImport>[0]) => Promise.all(modules.map((m) => previewImport(tx, scope, m, "anki", null)));

  if (request.dryRun) return { ...summary, modules: await previews(db), written: null, committed: false };
  const result = await db.$transaction(async (tx) => {
    const planned = await previews(tx);
    const written = { cards: 0, reviews: 0 };
    for (const [i, converted] of conversion.modules.entries()) {
      const report = await importModule(tx, converted.module, { scope, ownerId: scope }, now);
      await insertEnrollments(tx, scope, [report.module.id], now);
      const cards = await tx.card.findMany({ where: { moduleId: report.module.id }, select: { id: true, externalId: true } });
      const idOf = new Map(cards.map((c) => [c.externalId, c.id]));
      const histories = converted.schedules.flatMap((s) => {
        const cardId = idOf.get(s.externalId);
        return cardId ? [{ cardId, replay: s.replay, suspended: s.suspended }] : [];
      });
      const done = await writeImportedHistory(tx, scope, histories, now);
      written.cards += done.cards;
      written.reviews += done.reviews;
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
