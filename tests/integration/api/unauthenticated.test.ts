// Every API route except health and the auth library's own answers 401
// to a request with no session and no token, and writes nothing.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../support/db";

const API_DIR = join(process.cwd(), "app", "api");
const PUBLIC_ROUTES = new Set(["health", "auth/[...all]"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

const routes = routeFiles(API_DIR)
  .map((file) => ({ file, path: relative(API_DIR, file).replace(/\/route\.ts$/, "") }))
  .filter((r) => !PUBLIC_ROUTES.has(r.path));

const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

/** Rows in every table an API route writes to; each must stay at 0. */
async function writtenRows(): Promise<Record<string, number>> {
  const db = testDb();
  const [reviews, undos, states, attempts, labs, grills, checklist, tokens, settings] = await Promise.all([
    db.reviewLog.count(),
    db.reviewUndo.count(),
    db.cardState.count(),
    db.exerciseAttempt.count(),
    db.labSubmission.count(),
    db.grillSession.count(),
    db.checklistProgress.count(),
    db.apiToken.count(),
    db.userSettings.count(),
  ]);
  return { reviews, undos, states, attempts, labs, grills, checklist, tokens, settings };
}

const NOTHING_WRITTEN = { reviews: 0, undos: 0, states: 0, attempts: 0, labs: 0, grills: 0, checklist: 0, tokens: 0, settings: 0 };

describe("API routes without credentials", () => {
  // Another file in this worker may have left rows behind.
  beforeAll(resetDb);

  it("covers the routes that exist", () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["queue", "reviews", "settings", "tokens"]));
  });

  for (const { file, path } of routes) {
    it(`/api/${path} answers 401 to every method`, async () => {
      const mod = (await import(file)) as Partial<Record<(typeof METHODS)[number], (r: Request, c: unknown) => Promise<Response>>>;
      const url = `http://localhost/api/${path.replace(/\[[^\]]+\]/g, SAMPLE_ID)}`;
      const handlers = METHODS.flatMap((m) => (mod[m] ? [[m, mod[m]] as const] : []));
      expect(handlers.length).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ id: SAMPLE_ID, cardId: SAMPLE_ID, rating: 3, name: "x" });
        const request = new Request(url, { method, body, headers: { "content-type": "application/json" } });
        const response = await handler(request, { params: Promise.resolve({ id: SAMPLE_ID }) });
        expect(response.status, `${method} /api/${path}`).toBe(401);
        const badToken = new Request(url, { method, body, headers: { "content-type": "application/json", authorization: "Bearer rsd_not-a-token" } });
        expect((await handler(badToken, { params: Promise.resolve({ id: SAMPLE_ID }) })).status).toBe(401);
      }
      expect(await writtenRows()).toEqual(NOTHING_WRITTEN);
    });
  }
});
