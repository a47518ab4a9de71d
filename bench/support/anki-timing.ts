// Reading and replaying a large Anki package: 10,000 basic notes, one card
// each, 100,000 review-log rows (ten reviews per card over a year), in the
// legacy and the current (zstd) layout. Prints wall time per phase and the
// peak resident memory. Run: `npx tsx bench/support/anki-timing.ts [notes] [reviewsPerCard]`.
import { convertAnkiCollection } from "../../lib/anki/convert";
import { readAnkiPackage } from "../../lib/anki/read-package";
import type { AnkiReview } from "../../lib/anki/schemas";
import { writeAnkiPackage, type AnkiPackageInput } from "../../lib/anki/write-package";
import { DEFAULT_SCHEDULER_SETTINGS } from "../../lib/scheduling";
import { writeLatestPackage } from "../../tests/unit/anki/support/build-latest";

const NOTES = Number(process.argv[2] ?? 10_000);
const REVIEWS_PER_CARD = Number(process.argv[3] ?? 10);
const T0 = Date.UTC(2024, 0, 1, 8);
const DAY = 86_400_000;

function history(card: number): AnkiReview[] {
  const reviews: AnkiReview[] = [];
  let day = 0;
  for (let i = 0; i < REVIEWS_PER_CARD; i += 1) {
    const ease = (card + i) % 11 === 0 ? 1 : (card + i) % 7 === 0 ? 2 : 3;
    reviews.push({
      id: T0 + day * DAY + card * 37 + i,
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

function collection(): AnkiPackageInput {
  const notes = Array.from({ length: NOTES }, (_, i) => ({
    id: i + 1,
    guid: `g${i}!x`,
    noteTypeId: 1,
    fields: [`What is <b>item ${i}</b>? \\(x_${i}^2\\)`, `Answer ${i}<br>with a second line`],
    tags: ["bench", `group${i % 20}`],
  }));
  return {
    decks: [{ id: 10, name: "Bench::Deck", path: ["Bench", "Deck"], filtered: false }],
    noteTypes: [
      {
        id: 1,
        name: "Basic",
        kind: "NORMAL",
        fields: ["Front", "Back"],
        templates: [{ ordinal: 0, name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}" }],
      },
    ],
    notes,
    cards: notes.map((n, i) => ({
      id: 100_000 + i,
      noteId: n.id,
      deckId: 10,
      ordinal: 0,
      type: 2,
      queue: 2,
      suspended: false,
      buried: false,
      due: 400,
      history: history(i),
    })),
    media: [],
  };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const mib = (n: number) => (n / 1024 / 1024).toFixed(0);

const input = collection();
const now = new Date(T0 + 400 * DAY);
console.log(`load average at start: ${(await import("node:os")).loadavg()[0]?.toFixed(2)}`);
for (const [layout, write] of [
  ["legacy .apkg", writeAnkiPackage],
  ["anki21b .apkg", writeLatestPackage],
] as const) {
  const bytes = await write(input, now);
  global.gc?.();
  peakRss = process.memoryUsage().rss;
  let start = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  const read = await readAnkiPackage(bytes);
  const readMs = ms(start);
  const readCpu = cpuMs(cpu);
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const out = convertAnkiCollection(read, { settings: DEFAULT_SCHEDULER_SETTINGS });
  const convertMs = ms(start);
  const convertCpu = cpuMs(cpu);
  const rows = out.modules.reduce((n, m) => n + m.schedules.reduce((k, s) => k + s.replay.reviews.length, 0), 0);
  console.log(
    `${layout}: ${mib(bytes.length)} MiB package, ${read.notes.length} notes, ${rows} review rows replayed — ` +
      `wall: read ${readMs.toFixed(0)} ms, convert+replay ${convertMs.toFixed(0)} ms, total ${(readMs + convertMs).toFixed(0)} ms; ` +
      `CPU: read ${readCpu.toFixed(0)} ms, convert+replay ${convertCpu.toFixed(0)} ms; peak RSS ${mib(peakRss)} MiB`,
  );
}
clearInterval(sampler);
