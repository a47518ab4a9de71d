// Clients against a running server. First every client fetches its queue at
// once (a burst of GET /api/queue); then each posts reviews of those cards one
// after another — back to back (closed loop), or paced to one post per
// `paceMs`. Bounded by a post count per client and one deadline per run.
import { randomUUID } from "node:crypto";
import { authHeaders, type LoadUser } from "./load-users";

const REQUEST_TIMEOUT_MS = 15_000;

export type LoadResult = {
  clients: number;
  postsAttempted: number;
  postsCreated: number;
  failures: Map<string, number>;
  postLatencies: number[];
  queueLatencies: number[];
  /** Wall time of the posting phase only (after every queue fetch returned). */
  wallMs: number;
  hitDeadline: boolean;
};

/**
 * `onPosting` is called once, when every queue fetch has returned and posting
 * begins. `cardIds`, when given, are each client's cards to review (no queue
 * fetch; the token is warmed by one settings read instead).
 */
export type LoadOptions = { postsPerClient: number; deadlineMs: number; paceMs?: number; onPosting?: () => void; cardIds?: readonly string[][] };

/** Runs one client per user concurrently; no new request starts after `deadlineMs`. */
export async function runReviewLoad(baseUrl: string, users: readonly LoadUser[], options: LoadOptions): Promise<LoadResult> {
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
  const stopAt = Date.now() + options.deadlineMs;
  const given = options.cardIds;
  const queues = given
    ? await Promise.all(
        users.map(async (user, i) => {
          await warmToken(baseUrl, user);
          return [...(given[i] ?? [])];
        }),
      )
    : await Promise.all(users.map((user) => fetchQueue(baseUrl, user, result)));
  options.onPosting?.();
  const started = performance.now();
  const start = Date.now();
  await Promise.all(
    users.map((user, i) => {
      const pace = options.paceMs === undefined ? undefined : { every: options.paceMs, at: start + (i / users.length) * options.paceMs };
      return postReviews(baseUrl, user, queues[i] ?? [], options.postsPerClient, stopAt, pace, result);
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

/**
 * A token's first request also records its use (lastUsedAt); with its cards
 * given, a client makes one light request first, so the timed posts measure
 * reviews rather than 50 tokens' first use at once.
 */
async function warmToken(baseUrl: string, user: LoadUser): Promise<void> {
  const response = await fetch(`${baseUrl}/api/settings`, { headers: authHeaders(user, baseUrl), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (response.status !== 200) throw new Error(`GET /api/settings for ${user.id} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  await response.arrayBuffer();
}

async function fetchQueue(baseUrl: string, user: LoadUser, result: LoadResult): Promise<string[]> {
  const headers = authHeaders(user, baseUrl);
  const queue = await timed(() => fetch(`${baseUrl}/api/queue`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
  result.queueLatencies.push(queue.ms);
  if (queue.status !== 200) throw new Error(`GET /api/queue for ${user.id} answered ${queue.status}: ${queue.body.slice(0, 300)}`);
  const cardIds = (JSON.parse(queue.body) as { cards: { cardId: string }[] }).cards.map((card) => card.cardId);
  if (cardIds.length === 0) throw new Error(`GET /api/queue for ${user.id} returned no cards`);
  return cardIds;
}

async function postReviews(
  baseUrl: string,
  user: LoadUser,
  cardIds: string[],
  posts: number,
  stopAt: number,
  pace: { every: number; at: number } | undefined,
  result: LoadResult,
): Promise<void> {
  const headers = authHeaders(user, baseUrl);
  for (let k = 0; k < posts; k++) {
    if (pace) await sleepUntil(pace.at + k * pace.every);
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

function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  return wait > 0 ? new Promise((done) => setTimeout(done, wait)) : Promise.resolve();
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
