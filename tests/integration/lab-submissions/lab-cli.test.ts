// The command-line client's `lab` commands against the real route handlers
// and database: a fetch that dispatches to app/api/labs/*, a worker step in
// place of sleeping, and files kept in memory.
import { beforeEach, describe, expect, it } from "vitest";
import * as catalogueRoute from "@/app/api/labs/route";
import * as viewRoute from "@/app/api/labs/[slug]/route";
import * as jsonRoute from "@/app/api/labs/[slug]/inputs.json/route";
import * as npzRoute from "@/app/api/labs/[slug]/inputs.npz/route";
import * as npyRoute from "@/app/api/labs/[slug]/inputs/[file]/route";
import * as submissionsRoute from "@/app/api/labs/[slug]/submissions/route";
import * as submissionRoute from "@/app/api/labs/[slug]/submissions/[id]/route";
import { gradeNextSubmission } from "@/lib/labs/submissions/work-queue";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli } from "@/scripts/cli/run";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { buggyFile, correctFile, LAB_SEED, LAB_SLUG } from "../support/lab-fixtures";
import { catalogue } from "@/exercises/catalogue";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [string, RegExp, Handler, string[]][] = [
  ["GET", /^\/api\/labs$/, catalogueRoute.GET as Handler, []],
  ["GET", /^\/api\/labs\/([^/]+)$/, viewRoute.GET as Handler, ["slug"]],
  ["GET", /^\/api\/labs\/([^/]+)\/inputs\.json$/, jsonRoute.GET as Handler, ["slug"]],
  ["GET", /^\/api\/labs\/([^/]+)\/inputs\.npz$/, npzRoute.GET as Handler, ["slug"]],
  ["GET", /^\/api\/labs\/([^/]+)\/inputs\/([^/]+)$/, npyRoute.GET as Handler, ["slug", "file"]],
  ["POST", /^\/api\/labs\/([^/]+)\/submissions$/, submissionsRoute.POST as Handler, ["slug"]],
  ["GET", /^\/api\/labs\/([^/]+)\/submissions\/([^/]+)$/, submissionRoute.GET as Handler, ["slug", "id"]],
];

function setup(token: string, options: { worker?: boolean; dropFirstPost?: boolean } = {}) {
  const files = new Map<string, Uint8Array>();
  const out: string[] = [];
  const err: string[] = [];
  let posts = 0;
  const deps = {
    env: { RESIDUAL_URL: "http://labs.test", RESIDUAL_TOKEN: token },
    fetch: async (url: string, init: RequestInit) => {
      const { pathname } = new URL(url);
      const method = init.method ?? "GET";
      if (method === "POST" && options.dropFirstPost && posts++ === 0) throw new TypeError("fetch failed");
      for (const [m, pattern, handler, names] of ROUTES) {
        const match = m === method ? pattern.exec(pathname) : null;
        if (!match) continue;
        const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")]));
        return handler(new Request(url, init), { params: Promise.resolve(params) });
      }
      return new Response("no route", { status: 404 });
    },
    readFile: async () => "",
    newId: () => crypto.randomUUID(),
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lab: {
      readBytes: async (path: string) => {
        const file = files.get(path);
        if (!file) throw new Error("ENOENT: no such file");
        return file;
      },
      writeBytes: async (path: string, bytes: Uint8Array) => void files.set(path, bytes),
      // Where a person waits, a worker grades: one queue step per poll.
      sleep: async () => void (options.worker === false ? undefined : await gradeNextSubmission(testDb(), catalogue, () => new Date())),
    },
  };
  return { deps, files, out, err };
}

async function learnerToken(): Promise<string> {
  const db = testDb();
  const user = await createUser(db);
  return (await bearerFor(db, user.id)).slice("Bearer ".length);
}

