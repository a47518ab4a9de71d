// `residual import` against the real route handlers and database: a fetch
// that dispatches to POST /api/imports and GET /api/imports/{id}, files kept
// in memory, and a sleep that runs the import worker's step (so an Anki job
// moves on between two polls).
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { runNextImportJob } from "@/lib/imports/jobs/run-import-job";
import { beforeEach, describe, expect, it } from "vitest";
import * as jobRoute from "@/app/api/imports/[id]/route";
import * as importsRoute from "@/app/api/imports/route";
import { sampleCollection } from "../../unit/anki/support/sample-collection";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli } from "@/scripts/cli/run";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const NOTES = "# Attention\n\n**1. Why scale by √d_k?**\n\nKeeps the logits small.\n\n**2. Why a mask**\n\n## Next\n";

function cli(token: string, files: Record<string, Uint8Array | string>, reachable = true) {
  const out: string[] = [];
  const err: string[] = [];
  const deps = {
    env: { RESIDUAL_URL: "http://imports.test", RESIDUAL_TOKEN: token },
    fetch: async (url: string, init: RequestInit) => {
      if (!reachable) throw new TypeError("fetch failed");
      const path = new URL(url).pathname;
      if (init.method === "POST" && path === "/api/imports") return importsRoute.POST(new Request(url, init), undefined);
      const job = /^\/api\/imports\/([^/]+)$/.exec(path);
      if (init.method === "GET" && job) return jobRoute.GET(new Request(url, init), { params: Promise.resolve({ id: job[1] ?? "" }) });
      return new Response("no route", { status: 404 });
    },
    readFile: async () => "",
    newId: () => crypto.randomUUID(),
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lab: {
      readBytes: async (path: string) => {
        const file = files[path];
        if (file === undefined) throw new Error("ENOENT: no such file");
        return typeof file === "string" ? new TextEncoder().encode(file) : file;
      },
      writeBytes: async () => undefined,
      sleep: async () => {
        await runNextImportJob(testDb(), { now: () => new Date(), ms: () => performance.now() });
      },
    },
  };
  return { run: (...argv: string[]) => runCli(argv, deps), out, err };
}

describe("residual import", () => {
  beforeEach(resetDb);

  it("prints the preview on --dry-run, then imports, with the unread line and its number", async () => {
    const db = testDb();
    const user = await createUser(db);
    const token = (await bearerFor(db, user.id)).slice("Bearer ".length);
    const dry = cli(token, { "notes.md": NOTES });
    expect(await dry.run("import", "notes.md", "--module", "attention", "--dry-run")).toBe(EXIT.ok);
    expect(dry.out).toEqual(
      expect.arrayContaining([
        "Attention (attention, markdown): would import (dry run, nothing written)",
        "cards: 1 new, 0 updated, 0 restored, 0 unchanged, 0 archived",
        "  line 3: Why scale by √d_k?",
        "  line 7: numbered question without an answer below it — **2. Why a mask**",
      ]),
    );
    expect(await db.card.count()).toBe(0);

    const real = cli(token, { "notes.md": NOTES });
    expect(await real.run("import", "notes.md", "--module", "attention", "--title", "My attention notes")).toBe(EXIT.ok);
    expect(real.out[0]).toBe("My attention notes (attention, markdown): imported");
    expect(real.out.at(-1)).toBe("review them: http://imports.test/review");
    expect(await db.card.count({ where: { module: { scope: user.id } } })).toBe(1);
  });

  it("follows an Anki package's job, with its progress on stderr, to the same report", async () => {
    const db = testDb();
    const user = await createUser(db);
    const token = (await bearerFor(db, user.id)).slice("Bearer ".length);
    const apkg = await writeAnkiPackage(sampleCollection(), new Date("2025-03-01T09:00:00Z"));
    const dry = cli(token, { "deck.apkg": apkg });
    expect(await dry.run("import", "deck.apkg", "--dry-run")).toBe(EXIT.ok);
    expect(dry.err[0]).toMatch(/^import [0-9a-f-]{36}: waiting for the importer$/);
    expect(dry.out).toEqual(
      expect.arrayContaining([expect.stringMatching(/would import \(dry run, nothing written\)$/), expect.stringMatching(/^review history: \d+ reviews/)]),
    );
    expect(await db.module.count({ where: { scope: user.id } })).toBe(0);

    const real = cli(token, { "deck.apkg": apkg });
    expect(await real.run("import", "deck.apkg")).toBe(EXIT.ok);
    expect(real.out.at(-1)).toBe("review them: http://imports.test/review");
    expect(await db.module.count({ where: { scope: user.id } })).toBeGreaterThan(1);
    // The commit's upload is gone; the dry run's is kept (24 h) for a commit from the page.
    expect(await db.importUploadChunk.count({ where: { job: { dryRun: false } } })).toBe(0);

    const broken = cli(token, { "broken.apkg": apkg.slice(0, 1000) });
    expect(await broken.run("import", "broken.apkg")).toBe(EXIT.usage);
    expect(broken.err.join("\n")).toMatch(/not a zip archive, or it is truncated/);
  });

  it("exits 2 on bad input and 3 when the server cannot be reached", async () => {
    const db = testDb();
    const user = await createUser(db);
    const token = (await bearerFor(db, user.id)).slice("Bearer ".length);
    const c = cli(token, { "latin1.csv": Uint8Array.from([0xe9, 0x2c, 0x62]) });
    expect(await c.run("import", "notes.md")).toBe(EXIT.usage);
    expect(await c.run("import", "missing.md", "--module", "m")).toBe(EXIT.usage);
    expect(await c.run("import", "latin1.csv", "--module", "m")).toBe(EXIT.usage);
    expect(c.err.join("\n")).toMatch(/"latin1\.csv" is not UTF-8 text/);
    expect(await cli(token, { "notes.md": NOTES }, false).run("import", "notes.md", "--module", "m")).toBe(EXIT.unavailable);
  });
});
