// The labs API on real Postgres: catalogue, view and downloads; submissions
// stored once under a retried id; uploads refused with their messages and
// nothing stored; someone else's submission reads as missing.
import { randomUUID } from "node:crypto";
import { unzipSync, zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import * as catalogueRoute from "@/app/api/labs/route";
import * as viewRoute from "@/app/api/labs/[slug]/route";
import * as jsonRoute from "@/app/api/labs/[slug]/inputs.json/route";
import * as npzRoute from "@/app/api/labs/[slug]/inputs.npz/route";
import * as npyRoute from "@/app/api/labs/[slug]/inputs/[file]/route";
import * as submissionsRoute from "@/app/api/labs/[slug]/submissions/route";
import * as submissionRoute from "@/app/api/labs/[slug]/submissions/[id]/route";
import { labInputs, MAX_LAB_OUTPUT_ELEMENTS } from "@/lib/labs";
import { decodeNpy, encodeNpy } from "@/lib/labs/tensor-file";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { correctFile, LAB_SEED, LAB_SLUG, labOrThrow, labRequest, params } from "../support/lab-fixtures";

const base = `/api/labs/${LAB_SLUG}`;
const submit = (auth: string, file: Uint8Array | string, query = `seed=${LAB_SEED}&id=${randomUUID()}`, headers: Record<string, string> = {}) =>
  submissionsRoute.POST(labRequest(auth, `${base}/submissions?${query}`, { method: "POST", body: file, headers }), params({ slug: LAB_SLUG }));

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

describe("labs API", () => {
  beforeEach(resetDb);

  it("lists the catalogue, serves a lab view and its inputs as JSON, .npz and .npy", async () => {
    const { auth } = await learner();
    const list = (await (await catalogueRoute.GET(labRequest(auth, "/api/labs"), undefined)).json()) as { labs: { slug: string; last: unknown }[] };
    expect(list.labs.find((l) => l.slug === LAB_SLUG)).toMatchObject({ last: null });

    const view = await (await viewRoute.GET(labRequest(auth, `${base}?seed=${LAB_SEED}`), params({ slug: LAB_SLUG }))).json();
    expect(view).toMatchObject({ slug: LAB_SLUG, seed: LAB_SEED });
    const inputs = labInputs(labOrThrow(), LAB_SEED);

    const json = await jsonRoute.GET(labRequest(auth, `${base}/inputs.json?seed=${LAB_SEED}`), params({ slug: LAB_SLUG }));
    expect(json.headers.get("content-disposition")).toContain(`${LAB_SLUG}-seed${LAB_SEED}-inputs.json`);
    const bundle = (await json.json()) as { conventions: string[]; inputs: Record<string, { shape: number[]; data: number[] }> };
    expect(bundle.conventions).toEqual(view.conventions);
    for (const { name, tensor } of inputs) expect(bundle.inputs[name]).toEqual({ shape: tensor.shape, data: Array.from(tensor.data) });

    const npz = new Uint8Array(await (await npzRoute.GET(labRequest(auth, `${base}/inputs.npz?seed=${LAB_SEED}`), params({ slug: LAB_SLUG }))).arrayBuffer());
    expect(Array.from(npz.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const members = unzipSync(npz);
    expect(Object.keys(members)).toEqual([...inputs.map((i) => `${i.name}.npy`), "conventions.npy"]);
    for (const { name, tensor } of inputs) expect(members[`${name}.npy`]).toEqual(encodeNpy(tensor, "<f8"));
    const first = inputs[0];
    if (!first) throw new Error("lab without inputs");
    const npy = await npyRoute.GET(
      labRequest(auth, `${base}/inputs/${first.name}.npy?seed=${LAB_SEED}`),
      params({ slug: LAB_SLUG, file: `${first.name}.npy` }),
    );
    const decoded = decodeNpy(new Uint8Array(await npy.arrayBuffer()), MAX_LAB_OUTPUT_ELEMENTS);
    expect(decoded).toEqual({ ok: true, tensor: first.tensor });

    const missingInput = await npyRoute.GET(labRequest(auth, `${base}/inputs/nope.npy?seed=1`), params({ slug: LAB_SLUG, file: "nope.npy" }));
    expect(missingInput.status).toBe(404);
    const noSeed = await jsonRoute.GET(labRequest(auth, `${base}/inputs.json`), params({ slug: LAB_SLUG }));
    expect(noSeed.status).toBe(422);
    const missingLab = await viewRoute.GET(labRequest(auth, "/api/labs/nope?seed=1"), params({ slug: "nope" }));
    expect(missingLab.status).toBe(404);
  });

  it("queues a submission once under a retried id and shows it only to its owner", async () => {
    const { db, user, auth } = await learner();
    const id = randomUUID();
    const file = await correctFile("npy");
    const first = await submit(auth, file, `seed=${LAB_SEED}&id=${id}`);
    expect(first.status).toBe(202);
    expect(first.headers.get("location")).toBe(`${base}/submissions/${id}`);
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({ id, status: "QUEUED", format: "npy", queuedAhead: 0, stored: true, duplicate: false });

    const retry = await submit(auth, file, `seed=${LAB_SEED}&id=${id}`);
    expect(retry.status).toBe(202);
    expect(await retry.json()).toMatchObject({ id, status: "QUEUED", stored: true, duplicate: true });
    const rows = await db.labSubmission.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ labSlug: LAB_SLUG, seed: LAB_SEED, status: "QUEUED", attempts: 0 });

    const own = await submissionRoute.GET(labRequest(auth, `${base}/submissions/${id}`), params({ slug: LAB_SLUG, id }));
    const polled = await own.json();
    expect(polled).toMatchObject({ id, status: "QUEUED", result: null });
    // One shape: what the upload answered is what the poll answers, less the upload's own two fields.
    expect(Object.keys(polled).sort()).toEqual(
      Object.keys(firstBody)
        .filter((k) => k !== "stored" && k !== "duplicate")
        .sort(),
    );
    const history = (await (await submissionsRoute.GET(labRequest(auth, `${base}/submissions`), params({ slug: LAB_SLUG }))).json()) as {
      submissions: { id: string }[];
    };
    expect(history.submissions.map((s) => s.id)).toEqual([id]);

    const other = await learner();
    const theirs = await submissionRoute.GET(labRequest(other.auth, `${base}/submissions/${id}`), params({ slug: LAB_SLUG, id }));
    expect(theirs.status).toBe(404);
    const theirHistory = (await (await submissionsRoute.GET(labRequest(other.auth, `${base}/submissions`), params({ slug: LAB_SLUG }))).json()) as {
      submissions: unknown[];
    };
    expect(theirHistory.submissions).toEqual([]);
    const stolenId = await submit(other.auth, file, `seed=${LAB_SEED}&id=${id}`);
    expect(stolenId.status).toBe(409);
  });

  it("numbers uploads per learner, lab and seed; a retried id keeps its number", async () => {
    const { auth } = await learner();
    const file = await correctFile("npy");
    const upload = async (query: string) => (await (await submit(auth, file, query)).json()) as { id: string; upload: number };
    const firstId = randomUUID();
    const first = await upload(`seed=${LAB_SEED}&id=${firstId}`);
    const second = await upload(`seed=${LAB_SEED}&id=${randomUUID()}`);
    const otherSeed = await upload(`seed=${LAB_SEED + 1}&id=${randomUUID()}`);
    const retried = await upload(`seed=${LAB_SEED}&id=${firstId}`);
    expect([first.upload, second.upload, otherSeed.upload, retried.upload]).toEqual([1, 2, 1, 1]);

    const someoneElse = await learner();
    const theirs = (await (await submit(someoneElse.auth, file)).json()) as { upload: number };
    expect(theirs.upload).toBe(1);

    const polled = await submissionRoute.GET(labRequest(auth, `${base}/submissions/${second.id}`), params({ slug: LAB_SLUG, id: second.id }));
    expect(await polled.json()).toMatchObject({ upload: 2 });
    const history = (await (await submissionsRoute.GET(labRequest(auth, `${base}/submissions`), params({ slug: LAB_SLUG }))).json()) as {
      submissions: { id: string; upload: number }[];
    };
    expect(new Map(history.submissions.map((s) => [s.id, s.upload]))).toEqual(
      new Map([
        [first.id, 1],
        [second.id, 2],
        [otherSeed.id, 1],
      ]),
    );
  });

  const big = MAX_LAB_OUTPUT_ELEMENTS + 1;
  const refusals: { name: string; file: () => Uint8Array | string; status: number; message: string; headers?: Record<string, string> }[] = [
    { name: "a Fortran-order .npy", file: () => fortranNpy(), status: 422, message: "Fortran order" },
    {
      name: "a big-endian .npy",
      file: () => encodeNpy({ shape: [1], data: Float64Array.of(1) }).map((b, i, a) => (i === indexOf(a, "<f8") ? 0x3e : b)),
      status: 422,
      message: "big-endian",
    },
    {
      name: "a .npy with too few bytes",
      file: () => encodeNpy({ shape: [4], data: Float64Array.of(1, 2, 3, 4) }).slice(0, -8),
      status: 422,
      message: "wrong element count",
    },
    { name: "a .npy declaring too many elements", file: () => headerOnlyNpy(`(${big},)`), status: 422, message: "too many elements" },
    { name: "ragged JSON", file: () => "[[1, 2], [3]]", status: 422, message: "Could not read the JSON file: ragged arrays" },
    {
      name: "an .npz holding two arrays",
      file: () => zipSync({ "x.npy": encodeNpy({ shape: [1], data: Float64Array.of(1) }), "y.npy": encodeNpy({ shape: [1], data: Float64Array.of(2) }) }),
      status: 422,
      message: "holds more than one array",
    },
    { name: "an .npz whose member is not .npy", file: () => zipSync({ "y.txt": new Uint8Array(8) }), status: 422, message: "is not a .npy array" },
    { name: "JSON with null", file: () => "[1, null]", status: 422, message: 'use a number or "NaN"' },
    { name: "an empty body", file: () => "", status: 422, message: "not valid JSON" },
    {
      name: "a declared Content-Length over the cap",
      file: () => "[1]",
      headers: { "content-length": String(10 ** 10) },
      status: 413,
      message: "The upload is larger than",
    },
    {
      name: "a streamed body over the cap",
      file: () => new Uint8Array(MAX_LAB_OUTPUT_ELEMENTS * 32 + 64 * 1024 + 1),
      status: 413,
      message: "a lab output holds at most",
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} and stores nothing`, async () => {
      const { db, auth } = await learner();
      const response = await submit(auth, r.file(), undefined, r.headers);
      expect(response.status).toBe(r.status);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain(r.message);
      expect(await db.labSubmission.count()).toBe(0);
    });
  }

  it("stops reading a body without Content-Length as soon as it passes the cap", async () => {
    const { db, auth } = await learner();
    let pulled = 0;
    // Whitespace: valid JSON however long, so only the byte cap can stop it.
    const chunk = new Uint8Array(1 << 20).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://localhost${base}/submissions?seed=${LAB_SEED}`, {
      method: "POST",
      body: endless,
      headers: { authorization: auth },
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const response = await submissionsRoute.POST(request, params({ slug: LAB_SLUG }));
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_LAB_OUTPUT_ELEMENTS * 32 + 8 * (1 << 20));
    expect(await db.labSubmission.count()).toBe(0);
  });

  it("refuses a bad seed, a bad id and an unknown lab before reading the file", async () => {
    const { db, auth } = await learner();
    expect((await submit(auth, "[1]", "seed=-1")).status).toBe(422);
    expect((await submit(auth, "[1]", `seed=1&id=not-a-uuid`)).status).toBe(422);
    const unknown = await submissionsRoute.POST(
      new Request("http://localhost/api/labs/nope/submissions?seed=1", {
        method: "POST",
        body: unreadBody(),
        headers: { authorization: auth },
        duplex: "half",
      } as RequestInit & { duplex: "half" }),
      params({ slug: "nope" }),
    );
    expect(unknown.status).toBe(404);
    expect(await db.labSubmission.count()).toBe(0);
  });

  it("answers a retried id without reading its file again", async () => {
    const { auth } = await learner();
    const id = randomUUID();
    expect((await submit(auth, await correctFile("npy"), `seed=${LAB_SEED}&id=${id}`)).status).toBe(202);
    const retry = await submissionsRoute.POST(
      new Request(`http://localhost${base}/submissions?seed=${LAB_SEED}&id=${id}`, {
        method: "POST",
        body: unreadBody(),
        headers: { authorization: auth },
        duplex: "half",
      } as RequestInit & { duplex: "half" }),
      params({ slug: LAB_SLUG }),
    );
    expect(retry.status).toBe(202);
    expect(await retry.json()).toMatchObject({ id, stored: true, duplicate: true });
  });
});

/** A body that fails the request if anything reads it. */
function unreadBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull() {
      throw new Error("the body was read");
    },
  });
}

function indexOf(bytes: Uint8Array, text: string): number {
  return new TextDecoder("latin1").decode(bytes).indexOf(text);
}

function fortranNpy(): Uint8Array {
  const bytes = encodeNpy({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) });
  const at = indexOf(bytes, "False");
  // "True " keeps the header length; the trailing space is padding.
  bytes.set(new TextEncoder().encode("True "), at);
  return bytes;
}

/** A .npy whose header declares `shape` but carries only 8 bytes of data. */
function headerOnlyNpy(shape: string): Uint8Array {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
  const header = `${dict}${" ".repeat((64 - ((11 + dict.length) % 64)) % 64)}\n`;
  const out = new Uint8Array(10 + header.length + 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  return out;
}
