// Part 2's load: one client per user posting to /api/grade one request after
// another — back to back (closed loop) or paced to one per `paceMs` — bounded
// by a request count per client and one deadline per run. Each reply is
// checked against what its case must produce.
import { randomUUID } from "node:crypto";
import type { GradeCase } from "./grade-requests";
import { pickCase } from "./grade-requests";
import type { LoadUser } from "./load-users";

const REQUEST_TIMEOUT_MS = 15_000;

export type GradeLoadResult = {
  clients: number;
  attempted: number;
  /** Replies 200 with `stored` (the attempt is kept). */
  created: number;
  /** Replies 200 without `stored` (answered, not kept: an unreadable step). */
  answered: number;
  /** Status + start of the body → count, for anything other than the expected 200. */
  failures: Map<string, number>;
  /** Replies whose status or content did not match the case (e.g. a right answer not graded correct). */
  mismatches: string[];
  latencies: number[];
  wallMs: number;
  hitDeadline: boolean;
};

export type GradeLoadOptions = { requestsPerClient: number; deadlineMs: number; paceMs?: number };

type Reply = { correct?: boolean; misconceptions?: string[]; stored?: boolean };

/** Runs one client per user concurrently; no new request starts after `deadlineMs`. */
export async function runGradeLoad(
  baseUrl: string,
  users: readonly LoadUser[],
  cases: readonly GradeCase[],
  options: GradeLoadOptions,
): Promise<GradeLoadResult> {
  const result: GradeLoadResult = {
    clients: users.length,
    attempted: 0,
    created: 0,
    answered: 0,
    failures: new Map(),
    mismatches: [],
    latencies: [],
    wallMs: 0,
    hitDeadline: false,
  };
  const stopAt = Date.now() + options.deadlineMs;
  const start = Date.now();
  const started = performance.now();
  await Promise.all(
    users.map(async (user, client) => {
      for (let k = 0; k < options.requestsPerClient; k++) {
        if (options.paceMs !== undefined) await sleepUntil(start + (client / users.length) * options.paceMs + k * options.paceMs);
        if (Date.now() > stopAt) {
          result.hitDeadline = true;
          return;
        }
        await postOne(baseUrl, user, pickCase(cases, client, k), result);
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

async function postOne(baseUrl: string, user: LoadUser, gradeCase: GradeCase, result: GradeLoadResult): Promise<void> {
  result.attempted++;
  const started = performance.now();
  let status = 0;
  let text = "";
  try {
    const response = await fetch(`${baseUrl}/api/grade`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ ...gradeCase.body, id: randomUUID() }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    text = error instanceof Error ? error.message : String(error);
  }
  result.latencies.push(performance.now() - started);
  if (status !== 200) {
    const key = `${status} ${text.slice(0, 120)}`;
    result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
    return;
  }
  const reply = JSON.parse(text) as Reply;
  if (reply.stored === true) result.created++;
  else result.answered++;
  const problem = mismatch(gradeCase, status, reply);
  if (problem && result.mismatches.length < 20) result.mismatches.push(`${gradeCase.body.exercise} seed ${gradeCase.body.seed}: ${problem}`);
}

function mismatch(gradeCase: GradeCase, status: number, reply: Reply): string | undefined {
  if (gradeCase.kind === "unreadable")
    return status === 200 && reply.stored === false ? undefined : `unreadable answered ${status}, stored ${String(reply.stored)}`;
  if (status !== 200 || reply.stored !== true) return `${gradeCase.kind} answered ${status}, stored ${String(reply.stored)}`;
  if (gradeCase.kind === "right") return reply.correct === true ? undefined : "reference answers not graded correct";
  return gradeCase.code && reply.misconceptions?.includes(gradeCase.code) ? undefined : `misconception ${gradeCase.code ?? "?"} not diagnosed`;
}

function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  return wait > 0 ? new Promise((done) => setTimeout(done, wait)) : Promise.resolve();
}
