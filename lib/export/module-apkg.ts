// A module's cards, the learner's schedule and review log → the neutral Anki
// collection writeAnkiPackage lays out as Anki's own exports: one deck, the
// stock Basic / Basic (and reversed card) / Cloze note types, one note per
// sibling group, the review log as revlog rows, the images as media. Pure.
import { sha256 } from "../content/ids";
import { isAnkiNoteKey, noteCardIds } from "../content/note-card-ids";
import { markdownToField } from "../anki/markdown-to-field";
import type { AnkiCard, AnkiNote, AnkiNoteType, AnkiReview } from "../anki/schemas";
import type { AnkiPackageInput } from "../anki/write-package";
import { linkedImageId, mediaFileName, type ExportImage } from "./module-media";
import { clozeNote, type ExportCard } from "./module-markdown";

type FsrsStateName = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

/** One review_log row of the exporting learner. */
export interface ExportReview {
  reviewedAt: Date;
  rating: number;
  /** The card's state when it was reviewed (before the rating). */
  state: FsrsStateName;
  due: Date;
  scheduledDays: number;
  durationMs: number | null;
}

/** The learner's schedule of a card, when they have one. */
export interface ExportSchedule {
  state: FsrsStateName;
  due: Date;
  suspended: boolean;
  buried: boolean;
}

export interface ApkgCard extends ExportCard {
  position: number;
  createdAt: Date;
  schedule: ExportSchedule | null;
  /** Oldest first. */
  reviews: ExportReview[];
}

const BASIC_ID = 1_342_697_561_419;
const REVERSED_ID = BASIC_ID + 1;
const CLOZE_ID = BASIC_ID + 2;
const ANSWER = "{{FrontSide}}<hr id=answer>";
const DAY_MS = 86_400_000;

/** Anki's stock note types, under their usual names. */
export const NOTE_TYPES: AnkiNoteType[] = [
  {
    id: BASIC_ID,
    name: "Basic",
    kind: "NORMAL",
    fields: ["Front", "Back"],
    templates: [{ ordinal: 0, name: "Card 1", question: "{{Front}}", answer: `${ANSWER}{{Back}}` }],
  },
  {
    id: REVERSED_ID,
    name: "Basic (and reversed card)",
    kind: "NORMAL",
    fields: ["Front", "Back"],
    templates: [
      { ordinal: 0, name: "Card 1", question: "{{Front}}", answer: `${ANSWER}{{Back}}` },
      { ordinal: 1, name: "Card 2", question: "{{Back}}", answer: `${ANSWER}{{Front}}` },
    ],
  },
  {
    id: CLOZE_ID,
    name: "Cloze",
    kind: "CLOZE",
    fields: ["Text", "Back Extra"],
    templates: [{ ordinal: 0, name: "Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>{{Back Extra}}" }],
  },
];

const REVLOG_KIND = { NEW: "LEARN", LEARNING: "LEARN", REVIEW: "REVIEW", RELEARNING: "RELEARN" } as const;

/** Anki's interval: days when positive, seconds when negative (a learning step). */
function ankiInterval(review: ExportReview): number {
  if (review.scheduledDays > 0) return review.scheduledDays;
  return -Math.max(1, Math.round((review.due.getTime() - review.reviewedAt.getTime()) / 1000));
}

function revlog(reviews: readonly ExportReview[]): AnkiReview[] {
  let last = 0;
  return reviews.map((r) => {
    const interval = ankiInterval(r);
    const row: AnkiReview = {
      id: r.reviewedAt.getTime(),
      ease: r.rating,
      interval,
      lastInterval: last,
      // A non-zero ease factor marks a real review (0 would read as a reset or a cram review).
      factor: 2500,
      timeMs: Math.min(Math.max(r.durationMs ?? 0, 0), 60_000),
      kind: REVLOG_KIND[r.state],
    };
    last = interval;
    return row;
  });
}

/** type, queue and due as Anki keeps them: new by position, learning by epoch second, review by day number from the collection's creation. */
function ankiSchedule(card: ApkgCard, now: Date): Pick<AnkiCard, "type" | "queue" | "due" | "suspended" | "buried"> {
  const s = card.schedule;
  const flags = { suspended: s?.suspended ?? false, buried: s?.buried ?? false };
  const queueOf = (queue: number) => (flags.suspended ? -1 : flags.buried ? -3 : queue);
  if (!s || s.state === "NEW") return { type: 0, queue: queueOf(0), due: card.position, ...flags };
  if (s.state === "REVIEW") return { type: 2, queue: queueOf(2), due: Math.floor((s.due.getTime() - now.getTime()) / DAY_MS), ...flags };
  return { type: s.state === "LEARNING" ? 1 : 3, queue: queueOf(1), due: Math.floor(s.due.getTime() / 1000), ...flags };
}

