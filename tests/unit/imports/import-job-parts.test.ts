// The pure parts of Anki import jobs: the zip-end check an upload must
// pass, the progress writer's throttle (one write at a time, at most one per
// interval, the latest report written last), the first bytes of a body read
// without losing them, and the CLI's progress line.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { endsLikeZip, ZIP_END_MAX_BYTES } from "@/lib/anki/zip-end";
import { peekStream } from "@/lib/http/peek-stream";
import { readCappedStream } from "@/lib/http/read-capped-body";
import { progressWriter, type ImportProgress } from "@/lib/imports/jobs/progress-writer";
import { progressLine } from "@/scripts/cli/import-render";

const zip = zipSync({ "a.txt": new Uint8Array([1, 2, 3]) });

describe("endsLikeZip", () => {
  const withComment = (comment: number) => {
    const bytes = new Uint8Array(22 + comment);
    bytes.set([0x50, 0x4b, 0x05, 0x06]);
    bytes[20] = comment & 0xff;
    bytes[21] = comment >> 8;
    return bytes;
  };
  it.each([
    { name: "a real zip", bytes: zip, ends: true },
    { name: "an empty zip's end record", bytes: withComment(0), ends: true },
    { name: "an end record with the longest comment", bytes: withComment(0xffff), ends: true },
    { name: "a zip cut short by a byte", bytes: zip.slice(0, -1), ends: false },
    { name: "a zip with a byte after it", bytes: new Uint8Array([...zip, 0]), ends: false },
    { name: "a local header only", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), ends: false },
    { name: "nothing", bytes: new Uint8Array(), ends: false },
  ])("$name → $ends", ({ bytes, ends }) => {
    expect(endsLikeZip(bytes.subarray(Math.max(0, bytes.length - ZIP_END_MAX_BYTES)))).toBe(ends);
  });
});

describe("progressWriter", () => {
  it("writes the first report at once, one write at a time, then the latest after the interval, and the last on flush", async () => {
    let clock = 0;
    const written: ImportProgress[] = [];
    const pending: (() => void)[] = [];
    const writer = progressWriter(
      (p) => {
        written.push(p);
        return new Promise((resolve) => pending.push(resolve));
      },
      () => clock,
      250,
    );
    writer.report("converting", 1, 100);
    writer.report("converting", 2, 100);
    expect(written).toEqual([{ phase: "converting", done: 1, total: 100 }]);
    clock = 300;
    writer.report("converting", 3, 100);
    expect(written).toHaveLength(1);
    pending.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
    writer.report("converting", 4, 100);
    expect(written.at(-1)).toEqual({ phase: "converting", done: 4, total: 100 });
    clock = 400;
    writer.report("writing", 5, 9);
    expect(written).toHaveLength(2);
    const flushed = writer.flush();
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending.shift()?.();
    await flushed;
    expect(written.at(-1)).toEqual({ phase: "writing", done: 5, total: 9 });
    expect(written).toHaveLength(3);
  });

  it("carries on when a write fails", async () => {
    const writer = progressWriter(
      () => Promise.reject(new Error("database gone")),
      () => 0,
    );
    writer.report("reading", 0, 4);
    await expect(writer.flush()).resolves.toBeUndefined();
  });
});

describe("peekStream", () => {
  const streamOf = (pieces: number[][]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(new Uint8Array(piece));
        controller.close();
      },
    });
  it.each([
    { name: "pieces smaller than the look", pieces: [[1], [2, 3], [4, 5, 6]], head: [1, 2, 3, 4, 5, 6] },
    { name: "one piece", pieces: [[1, 2, 3, 4, 5]], head: [1, 2, 3, 4, 5] },
    { name: "a body shorter than the look", pieces: [[1, 2]], head: [1, 2] },
    { name: "an empty body", pieces: [], head: [] },
  ])("$name: the head, and every byte again", async ({ pieces, head }) => {
    const peeked = await peekStream(streamOf(pieces), 4);
    expect([...peeked.head]).toEqual(head);
    expect([...(await readCappedStream(peeked.stream, 100, "too large"))]).toEqual(pieces.flat());
  });
});

describe("progressLine", () => {
  const job = { id: "j", status: "RUNNING" as const, result: null, error: null, location: "/api/imports/j" };
  it.each([
    { progress: { phase: "converting", done: 2500, total: 10000 }, line: "import j: converting 2500 of 10000 notes (25%)" },
    { progress: { phase: "writing", done: 0, total: 0 }, line: "import j: writing 0 of 0 cards" },
    { progress: null, line: "import j: starting" },
  ])("$line", ({ progress, line }) => {
    expect(progressLine({ ...job, progress })).toBe(line);
  });
  it("says a queued job waits", () => {
    expect(progressLine({ ...job, status: "QUEUED", progress: null })).toBe("import j: waiting for the importer");
  });
});
