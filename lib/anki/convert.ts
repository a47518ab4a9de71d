// An Anki collection → our modules, one per deck, with each card's replayed
// FSRS history, ready for lib/content/import-module.ts and the review log.
// Pure: the scheduler settings are passed in, no clock is read.
import { clozeNoteSource } from "../content/cloze-source";
import { contentHash, sha256, stableStringify } from "../content/ids";
import { MAX_TAG, MAX_TAGS } from "../content/limits";
import { isAnkiNoteKey } from "../content/note-card-ids";
import { cardContent } from "../content/parse-module";
import { ParsedCardSchema, type ParsedCard, type ParsedModule, type SkippedLine } from "../content/schemas";
import { historyReplayer, type ReplayEvent, type ReplayResult, type SchedulerSettings } from "../scheduling";
import { timeSlice } from "../event-loop/yield";
import { cardFaces } from "./card-faces";
import type { FieldNotes } from "./html-to-markdown";
import { deckModuleIdentity, type ModuleIdentity } from "./module-identity";
import { noteTypeShape, type NoteTypeShape } from "./note-type-shape";
import { historyEvents } from "./replay-history";
import { NoticeLog, type Notice } from "./report";
import type { AnkiCard, AnkiCollection, AnkiDeck, AnkiMedia } from "./schemas";

/** One card's schedule: where it sits in Anki and the FSRS state its history replays to. */
export type AnkiCardSchedule = { externalId: string; ankiCardId: number; suspended: boolean; buried: boolean; replay: ReplayResult };

export type AnkiModule = {
  deck: Pick<AnkiDeck, "id" | "name">;
  module: ParsedModule;
  schedules: AnkiCardSchedule[];
  /** Media file names the module's cards link to. */
  media: string[];
};

export type AnkiConversion = {
  modules: AnkiModule[];
  noteTypes: { name: string; treatedAs: NoteTypeShape["kind"]; notes: number }[];
  notices: Notice[];
  /** The package's media files some module's cards link to (the rest is not kept). */
  media: AnkiMedia[];
};

export type ConvertOptions = {
  settings: SchedulerSettings;
  /** Told the notes converted of all of them, every ~20 ms and at the end. */
  onProgress?: (done: number, total: number) => void;
};

/** Whether `key` is a note key (see noteKey): our own export writes it as the note's guid. */
export const isNoteKey = isAnkiNoteKey;

/**
 * `anki-<16 hex of the guid's SHA-256>`: stable across re-imports, whatever
 * characters the guid holds. A guid that is a note key already (a package
 * this app exported from cards it imported) is kept, so the cards come back
 * under the ids they left with.
 */
export function noteKey(guid: string): string {
  return isNoteKey(guid) ? guid : `anki-${sha256(`anki-guid\n${guid}`).slice(0, 16)}`;
}

type Pending = {
  identity: ModuleIdentity;
  deck: AnkiDeck | null;
  cards: ParsedCard[];
  schedules: AnkiCardSchedule[];
  media: Set<string>;
  skipped: SkippedLine[];
  /** Notes with a card here so far, and the last of them: a card's place is "note N" of its deck. */
  notes: number;
  lastNoteId: number | null;
};

function keepTags(tags: readonly string[], log: NoticeLog): string[] {
  const fit = tags.filter((t) => t.length <= MAX_TAG);
  const kept = [...new Set(fit)].slice(0, MAX_TAGS);
  if (kept.length < tags.length)
    log.add(
      "TAGS_DROPPED",
      tags.find((t) => !kept.includes(t)),
      tags.length - kept.length,
    );
  return kept;
}

function replayCard(card: AnkiCard, replay: (events: readonly ReplayEvent[]) => ReplayResult, log: NoticeLog): ReplayResult {
  const { events, counts } = historyEvents(card.history);
  log.add("CRAM_REVIEWS_SKIPPED", undefined, counts.cram);
  log.add("MANUAL_RESCHEDULES_SKIPPED", undefined, counts.manual);
  if (counts.resets) log.add("RESET_TO_NEW");
  const firstReview = card.history.find((r) => r.ease > 0 && !(r.kind === "FILTERED" && r.factor === 0));
  if (firstReview && firstReview.kind !== "LEARN") log.add("HISTORY_WITHOUT_LEARNING");
  if (card.history.length === 0 && card.type !== 0) log.add("SCHEDULE_WITHOUT_HISTORY");
  return replay(events);
}

/**
 * Converts `collection` into modules (one per deck holding cards, slug from
 * the deck name), cards in our shape (externalId `anki-<guid hash>:<ordinal>`),
 * each card's replayed FSRS state and review rows, and a report of what was
 * dropped or approximated. Deterministic for the same collection and settings.
 * Asynchronous only to give the event loop a turn every ~20 ms: converting and
 * replaying 10,000 notes takes seconds of CPU.
 */
