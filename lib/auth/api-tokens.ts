// API tokens for the command-line client: 32 random bytes shown once, stored
// only as a SHA-256 digest (a token has full entropy, so a slow hash adds
// nothing), looked up by digest in constant time per request.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { forgetUser } from "./identity-cache";

const TOKEN_PREFIX = "rsd_";

export type ApiTokenSummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Creates a token for a user at `now`; the returned `secret` is never stored and cannot be shown again. */
export async function createApiToken(db: Db, userId: string, name: string, now: Date): Promise<{ token: ApiTokenSummary; secret: string }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: { userId, name, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashApiToken(secret), createdAt: now },
  });
  return { token: summarize(row), secret };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map(summarize);
}

/** Revokes one of the user's own tokens; another user's token id is "not found". */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw notFound("API token");
  forgetUser(userId);
}

/** The user id a bearer secret belongs to, or null for an unknown or revoked token. */
export async function userIdForApiToken(db: Db, secret: string, now: Date): Promise<string | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(secret) } });
  if (!row || row.revokedAt) return null;
  // Coarse last-used stamp: at most one write per token per minute.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return row.userId;
}

function summarize(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenSummary {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
}
