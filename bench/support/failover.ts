// A client of several app instances, as a load balancer or a careful script
// would be: send to one instance, and when the request fails (no answer, or a
// 5xx) send the very same request — same body, same client-generated id — to
// the next. The app's ids make that safe: a write that did land the first
// time is answered as a duplicate, never stored twice.

/** One send: which instance, what came back (0: no answer), how long it took. */
export type Send = { base: string; status: number; ms: number; error?: string };

export type FailoverReply = {
  /** The last answer's status (0 when no instance answered). */
  status: number;
  body: string;
  /** Every send, in order; more than one means a retry happened. */
  sends: Send[];
  /** From the first send to the last byte of the last answer. */
  ms: number;
};

export type FailoverRequest = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };

export type FailoverOptions = {
  /** Sends in all, across the instances (default 6). */
  tries?: number;
  /** Pause before going round the instances again, the r-th time: r × this (default 100 ms). The next instance is tried at once. */
  pauseMs?: number;
  timeoutMs?: number;
};

/** Whether a reply body says `duplicate: true`: reviews, grades, drawing attempts and lab uploads all answer so when an earlier send with this id was stored. */
export function answeredDuplicate(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && "duplicate" in parsed && parsed.duplicate === true;
  } catch {
    return false;
  }
}

/** Whether another instance should be tried: nothing came back, or the instance failed. */
export const shouldRetry = (status: number): boolean => status === 0 || status >= 500;

/**
 * Sends `request` to `bases[first]`, then, while `shouldRetry`, to the next
 * base in turn, up to `tries` sends, pausing only between rounds. Never
 * throws: a request no instance answered has status 0.
 */
export async function sendWithFailover(
  bases: readonly string[],
  first: number,
  request: FailoverRequest,
  options: FailoverOptions = {},
): Promise<FailoverReply> {
  const tries = options.tries ?? 6;
  const pauseMs = options.pauseMs ?? 100;
  const sends: Send[] = [];
  const started = performance.now();
  let last = { status: 0, body: "" };
  for (let n = 0; n < tries; n++) {
    const round = Math.floor(n / bases.length);
    if (n > 0 && n % bases.length === 0) await new Promise((done) => setTimeout(done, round * pauseMs));
    const base = bases[(first + n) % bases.length] ?? "";
    const sent = performance.now();
    last = await sendOnce(base, request, options.timeoutMs ?? 15_000);
    sends.push({ base, status: last.status, ms: performance.now() - sent, ...(last.status === 0 ? { error: last.body } : {}) });
    if (!shouldRetry(last.status)) break;
  }
  return { status: last.status, body: last.body, sends, ms: performance.now() - started };
}

async function sendOnce(base: string, request: FailoverRequest, timeoutMs: number): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(new URL(request.path, base), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { status: 0, body: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
