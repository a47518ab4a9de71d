// The import reply → lines: counts, the cards by outcome, and every line that
// was not read with its line number and reason. Pure.
import { z } from "zod";
import { EXIT } from "./exit-codes";
import type { Outcome } from "./render";

const CardSchema = z.object({ front: z.string(), line: z.number().optional() });
const ListSchema = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

export const ImportReplySchema = z.object({
  committed: z.boolean(),
  format: z.string(),
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
export type ImportReply = z.infer<typeof ImportReplySchema>;

const SHOWN = ["created", "updated", "restored", "archived"] as const;

export function renderImport(reply: ImportReply, baseUrl: string): Outcome {
  const { cards } = reply;
  const verb = reply.committed ? "imported" : "would import (dry run, nothing written)";
  const out = [
    `${reply.module.title} (${reply.module.slug}, ${reply.format}): ${verb}`,
    `cards: ${cards.created.total} new, ${cards.updated.total} updated, ${cards.restored.total} restored, ${cards.unchanged.total} unchanged, ${cards.archived.total} archived`,
  ];
  const checks = reply.checklist;
  if (checks.created + checks.updated + checks.unchanged + checks.archived > 0) {
    out.push(`checklist: ${checks.created} new, ${checks.updated} updated, ${checks.unchanged} unchanged, ${checks.archived} archived`);
  }
  for (const kind of SHOWN) {
    const list = cards[kind];
    if (list.total === 0) continue;
    out.push(`${kind}:`, ...list.items.map((c) => `  ${c.line === undefined ? "" : `line ${c.line}: `}${c.front.replace(/\s+/g, " ")}`));
    if (list.total > list.items.length) out.push(`  … and ${list.total - list.items.length} more`);
  }
  if (reply.unread.total > 0) {
    out.push(`not read (${reply.unread.total}):`, ...reply.unread.items.map((u) => `  line ${u.line}: ${u.reason} — ${u.text}`));
  }
  if (reply.notice) out.push(reply.notice);
  if (reply.committed) out.push(`review them: ${baseUrl}/review`);
  return { out, err: [], exitCode: EXIT.ok };
}
