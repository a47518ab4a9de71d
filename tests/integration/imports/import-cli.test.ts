// `residual import` against the real route handler and database: a fetch
// that dispatches to POST /api/imports, files kept in memory.
import { beforeEach, describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/imports/route";
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
      if (init.method === "POST" && new URL(url).pathname === "/api/imports") return importsRoute.POST(new Request(url, init), undefined);
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
      sleep: async () => undefined,
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
