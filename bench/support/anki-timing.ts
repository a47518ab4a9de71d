// Reading and replaying a large Anki package: 10,000 basic notes, one card
// each, 100,000 review-log rows (ten reviews per card over a year), in the
// legacy and the current (zstd) layout. Prints wall time per phase and the
// peak resident memory. Run: `npx tsx bench/support/anki-timing.ts [notes] [reviewsPerCard]`.
import { convertAnkiCollection } from "../../lib/anki/convert";
import { readAnkiPackage } from "../../lib/anki/read-package";
import { writeAnkiPackage } from "../../lib/anki/write-package";
import { DEFAULT_SCHEDULER_SETTINGS } from "../../lib/scheduling";
import { writeLatestPackage } from "../../tests/unit/anki/support/build-latest";
import { BENCH_T0, DAY_MS, benchAnkiCollection } from "./anki-bench-package";

const NOTES = Number(process.argv[2] ?? 10_000);
const REVIEWS_PER_CARD = Number(process.argv[3] ?? 10);
const T0 = BENCH_T0;
const DAY = DAY_MS;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const mib = (n: number) => (n / 1024 / 1024).toFixed(0);

const input = benchAnkiCollection(NOTES, REVIEWS_PER_CARD);
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
  const out = await convertAnkiCollection(read, { settings: DEFAULT_SCHEDULER_SETTINGS });
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
