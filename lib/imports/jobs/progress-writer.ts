// Progress reports arrive every ~20 ms while an import runs; the job row is
// written at most once per interval, one write at a time, never awaited by
// the import itself (the write goes through another connection, outside the
// import's transaction), and the latest report is written last.
import type { ImportPhase } from "../anki-import";

export type ImportProgress = { phase: ImportPhase; done: number; total: number };

export type ProgressWriter = {
  /** Notes where the import stands; writes it when the interval has passed and no write is under way. */
  report: (phase: ImportPhase, done: number, total: number) => void;
  /** Waits for the write under way, then writes the latest report not yet written. */
  flush: () => Promise<void>;
};

/**
 * `write` stores one report (its failure is ignored: progress is a courtesy);
 * `nowMs` is a monotonic clock in ms; `everyMs` the least time between writes.
 */
export function progressWriter(write: (progress: ImportProgress) => Promise<void>, nowMs: () => number, everyMs = 250): ProgressWriter {
  let latest: ImportProgress | null = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let writing: Promise<void> | null = null;
  const start = () => {
    const next = latest;
    if (!next) return;
    latest = null;
    lastWrite = nowMs();
    writing = write(next)
      .catch(() => undefined)
      .then(() => {
        writing = null;
      });
  };
  return {
    report(phase, done, total) {
      latest = { phase, done, total };
      if (!writing && nowMs() - lastWrite >= everyMs) start();
    },
    async flush() {
      await writing;
      start();
      await writing;
    },
  };
}
