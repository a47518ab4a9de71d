// Images through the real route handlers on the real Postgres: what is
// stored is what the bytes are, the caps hold, and nobody but those who may
// see a card of the module ever gets an image.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as imagesRoute from "@/app/api/images/route";
import * as imageRoute from "@/app/api/images/[id]/route";
import * as cardsRoute from "@/app/api/cards/route";
import * as cardRoute from "@/app/api/cards/[id]/route";
import { MAX_IMAGE_BYTES, MAX_USER_IMAGE_BYTES } from "@/lib/images/store-image";
import { createModule } from "@/lib/modules/manage-modules";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser } from "../support/fixtures";

const ORIGIN = "http://localhost:3000";
const fixture = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(join(process.cwd(), "tests", "fixtures", "images", name)));
const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);
type Json = Record<string, unknown>;

async function upload(bearer: string, module: string, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/images?module=${module}`, {
    method: "POST",
    headers: { authorization: bearer, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const response = await imagesRoute.POST(request, undefined);
  return { status: response.status, body: (await response.json()) as Json };
}

async function fetchImage(id: string, headers: Record<string, string>) {
  return imageRoute.GET(new Request(`${ORIGIN}/api/images/${id}`, { headers }), { params: Promise.resolve({ id }) });
}

async function setUp() {
  const db = testDb();
  const alice = await createUser(db, "alice");
  const bob = await createUser(db, "bob");
  await createModule(db, alice.id, { slug: "notes", title: "Notes", description: "" }, new Date());
  await createModule(db, bob.id, { slug: "bobs", title: "Bob's", description: "" }, new Date());
  return { db, alice, bob, aliceBearer: await bearerFor(db, alice.id), bobBearer: await bearerFor(db, bob.id) };
}

const imageId = (body: Json) => (body.image as { id: string }).id;

describe("uploading images", () => {
  beforeEach(resetDb);

  it("stores the type the bytes are, whatever the name or declared type says: a PNG sent as image/gif is a PNG", async () => {
    const { db, aliceBearer } = await setUp();
    const png = await upload(aliceBearer, "notes", new Blob([fixture("red-3x2.png")]), { "content-type": "image/gif" });
    expect(png.status).toBe(201);
    expect(png.body.image).toMatchObject({ contentType: "image/png", width: 3, height: 2, byteSize: 96 });
    expect((png.body.image as Json).markdown).toBe(`![image](/api/images/${imageId(png.body)})`);
    for (const [name, type] of [
      ["blue-5x4.jpg", "image/jpeg"],
      ["green-2x7.gif", "image/gif"],
      ["yellow-6x3.webp", "image/webp"],
    ] as const) {
      const stored = await upload(aliceBearer, "notes", new Blob([fixture(name)]), { "content-type": "application/octet-stream" });
      expect(stored.body.image).toMatchObject({ contentType: type });
    }
    const again = await upload(aliceBearer, "notes", new Blob([fixture("red-3x2.png")]));
    expect(again.status).toBe(200);
    expect(imageId(again.body)).toBe(imageId(png.body));
    expect(await db.cardImage.count()).toBe(4);
  });

  it("refuses SVG, HTML and polyglots with an image's name or type (422), and form or SVG uploads (415); stores nothing", async () => {
    const { db, aliceBearer } = await setUp();
    const cases: Array<{ body: Uint8Array<ArrayBuffer>; type: string; status: number; message: RegExp }> = [
      { body: text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), type: "image/png", status: 422, message: /SVG images are refused/ },
      { body: text("<html><script>alert(document.cookie)</script></html>"), type: "image/jpeg", status: 422, message: /HTML or script/ },
      {
        body: new Uint8Array([...fixture("green-2x7.gif").subarray(0, 43), ...text("<script>alert(1)</script>"), 0x3b]),
        type: "image/gif",
        status: 422,
        message: /HTML or script/,
      },
      { body: new Uint8Array([...fixture("red-3x2.png"), ...text("garbage after the end")]), type: "image/png", status: 422, message: /after its end/ },
      { body: fixture("red-3x2.png"), type: "image/svg+xml", status: 415, message: /SVG/ },
      { body: fixture("red-3x2.png"), type: "multipart/form-data; boundary=x", status: 415, message: /image itself/ },
      { body: fixture("red-3x2.png"), type: "text/plain", status: 415, message: /image itself/ },
    ];
    for (const c of cases) {
      const result = await upload(aliceBearer, "notes", new Blob([c.body]), { "content-type": c.type });
      expect(result.status, c.type).toBe(c.status);
      expect((result.body.error as { message: string }).message).toMatch(c.message);
    }
    expect(await db.cardImage.count()).toBe(0);
  });

  it("caps one image at 5 MiB while it streams (413), even without a Content-Length", async () => {
    const { db, aliceBearer } = await setUp();
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1024);
    big.set(fixture("red-3x2.png"));
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= big.length) return controller.close();
        controller.enqueue(big.subarray(pulled, pulled + 65536));
        pulled += 65536;
      },
    });
    const streamed = await upload(aliceBearer, "notes", stream);
    expect(streamed.status).toBe(413);
    expect((streamed.body.error as { message: string }).message).toContain("at most 5.0 MiB");
    const declared = await upload(aliceBearer, "notes", new Blob([fixture("red-3x2.png")]), { "content-length": String(MAX_IMAGE_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(await db.cardImage.count()).toBe(0);
  });

  it("caps what one user stores at 200 MiB (429, saying what is stored and what is needed)", async () => {
    const { db, alice, aliceBearer, bobBearer } = await setUp();
    const module = await db.module.findFirstOrThrow({ where: { scope: alice.id } });
    // A stand-in row whose recorded size fills the quota to 50 bytes short; the quota sums recorded sizes.
    await db.cardImage.create({
      data: {
        ownerId: alice.id,
        moduleId: module.id,
        sha256: "x".repeat(64),
        contentType: "image/png",
        byteSize: MAX_USER_IMAGE_BYTES - 50,
        bytes: new Uint8Array(1),
      },
    });
    const refused = await upload(aliceBearer, "notes", new Blob([fixture("red-3x2.png")]));
    expect(refused.status).toBe(429);
    expect((refused.body.error as { message: string }).message).toMatch(/of the 200\.0 MiB one account may store/);
    expect(await db.cardImage.count()).toBe(1);
    expect((await upload(bobBearer, "bobs", new Blob([fixture("red-3x2.png")]))).status).toBe(201);
  });

  it("takes images only into the uploader's own modules: 403 on the public course, 404 for another's", async () => {
    const { db, aliceBearer } = await setUp();
    await createModuleWithCards(db, { cards: 1, slug: "course" });
    expect((await upload(aliceBearer, "course", new Blob([fixture("red-3x2.png")]))).status).toBe(403);
    expect((await upload(aliceBearer, "bobs", new Blob([fixture("red-3x2.png")]))).status).toBe(404);
    expect(await db.cardImage.count()).toBe(0);
  });
});

describe("serving images", () => {
  beforeEach(resetDb);

  it("serves the owner the bytes with their type, nosniff, inline, a closed CSP and the SHA-256 as ETag; 304 on a match", async () => {
    const { aliceBearer } = await setUp();
    const stored = await upload(aliceBearer, "notes", new Blob([fixture("blue-5x4.jpg")]));
    const id = imageId(stored.body);
    const response = await fetchImage(id, { authorization: aliceBearer });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixture("blue-5x4.jpg"));
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await fetchImage(id, { authorization: aliceBearer, "if-none-match": etag })).status).toBe(304);
  });

  it("never gives one user's image to another, signed in or not, by any route; public modules' images to anyone signed in", async () => {
    const { db, alice, bob, aliceBearer, bobBearer } = await setUp();
    const stored = await upload(aliceBearer, "notes", new Blob([fixture("red-3x2.png")]));
    const id = imageId(stored.body);
    const note = randomUUID();
    const created = await cardsRoute.POST(
      new Request(`${ORIGIN}/api/cards`, {
        method: "POST",
        headers: { authorization: aliceBearer, "content-type": "application/json" },
        body: JSON.stringify({ id: note, module: "notes", draft: { kind: "basic", front: `See ![red](/api/images/${id})`, back: "Red" } }),
      }),
      undefined,
    );
    expect(created.status).toBe(201);

    expect((await fetchImage(id, { authorization: bobBearer })).status).toBe(404);
    expect((await fetchImage(id, {})).status).toBe(401);
    expect((await fetchImage(randomUUID(), { authorization: aliceBearer })).status).toBe(404);
    const bobReadsCard = await cardRoute.GET(new Request(`${ORIGIN}/api/cards/${note}`, { headers: { authorization: bobBearer } }), {
      params: Promise.resolve({ id: note }),
    });
    expect(bobReadsCard.status).toBe(404);
    expect(await bobReadsCard.text()).not.toContain(id);

    const course = await createModuleWithCards(db, { cards: 1, slug: "course" });
    const shared = await db.cardImage.create({
      data: { ownerId: alice.id, moduleId: course.moduleId, sha256: "f".repeat(64), contentType: "image/png", byteSize: 96, bytes: fixture("red-3x2.png") },
    });
    expect((await fetchImage(shared.id, { authorization: bobBearer })).status).toBe(200);
    expect(bob.id).not.toBe(alice.id);
  });
});