/** Unique Anki ids from creation instants, as Anki makes them (a clash moves on by 1 ms). */
class IdMaker {
  private readonly used = new Set<number>();
  next(at: Date): number {
    let id = at.getTime();
    while (this.used.has(id)) id += 1;
    this.used.add(id);
    return id;
  }
}

/**
 * The collection for a module titled `title`: `cards` are its live cards in
 * position order with the learner's schedule and reviews; `images` its stored
 * images (those the cards link to become media). Note guids derive from
 * `moduleId` and the sibling key, so a second export updates the same notes in
 * Anki. `now` is the collection's creation time.
 */
export function moduleAnkiCollection(input: {
  moduleId: string;
  title: string;
  cards: readonly ApkgCard[];
  images: readonly ExportImage[];
  now: Date;
}): AnkiPackageInput {
  const imageById = new Map(input.images.map((i) => [i.id, i]));
  const usedMedia = new Map<string, ExportImage>();
  const field = markdownToField((href) => {
    const image = imageById.get(linkedImageId(href) ?? "");
    if (!image) return null;
    usedMedia.set(image.id, image);
    return mediaFileName(image);
  });
  const deckId = input.now.getTime();
  const noteIds = new IdMaker();
  const cardIds = new IdMaker();
  const groups = new Map<string, ApkgCard[]>();
  for (const card of input.cards) groups.set(card.siblingKey, [...(groups.get(card.siblingKey) ?? []), card]);

  const notes: AnkiNote[] = [];
  const cards: AnkiCard[] = [];
  const addNote = (key: string, noteTypeId: number, fields: string[], members: { card: ApkgCard; ordinal: number }[]) => {
    const first = members[0]?.card;
    if (!first) return;
    const note: AnkiNote = {
      id: noteIds.next(first.createdAt),
      // A note that came from Anki keeps its key as its guid, so reading the package back gives the same cards.
      guid: isAnkiNoteKey(key) ? key : `residual-${sha256(`${input.moduleId}\n${key}`).slice(0, 20)}`,
      noteTypeId,
      fields,
      tags: first.tags,
    };
    notes.push(note);
    for (const { card, ordinal } of members) {
      cards.push({ id: cardIds.next(card.createdAt), noteId: note.id, deckId, ordinal, ...ankiSchedule(card, input.now), history: revlog(card.reviews) });
    }
  };

  for (const [key, group] of groups) {
    const head = group[0];
    if (!head) continue;
    const ids = noteCardIds(key);
    const forward = group.find((c) => c.externalId === ids.main);
    const backward = group.find((c) => c.externalId === ids.reverse);
    const cloze = head.kind === "CLOZE" ? clozeNote(group) : null;
    // Anki numbers a cloze note's cards by gap: card ord n − 1 is the gap cn, which the import reads back as the same id.
    const gaps = group.map((card) => ({ card, ordinal: (ids.clozeNumber(card.externalId) ?? 0) - 1 }));
    if (cloze && gaps.every((g) => g.ordinal >= 0)) {
      addNote(key, CLOZE_ID, [field(cloze.text), field(cloze.extra)], gaps);
    } else if (head.kind === "REVERSED" && forward && backward) {
      addNote(
        key,
        REVERSED_ID,
        [field(forward.front), field(forward.back)],
        [
          { card: forward, ordinal: 0 },
          { card: backward, ordinal: 1 },
        ],
      );
    } else {
      for (const card of group) addNote(group.length > 1 ? card.externalId : key, BASIC_ID, [field(card.front), field(card.back)], [{ card, ordinal: 0 }]);
    }
  }
  const media = [...usedMedia.values()].map((i) => ({ name: mediaFileName(i), bytes: i.bytes, type: i.contentType }));
  // A title read from a nested deck (`A › B`) goes back to Anki as that nesting.
  const levels = input.title.split(/\s*(?:::|›)\s*/).filter(Boolean);
  const path = levels.length ? levels : [input.title];
  return { decks: [{ id: deckId, name: path.join("::"), path, filtered: false }], noteTypes: NOTE_TYPES, notes, cards, media };
}
