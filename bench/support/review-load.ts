// Closed-loop clients against a running server: each fetches its queue once,
// then posts reviews one after another, no think time. Bounded by a post count
// per client and by one deadline for the whole run.
import { randomUUID } from "node:crypto";
import type { LoadUser } from "./load-users";

const REQUEST_TIMEOUT_MS = 15_000;

export type LoadResult = {
  clients: number;
  postsAttempted: number;
  postsCreated: number;
  failures: Map<string, number>;
  postLatencies: number[];
  queueLatencies: number[];
  wallMs: number;
  hitDeadline: boolean;
};

/** Runs one client per user concurrently, `postsPerClient` posts each, stopping new requests at `deadlineMs`. */
export async function runReviewLoad(
  baseUrl: string,
  users: readonly LoadUser[],
  postsPerClient: number,
  deadlineMs: number,
): Promise<LoadResult> {
  const result: LoadResult = {
    clients: users.length,
    postsAttempted: 0,
    postsCreated: 0,
    failures: new Map(),
    postLatencies: [],
    queueLatencies: [],
    wallMs: 0,
    hitDeadline: false,
  };
  const started = performance.now();
  const stopAt = Date.now() + deadlineMs;
  await Promise.all(users.map((user) => runClient(baseUrl, user, postsPerClient, stopAt, result)));
  result.wallMs = performance.now() - started;
  return result;
}

async function runClient(baseUrl: string, user: LoadUser, posts: number, stopAt: number, result: LoadResult): Promise<void> {
  const headers = { authorization: `Bearer ${user.secret}` };
  const queue = await timed(() => fetch(`${baseUrl}/api/queue`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
  result.queueLatencies.push(queue.ms);
  if (queue.status !== 200) throw new Error(`GET /api/queue for ${user.id} answered ${queue.status}: ${queue.body.slice(0, 300)}`);
  const cardIds = (JSON.parse(queue.body) as { cards: { cardId: string }[] }).cards.map((card) => card.cardId);
  if (cardIds.length === 0) throw new Error(`GET /api/queue for ${user.id} returned no cards`);

  for (let k = 0; k < posts; k++) {
    if (Date.now() > stopAt) {
      result.hitDeadline = true;
      return;
    }
    const body = JSON.stringify({
      id: randomUUID(),
      cardId: cardIds[k % cardIds.length],
      rating: k % 10 === 7 ? 1 : 3,
      durationMs: 2_000 + ((k * 379) % 6_000),
    });
    result.postsAttempted++;
    const post = await timed(() =>
      fetch(`${baseUrl}/api/reviews`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }),
    );
    result.postLatencies.push(post.ms);
    if (post.status === 201) result.postsCreated++;
    else {
      const key = `${post.status} ${post.body.slice(0, 120)}`;
      result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
    }
  }
}

/** One request, timed from send to the last byte of the body; network errors become status 0. */
async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  try {
    const response = await request();
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, body };
  } catch (error) {
    return { ms: performance.now() - started, status: 0, body: error instanceof Error ? error.message : String(error) };
  }
}