export async function convertAnkiCollection(collection: AnkiCollection, options: ConvertOptions): Promise<AnkiConversion> {
  const pause = timeSlice();
  const log = new NoticeLog();
  const replay = historyReplayer(options.settings);
  const typeById = new Map(collection.noteTypes.map((t) => [t.id, { type: t, shape: noteTypeShape(t), notes: 0 }]));
  const deckById = new Map(collection.decks.map((d) => [d.id, d]));
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of collection.cards) cardsByNote.set(card.noteId, [...(cardsByNote.get(card.noteId) ?? []), card]);

  const identities = new Map<string, ModuleIdentity>();
  const pending = new Map<number, Pending>();
  const moduleFor = (deckId: number): Pending => {
    const deck = deckById.get(deckId) ?? null;
    const key = deck ? deck.id : -1;
    let entry = pending.get(key);
    if (!entry) {
      if (!deck) log.add("DECK_MISSING", String(deckId));
      const identity = deckModuleIdentity(deck?.name ?? "Default", identities);
      entry = { identity, deck, cards: [], schedules: [], media: new Set(), skipped: [], notes: 0, lastNoteId: null };
      pending.set(key, entry);
    }
    return entry;
  };

  const notes = collection.notes.length;
  for (const [i, note] of collection.notes.entries()) {
    const turn = pause();
    if (turn) {
      options.onProgress?.(i, notes);
      await turn;
    }
    const entry = typeById.get(note.noteTypeId);
    const cards = cardsByNote.get(note.id) ?? [];
    if (!entry) {
      log.add("NOTE_TYPE_MISSING", note.guid, 1);
      continue;
    }
    entry.notes += 1;
    const { shape } = entry;
    const kept = shape.kind === "FIRST_FIELD_FRONT" ? cards.slice(0, 1) : cards;
    if (shape.kind === "FIRST_FIELD_FRONT") {
      log.add("FIRST_FIELD_FRONT", entry.type.name);
      log.add("SIBLINGS_MERGED", entry.type.name, cards.length - kept.length);
    }
    const key = noteKey(note.guid);
    const tags = keepTags(note.tags, log);
    const bothDirections = new Set(cards.map((c) => c.ordinal)).size >= 2;
    for (const card of kept) {
      const target = moduleFor(card.deckId);
      if (deckById.get(card.deckId)?.filtered) log.add("FILTERED_DECK_CARDS");
      const fieldNotes: FieldNotes = { sounds: [], images: [], droppedImages: 0 };
      const faces = cardFaces(shape, note.fields, card.ordinal, bothDirections, fieldNotes);
      for (const sound of fieldNotes.sounds) log.add("SOUND_DROPPED", sound);
      log.add("IMAGE_DROPPED", undefined, fieldNotes.droppedImages);
      if (target.lastNoteId !== note.id) {
        target.notes += 1;
        target.lastNoteId = note.id;
      }
      // The note's number in its deck, in Anki's order: where a learner finds it (Anki's note id is in `file`).
      const source = { file: `anki note ${note.id}`, line: target.notes };
      if ("skip" in faces) {
        target.skipped.push({ ...source, text: note.fields[0]?.slice(0, 80) ?? "", reason: faces.skip });
        log.add("CARD_SKIPPED", faces.skip);
        continue;
      }
      const externalId = `${key}:${card.ordinal}`;
      const draft = {
        externalId,
        kind: faces.kind,
        role: "RECALL" as const,
        front: faces.front,
        back: faces.back,
        commonWrongAnswer: null,
        keyPoints: [],
        topic: "",
        tags,
        difficulty: "MEDIUM" as const,
        difficultyFrom: "default" as const,
        siblingKey: key,
        exerciseSlug: null,
        noteSource: faces.cloze ? clozeNoteSource({ ...faces.cloze, topic: "", tags, difficulty: "MEDIUM" }) : null,
        source,
      };
      const parsed = ParsedCardSchema.safeParse({ ...draft, position: target.cards.length, contentHash: contentHash(cardContent(draft)) });
      if (!parsed.success) {
        const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        target.skipped.push({ ...source, text: faces.front.slice(0, 80), reason });
        log.add("CARD_SKIPPED", reason);
        continue;
      }
      for (const image of fieldNotes.images) target.media.add(image);
      target.cards.push(parsed.data);
      target.schedules.push({ externalId, ankiCardId: card.id, suspended: card.suspended, buried: card.buried, replay: replayCard(card, replay, log) });
    }
  }

  options.onProgress?.(notes, notes);
  const modules = [...pending.values()]
    .filter((p) => p.cards.length > 0)
    .sort((a, b) => a.identity.slug.localeCompare(b.identity.slug))
    .map(
      (p): AnkiModule => ({
        deck: { id: p.deck?.id ?? 0, name: p.deck?.name ?? "Default" },
        module: {
          slug: p.identity.slug,
          title: p.identity.title,
          description: `Imported from the Anki deck “${p.deck?.name ?? p.identity.title}”.`.slice(0, 1000),
          sourceHash: sha256(stableStringify(p.cards.map((c) => [c.externalId, c.contentHash]))),
          cards: p.cards,
          checklist: [],
          skipped: p.skipped,
          warnings: [],
        },
        schedules: p.schedules,
        media: [...p.media].sort(),
      }),
    );
  const noteTypes = [...typeById.values()].map((e) => ({ name: e.type.name, treatedAs: e.shape.kind, notes: e.notes }));
  const linked = new Set(modules.flatMap((m) => m.media));
  return { modules, noteTypes, notices: log.list(), media: collection.media.filter((m) => linked.has(m.name)) };
}
