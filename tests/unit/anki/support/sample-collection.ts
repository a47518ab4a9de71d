// A small collection with one note of every kind the converter knows, a
// review history and media: the data every package test writes and reads.
import type { AnkiPackageInput } from "@/lib/anki/write-package";
import type { AnkiReview } from "@/lib/anki/schemas";
import { pngBytes } from "./png";

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const DAY = 86_400_000;

/** A real 24×12 PNG: the sniffer accepts it, so an import stores it and a browser shows it. */
export const PNG = pngBytes(24, 12, [200, 40, 40]);
export const MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);

export const NOTE_TYPES: AnkiPackageInput["noteTypes"] = [
  {
    id: 1001,
    name: "Basic",
    kind: "NORMAL",
    fields: ["Front", "Back"],
    templates: [{ ordinal: 0, name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}" }],
  },
  {
    id: 1002,
    name: "Basic (and reversed card)",
    kind: "NORMAL",
    fields: ["Front", "Back"],
    templates: [
      { ordinal: 0, name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}" },
      { ordinal: 1, name: "Card 2", question: "{{Back}}", answer: "{{FrontSide}}<hr id=answer>{{Front}}" },
    ],
  },
  {
    id: 1003,
    name: "Basic (optional reversed card)",
    kind: "NORMAL",
    fields: ["Front", "Back", "Add Reverse"],
    templates: [
      { ordinal: 0, name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}" },
      { ordinal: 1, name: "Card 2", question: "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", answer: "{{FrontSide}}<hr id=answer>{{Front}}" },
    ],
  },
  {
    id: 1004,
    name: "Cloze",
    kind: "CLOZE",
    fields: ["Text", "Back Extra"],
    templates: [{ ordinal: 0, name: "Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>{{Back Extra}}" }],
  },
  {
    id: 1005,
    name: "Vocabulary",
    kind: "NORMAL",
    fields: ["Word", "Reading", "Meaning"],
    templates: [{ ordinal: 0, name: "Recognise", question: "{{Word}}<br>{{Reading}}", answer: "{{FrontSide}}<hr id=answer>{{Meaning}}" }],
  },
];

export const DECKS: AnkiPackageInput["decks"] = [
  { id: 1, name: "Default", path: ["Default"], filtered: false },
  { id: 2001, name: "Transformers::Attention", path: ["Transformers", "Attention"], filtered: false },
  { id: 2002, name: "Transformers", path: ["Transformers"], filtered: false },
];

const review = (day: number, ease: number, kind: AnkiReview["kind"], interval: number, factor = 2500, hour = 0): AnkiReview => ({
  id: T0 + day * DAY + hour * 3_600_000,
  ease,
  interval,
  lastInterval: 0,
  factor,
  timeMs: 4000,
  kind,
});

/** Three Good reviews weeks apart: the card ends in REVIEW, due well ahead. */
export const GOOD_THRICE: AnkiReview[] = [review(0, 3, "LEARN", -600, 0), review(1, 3, "REVIEW", 3), review(4, 3, "REVIEW", 9), review(13, 3, "REVIEW", 24)];

export function sampleCollection(): AnkiPackageInput {
  return {
    decks: DECKS,
    noteTypes: NOTE_TYPES,
    notes: [
      {
        id: 1,
        guid: "Ab3$x!q",
        noteTypeId: 1001,
        fields: ["What does <b>LayerNorm</b> normalise?", "Each token's features<br>(over d_model)"],
        tags: ["norm", "basics"],
      },
      { id: 2, guid: "rev#Guid", noteTypeId: 1002, fields: ["RMSNorm", "LayerNorm without the mean"], tags: [] },
      { id: 3, guid: "opt%Guid", noteTypeId: 1003, fields: ["GQA", "Grouped-query attention", "y"], tags: [] },
      {
        id: 4,
        guid: "cloze/Gd",
        noteTypeId: 1004,
        fields: ["Attention is {{c1::softmax}}(QK^T / {{c2::\\(\\sqrt{d_k}\\)::scale}}) V", 'See <img src="diagram.png">'],
        tags: ["attention"],
      },
      { id: 5, guid: "vocab+1", noteTypeId: 1005, fields: ["猫", "ねこ", "cat [sound:neko.mp3]"], tags: [] },
    ],
    cards: [
      { id: 101, noteId: 1, deckId: 2001, ordinal: 0, type: 2, queue: 2, suspended: false, buried: false, due: 30, history: GOOD_THRICE },
      { id: 201, noteId: 2, deckId: 2002, ordinal: 0, type: 0, queue: 0, suspended: false, buried: false, due: 2, history: [] },
      { id: 202, noteId: 2, deckId: 2002, ordinal: 1, type: 0, queue: -1, suspended: true, buried: false, due: 3, history: [] },
      { id: 301, noteId: 3, deckId: 2002, ordinal: 0, type: 0, queue: -2, suspended: false, buried: true, due: 4, history: [] },
      { id: 302, noteId: 3, deckId: 2002, ordinal: 1, type: 0, queue: 0, suspended: false, buried: false, due: 5, history: [] },
      {
        id: 401,
        noteId: 4,
        deckId: 2001,
        ordinal: 0,
        type: 2,
        queue: 2,
        suspended: false,
        buried: false,
        due: 20,
        history: [
          review(0, 1, "LEARN", -60, 0, 2),
          review(0, 3, "LEARN", -600, 0, 3),
          review(1, 0, "MANUAL", 10, 2500, 2),
          review(2, 3, "FILTERED", 0, 0, 2),
          review(3, 4, "LEARN", 4, 0, 2),
        ],
      },
      { id: 402, noteId: 4, deckId: 2001, ordinal: 1, type: 0, queue: 0, suspended: false, buried: false, due: 7, history: [] },
      { id: 501, noteId: 5, deckId: 1, ordinal: 0, type: 0, queue: 0, suspended: false, buried: false, due: 8, history: [] },
    ],
    media: [
      { name: "diagram.png", bytes: PNG, type: "image/png" },
      { name: "neko.mp3", bytes: MP3, type: "audio/mpeg" },
    ],
  };
}
