// Every hostile request in tests/fixtures/hostile/*.json against the real
// route handlers on the real Postgres, with two users: Alice sends them (by
// session cookie or bearer token), Bob has data of his own. Each must get its
// status, an error small whatever the input's size, and change nothing but
// what the case says it may.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as grillsRoute from "@/app/api/grills/route";
import { auth } from "@/lib/auth/auth";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { GrillView } from "@/lib/grills/grill-view";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";
import { createGrillModule } from "../support/grill-fixtures";
import { buildParams, buildRequest, loadHostileCases, TABLES, type HostileContext, type Table } from "../support/hostile-cases";

const ORIGIN = "http://localhost:3000";
const API_DIR = join(process.cwd(), "app", "api");
const TOPICS = ["Residual stream", "Normalization", "Attention", "KV cache", "Positions", "Costs"];

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** Every row of the tables a route may write, both users'. */
async function snapshot(): Promise<Record<Table, string>> {
  const db = testDb();
  const rows = await Promise.all([
    db.reviewLog.findMany(),
    db.cardState.findMany(),
    Promise.all([db.exerciseAttempt.findMany(), db.exerciseVariant.findMany()]),
    db.labSubmission.findMany(),
    Promise.all([db.grillSession.findMany(), db.grillItem.findMany()]),
    db.apiToken.findMany(),
    db.userSettings.findMany(),
    db.checklistProgress.findMany(),
    db.module.findMany(),
    db.enrollment.findMany(),
    db.card.findMany(),
    db.cardImage.findMany(),
    Promise.all([db.importJob.findMany(), db.importUploadChunk.findMany()]),
  ]);
  return Object.fromEntries(TABLES.map((table, i) => [table, rowsText(rows[i])])) as Record<Table, string>;
}

/** The rows as sorted JSON lines, so the order Postgres returns them in does not matter. */
function rowsText(rows: unknown): string {
  const list = Array.isArray(rows) ? rows.flat() : [rows];
  return list
    .map((row) => JSON.stringify(row, stable))
    .sort()
    .join("\n");
}

/** Bytes by their length, and no token's last-use stamp (every bearer request moves it). */
function stable(key: string, value: unknown): unknown {
  if (key === "lastUsedAt") return undefined;
  if (value instanceof Uint8Array) return `${value.byteLength} bytes`;
  return typeof value === "bigint" ? String(value) : value;
}

