// The mixed load of the several-instances test: each client posts reviews,
// grades and lab uploads at once (three sequential streams), spreading its
// requests over the instances and sending a failed one again, with the same
// id, to the other (bench/support/failover.ts).
import { randomUUID } from "node:crypto";
import { sendWithFailover, type FailoverRequest, type Send } from "../../bench/support/failover";
import { bearer, type Account } from "./instances-support";

export type Kind = "review" | "grade" | "lab";

/** One logical request: its client-generated id and the last answer after any retries. */
export type Outcome = { kind: Kind; id: string; userId: string; status: number; sends: Send[]; body: string };

/** The statuses that tell the client its write is stored: created/queued, or "already had it" for a retry (a lab upload is 202 either way). */
const ACKNOWLEDGED: Record<Kind, readonly number[]> = { review: [201, 200], grade: [201, 200], lab: [202] };

export const acknowledged = (outcome: Outcome): boolean => ACKNOWLEDGED[outcome.kind].includes(outcome.status);

export type LoadClient = { account: Account; cardIds: string[]; labSeed: number; labOutput: string };

export type LoadPlan = Record<Kind, number>;

export const LAB_SLUG = "layernorm-forward";

/** Readable (so stored) answers to layernorm-by-hand at seed 42, right or not. */
const GRADE_BODY = { exercise: "layernorm-by-hand", seed: 42, answers: { mean: "3", variance: "2", std: "sqrt(3)", output: "[1, -1.732, 0.6547, 1]" } };

/** The request of kind `kind` with id `id`, the k-th of its stream. */
export function requestFor(kind: Kind, client: LoadClient, id: string, k: number): FailoverRequest {
  const headers = { ...bearer(client.account), "content-type": "application/json" };
  switch (kind) {
    case "review":
      return { method: "POST", path: "/api/reviews", headers, body: JSON.stringify({ id, cardId: client.cardIds[k % client.cardIds.length], rating: 3 }) };
    case "grade":
      return { method: "POST", path: "/api/grade", headers, body: JSON.stringify({ ...GRADE_BODY, id }) };
    case "lab":
      return { method: "POST", path: `/api/labs/${LAB_SLUG}/submissions?seed=${client.labSeed}&id=${id}`, headers, body: client.labOutput };
  }
}

/** Sends one request of `kind` for `client`, first to `bases[first]`. */
export async function send(bases: readonly string[], first: number, kind: Kind, client: LoadClient, k = 0): Promise<Outcome> {
  const id = randomUUID();
  const reply = await sendWithFailover(bases, first, requestFor(kind, client, id, k));
  return { kind, id, userId: client.account.userId, status: reply.status, sends: reply.sends, body: reply.body.slice(0, 300) };
}

/**
 * Runs `plan[kind]` requests of each kind for every client, all streams at
 * once; request k of client i goes first to instance (i + k) mod n.
 * `onProgress` is called with the number of requests answered so far.
 */
export async function runMixedLoad(
  bases: readonly string[],
  clients: readonly LoadClient[],
  plan: LoadPlan,
  onProgress: (done: number) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const stream = async (client: LoadClient, i: number, kind: Kind) => {
    for (let k = 0; k < plan[kind]; k++) {
      outcomes.push(await send(bases, (i + k) % bases.length, kind, client, k));
      onProgress(outcomes.length);
    }
  };
  const kinds = Object.keys(plan) as Kind[];
  await Promise.all(clients.flatMap((client, i) => kinds.map((kind) => stream(client, i, kind))));
  return outcomes;
}
