// What an import would do to the importer's own module, worked out against
// the database without writing: cards created, updated, restored, left alone,
// archived, and the lines that were not read. The same planner as the import
// itself (lib/content/plan-import.ts), so the preview is what a commit does.
import { cardSnippet } from "../cards/card-text";
import type { Db } from "../db/client";
import { checklistFingerprint } from "../content/import-module";
import { planImport, type ExistingRow } from "../content/plan-import";
import type { ParsedCard, ParsedModule, ParseWarning, SkippedLine } from "../content/schemas";
import type { ImportFormat } from "./detect-format";
import { PREVIEW_FRONT_CHARS, PREVIEW_LIST_LIMIT } from "./limits";

/**
 * One card in a preview list: its id, the start of its front as plain text,
 * and where it comes from (absent for archived cards): the line of a file, or
 * for an Anki package the note's number in its deck.
 */
export type PreviewCard = { externalId: string; front: string; line?: number };

/** A list capped at PREVIEW_LIST_LIMIT entries, with the full count. */
export type PreviewList<T> = { total: number; items: T[] };

export interface ImportPreview {
  /** `id` is null while the module does not exist yet. */
  module: { slug: string; title: string; id: string | null };
  format: ImportFormat;
  cards: {
    created: PreviewList<PreviewCard>;
    updated: PreviewList<PreviewCard>;
    restored: PreviewList<PreviewCard>;
    unchanged: PreviewList<PreviewCard>;
    archived: PreviewList<PreviewCard>;
  };
  checklist: { created: number; updated: number; unchanged: number; archived: number };
  /** Lines not read (question-like lines, rows without a back, …), with line numbers and reasons. */
  unread: PreviewList<SkippedLine>;
  warnings: PreviewList<ParseWarning>;
  /** Why nothing would be imported, when that is so. */
  notice: string | null;
}

function capped<T>(all: readonly T[]): PreviewList<T> {
  return { total: all.length, items: all.slice(0, PREVIEW_LIST_LIMIT) };
}

const shortFront = (front: string) => cardSnippet(front, PREVIEW_FRONT_CHARS);
const fromCard = (card: ParsedCard): PreviewCard => ({ externalId: card.externalId, front: shortFront(card.front), line: card.source.line });

/**
 * Plans `parsed` against the module `parsed.slug` in `scope` (the importer's
 * user id) as it stands in `db`. Reads only; pass a transaction client to see
 * the same rows the commit will write.
 */
export async function previewImport(db: Db, scope: string, parsed: ParsedModule, format: ImportFormat, notice: string | null): Promise<ImportPreview> {
  const module = await db.module.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } }, select: { id: true } });
  const [cardRows, checkRows] = module
    ? await Promise.all([
        db.card.findMany({
          where: { moduleId: module.id },
          select: { id: true, externalId: true, contentHash: true, position: true, archivedAt: true, front: true },
        }),
        db.checklistItem.findMany({ where: { moduleId: module.id } }),
      ])
    : [[], []];
  const cards = planImport(
    cardRows.map((r): ExistingRow => ({ ...r, fingerprint: r.contentHash })),
    parsed.cards.map((c) => ({ ...c, fingerprint: c.contentHash })),
  );
  const checks = planImport(
    checkRows.map((r): ExistingRow => ({ ...r, fingerprint: checklistFingerprint(r) })),
    parsed.checklist.map((i) => ({ ...i, fingerprint: checklistFingerprint(i) })),
  );
  const frontOf = new Map(cardRows.map((r) => [r.id, r.front]));
  return {
    module: { slug: parsed.slug, title: parsed.title, id: module?.id ?? null },
    format,
    cards: {
      created: capped(cards.create.map(fromCard)),
      updated: capped(cards.update.map((u) => fromCard(u.item))),
      restored: capped(cards.restore.map((u) => fromCard(u.item))),
      unchanged: capped([...cards.unchanged, ...cards.move].map((u) => fromCard(u.item))),
      archived: capped(cards.archive.map((r) => ({ externalId: r.externalId, front: shortFront(frontOf.get(r.id) ?? "") }))),
    },
    checklist: {
      created: checks.create.length + checks.restore.length,
      updated: checks.update.length,
      unchanged: checks.unchanged.length + checks.move.length,
      archived: checks.archive.length,
    },
    unread: capped(parsed.skipped),
    warnings: capped(parsed.warnings),
    notice,
  };
}
