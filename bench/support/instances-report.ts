// bench:instances' printout: throughput and latency per run with the load
// average beside each, and, for the kill run, what was acknowledged against
// what Postgres holds.
import type { FailoverLoadResult } from "./failover-load";
import { heading, ms, summarize, table } from "./stats";

/** `loadBefore`/`loadAfter`: the 1-minute load average when the run began and ended. */
export type InstancesRun = { label: string; result: FailoverLoadResult; loadBefore: string; loadAfter: string };

export function reportRuns(runs: readonly InstancesRun[]): void {
  heading("POST /api/reviews: one instance against two (production servers, loopback, bearer tokens)");
  console.log(
    table(
      ["run", "posts", "acked", "wall s", "posts/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "load avg before", "after"],
      runs.map(({ label, result, loadBefore, loadAfter }) => {
        const latency = summarize(result.latencies);
        return [
          label,
          String(result.sent),
          String(result.acknowledged.length),
          (result.wallMs / 1000).toFixed(2),
          (result.acknowledged.length / (result.wallMs / 1000)).toFixed(0),
          ms(latency.p50),
          ms(latency.p90),
          ms(latency.p99),
          ms(latency.max),
          loadBefore,
          loadAfter,
        ];
      }),
    ),
  );
  console.log(
    "\nEvery run has its own fresh users (new cards). Latency is per post from its first send to its answer. " +
      "load avg: 1-minute load average at the start and the end of the run; every process here (both app servers, " +
      "both workers, Postgres and this client) shares the same cores, so a second instance adds no CPU.",
  );
  for (const { label, result } of runs) {
    if (result.failures.size || result.retried) console.log(`  ${label}: ${result.retried} retried; not acknowledged: ${describeFailures(result)}`);
  }
}

export type KillReport = {
  reviews: FailoverLoadResult;
  labs: FailoverLoadResult;
  /** review_log rows carrying an acknowledged id, and all rows of the run's users. */
  reviewRowsAcked: number;
  reviewRowsTotal: number;
  /** lab_submission rows carrying an acknowledged id, and all rows of the run's users. */
  labRowsAcked: number;
  labRowsTotal: number;
  /** Submissions by final status, once none is QUEUED or RUNNING (or the wait ran out). */
  labStatuses: Map<string, number>;
  /** Submissions graded more than once: taken back from the killed worker. */
  labRegraded: number;
  /** Seconds from the kill until the last upload was answered, and until no submission was QUEUED or RUNNING. */
  uploadedSeconds: number;
  gradedSeconds: number;
  staleSeconds: number;
  loadBefore: string;
  loadAfter: string;
};

export function reportKill(label: string, report: KillReport): void {
  heading(label);
  const { reviews, labs } = report;
  const latency = summarize(reviews.latencies);
  console.log(
    table(
      ["", "sent", "acknowledged", "sent again", 'answered "already stored"', "stored (acked ids)", "stored (all rows)", "not acknowledged"],
      [
        [
          "review posts",
          String(reviews.sent),
          String(reviews.acknowledged.length),
          String(reviews.retried),
          String(reviews.duplicates),
          String(report.reviewRowsAcked),
          String(report.reviewRowsTotal),
          describeFailures(reviews),
        ],
        [
          "lab uploads",
          String(labs.sent),
          String(labs.acknowledged.length),
          String(labs.retried),
          String(labs.duplicates),
          String(report.labRowsAcked),
          String(report.labRowsTotal),
          describeFailures(labs),
        ],
      ],
    ),
  );
  const verdict = (acked: number, stored: number, total: number) =>
    acked === stored && stored === total ? "each acknowledged write stored once, nothing else" : "MISMATCH";
  console.log(
    `\n  reviews: ${verdict(reviews.acknowledged.length, report.reviewRowsAcked, report.reviewRowsTotal)}; posts/s ${(reviews.acknowledged.length / (reviews.wallMs / 1000)).toFixed(0)}, p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms, max ${ms(latency.max)} ms (load avg ${report.loadBefore} → ${report.loadAfter})`,
  );
  console.log(`  lab uploads: ${verdict(labs.acknowledged.length, report.labRowsAcked, report.labRowsTotal)}`);
  const statuses = [...report.labStatuses].map(([status, n]) => `${n} ${status}`).join(", ");
  console.log(
    `  grading: ${statuses}; ${report.labRegraded} graded again after the killed worker's claim went stale ` +
      `(LAB_STALE_JOB_SECONDS=${report.staleSeconds}); ` +
      `after the kill, the last upload was answered at ${report.uploadedSeconds.toFixed(1)} s and the queue was empty at ${report.gradedSeconds.toFixed(1)} s`,
  );
}

function describeFailures(result: FailoverLoadResult): string {
  return result.failures.size ? [...result.failures].map(([k, n]) => `${n}× ${k}`).join("; ") : "none";
}
