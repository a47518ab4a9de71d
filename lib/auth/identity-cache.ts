// Who is asking, remembered for a few seconds per credential. Looking a
// credential up costs a database round trip (an API token's digest) or two
// plus an HMAC (better-auth's session cookie: session row, then user row) on
// every request; a learner posting a review every few seconds sends the same
// credential again and again. Only successful lookups are kept, keyed by the
// exact credential, so nothing can be forged into the cache; an unknown
// credential is looked up every time.
//
// The price: a session signed out, or a token revoked, on another app
// instance is still accepted here for at most IDENTITY_CACHE_TTL_MS. A token
// revoked through this instance is forgotten at once (forgetUser).

/** How long a looked-up identity is trusted without asking the database again, in ms. */
export const IDENTITY_CACHE_TTL_MS = 10_000;
/** Most credentials remembered at once (the oldest go first). */
export const IDENTITY_CACHE_CAPACITY = 10_000;

type Entry = { userId: string; until: number };

const cache = new Map<string, Entry>();

/** The credential a request carries: its bearer token, else its cookies; null when it has neither. */
function credentialOf(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return `bearer:${authorization.slice(7).trim()}`;
  const cookie = headers.get("cookie");
  return cookie ? `cookie:${cookie}` : null;
}

/**
 * The user id `lookup` gives for these headers, from the cache when the same
 * credential was looked up less than IDENTITY_CACHE_TTL_MS before `now`.
 * `lookup` is the uncached answer (lib/auth/current-user.ts).
 */
export async function cachedUserId(headers: Headers, now: Date, lookup: (headers: Headers, now: Date) => Promise<string | null>): Promise<string | null> {
  const credential = credentialOf(headers);
  if (credential === null) return lookup(headers, now);
  const hit = cache.get(credential);
  if (hit && hit.until > now.getTime()) return hit.userId;
  if (hit) cache.delete(credential);
  const userId = await lookup(headers, now);
  if (userId !== null) {
    cache.set(credential, { userId, until: now.getTime() + IDENTITY_CACHE_TTL_MS });
    if (cache.size > IDENTITY_CACHE_CAPACITY) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  return userId;
}

/** Forgets every remembered credential of `userId` (after a token of theirs is revoked here). */
export function forgetUser(userId: string): void {
  for (const [credential, entry] of cache) if (entry.userId === userId) cache.delete(credential);
}
