// What the Anki converter did that a learner should know: counted notices,
// each with a few examples, so a 10,000-note deck gives a short report.

export const NOTICE_CODES = [
  "FIRST_FIELD_FRONT",
  "SIBLINGS_MERGED",
  "SOUND_DROPPED",
  "IMAGE_DROPPED",
  "MEDIA_NOT_IN_PACKAGE",
  "SVG_MEDIA",
  "IMAGE_REFUSED",
  "IMAGE_TOO_LARGE",
  "CARD_SKIPPED",
  "TAGS_DROPPED",
  "CRAM_REVIEWS_SKIPPED",
  "MANUAL_RESCHEDULES_SKIPPED",
  "RESET_TO_NEW",
  "HISTORY_WITHOUT_LEARNING",
  "SCHEDULE_WITHOUT_HISTORY",
  "FILTERED_DECK_CARDS",
  "NOTE_TYPE_MISSING",
  "DECK_MISSING",
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export type Notice = { code: NoticeCode; message: string; count: number; examples: string[] };

const MESSAGES: Record<NoticeCode, string> = {
  FIRST_FIELD_FRONT: "Note types that are not basic, reversed or cloze: first field on the front, the other fields on the back",
  SIBLINGS_MERGED: "Cards of those note types beyond the first per note were left out (the first card carries the note)",
  SOUND_DROPPED: "Sounds ([sound:…]) were dropped: cards play no audio",
  IMAGE_DROPPED: "Images that were not files of the package (web addresses, data URLs) were dropped",
  MEDIA_NOT_IN_PACKAGE: "Images the cards link to that the package does not hold: their links stay in the text",
  CARD_SKIPPED: "Cards skipped",
  TAGS_DROPPED: "Tags too long or past the per-card limit were dropped",
  CRAM_REVIEWS_SKIPPED: "Cram reviews in filtered decks that did not reschedule were skipped, as Anki's FSRS skips them",
  MANUAL_RESCHEDULES_SKIPPED: "Manual reschedules (set due date, FSRS reschedule) were skipped: FSRS sets the due date",
  RESET_TO_NEW: "Cards reset to new in Anki: their state restarts at the reset, earlier reviews stay in the log",
  HISTORY_WITHOUT_LEARNING: "Cards whose history starts with a review rather than a learning step (history trimmed in Anki): replayed from that review",
  SCHEDULE_WITHOUT_HISTORY: "Cards scheduled in Anki but with no review history in the package: they start as new",
  FILTERED_DECK_CARDS: "Cards sitting in filtered decks were put back in their home decks",
  NOTE_TYPE_MISSING: "Notes whose note type is missing from the collection were skipped",
  DECK_MISSING: "Cards whose deck is missing from the collection went to a module named Default",
  SVG_MEDIA: "SVG images were not stored (an SVG can carry scripts): their links stay in the text",
  IMAGE_REFUSED: "Images that are not PNG, JPEG, WebP or GIF, or are damaged, were not stored: their links stay in the text",
  IMAGE_TOO_LARGE: "Images over 5 MiB (the cap per image) were not stored: their links stay in the text",
};

const MAX_EXAMPLES = 3;

/** Collects notices by code. */
export class NoticeLog {
  private readonly byCode = new Map<NoticeCode, Notice>();

  add(code: NoticeCode, example?: string, count = 1): void {
    if (count <= 0) return;
    const notice = this.byCode.get(code) ?? { code, message: MESSAGES[code], count: 0, examples: [] };
    notice.count += count;
    if (example !== undefined && notice.examples.length < MAX_EXAMPLES && !notice.examples.includes(example)) {
      notice.examples.push(example.slice(0, 80));
    }
    this.byCode.set(code, notice);
  }

  list(): Notice[] {
    return NOTICE_CODES.flatMap((code) => this.byCode.get(code) ?? []);
  }
}
