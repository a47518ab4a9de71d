// Writes a parsed module to the database in one transaction. Idempotent:
// cards are matched by external id and compared by content hash, so a
// re-import of the same source writes nothing, an edit updates the same row
// (review history stays attached), and a card that left the source is
// archived, never deleted, and comes back when it is re-added. Cards written
// or edited in the card editor (origin EDITOR) are left alone by an import.
import { z } from "zod";
import { Prisma, type Db } from "../db/client";
import { insertImportedCards, updateCardPositions, updateImportedCards } from "../data/card";
import { lowerNewCursors } from "../data/enrollment";
import { AppError } from "../errors/app-error";
import { yieldToEventLoop } from "../event-loop/yield";
import { contentHash } from "./ids";
import { cardContent } from "./parse-module";
import { changeSetOf, totals, type ImportReport } from "./import-report";
import { planImport, type ExistingRow, type ImportPlan } from "./plan-import";
import { ParsedModuleSchema, type ParsedCard, type ParsedChecklistItem, type ParsedModule } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * Cards per statement: a statement's rows are turned into JSON synchronously,
 * so a 10,000-card Anki deck goes in batches with a turn of the event loop
 * between. One statement per batch, not one per card, whatever the change.
 */
const WRITE_BATCH = 1000;

export const ImportTargetSchema = z
  .object({
    scope: z.string().min(1).max(200).describe('"public" for built-in modules, else the owner\'s user id.'),
    ownerId: z.string().min(1).optional().describe("Must be absent for public modules and equal to scope otherwise."),
  })
  .refine((t) => (t.scope === "public" ? t.ownerId === undefined : (t.ownerId ?? t.scope) === t.scope), {
    error: "a public module has no owner; a private module's scope is its owner's id",
  });
export type ImportTarget = z.input<typeof ImportTargetSchema>;

type CardIn = ParsedCard & { fingerprint: string };
type CheckIn = ParsedChecklistItem & { fingerprint: string };

/** The content fingerprint of a checklist item (the table has no hash column). */
export function checklistFingerprint(item: { section: string; text: string; evidenceRule: unknown }): string {
  return contentHash({ section: item.section, text: item.text, evidenceRule: item.evidenceRule });
}

function cardData(card: ParsedCard) {
  return { ...cardContent(card), noteSource: card.noteSource, position: card.position, contentHash: card.contentHash };
}

function checklistData(item: ParsedChecklistItem) {
  return {
    section: item.section,
    text: item.text,
    position: item.position,
    evidenceRule: item.evidenceRule ?? Prisma.DbNull,
  };
}

async function upsertModule(tx: Tx, parsed: ParsedModule, scope: string, ownerId: string | null, now: Date) {
  const existing = await tx.module.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } } });
  const data = { title: parsed.title, description: parsed.description, sourceHash: parsed.sourceHash, ownerId };
  if (!existing) {
    const created = await tx.module.create({ data: { ...data, scope, slug: parsed.slug, createdAt: now, updatedAt: now } });
    return { row: created, status: "created" as const };
  }
  const same =
    existing.title === data.title && existing.description === data.description && existing.sourceHash === data.sourceHash && existing.ownerId === data.ownerId;
  if (same) return { row: existing, status: "unchanged" as const };
  const updated = await tx.module.update({ where: { id: existing.id }, data: { ...data, updatedAt: now } });
  return { row: updated, status: "updated" as const };
}

/**
 * The plan with every decision about an editor card dropped: such a card
 * lives in no file, so a file that lacks it (or holds its id) says nothing
 * about it. It stays as written, counted unchanged when the file names it.
 */
function leaveEditorCards(plan: ImportPlan<CardIn>, editorCardIds: ReadonlySet<string>): ImportPlan<CardIn> {
  const isEditor = (p: { id: string }) => editorCardIds.has(p.id);
  const touched = [...plan.update, ...plan.restore, ...plan.move].filter(isEditor);
  return {
    create: plan.create,
    update: plan.update.filter((p) => !isEditor(p)),
    restore: plan.restore.filter((p) => !isEditor(p)),
    move: plan.move.filter((p) => !isEditor(p)),
    unchanged: [...plan.unchanged, ...touched],
    archive: plan.archive.filter((r) => !isEditor(r)),
  };
}

