// Every /api/auth/* request: the limits first, then better-auth, then the
// outcome recorded. Limits are counted in Postgres (lib/rate-limits), so they
// hold across app instances: per client address for sign-up, sign-in and
// account endpoints, and per account email for failed sign-ins, whatever
// the address. The client address is the one the app server resolved
// (lib/http/forwarded-headers.ts), never a header the client chose.
import { z } from "zod";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { UNKNOWN_ADDRESS } from "../http/client-address";
import { readEdgeClient } from "../http/forwarded-headers";
import { addressLimitKey } from "../http/ip-address";
import { readCappedBody } from "../http/read-capped-body";
import { countHit, pruneCounters } from "../rate-limits/counters";
import { SIGN_IN_BACKOFF, decideWindow, describeWait } from "../rate-limits/policy";
import { claimSignInAttempt, clearBackoff, pruneBackoff } from "../rate-limits/sign-in-backoff";
import { auth } from "./auth";
import { accountBackoffMessage, addressLimitMessage, authLimitRule } from "./auth-limits";

const AUTH_BASE_PATH = "/api/auth";
const AUTH_BODY_LIMIT_BYTES = 64 * 1024;
const PRUNE_EVERY_MS = 10 * 60_000;
const COUNTER_KEEP_MS = 60 * 60_000;

const SignInBodySchema = z.looseObject({ email: z.string().trim().toLowerCase().min(1).max(320) });

let nextPruneAt = 0;
let warnedUnknown = false;

/**
 * Answers one auth request at `now`: 429 with Retry-After (seconds) and
 * `{ code: "RATE_LIMITED", message }` when a limit refuses it, better-auth's
 * own answer otherwise. A successful sign-in clears the account's failures.
 */
export async function handleAuthRequest(request: Request, now: Date): Promise<Response> {
  const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length) || "/";
  const settings = env();
  const rule =
    request.method === "POST"
      ? authLimitRule(path, { signUpsPerMinute: settings.AUTH_SIGN_UPS_PER_MINUTE, signInsPerMinute: settings.AUTH_SIGN_INS_PER_MINUTE })
      : null;
  if (!rule) return auth().handler(request);

  const address = readEdgeClient(request.headers, settings.RESIDUAL_EDGE_TOKEN)?.address ?? unknownClient();
  const count = await countHit(db(), `${rule.name}:${addressLimitKey(address)}`, rule, now);
  const decision = decideWindow(count, rule, now);
  pruneWhenDue(now);
  if (!decision.allowed) return tooManyRequests(addressLimitMessage(rule, describeWait(decision.retryAfterMs)), decision.retryAfterMs);

  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readCappedBody(request, AUTH_BODY_LIMIT_BYTES, "The request body is larger than 64 KiB");
  } catch (error) {
    if (error instanceof AppError) return Response.json({ code: error.code, message: error.message }, { status: 413 });
    throw error;
  }
  const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: body.byteLength ? body : null });
  if (path !== "/sign-in/email") return auth().handler(forwarded);

  const email = signInEmail(body);
  if (email === null) return auth().handler(forwarded);
  const claim = await claimSignInAttempt(db(), email, now);
  if (!claim.allowed) return tooManyRequests(accountBackoffMessage(describeWait(claim.retryAfterMs)), claim.retryAfterMs);
  const response = await auth().handler(forwarded);
  if (response.ok) await clearBackoff(db(), email);
  return response;
}

/** The shared "unknown" address, with a warning the first time: the app is not behind scripts/app-server.ts. */
function unknownClient(): string {
  if (!warnedUnknown) {
    warnedUnknown = true;
    console.warn("[residual] auth request without the app server's client address (bare `next start`?): every client counts as one for the limits");
  }
  return UNKNOWN_ADDRESS;
}

function signInEmail(body: Uint8Array): string | null {
  try {
    const parsed = SignInBodySchema.safeParse(JSON.parse(new TextDecoder().decode(body)));
    return parsed.success ? parsed.data.email : null;
  } catch {
    return null;
  }
}

function tooManyRequests(message: string, retryAfterMs: number): Response {
  return Response.json(
    { code: "RATE_LIMITED", message },
    { status: 429, headers: { "retry-after": String(Math.ceil(retryAfterMs / 1000)), "cache-control": "no-store" } },
  );
}

/** Drops stale counters and forgotten failure records, at most once per PRUNE_EVERY_MS per process. */
function pruneWhenDue(now: Date): void {
  if (now.getTime() < nextPruneAt) return;
  nextPruneAt = now.getTime() + PRUNE_EVERY_MS;
  const forgotten = new Date(now.getTime() - SIGN_IN_BACKOFF.maxWaitMs - SIGN_IN_BACKOFF.forgetAfterMs);
  Promise.all([pruneCounters(db(), new Date(now.getTime() - COUNTER_KEEP_MS)), pruneBackoff(db(), forgotten)]).catch((error: unknown) =>
    console.error("[residual] pruning rate-limit rows failed", error),
  );
}
