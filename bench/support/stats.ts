// Summaries and plain-text tables for the benchmark output. Percentiles are
// nearest-rank on the sorted sample, so p99 of 30 runs is the maximum.
import { loadavg } from "node:os";

export type Summary = { count: number; p50: number; p90: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile (`p` in 0–100) of an unsorted sample of milliseconds; NaN when empty. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(sample: readonly number[]): Summary {
  const mean = sample.length ? sample.reduce((a, b) => a + b, 0) / sample.length : Number.NaN;
  return {
    count: sample.length,
    p50: percentile(sample, 50),
    p90: percentile(sample, 90),
    p99: percentile(sample, 99),
    max: sample.length ? Math.max(...sample) : Number.NaN,
    mean,
  };
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function ratio(value: number, target: number): string {
  return Number.isFinite(value) ? `${(value / target).toFixed(2)}× target` : "—";
}

/** A left-aligned first column and right-aligned others, separated by two spaces. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The 1-minute load average, to flag other work on the machine skewing a run. */
export function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}

export function heading(title: string): void {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 74 - title.length))}`);
}

export function note(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Runs `work` `runs` times after `warmup` untimed runs; returns each run's wall time in ms. */
export async function timeRuns(runs: number, warmup: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}