async function importCards(tx: Tx, moduleId: string, cards: ParsedCard[], now: Date) {
  const rows = await tx.card.findMany({
    where: { moduleId },
    select: { id: true, externalId: true, contentHash: true, position: true, archivedAt: true, origin: true },
  });
  const existing: ExistingRow[] = rows.map((r) => ({ ...r, fingerprint: r.contentHash }));
  const planned = planImport<CardIn>(
    existing,
    cards.map((c) => ({ ...c, fingerprint: c.contentHash })),
  );
  const plan = leaveEditorCards(planned, new Set(rows.filter((r) => r.origin === "EDITOR").map((r) => r.id)));
  for (let i = 0; i < plan.create.length; i += WRITE_BATCH) {
    await insertImportedCards(
      tx,
      moduleId,
      plan.create.slice(i, i + WRITE_BATCH).map((c) => ({ ...cardData(c), externalId: c.externalId })),
      now,
    );
    await yieldToEventLoop();
  }
  const rewrites = [...plan.update, ...plan.restore];
  for (let i = 0; i < rewrites.length; i += WRITE_BATCH) {
    await updateImportedCards(
      tx,
      rewrites.slice(i, i + WRITE_BATCH).map(({ id, item }) => ({ ...cardData(item), id })),
      now,
    );
    await yieldToEventLoop();
  }
  for (let i = 0; i < plan.move.length; i += WRITE_BATCH) {
    await updateCardPositions(
      tx,
      plan.move.slice(i, i + WRITE_BATCH).map(({ id, item }) => ({ id, position: item.position })),
      now,
    );
  }
  if (plan.archive.length) {
    await tx.card.updateMany({ where: { id: { in: plan.archive.map((r) => r.id) } }, data: { archivedAt: now, updatedAt: now } });
  }
  // New, restored or moved cards may sit below a learner's new-card cursor.
  const placed = [...plan.create, ...[...plan.restore, ...plan.move].map((p) => p.item)].map((c) => c.position);
  if (placed.length) await lowerNewCursors(tx, { moduleId }, Math.min(...placed));
  return changeSetOf(plan);
}

async function importChecklist(tx: Tx, moduleId: string, items: ParsedChecklistItem[], now: Date) {
  const rows = await tx.checklistItem.findMany({ where: { moduleId } });
  const existing: ExistingRow[] = rows.map((r) => ({
    id: r.id,
    externalId: r.externalId,
    position: r.position,
    archivedAt: r.archivedAt,
    fingerprint: checklistFingerprint(r),
  }));
  const plan = planImport<CheckIn>(
    existing,
    items.map((i) => ({ ...i, fingerprint: checklistFingerprint(i) })),
  );
  if (plan.create.length) {
    await tx.checklistItem.createMany({
      data: plan.create.map((i) => ({ ...checklistData(i), moduleId, externalId: i.externalId, createdAt: now, updatedAt: now })),
    });
  }
  for (const { id, item } of [...plan.update, ...plan.restore]) {
    await tx.checklistItem.update({ where: { id }, data: { ...checklistData(item), archivedAt: null, updatedAt: now } });
  }
  for (const { id, item } of plan.move) {
    await tx.checklistItem.update({ where: { id }, data: { position: item.position, updatedAt: now } });
  }
  if (plan.archive.length) {
    await tx.checklistItem.updateMany({
      where: { id: { in: plan.archive.map((r) => r.id) } },
      data: { archivedAt: now, updatedAt: now },
    });
  }
  return changeSetOf(plan);
}

/**
 * Imports a parsed module into `target.scope` ("public", or the owner's user
 * id for a private module) as of `now` (written to createdAt / updatedAt /
 * archivedAt). Runs in one transaction: on the root client it opens one, on a
 * transaction client it joins the caller's. Throws AppError VALIDATION when
 * the target or the parsed module is invalid; nothing is written then.
 */
export async function importModule(db: Db, parsed: ParsedModule, target: ImportTarget, now: Date): Promise<ImportReport> {
  const where = ImportTargetSchema.safeParse(target);
  if (!where.success) throw new AppError("VALIDATION", where.error.issues[0]?.message ?? "invalid import target");
  const checked = ParsedModuleSchema.safeParse(parsed);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", "Invalid parsed module", issues);
  }
  const module = checked.data;
  const { scope } = where.data;
  const ownerId = scope === "public" ? null : scope;
  const run = async (tx: Tx): Promise<ImportReport> => {
    const { row, status } = await upsertModule(tx, module, scope, ownerId, now);
    const cards = await importCards(tx, row.id, module.cards, now);
    const checklist = await importChecklist(tx, row.id, module.checklist, now);
    return {
      module: { id: row.id, slug: row.slug, scope: row.scope, title: row.title, status },
      ...totals(cards, checklist),
      cards,
      checklist,
      skipped: module.skipped,
      warnings: module.warnings,
    };
  };
  // A transaction client has `$transaction` too (Prisma 7), but never `$connect`.
  return "$connect" in db ? db.$transaction(run, { maxWait: 10_000, timeout: 60_000 }) : run(db);
}
