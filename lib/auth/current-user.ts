// Who is asking: a bearer API token, else the session cookie. Route handlers
// call requireUserId once, right after parsing.
import { db } from "../db/client";
import { unauthenticated } from "../errors/app-error";
import { auth } from "./auth";
import { userIdForApiToken } from "./api-tokens";
import { cachedUserId } from "./identity-cache";

/** The signed-in user's id, or null. `now` stamps token use. */
export async function currentUserId(headers: Headers, now: Date): Promise<string | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return userIdForApiToken(db(), authorization.slice(7).trim(), now);
  }
  const session = await auth().api.getSession({ headers });
  return session?.user.id ?? null;
}

/** The signed-in user's id; throws UNAUTHENTICATED (401) when there is none. */
export async function requireUserId(headers: Headers, now: Date): Promise<string> {
  const userId = await cachedUserId(headers, now, currentUserId);
  if (!userId) throw unauthenticated();
  return userId;
}
