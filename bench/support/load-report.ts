// Part 1's printout: latency and throughput per run, where the CPU went, the
// lost-write check against review_log, and the ratio to the latency target.
import { cpus } from "node:os";
import type { CpuSample } from "./cpu";
import type { LoadResult } from "./review-load";
import { heading, ms, ratio, summarize, table } from "./stats";

/** `loadBefore` is the 1-minute load average when the run began. */
export type RunReport = { label: string; result: LoadResult; logged: number; cpu: CpuSample | undefined; loadBefore: string };

/** Prints the tables for the runs; `target` names the run the p99 target applies to. */
export function reportLoad(runs: RunReport[], target: { label: string; clients: number; p99Ms: number }): void {
  heading("1. POST /api/reviews under load (next start, loopback, bearer tokens)");
  console.log(
    table(
      ["run", "posts", "201s", "wall s", "posts/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "GET queue p50", "GET queue p99", "load avg"],
      runs.map(({ label, result, loadBefore }) => {
        const post = summarize(result.postLatencies);
        const queue = summarize(result.queueLatencies);
        return [
          label,
          String(result.postsAttempted),
          String(result.postsCreated),
          (result.wallMs / 1000).toFixed(2),
          throughput(result).toFixed(0),
          ms(post.p50),
          ms(post.p90),
          ms(post.p99),
          ms(post.max),
          ms(queue.p50),
          ms(queue.p99),
          loadBefore,
        ];
      }),
    ),
  );

  const cores = cpus().length;
  const withCpu = runs.filter((run) => run.cpu);
  if (withCpu.length) {
    console.log(`\nCPU per created post (ms) and machine use (${cores} cores = 100%):`);
    console.log(
      table(
        ["run", "next-server", "postgres", "load generator", "total", "machine busy"],
        withCpu.map(({ label, result, cpu }) => {
          const c = cpu as CpuSample;
          const per = (v: number) => ms(v / Math.max(1, result.postsCreated));
          const total = c.server + c.postgres + c.generator;
          return [label, per(c.server), per(c.postgres), per(c.generator), per(total), `${((100 * total) / (result.wallMs * cores)).toFixed(0)}%`];
        }),
      ),
    );
  }

  console.log(
    "\nPosts are timed after every client has fetched its queue (GET columns: that burst). wall s and posts/s cover the posting only. " +
      "load avg: 1-minute load average when the run began (above ~0.5 something else is using the machine).\n",
  );
  for (const { label, result, logged } of runs) {
    const failures = [...result.failures].map(([k, n]) => `${n}× ${k}`).join("; ");
    console.log(
      `  ${label}: review_log has ${logged} rows for ${result.postsCreated} posts answered 201 ` +
        `(${logged === result.postsCreated ? "none lost" : "MISMATCH"})` +
        (failures ? `; non-201: ${failures}` : "") +
        (result.hitDeadline ? "; stopped at the run deadline" : ""),
    );
  }

  const main = runs.find((run) => run.label === target.label);
  if (!main) return;
  const p99 = summarize(main.result.postLatencies).p99;
  const rate = throughput(main.result);
  console.log(`\nTarget: review post p99 < ${target.p99Ms} ms under ${target.clients} clients → ${main.label}: ${ms(p99)} ms (${ratio(p99, target.p99Ms)})`);
  console.log(
    `Closed loop without think time: mean latency ≈ clients / throughput = ${target.clients} / ${rate.toFixed(0)} per s ≈ ` +
      `${ms((target.clients / rate) * 1000)} ms; a mean under ${target.p99Ms} ms with ${target.clients} back-to-back clients needs ` +
      `> ${Math.ceil(target.clients / (target.p99Ms / 1000))} posts/s.`,
  );
}

function throughput(result: LoadResult): number {
  return result.postsCreated / (result.wallMs / 1000);
}
