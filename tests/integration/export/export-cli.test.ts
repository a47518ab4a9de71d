// `residual export` against the real route handler and database: a fetch
// that dispatches to GET /api/modules/{slug}/export, files kept in memory.
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/modules/[slug]/export/route";
import { importModule } from "@/lib/content/import-module";
import { parseModuleSource } from "@/lib/content/parse-module";
import { parseCsv } from "@/lib/export/csv";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli } from "@/scripts/cli/run";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const NOTES = "# Attention\n\nQ: Why scale by √d_k?\nA: Keeps the logits small.\n\nQ: =SUM(A1)?\nA: Data, not a formula.\n";

function cli(token: string) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const deps = {
    env: { RESIDUAL_URL: "http://export.test", RESIDUAL_TOKEN: token },
    fetch: async (url: string, init: RequestInit) => {
      const slug = /^\/api\/modules\/([^/]+)\/export$/.exec(new URL(url).pathname)?.[1];
      if (init.method === "GET" && slug) return exportRoute.GET(new Request(url, init), { params: Promise.resolve({ slug }) });
      return new Response("no route", { status: 404 });
    },
    readFile: async () => "",
    newId: () => crypto.randomUUID(),
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lab: {
      readBytes: async () => new Uint8Array(),
      writeBytes: async (path: string, bytes: Uint8Array) => {
        written.set(path, bytes);
      },
      sleep: async () => undefined,
    },
  };
  return { run: (...argv: string[]) => runCli(argv, deps), out, err, written };
}

describe("residual export", () => {
  beforeEach(resetDb);

  it("saves the module folder as a zip and the cards as CSV", async () => {
    const db = testDb();
    const user = await createUser(db);
    const token = (await bearerFor(db, user.id)).slice("Bearer ".length);
    const source = { manifest: { slug: "attention", title: "Attention" }, files: [{ name: "notes.md", text: NOTES }] };
    await importModule(db, parseModuleSource(source), { scope: user.id, ownerId: user.id }, new Date());

    const zip = cli(token);
    expect(await zip.run("export", "attention", "--out", "downloads")).toBe(EXIT.ok);
    expect(zip.out[0]).toMatch(/^saved downloads\/attention\.zip \(\d+ bytes\)$/);
    const members = unzipSync(zip.written.get("downloads/attention.zip") ?? new Uint8Array());
    expect(JSON.parse(strFromU8(members["attention/module.json"] ?? new Uint8Array()))).toMatchObject({ slug: "attention", title: "Attention" });

    const csv = cli(token);
    expect(await csv.run("export", "attention", "--format", "csv")).toBe(EXIT.ok);
    const rows = parseCsv(strFromU8(csv.written.get("attention.csv") ?? new Uint8Array()));
    expect(rows).toEqual([
      ["front", "back", "tags"],
      ["Why scale by √d_k?", "Keeps the logits small.", ""],
      ["'=SUM(A1)?", "Data, not a formula.", ""],
    ]);
  });

  it("says when the module is not there, and refuses a bad format before calling the server", async () => {
    const db = testDb();
    const user = await createUser(db);
    const token = (await bearerFor(db, user.id)).slice("Bearer ".length);
    const missing = cli(token);
    expect(await missing.run("export", "nobody-s-module")).toBe(EXIT.usage);
    expect(missing.err.join("\n")).toContain("not found");
    expect(missing.written.size).toBe(0);

    const bad = cli(token);
    expect(await bad.run("export", "attention", "--format", "pdf")).toBe(EXIT.usage);
    expect(bad.err.join("\n")).toContain("--format is md, csv or apkg");
  });
});
