// The import reply → lines: counts, the cards by outcome, and every line that
// was not read with its line number and reason. Pure.
import { z } from "zod";
import { byteSizeText } from "../../lib/images/byte-size";
import { EXIT } from "./exit-codes";
import type { Outcome } from "./render";

const CardSchema = z.object({ front: z.string(), line: z.number().optional() });
const ListSchema = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

const ModuleReplySchema = z.object({
  module: z.object({ slug: z.string(), title: z.string(), id: z.string().nullable() }),
  cards: z.object({
    created: ListSchema(CardSchema),
    updated: ListSchema(CardSchema),
    restored: ListSchema(CardSchema),
    unchanged: ListSchema(CardSchema),
    archived: ListSchema(CardSchema),
  }),
  checklist: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), archived: z.number() }),
  unread: ListSchema(z.object({ line: z.number(), text: z.string(), reason: z.string() })),
  notice: z.string().nullable(),
});
type ModuleReply = z.infer<typeof ModuleReplySchema>;

const TextReplySchema = ModuleReplySchema.extend({ committed: z.boolean(), format: z.enum(["markdown", "csv", "tsv"]) });

const NoticeSchema = z.object({ message: z.string(), count: z.number() });
const ImagesSchema = z.object({ stored: z.number(), unchanged: z.number(), refused: z.number(), bytes: z.number() });

const ZipReplySchema = ModuleReplySchema.extend({ committed: z.boolean(), format: z.literal("zip"), images: ImagesSchema, notices: z.array(NoticeSchema) });

const AnkiReplySchema = z.object({
  committed: z.boolean(),
  format: z.literal("anki"),
  modules: z.array(ModuleReplySchema),
  notices: z.array(NoticeSchema),
  history: z.object({ cards: z.number(), reviews: z.number() }),
  images: ImagesSchema,
  written: z.object({ cards: z.number(), reviews: z.number(), images: z.number() }).nullable(),
});

export const ImportReplySchema = z.union([AnkiReplySchema, ZipReplySchema, TextReplySchema]);
export type ImportReply = z.infer<typeof ImportReplySchema>;

/** An Anki package's background job (GET /api/imports/{id}). */
export const ImportJobReplySchema = z.object({
  id: z.string(),
  status: z.enum(["UPLOADING", "QUEUED", "RUNNING", "PREVIEWED", "DONE", "FAILED"]),
  progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
  result: AnkiReplySchema.nullable(),
  error: z.string().nullable(),
  location: z.string(),
});
export type ImportJobReply = z.infer<typeof ImportJobReplySchema>;

const UNITS: Record<string, string> = { reading: "steps", converting: "notes", previewing: "decks", writing: "cards" };

/** One line on where a job stands, for stderr while it runs. */
export function progressLine(job: ImportJobReply): string {
  const p = job.progress;
  if (job.status !== "RUNNING" || !p) return `import ${job.id}: ${job.status === "RUNNING" ? "starting" : "waiting for the importer"}`;
  const percent = p.total > 0 ? ` (${Math.floor((100 * p.done) / p.total)}%)` : "";
  return `import ${job.id}: ${p.phase} ${p.done} of ${p.total} ${UNITS[p.phase] ?? "steps"}${percent}`;
}

const SHOWN = ["created", "updated", "restored", "archived"] as const;

export function renderImport(reply: ImportReply, baseUrl: string): Outcome {
  const verb = reply.committed ? "imported" : "would import (dry run, nothing written)";
  const out =
    reply.format === "anki"
      ? [
          ...reply.modules.flatMap((m) => moduleLines(m, verb, "anki")),
          `review history: ${reply.history.reviews} reviews of ${reply.history.cards} cards${reply.written ? ` (${reply.written.reviews} reviews written now)` : ""}`,
          imageLine(reply.images, reply.committed),
          ...reply.notices.map(noticeLine),
        ]
      : reply.format === "zip"
        ? [...moduleLines(reply, verb, "zip"), imageLine(reply.images, reply.committed), ...reply.notices.map(noticeLine)]
        : moduleLines(reply, verb, reply.format);
  if (reply.committed) out.push(`review them: ${baseUrl}/review`);
  return { out, err: [], exitCode: EXIT.ok };
}

const noticeLine = (n: z.infer<typeof NoticeSchema>) => `note: ${n.message}${n.count > 1 ? ` (${n.count})` : ""}`;

function imageLine(images: z.infer<typeof ImagesSchema>, committed: boolean): string {
  const refused = images.refused ? `, ${images.refused} not stored` : "";
  return `images: ${images.stored} ${committed ? "stored" : "to store"} (${byteSizeText(images.bytes)}), ${images.unchanged} already stored${refused}`;
}

function moduleLines(reply: ModuleReply, verb: string, format: string): string[] {
  // An Anki card's place is its note's number in the deck, not a line.
  const place = format === "anki" ? "note" : "line";
  const { cards } = reply;
  const out = [
    `${reply.module.title} (${reply.module.slug}, ${format}): ${verb}`,
    `cards: ${cards.created.total} new, ${cards.updated.total} updated, ${cards.restored.total} restored, ${cards.unchanged.total} unchanged, ${cards.archived.total} archived`,
  ];
  const checks = reply.checklist;
  if (checks.created + checks.updated + checks.unchanged + checks.archived > 0) {
    out.push(`checklist: ${checks.created} new, ${checks.updated} updated, ${checks.unchanged} unchanged, ${checks.archived} archived`);
  }
  for (const kind of SHOWN) {
    const list = cards[kind];
    if (list.total === 0) continue;
    out.push(`${kind}:`, ...list.items.map((c) => `  ${c.line === undefined ? "" : `${place} ${c.line}: `}${c.front.replace(/\s+/g, " ")}`));
    if (list.total > list.items.length) out.push(`  … and ${list.total - list.items.length} more`);
  }
  if (reply.unread.total > 0) {
    out.push(`not read (${reply.unread.total}):`, ...reply.unread.items.map((u) => `  ${place} ${u.line}: ${u.reason} — ${u.text}`));
  }
  if (reply.notice) out.push(reply.notice);
  return out;
}
