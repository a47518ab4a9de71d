// Review-post load over one or several app instances, each post sent through
// the failover client (bench/support/failover.ts): client i's k-th post goes
// first to instance (i + k) mod n, and on a failure to the next with the same
// id. One instance in the list is the single-instance baseline, on the same
// code path. Lab uploads for the kill run go the same way.
import { randomUUID } from "node:crypto";
import { answeredDuplicate, sendWithFailover, type FailoverReply } from "./failover";
import { authHeaders, type LoadUser } from "./load-users";

export type FailoverLoadResult = {
  clients: number;
  sent: number;
  /** Client ids of the posts the app acknowledged (a review 201 created or 200 for one it already had; a lab upload 202). */
  acknowledged: string[];
  /** Of those, the ones answered `duplicate`: a retry of a post that had landed before its instance died. */
  duplicates: number;
  /** Posts that needed more than one send. */
  retried: number;
  /** Posts no instance acknowledged, by their last answer. */
  failures: Map<string, number>;
  /** Per acknowledged post, from its first send to its answer (retries included). */
  latencies: number[];
  wallMs: number;
};

export type FailoverLoadOptions = {
  postsPerClient: number;
  deadlineMs: number;
  /** One post per client every `paceMs` (open loop); back to back when unset. */
  paceMs?: number;
  /** Called after every post with the number answered so far. */
  onProgress?: (done: number) => void;
};

/** Every client fetches its queue, then posts reviews of its cards; no new post starts after `deadlineMs`. */
export async function runFailoverReviewLoad(bases: readonly string[], users: readonly LoadUser[], options: FailoverLoadOptions): Promise<FailoverLoadResult> {
  const result: FailoverLoadResult = {
    clients: users.length,
    sent: 0,
    acknowledged: [],
    duplicates: 0,
    retried: 0,
    failures: new Map(),
    latencies: [],
    wallMs: 0,
  };
  const queues = await Promise.all(users.map((user, i) => fetchQueue(bases, i, user)));
  const stopAt = Date.now() + options.deadlineMs;
  const started = performance.now();
  const start = Date.now();
  await Promise.all(
    users.map(async (user, i) => {
      const cards = queues[i] ?? [];
      for (let k = 0; k < options.postsPerClient && Date.now() < stopAt; k++) {
        if (options.paceMs !== undefined) await sleepUntil(start + (i / users.length + k) * options.paceMs);
        const id = randomUUID();
        const body = JSON.stringify({ id, cardId: cards[k % cards.length], rating: k % 10 === 7 ? 1 : 3, durationMs: 2_000 + ((k * 379) % 6_000) });
        const headers = { ...authHeaders(user, bases[0] ?? ""), "content-type": "application/json" };
        result.sent++;
        const reply = await sendWithFailover(bases, i + k, { method: "POST", path: "/api/reviews", headers, body });
        record(result, id, reply, [201, 200]);
        options.onProgress?.(result.sent);
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

/** `count` uploads of `file` at `slug`/`seed` per user, all users at once, each user's spread `paceMs` apart. */
export async function runFailoverLabUploads(
  bases: readonly string[],
  users: readonly LoadUser[],
  upload: { slug: string; seed: number; file: Uint8Array<ArrayBuffer>; count: number; paceMs: number },
): Promise<FailoverLoadResult> {
  const result: FailoverLoadResult = {
    clients: users.length,
    sent: 0,
    acknowledged: [],
    duplicates: 0,
    retried: 0,
    failures: new Map(),
    latencies: [],
    wallMs: 0,
  };
  const started = performance.now();
  const start = Date.now();
  await Promise.all(
    users.map(async (user, i) => {
      for (let k = 0; k < upload.count; k++) {
        await sleepUntil(start + (i / users.length + k) * upload.paceMs);
        const id = randomUUID();
        const headers = { ...authHeaders(user, bases[0] ?? ""), "content-type": "application/octet-stream" };
        result.sent++;
        const path = `/api/labs/${upload.slug}/submissions?seed=${upload.seed}&id=${id}`;
        record(result, id, await sendWithFailover(bases, i + k, { method: "POST", path, headers, body: upload.file }), [202]);
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

function record(result: FailoverLoadResult, id: string, reply: FailoverReply, acknowledged: readonly number[]): void {
  if (reply.sends.length > 1) result.retried++;
  if (acknowledged.includes(reply.status)) {
    result.acknowledged.push(id);
    result.latencies.push(reply.ms);
    if (answeredDuplicate(reply.body)) result.duplicates++;
    return;
  }
  const key = `${reply.status} ${reply.body.slice(0, 120)}`;
  result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
}

async function fetchQueue(bases: readonly string[], first: number, user: LoadUser): Promise<string[]> {
  const reply = await sendWithFailover(bases, first, { method: "GET", path: "/api/queue", headers: authHeaders(user, bases[0] ?? "") });
  if (reply.status !== 200) throw new Error(`GET /api/queue for ${user.id} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  const cardIds = (JSON.parse(reply.body) as { cards: { cardId: string }[] }).cards.map((card) => card.cardId);
  if (cardIds.length === 0) throw new Error(`GET /api/queue for ${user.id} returned no cards`);
  return cardIds;
}

function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  return wait > 0 ? new Promise((done) => setTimeout(done, wait)) : Promise.resolve();
}
