// The large Anki collection the import benchmarks read: basic notes, one card
// each, spread over `decks` decks, every card with `reviewsPerCard` review-log
// rows (a year of mostly-good reviews with some lapses), so 10,000 notes give
// 100,000 review rows.
import type { AnkiReview } from "../../lib/anki/schemas";
import type { AnkiPackageInput } from "../../lib/anki/write-package";

export const BENCH_T0 = Date.UTC(2024, 0, 1, 8);
export const DAY_MS = 86_400_000;

function history(card: number, reviewsPerCard: number): AnkiReview[] {
  const reviews: AnkiReview[] = [];
  let day = 0;
  for (let i = 0; i < reviewsPerCard; i += 1) {
    const ease = (card + i) % 11 === 0 ? 1 : (card + i) % 7 === 0 ? 2 : 3;
    reviews.push({
      id: BENCH_T0 + day * DAY_MS + card * 37 + i,
      ease,
      interval: Math.max(1, 2 ** i),
      lastInterval: 0,
      factor: 2500,
      timeMs: 6000,
      kind: i === 0 ? "LEARN" : "REVIEW",
    });
    day += Math.min(2 ** i, 40);
  }
  return reviews;
}

/** A collection of `notes` basic notes over `decks` decks named `Bench::Deck NN`, `reviewsPerCard` reviews per card. */
export function benchAnkiCollection(notes: number, reviewsPerCard: number, decks = 1): AnkiPackageInput {
  const deckList = Array.from({ length: decks }, (_, d) => {
    const name = decks === 1 ? "Deck" : `Deck ${String(d + 1).padStart(2, "0")}`;
    return { id: 10 + d, name: `Bench::${name}`, path: ["Bench", name], filtered: false };
  });
  const noteList = Array.from({ length: notes }, (_, i) => ({
    id: i + 1,
    guid: `g${i}!x`,
    noteTypeId: 1,
    fields: [`What is <b>item ${i}</b>? \\(x_${i}^2\\)`, `Answer ${i}<br>with a second line`],
    tags: ["bench", `group${i % 20}`],
  }));
  return {
    decks: deckList,
    noteTypes: [
      {
        id: 1,
        name: "Basic",
        kind: "NORMAL",
        fields: ["Front", "Back"],
        templates: [{ ordinal: 0, name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}" }],
      },
    ],
    notes: noteList,
    cards: noteList.map((n, i) => ({
      id: 100_000 + i,
      noteId: n.id,
      deckId: 10 + (i % decks),
      ordinal: 0,
      type: 2,
      queue: 2,
      suspended: false,
      buried: false,
      due: 400,
      history: history(i, reviewsPerCard),
    })),
    media: [],
  };
}