describe("residual lab …", () => {
  beforeEach(resetDb);

  it("lists labs and shows one lab's conventions", async () => {
    const cli = setup(await learnerToken());
    expect(await runCli(["lab", "list"], cli.deps)).toBe(EXIT.ok);
    expect(cli.out.join("\n")).toContain(LAB_SLUG);
    expect(await runCli(["lab", "show", LAB_SLUG, "--seed", String(LAB_SEED)], cli.deps)).toBe(EXIT.ok);
    expect(cli.out.join("\n")).toMatch(/conventions:[\s\S]*inputs:[\s\S]*output \(submit this\)/);
  });

  const fetches = [
    { format: "npz", files: [`out/${LAB_SLUG}-seed${LAB_SEED}-inputs.npz`], magic: [0x50, 0x4b] },
    { format: "json", files: [`out/${LAB_SLUG}-seed${LAB_SEED}-inputs.json`], magic: [0x7b] },
    { format: "npy", files: ["x", "gamma", "beta"].map((n) => `out/${LAB_SLUG}-seed${LAB_SEED}-${n}.npy`), magic: [0x93, 0x4e] },
  ];
  for (const f of fetches) {
    it(`fetches the inputs as ${f.format}`, async () => {
      const cli = setup(await learnerToken());
      expect(await runCli(["lab", "fetch", LAB_SLUG, "--seed", String(LAB_SEED), "--format", f.format, "--out", "out"], cli.deps)).toBe(EXIT.ok);
      expect([...cli.files.keys()]).toEqual(f.files);
      for (const bytes of cli.files.values()) expect(Array.from(bytes.subarray(0, f.magic.length))).toEqual(f.magic);
    });
  }

  it("submits a correct file and a buggy one, waits, and exits 0 and 1 with the bug named", async () => {
    const cli = setup(await learnerToken());
    cli.files.set("y.npy", await correctFile("npy"));
    const bug = await buggyFile();
    cli.files.set("bug.npy", bug.file);
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", String(LAB_SEED), "y.npy"], cli.deps)).toBe(EXIT.ok);
    expect(cli.out.join("\n")).toContain("✓ passed");
    expect(cli.out.join("\n")).toMatch(
      /verdict: np\.allclose\(yours, expected, rtol=0\.001, atol=0\.0001\); worst element \[\d+, \d+\] at [\d.]+% of its allowance/,
    );
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", String(LAB_SEED), "bug.npy"], cli.deps)).toBe(EXIT.notCorrect);
    expect(cli.out.join("\n")).toContain(`bug [${bug.code}]`);
    expect(cli.out.join("\n")).toMatch(/worst element \[\d+, \d+\] at [\d.]+× its allowance/);
  });

  it("retries an upload the network dropped under the same id, so it is stored once", async () => {
    const cli = setup(await learnerToken(), { dropFirstPost: true });
    cli.files.set("y.json", await correctFile("json"));
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", String(LAB_SEED), "y.json"], cli.deps)).toBe(EXIT.ok);
    expect(await testDb().labSubmission.count()).toBe(1);
  });

  it("exits 2 on a file the server refuses, 3 when grading outlasts --timeout", async () => {
    const cli = setup(await learnerToken(), { worker: false });
    cli.files.set("bad.json", new TextEncoder().encode("[[1, 2], [3]]"));
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", "1", "bad.json"], cli.deps)).toBe(EXIT.usage);
    expect(cli.err.join("\n")).toContain("ragged arrays");
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", "1", "missing.npy"], cli.deps)).toBe(EXIT.usage);
    expect(cli.err.join("\n")).toContain("cannot read missing.npy");
    cli.files.set("y.npy", await correctFile("npy"));
    expect(await runCli(["lab", "submit", LAB_SLUG, "--seed", String(LAB_SEED), "y.npy", "--timeout", "2"], cli.deps)).toBe(EXIT.unavailable);
    expect(cli.out.join("\n")).toMatch(/still queued after 2 s\ncheck later: npm run -s residual -- lab result layernorm-forward [0-9a-f-]{36}/);
  });

  const usages = [
    { name: "no subcommand", argv: ["lab"], message: "needs a subcommand" },
    { name: "fetch without a seed", argv: ["lab", "fetch", LAB_SLUG], message: "needs --seed N" },
    { name: "an unknown format", argv: ["lab", "fetch", LAB_SLUG, "--seed", "1", "--format", "csv"], message: "--format is npz, json or npy" },
    { name: "submit without a file", argv: ["lab", "submit", LAB_SLUG, "--seed", "1"], message: "one file" },
    { name: "lab options on another command", argv: ["exercises", "--format", "npz"], message: "belong to `lab` and `export` commands" },
  ];
  for (const u of usages) {
    it(`exits 2 with usage on ${u.name}`, async () => {
      const cli = setup("rsd_unused");
      expect(await runCli(u.argv, cli.deps)).toBe(EXIT.usage);
      expect(cli.err.join("\n")).toContain(u.message);
    });
  }
});
