// What a learner sends from the card editor: one note of a kind (basic,
// reversed, cloze, interview question) with its topic, tags and difficulty.
// A note gives one card, or two (reversed), or one per cloze number.
import { z } from "zod";
import { clozeNumbers, clozeProblems } from "../content/cloze";
import { MAX_CARD_TEXT, MAX_KEY_POINT, MAX_KEY_POINTS, MAX_TAG, MAX_TAGS, MAX_TOPIC, MAX_WRONG_ANSWER } from "../content/limits";
import { SlugSchema } from "../content/schemas";
import { textSchema } from "../http/text-schema";

const Side = (what: string) =>
  textSchema(MAX_CARD_TEXT)
    .trim()
    .min(1, { error: `${what} must not be empty` });
const Topic = textSchema(MAX_TOPIC).trim().default("");
const Tags = z
  .array(
    textSchema(MAX_TAG)
      .trim()
      .toLowerCase()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}_:/-]*$/u, { error: "a tag is letters, digits, - _ : / (no spaces)" }),
  )
  .max(MAX_TAGS, { error: `at most ${MAX_TAGS} tags` })
  .default([])
  .transform((tags) => [...new Set(tags)]);
const Difficulty = z.enum(["EASY", "MEDIUM", "HARD"]).default("MEDIUM");

const common = { topic: Topic, tags: Tags, difficulty: Difficulty };

/** At most this many distinct cloze numbers in one note. */
export const MAX_CLOZE_NUMBERS = 20;

const ClozeText = Side("the cloze text").superRefine((text, ctx) => {
  for (const problem of clozeProblems(text)) ctx.addIssue({ code: "custom", message: problem });
  const numbers = clozeNumbers(text);
  if (numbers.length === 0) ctx.addIssue({ code: "custom", message: "write at least one gap: {{c1::answer}}" });
  if (numbers.length > MAX_CLOZE_NUMBERS) ctx.addIssue({ code: "custom", message: `at most ${MAX_CLOZE_NUMBERS} cloze numbers in one note` });
});

export const CardDraftSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("basic"), front: Side("the question"), back: Side("the answer"), ...common }).strict(),
  z
    .object({ kind: z.literal("reversed"), front: Side("the term"), back: Side("the definition"), ...common })
    .strict()
    .describe("Two cards: term → definition and definition → term."),
  z
    .object({ kind: z.literal("cloze"), text: ClozeText, extra: textSchema(MAX_CARD_TEXT).trim().default(""), ...common })
    .strict()
    .describe("One card per gap number: {{c1::answer}} or {{c1::answer::hint}}; gaps sharing a number hide together."),
  z
    .object({
      kind: z.literal("interview"),
      front: Side("the question"),
      back: Side("the strong answer"),
      commonWrongAnswer: textSchema(MAX_WRONG_ANSWER).trim().default(""),
      keyPoints: z
        .array(textSchema(MAX_KEY_POINT).trim())
        .max(MAX_KEY_POINTS, { error: `at most ${MAX_KEY_POINTS} key points` })
        .default([])
        .transform((points) => points.filter((p) => p.length > 0)),
      ...common,
    })
    .strict(),
]);
export type CardDraft = z.infer<typeof CardDraftSchema>;
export type CardDraftKind = CardDraft["kind"];

/** POST /api/cards: a new note; `id` is made by the client, so a retry of the same post writes nothing new. */
export const NewNoteBodySchema = z
  .object({
    id: z.uuid().describe("The note's id, made by the client; its first card gets this id."),
    module: SlugSchema.describe("One of your own modules."),
    draft: CardDraftSchema,
  })
  .strict();
export type NewNoteBody = z.infer<typeof NewNoteBodySchema>;

/** PATCH /api/cards/{id}: the whole note as it should now be. */
export const NotePatchBodySchema = z.object({ draft: CardDraftSchema }).strict();