async function setUp(): Promise<HostileContext> {
  const db = testDb();
  await resetDb();
  const signUp = await auth().api.signUpEmail({
    body: { email: "alice@example.test", password: "long enough pw", name: "Alice" },
    headers: new Headers({ origin: ORIGIN }),
    asResponse: true,
  });
  const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const alice = await db.user.findUniqueOrThrow({ where: { email: "alice@example.test" } });
  const bearer = await bearerFor(db, alice.id);
  const spare = await createApiToken(db, alice.id, "spare", new Date());
  const aliceToken = await db.apiToken.findFirstOrThrow({ where: { userId: alice.id, name: "test" } });

  const cards = await createModuleWithCards(db, { cards: 3 });
  await enroll(db, alice.id, cards.moduleId);
  const grillModule = await createGrillModule(
    db,
    alice.id,
    TOPICS.map((topic) => ({ topic })),
  );
  const module = await db.module.findUniqueOrThrow({ where: { id: grillModule.moduleId } });
  const item = await db.checklistItem.create({ data: { moduleId: module.id, externalId: "hc-plain", text: "Explain the residual stream", position: 0 } });
  const grillId = randomUUID();
  const started = await (grillsRoute.POST as Handler)(
    new Request(`${ORIGIN}/api/grills`, {
      method: "POST",
      headers: { authorization: bearer, "content-type": "application/json" },
      body: JSON.stringify({ id: grillId, moduleId: module.id, length: 3, difficulty: "ANY", secondsPerItem: 900 }),
    }),
    undefined,
  );
  const grill = (await started.json()) as GrillView;
  const interview = grill.items.find((i) => i.kind === "interview");
  const numeric = grill.items.find((i) => i.kind === "numeric");
  if (!interview || !numeric?.exercise) throw new Error("the grill needs an interview and a numeric item");

  const own = await db.module.create({ data: { scope: alice.id, ownerId: alice.id, slug: "alice-notes", title: "Alice's notes", sourceHash: "" } });
  await enroll(db, alice.id, own.id);

  const ownCard = await db.card.create({
    data: {
      moduleId: own.id,
      externalId: "own-0",
      kind: "BASIC",
      front: "Own question",
      back: "Own answer",
      siblingKey: "own-0",
      position: 0,
      contentHash: "own-0",
    },
  });

  const bob = await createUser(db, "bob");
  await bearerFor(db, bob.id);
  await enroll(db, bob.id, cards.moduleId);
  const bobModule = await db.module.create({ data: { scope: bob.id, ownerId: bob.id, slug: "bob-notes", title: "Bob's notes", sourceHash: "" } });
  const bobCard = await db.card.create({
    data: {
      moduleId: bobModule.id,
      externalId: "bob-0",
      kind: "BASIC",
      front: "Bob's question",
      back: "A",
      siblingKey: "bob-0",
      position: 0,
      contentHash: "bob-0",
    },
  });
  const bobImage = await db.cardImage.create({
    data: { ownerId: bob.id, moduleId: bobModule.id, sha256: "b".repeat(64), contentType: "image/gif", byteSize: 6, bytes: new TextEncoder().encode("GIF89a") },
  });

  const bobImport = await db.importJob.create({
    data: { id: randomUUID(), userId: bob.id, filename: "bob.apkg", dryRun: true, status: "PREVIEWED", uploadBytes: 4, createdAt: new Date() },
  });
  await db.importUploadChunk.create({ data: { jobId: bobImport.id, index: 0, bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06]) } });

  return {
    origin: ORIGIN,
    cookie,
    bearer,
    numeric: { slug: numeric.exercise.slug, seed: numeric.exercise.seed },
    values: {
      cardId: cards.cardIds[0] ?? "",
      // For a case that changes a card's schedule, so the cases after it find {cardId} as it was.
      secondCardId: cards.cardIds[1] ?? "",
      grillId,
      interviewPosition: String(interview.position),
      numericPosition: String(numeric.position),
      aliceTokenId: aliceToken.id,
      spareTokenId: spare.token.id,
      moduleSlug: module.slug,
      ownSlug: own.slug,
      ownCardId: ownCard.id,
      bobSlug: bobModule.slug,
      bobCardId: bobCard.id,
      bobImageId: bobImage.id,
      bobImportId: bobImport.id,
      checklistItemId: item.id,
      "long-host": "a".repeat(8 * 1024),
      bobTokenId: (await db.apiToken.findFirstOrThrow({ where: { userId: bob.id } })).id,
    },
  };
}

const cases = loadHostileCases();

describe("hostile requests from the fixture files", () => {
  let context: HostileContext;
  beforeAll(async () => {
    context = await setUp();
  });

  it("has cases in every file", () => {
    expect(new Set(cases.map((c) => c.file)).size).toBeGreaterThanOrEqual(4);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.name}`, async () => {
      const mod = (await import(join(API_DIR, c.route, "route.ts"))) as Partial<Record<string, Handler>>;
      const handler = mod[c.method];
      if (!handler) throw new Error(`${c.route} has no ${c.method} handler`);
      const before = await snapshot();
      const response = await handler(buildRequest(c, context), buildParams(c, context));
      const text = await response.text();
      expect(response.status, `${c.method} ${c.path}: ${text.slice(0, 300)}`).toBe(c.expect.status);
      const maxBytes = c.expect.maxBodyBytes ?? (response.status >= 400 ? 4096 : Number.POSITIVE_INFINITY);
      expect(Buffer.byteLength(text), "body size").toBeLessThanOrEqual(maxBytes);
      if (response.status >= 400) {
        const body = JSON.parse(text) as { error: { code: string; message: string } };
        if (c.expect.code) expect(body.error.code).toBe(c.expect.code);
        if (c.expect.message) expect(body.error.message).toContain(c.expect.message);
      }
      const after = await snapshot();
      for (const table of TABLES) {
        if (c.changes.includes(table)) expect(after[table], `${table} should change`).not.toBe(before[table]);
        else expect(after[table], `${table} must not change`).toBe(before[table]);
      }
    });
  }
});
