// Hostile lab uploads on real Postgres, through the route: nesting far past
// the rank cap, an error that would echo a huge input, a body far past the
// element cap sent as a stream (refused long before it ends, and cancelled),
// and a .npy whose header alone is refused. Each answers 4xx and stores nothing.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as submissionsRoute from "@/app/api/labs/[slug]/submissions/route";
import { MAX_LAB_OUTPUT_ELEMENTS } from "@/lib/labs";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { LAB_SEED, LAB_SLUG, labRequest, params } from "../support/lab-fixtures";

const base = `/api/labs/${LAB_SLUG}`;

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

const post = (auth: string, body: Uint8Array | string) =>
  submissionsRoute.POST(labRequest(auth, `${base}/submissions?seed=${LAB_SEED}&id=${randomUUID()}`, { method: "POST", body }), params({ slug: LAB_SLUG }));

/** A body served in `chunkBytes` pieces by `next(i)`, counting what was pulled and whether it was cancelled. */
function countedStream(next: (i: number) => Uint8Array | null) {
  const state = { pulled: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = next(i++);
      if (!chunk) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const streamedPost = (auth: string, body: ReadableStream<Uint8Array>) =>
  submissionsRoute.POST(
    new Request(`http://localhost${base}/submissions?seed=${LAB_SEED}&id=${randomUUID()}`, {
      method: "POST",
      body,
      headers: { authorization: auth },
      duplex: "half",
    } as RequestInit & { duplex: "half" }),
    params({ slug: LAB_SLUG }),
  );

describe("hostile lab uploads", () => {
  beforeEach(resetDb);

  const deep = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`;
  const nesting = [
    { name: "nested arrays 20,000 deep", body: deep(20_000) },
    { name: "{shape, data} with data nested 20,000 deep", body: `{"shape": [1], "data": ${deep(20_000)}}` },
    { name: "an object nested 20,000 deep", body: `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}` },
  ];
  for (const c of nesting) {
    it(`refuses ${c.name} with a 422 naming the limit`, async () => {
      const { db, auth } = await learner();
      const response = await post(auth, c.body);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain("too many nested levels");
      expect(await db.labSubmission.count()).toBe(0);
    });
  }

  it("quotes a few dozen characters of a huge bad entry, once", async () => {
    const { auth } = await learner();
    const huge = `["${"x".repeat(4 << 20)}"]`;
    const response = await post(auth, huge);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    const { error } = JSON.parse(text) as { error: { message: string } };
    expect(error.message).toContain(`the entry at [0] is "${"x".repeat(40)}…"`);
    expect(text.split("the entry at [0]").length - 1).toBe(1);
  });

  it("refuses a streamed JSON body as soon as it passes the element cap, and cancels it", async () => {
    const { db, auth } = await learner();
    const piece = new TextEncoder().encode("0,".repeat(32 * 1024));
    const { stream, state } = countedStream((i) => (i === 0 ? new TextEncoder().encode("[") : i < 500 ? piece : null));
    const response = await streamedPost(auth, stream);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("too many elements");
    // 1,048,577 elements are 2 MiB of "0,"; a whole-body reader would pull all 32 MiB first.
    expect(state.pulled).toBeLessThan(4 << 20);
    expect(state.cancelled).toBe(true);
    expect(await db.labSubmission.count()).toBe(0);
  });

  it("refuses a .npy from its header, before the data arrives", async () => {
    const { db, auth } = await learner();
    const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${MAX_LAB_OUTPUT_ELEMENTS + 1},), }`;
    const header = `${dict}${" ".repeat((64 - ((11 + dict.length) % 64)) % 64)}\n`;
    const head = new Uint8Array(10 + header.length);
    head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    new DataView(head.buffer).setUint16(8, header.length, true);
    head.set(new TextEncoder().encode(header), 10);
    const zeros = new Uint8Array(1 << 20);
    const { stream, state } = countedStream((i) => (i === 0 ? head : i < 9 ? zeros : null));
    const response = await streamedPost(auth, stream);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("too many elements");
    expect(state.pulled).toBeLessThan(2 << 20);
    expect(state.cancelled).toBe(true);
    expect(await db.labSubmission.count()).toBe(0);
  });
});
