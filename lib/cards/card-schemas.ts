// What a learner may send to find cards and act on them: the search query
// (GET /api/cards), one card's action (POST /api/cards/{id}/actions) and a
// bulk action on a selection or on everything a search matches
// (POST /api/cards/actions).
import { z } from "zod";
import { SlugSchema } from "../content/schemas";
import { textSchema } from "../http/text-schema";

export const TagSchema = textSchema(40)
  .trim()
  .regex(/^[\p{L}\p{N}_.:/-]+$/u, { error: "must be one word: letters, digits and _ . : / -" })
  .describe("A card tag: one word, at most 40 characters.");

const Flag = z.enum(["1"]).transform(() => true);

export const CARD_SORTS = ["due", "created", "lapses", "updated"] as const;
export type CardSort = (typeof CARD_SORTS)[number];

/** The filters of a search, without paging: also what "all matching" of a bulk action means. */
export const CardFilterSchema = z
  .object({
    q: textSchema(200).trim().optional().describe("Words of the front or back; the last word matches as a prefix (as you type)."),
    module: SlugSchema.optional().describe("One module's slug (your own first, then the built-in course)."),
    tag: TagSchema.optional(),
    state: z.enum(["new", "learning", "review", "relearning"]).optional(),
    due: z.enum(["today", "overdue"]).optional().describe("today: due before the current study day ends; overdue: due before it began."),
    suspended: Flag.optional(),
    leech: Flag.optional(),
    lapses: z
      .string()
      .regex(/^\d{1,4}$/, { error: "must be a whole number from 0 to 9999" })
      .transform(Number)
      .optional()
      .describe("At least this many lapses."),
  })
  .strict();
export type CardFilter = z.infer<typeof CardFilterSchema>;

export const CardSearchQuerySchema = CardFilterSchema.extend({
  sort: z.enum(CARD_SORTS).default("due"),
  order: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().max(300).optional().describe("nextCursor of the previous page."),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: "must be a whole number from 1 to 100" })
    .transform(Number)
    .pipe(z.number().min(1).max(100))
    .default(50),
}).strict();
export type CardSearchQuery = z.infer<typeof CardSearchQuerySchema>;

const DueDateSchema = z.iso.date().describe("The study day (YYYY-MM-DD, your time zone) the card comes due.");

/** The actions, each with `extra` fields beside its own (a bulk action adds its selection). */
function actionUnion<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion("action", [
    z.object({ action: z.literal("suspend"), ...extra }).strict(),
    z.object({ action: z.literal("unsuspend"), ...extra }).strict(),
    z.object({ action: z.literal("bury"), ...extra }).strict(),
    z.object({ action: z.literal("reset"), ...extra }).strict(),
    z.object({ action: z.literal("set-due"), due: DueDateSchema, ...extra }).strict(),
    z.object({ action: z.literal("add-tag"), tag: TagSchema, ...extra }).strict(),
    z.object({ action: z.literal("remove-tag"), tag: TagSchema, ...extra }).strict(),
    z.object({ action: z.literal("move"), module: SlugSchema.describe("One of your own modules."), ...extra }).strict(),
    z.object({ action: z.literal("delete"), ...extra }).strict(),
  ]);
}

/** One action on cards. Schedule actions apply to any card you can see; tags, move and delete only to your own modules' cards. */
export const CardActionSchema = actionUnion({});
export type CardAction = z.infer<typeof CardActionSchema>;

/** Most cards one bulk action may touch. */
export const MAX_BULK_CARDS = 5000;

export const CardSelectionSchema = z
  .union([z.object({ ids: z.array(z.uuid()).min(1).max(MAX_BULK_CARDS) }).strict(), z.object({ matching: CardFilterSchema }).strict()])
  .describe("Card ids, or every card a search with these filters matches.");
export type CardSelection = z.infer<typeof CardSelectionSchema>;

export const BulkActionBodySchema = actionUnion({ selection: CardSelectionSchema });

export const CardIdParamsSchema = z.object({ id: z.uuid() });
