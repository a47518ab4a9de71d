// Who is asking: a bearer API token, else the session cookie. Route handlers
// call requireUserId once, right after parsing. A cookie rides along with any
// request the browser makes, including one another site's page started, so a
// cookie-authenticated write must come from the app's own origin; a bearer
// token is sent on purpose and works from anywhere.
import { db } from "../db/client";
import { forbidden, unauthenticated } from "../errors/app-error";
import { env } from "../env";
import { checkRequestOrigin, ownOrigins } from "../http/request-origin";
import { auth } from "./auth";
import { userIdForApiToken } from "./api-tokens";
import { cachedUserId } from "./identity-cache";

/**
 * The signed-in user's id, or null. `now` stamps token use. Throws FORBIDDEN
 * (403) for a cookie-authenticated POST, PUT, PATCH or DELETE from another
 * origin (see lib/http/request-origin.ts), before any lookup — a remembered
 * identity (identity-cache.ts) never skips that check.
 */
export async function currentUserId(request: Request, now: Date): Promise<string | null> {
  if (bearerToken(request.headers) === null) refuseCrossSiteWrite(request);
  return cachedUserId(request.headers, now, lookUpUserId);
}

/** The signed-in user's id; throws UNAUTHENTICATED (401) when there is none, FORBIDDEN (403) for a cross-site write. */
export async function requireUserId(request: Request, now: Date): Promise<string> {
  const userId = await currentUserId(request, now);
  if (!userId) throw unauthenticated();
  return userId;
}

/** The uncached answer: the bearer token's owner, else the session cookie's user. */
async function lookUpUserId(headers: Headers, now: Date): Promise<string | null> {
  const token = bearerToken(headers);
  if (token !== null) return userIdForApiToken(db(), token, now);
  const session = await auth().api.getSession({ headers });
  return session?.user.id ?? null;
}

function bearerToken(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  return authorization?.toLowerCase().startsWith("bearer ") ? authorization.slice(7).trim() : null;
}

function refuseCrossSiteWrite(request: Request): void {
  const { headers } = request;
  const { BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS } = env();
  const verdict = checkRequestOrigin({
    method: request.method,
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    ownOrigins: ownOrigins(headers, request.url, [BETTER_AUTH_URL, ...BETTER_AUTH_TRUSTED_ORIGINS]),
  });
  if (!verdict.ok) throw forbidden(verdict.message);
}
