// The neutral shape of an Anki package once read: what the import flow and
// the converter to our modules work from. Nothing here is Anki's storage
// format; reader modules map that format onto these shapes.
import { z } from "zod";

const AnkiId = z.number().int().describe("Anki's integer id (usually a creation time in ms).");

export const AnkiDeckSchema = z.object({
  id: AnkiId,
  name: z.string().min(1).describe("Full name with `::` between levels, as Anki shows it."),
  path: z.array(z.string()).min(1).describe("The name split on `::`: parent decks first."),
  filtered: z.boolean().describe("A filtered (search) deck: it holds cards borrowed from their home decks."),
});
export type AnkiDeck = z.infer<typeof AnkiDeckSchema>;

export const AnkiTemplateSchema = z.object({
  ordinal: z.number().int().min(0),
  name: z.string(),
  question: z.string().describe("Question-side template (`{{Front}}`)."),
  answer: z.string().describe("Answer-side template (`{{FrontSide}}<hr id=answer>{{Back}}`)."),
});
export type AnkiTemplate = z.infer<typeof AnkiTemplateSchema>;

export const AnkiNoteTypeSchema = z.object({
  id: AnkiId,
  name: z.string(),
  kind: z.enum(["NORMAL", "CLOZE"]),
  fields: z.array(z.string()).describe("Field names in order."),
  templates: z.array(AnkiTemplateSchema),
});
export type AnkiNoteType = z.infer<typeof AnkiNoteTypeSchema>;

export const AnkiNoteSchema = z.object({
  id: AnkiId,
  guid: z.string().min(1).describe("Anki's globally unique note id; stable across exports."),
  noteTypeId: AnkiId,
  fields: z.array(z.string()).describe("Field contents as stored: HTML."),
  tags: z.array(z.string()),
});
export type AnkiNote = z.infer<typeof AnkiNoteSchema>;

export const REVLOG_KINDS = ["LEARN", "REVIEW", "RELEARN", "FILTERED", "MANUAL", "RESCHEDULED"] as const;

export const AnkiReviewSchema = z.object({
  id: AnkiId.describe("When the review happened, in ms since the epoch."),
  ease: z.number().int().min(0).max(4).describe("Button pressed: 1 Again … 4 Easy; 0 for entries without one (manual reschedule, reset)."),
  interval: z.number().int().describe("Interval after the review: days when positive, seconds when negative."),
  lastInterval: z.number().int().describe("Interval before the review, same units."),
  factor: z.number().int().describe("Ease factor ×10 (2500 = 250%); 0 marks a reset (MANUAL) or a cram review (FILTERED)."),
  timeMs: z.number().int().min(0).describe("Time spent answering, in ms."),
  kind: z.enum(REVLOG_KINDS).describe("Anki's revlog type: 0 learn, 1 review, 2 relearn, 3 filtered/cram, 4 manual, 5 rescheduled."),
});
export type AnkiReview = z.infer<typeof AnkiReviewSchema>;

export const AnkiCardSchema = z.object({
  id: AnkiId,
  noteId: AnkiId,
  deckId: AnkiId.describe("The card's home deck (its original deck when it sits in a filtered deck)."),
  ordinal: z.number().int().min(0).describe("Template number, or cloze number − 1."),
  type: z.number().int().describe("0 new, 1 learning, 2 review, 3 relearning."),
  queue: z.number().int().describe("Anki's queue: −1 suspended, −2/−3 buried, 0 new, 1/3 learning, 2 review, 4 preview."),
  suspended: z.boolean(),
  buried: z.boolean(),
  due: z.number().int().describe("Anki's due: a position for new cards, a day number for reviews, an epoch second for learning."),
  history: z.array(AnkiReviewSchema).describe("The card's review log, oldest first."),
});
export type AnkiCard = z.infer<typeof AnkiCardSchema>;

export const AnkiMediaSchema = z.object({
  name: z.string().min(1),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: "must be bytes" }),
  type: z.string().describe("MIME type sniffed from the bytes, `application/octet-stream` when unknown."),
});
export type AnkiMedia = z.infer<typeof AnkiMediaSchema>;

export const AnkiCollectionSchema = z.object({
  packageVersion: z.enum(["LEGACY_1", "LEGACY_2", "LATEST"]).describe("collection.anki2, collection.anki21, collection.anki21b."),
  schemaVersion: z.number().int().describe("col.ver: 11, or 15–18."),
  decks: z.array(AnkiDeckSchema),
  noteTypes: z.array(AnkiNoteTypeSchema),
  notes: z.array(AnkiNoteSchema),
  cards: z.array(AnkiCardSchema),
  media: z.array(AnkiMediaSchema),
});
export type AnkiCollection = z.infer<typeof AnkiCollectionSchema>;
