// The command-line client without a server: arguments → the request it sends,
// and replies (in the API's real shapes) → printed lines and exit code.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { afterRevealRequest, afterTry, describeVariant, FRESH_VARIANT, variantStatus } from "@/lib/attempts/variant-rule";
import * as float64 from "@/lib/reference/float64";
import { parseCommand, type Command } from "@/scripts/cli/args";
import { loadConfig } from "@/scripts/cli/config";
import { EXIT } from "@/scripts/cli/exit-codes";
import { gradeRequest, runCli } from "@/scripts/cli/run";
import {
  errorReply,
  exercise,
  exercisesReply,
  fakeDeps,
  gradeReply,
  ID,
  misconceptionAnswers,
  referenceAnswers,
  SEED,
  SLUG,
  TOKEN,
  URL_BASE,
  variantReply,
} from "./fixtures";

describe("parseCommand", () => {
  const ok: { name: string; argv: string[]; command: Command }[] = [
    { name: "no arguments is help", argv: [], command: { kind: "help" } },
    { name: "exercises", argv: ["exercises"], command: { kind: "exercises", token: undefined } },
    { name: "show without seed", argv: ["show", SLUG], command: { kind: "show", slug: SLUG, seed: undefined, token: undefined } },
    { name: "show with seed and token", argv: ["show", SLUG, "--seed", "7", "--token", "t"], command: { kind: "show", slug: SLUG, seed: 7, token: "t" } },
    {
      name: "grade splits at the first = and keeps the text as typed",
      argv: ["grade", SLUG, "--seed", "42", "mean=3", "output=[1, -2, 0.5, x=1]", "std=sqrt(2)"],
      command: {
        kind: "grade",
        slug: SLUG,
        seed: 42,
        answers: { mean: "3", output: "[1, -2, 0.5, x=1]", std: "sqrt(2)" },
        answersFile: undefined,
        token: undefined,
      },
    },
    {
      name: "grade with only an answers file",
      argv: ["grade", SLUG, "--seed=0", "--answers", "a.json"],
      command: { kind: "grade", slug: SLUG, seed: 0, answers: {}, answersFile: "a.json", token: undefined },
    },
  ];
  it.each(ok)("$name", ({ argv, command }) => {
    expect(parseCommand(argv)).toEqual({ ok: true, command });
  });

  const bad: { name: string; argv: string[]; message: RegExp }[] = [
    { name: "unknown command", argv: ["grades"], message: /unknown command "grades"/ },
    { name: "unknown option", argv: ["exercises", "--verbose"], message: /verbose/ },
    { name: "show without slug", argv: ["show"], message: /needs an exercise slug/ },
    { name: "slug not kebab-case", argv: ["show", "LayerNorm"], message: /kebab-case/ },
    { name: "grade without seed", argv: ["grade", SLUG, "mean=3"], message: /needs --seed/ },
    { name: "negative seed", argv: ["grade", SLUG, "--seed", "-1", "mean=3"], message: /seed/ },
    { name: "fractional seed", argv: ["grade", SLUG, "--seed", "1.5", "mean=3"], message: /whole number/ },
    { name: "seed above 32 bits", argv: ["grade", SLUG, "--seed", "2147483648", "mean=3"], message: /at most 2147483647/ },
    { name: "grade without answers", argv: ["grade", SLUG, "--seed", "1"], message: /needs answers/ },
    { name: "answer without =", argv: ["grade", SLUG, "--seed", "1", "mean"], message: /"mean" is not step=answer/ },
    { name: "bad step key", argv: ["grade", SLUG, "--seed", "1", "2x=3"], message: /"2x=3" is not step=answer/ },
    { name: "exercises with arguments", argv: ["exercises", "extra"], message: /takes no arguments/ },
  ];
  it.each(bad)("rejects: $name", ({ argv, message }) => {
    const parsed = parseCommand(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("loadConfig", () => {
  it("defaults the URL, strips a trailing slash and prefers --token", () => {
    expect(loadConfig({ RESIDUAL_TOKEN: "env" })).toEqual({ ok: true, config: { url: "http://localhost:3000", token: "env" } });
    expect(loadConfig({ RESIDUAL_URL: "https://r.example/", RESIDUAL_TOKEN: "env" }, "flag")).toEqual({
      ok: true,
      config: { url: "https://r.example", token: "flag" },
    });
  });
  it.each([
    { name: "missing token", env: {}, message: /No API token.*RESIDUAL_TOKEN.*token:create/ },
    { name: "blank token", env: { RESIDUAL_TOKEN: "  " }, message: /empty/ },
    { name: "not a URL", env: { RESIDUAL_URL: "localhost:3000", RESIDUAL_TOKEN: "t" }, message: /RESIDUAL_URL must be an http\(s\) URL/ },
    { name: "not http", env: { RESIDUAL_URL: "ftp://host", RESIDUAL_TOKEN: "t" }, message: /RESIDUAL_URL/ },
  ])("explains: $name", ({ env, message }) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("gradeRequest", () => {
  it("posts the slug, seed, a fresh id and the answers, arguments overriding the file", () => {
    const command: Command = { kind: "grade", slug: SLUG, seed: 9, answers: { mean: "2" }, answersFile: "f.json" };
    expect(gradeRequest(command, { mean: "1", std: "3" }, ID)).toEqual({
      method: "POST",
      path: "/api/grade",
      body: { exercise: SLUG, seed: 9, answers: { mean: "2", std: "3" }, id: ID },
    });
  });
});

describe("runCli grade", () => {
  const argvFor = (answers: Record<string, string>) => ["grade", SLUG, "--seed", String(SEED), ...Object.entries(answers).map(([k, v]) => `${k}=${v}`)];

  it("sends one authenticated POST and exits 0 when every step is right", async () => {
    const answers = referenceAnswers();
    const { deps, sent, out, err } = fakeDeps({ status: 200, body: gradeReply(answers) });
    expect(await runCli(argvFor(answers), deps)).toBe(EXIT.ok);
    expect(sent).toEqual([
      {
        url: `${URL_BASE}/api/grade`,
        path: "/api/grade",
        method: "POST",
        headers: expect.objectContaining({ authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }),
        body: { exercise: SLUG, seed: SEED, answers, id: ID },
      },
    ]);
    const steps = exercise().steps.map((s) => s.key);
    expect(out).toHaveLength(steps.length + 2);
    for (const [i, key] of steps.entries()) expect(out[i]).toMatch(new RegExp(`^✓ ${key}\\s+\\S.*\\(expected `));
    expect(out.at(-2)).toBe(`score 100% (${steps.length}/${steps.length} steps) · backend float64 · 0.42 ms`);
    expect(out.at(-1)).toMatch(/^Passed: this variant is finished\./);
    expect(err).toEqual([]);
  });

  it("on a first wrong try prints ✗ and the misconception code but no expected value, and exits 1", async () => {
    const { answers, code } = misconceptionAnswers();
    const reply = gradeReply(answers) as { steps: { step: string; misconception?: { code: string } }[] };
    const diagnosed = reply.steps.filter((s) => s.misconception?.code === code).map((s) => s.step);
    expect(diagnosed.length).toBeGreaterThan(0);
    const { deps, out } = fakeDeps({ status: 200, body: reply });
    expect(await runCli(argvFor(answers), deps)).toBe(EXIT.notCorrect);
    for (const step of diagnosed) {
      const line = out.find((l) => l.startsWith(`✗ ${step} `));
      expect(line).toMatch(new RegExp(`\\[${code}\\]$`));
      expect(line).not.toMatch(/expected/);
    }
    expect(out.at(-2)).toMatch(/^score \d+% \(\d\/4 steps\) · backend float64 · 0\.42 ms$/);
    expect(out.at(-1)).toBe("2 tries left before the answers are shown; expected values stay hidden until then.");
  });

  it("says an attempt with unreadable text was not stored, and exits 1", async () => {
    const answers = { ...referenceAnswers(), mean: "3..5" };
    const { deps, out } = fakeDeps({ status: 200, body: gradeReply(answers) });
    expect(await runCli(argvFor(answers), deps)).toBe(EXIT.notCorrect);
    expect(out[0]).toMatch(/^✗ mean /);
    expect(out.at(-2)).toMatch(/not stored: a step could not be read$/);
  });

  it("reads --answers file.json, lets step=answer win, and sends numbers as text", async () => {
    const answers = referenceAnswers();
    const file = JSON.stringify({ ...answers, mean: 12345 });
    const { deps, sent } = fakeDeps({ status: 200, body: gradeReply(answers) }, { files: { "a.json": file } });
    const code = await runCli(["grade", SLUG, "--seed", String(SEED), "--answers", "a.json", `mean=${answers.mean}`], deps);
    expect(code).toBe(EXIT.ok);
    expect(sent[0]?.body).toEqual({ exercise: SLUG, seed: SEED, answers, id: ID });
  });

  it.each<{ name: string; files: Record<string, string>; message: RegExp }>([
    { name: "a missing file", files: {}, message: /cannot read the answers file a\.json: ENOENT/ },
    { name: "a file that is not JSON", files: { "a.json": "{mean: 1" }, message: /is not JSON/ },
    { name: "a file that is not an object of texts", files: { "a.json": '{"mean": [1]}' }, message: /must be \{ "step": "answer text" \} \(mean: / },
  ])("exits 2 without a request for $name", async ({ files, message }) => {
    const { deps, sent, err } = fakeDeps({ status: 200, body: {} }, { files });
    expect(await runCli(["grade", SLUG, "--seed", "1", "--answers", "a.json"], deps)).toBe(EXIT.usage);
    expect(sent).toEqual([]);
    expect(err.join("\n")).toMatch(message);
  });
});

describe("runCli failures", () => {
  const grade = ["grade", SLUG, "--seed", "1", "mean=3"];

  it.each([
    {
      name: "422 shows the message and each field path → 2",
      reply: { status: 422, body: errorReply("VALIDATION", 'Unknown step "meen"', [{ path: "answers.meen", message: 'Unknown step "meen"' }]) },
      exit: EXIT.usage,
      lines: ['error: Unknown step "meen" (422 VALIDATION)', '  answers.meen: Unknown step "meen"'],
    },
    {
      name: "422 whose issue the message already states prints it once → 2",
      reply: { status: 422, body: errorReply("VALIDATION", "seed: a seed is a whole number", [{ path: "seed" }, { path: "answers.std", message: "Too big" }]) },
      exit: EXIT.usage,
      lines: ["error: seed: a seed is a whole number (422 VALIDATION)", "  answers.std: Too big"],
    },
    {
      name: "404 → 2",
      reply: { status: 404, body: errorReply("NOT_FOUND", 'Exercise "nope" not found') },
      exit: EXIT.usage,
      lines: ['error: Exercise "nope" not found (404 NOT_FOUND)'],
    },
    {
      name: "401 refused token → 3",
      reply: { status: 401, body: errorReply("UNAUTHENTICATED", "Sign in or send an API token to use this") },
      exit: EXIT.unavailable,
      lines: ["error: the server refused the token: Sign in or send an API token to use this (401 UNAUTHENTICATED). Check RESIDUAL_TOKEN or --token."],
    },
    {
      name: "500 → 3",
      reply: { status: 500, body: errorReply("INTERNAL", "Something went wrong on our side") },
      exit: EXIT.unavailable,
      lines: ["error: unexpected reply from the server: Something went wrong on our side (500 INTERNAL)"],
    },
    {
      name: "a 502 page that is not JSON → 3",
      reply: { status: 502, body: "<html>Bad gateway</html>" },
      exit: EXIT.unavailable,
      lines: ["error: unexpected reply from the server: HTTP 502: <html>Bad gateway</html>"],
    },
    {
      name: "a 200 in another shape → 3",
      reply: { status: 200, body: { ok: true } },
      exit: EXIT.unavailable,
      lines: [expect.stringMatching(/^error: unexpected reply from the server: HTTP 200: reply not understood \(score: /)],
    },
    {
      name: "a network error → 3",
      reply: new TypeError("fetch failed"),
      exit: EXIT.unavailable,
      lines: [`error: cannot reach ${URL_BASE} (fetch failed). Is the server running? (RESIDUAL_URL)`],
    },
  ])("$name", async ({ reply, exit, lines }) => {
    const { deps, sent, out, err } = fakeDeps(reply);
    expect(await runCli(grade, deps)).toBe(exit);
    expect(sent).toHaveLength(1);
    expect(out).toEqual([]);
    expect(err).toEqual(lines);
  });

  it("exits 2 with the token help and sends nothing when no token is configured", async () => {
    const { deps, sent, err } = fakeDeps({ status: 200, body: {} }, { env: {} });
    expect(await runCli(grade, deps)).toBe(EXIT.usage);
    expect(sent).toEqual([]);
    expect(err[0]).toMatch(/^error: No API token\. Set RESIDUAL_TOKEN or pass --token/);
  });

  it("exits 2 with the usage text on bad arguments and sends nothing", async () => {
    const { deps, sent, err } = fakeDeps({ status: 200, body: {} });
    expect(await runCli(["grade", SLUG, "mean=3"], deps)).toBe(EXIT.usage);
    expect(sent).toEqual([]);
    expect(err.join("\n")).toMatch(/needs --seed[\s\S]*usage: npm run -s residual/);
  });
});

describe("runCli exercises and show", () => {
  it("lists every exercise as slug, difficulty, title", async () => {
    const { deps, sent, out } = fakeDeps({ status: 200, body: exercisesReply() });
    expect(await runCli(["exercises"], deps)).toBe(EXIT.ok);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`GET ${URL_BASE}/api/exercises`]);
    expect(out[0]).toMatch(/^slug\s+difficulty\s+title$/);
    expect(out).toHaveLength(exercisesReply().exercises.length + 1);
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^${SLUG}\\s+(EASY|MEDIUM|HARD)\\s+${exercise().title}$`)));
  });

  it("shows the seed, the prompt and each step with its shape", async () => {
    const { deps, sent, out } = fakeDeps({ status: 200, body: variantReply() });
    expect(await runCli(["show", SLUG, "--seed", String(SEED)], deps)).toBe(EXIT.ok);
    expect(sent[0]?.url).toBe(`${URL_BASE}/api/exercises/${SLUG}?seed=${SEED}`);
    expect(out).toContain(`seed: ${SEED}`);
    expect(out).toContain(exercise().variant(SEED).prompt.trim());
    expect(out).toContain("  output    Output γ ⊙ (x − μ)/√(σ² + ε) + β — a vector of 4, e.g. [1, 2]");
    expect(out.at(-1)).toBe(`grade with: npm run -s residual -- grade ${SLUG} --seed ${SEED} mean=… variance=… std=… output=…`);
  });

  it("shows a unit next to steps that have one", async () => {
    const withUnit = (exercisesReply().exercises.find((e) => e.steps.some((s) => s.unit)) ?? { slug: "" }).slug;
    expect(withUnit).not.toBe("");
    const { deps, out } = fakeDeps({ status: 200, body: variantReply(withUnit, 3) });
    expect(await runCli(["show", withUnit], deps)).toBe(EXIT.ok);
    expect(out.some((line) => /, in \S+/.test(line))).toBe(true);
  });
});

describe("runCli over real HTTP", () => {
  it("talks to a server through the global fetch", async () => {
    const answers = referenceAnswers();
    const received: { method?: string; url?: string; auth?: string; body: string }[] = [];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ method: request.method, url: request.url, auth: request.headers.authorization, body });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(gradeReply(answers)));
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    try {
      const { deps, out } = fakeDeps({ status: 0, body: null }, { env: { RESIDUAL_URL: `http://127.0.0.1:${port}/`, RESIDUAL_TOKEN: TOKEN } });
      deps.fetch = (url, init) => fetch(url, init);
      expect(await runCli(["grade", SLUG, "--seed", String(SEED), ...Object.entries(answers).map(([k, v]) => `${k}=${v}`)], deps)).toBe(EXIT.ok);
      expect(out.at(-2)).toMatch(/^score 100%/);
    } finally {
      await new Promise((done) => server.close(done));
    }
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/api/grade", auth: `Bearer ${TOKEN}` });
    expect(JSON.parse(received[0]?.body ?? "{}")).toEqual({ exercise: SLUG, seed: SEED, answers, id: ID });
  });

  it("exits 3 when nothing listens", async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    await new Promise((done) => server.close(done));
    const { deps, err } = fakeDeps({ status: 0, body: null }, { env: { RESIDUAL_URL: `http://127.0.0.1:${port}`, RESIDUAL_TOKEN: TOKEN } });
    deps.fetch = (url, init) => fetch(url, init);
    expect(await runCli(["exercises"], deps)).toBe(EXIT.unavailable);
    expect(err[0]).toMatch(new RegExp(`^error: cannot reach http://127\\.0\\.0\\.1:${port} \\(fetch failed: connect ECONNREFUSED`));
  });
});

describe("runCli reveal and history", () => {
  it("reveal posts the seed and prints each step's answer and that the variant is finished", async () => {
    const status = variantStatus(afterRevealRequest(FRESH_VARIANT, new Date(0)));
    const values = exercise().solve(SEED, float64);
    const body = {
      exercise: SLUG,
      seed: SEED,
      variant: { ...status, message: describeVariant(status) },
      expected: exercise().steps.map((s) => ({ step: s.key, label: s.label, expected: values[s.key] })),
    };
    const { deps, sent, out } = fakeDeps({ status: 200, body: JSON.parse(JSON.stringify(body)) });
    expect(await runCli(["reveal", SLUG, "--seed", String(SEED)], deps)).toBe(EXIT.ok);
    expect(sent).toMatchObject([{ url: `${URL_BASE}/api/exercises/${SLUG}/reveal`, method: "POST", body: { seed: SEED } }]);
    expect(out).toHaveLength(exercise().steps.length + 1);
    expect(out[0]).toMatch(/^mean\s+-?\d/);
    expect(out.at(-1)).toMatch(/^Answers shown on request: this variant is finished/);
  });

  it("reveal without --seed is a usage error", () => {
    expect(parseCommand(["reveal", SLUG])).toMatchObject({ ok: false, message: expect.stringMatching(/--seed/) });
  });

  it("history prints accuracy per step and each variant's attempts with named mistakes", async () => {
    const tried = variantStatus(afterTry(FRESH_VARIANT, false, new Date(0)));
    const body = {
      exercise: SLUG,
      title: "LayerNorm by hand",
      variants: [
        {
          seed: 7,
          variant: { ...tried, message: describeVariant(tried) },
          attempts: [
            {
              score: 0.75,
              correct: false,
              afterReveal: false,
              credited: false,
              mistakes: [{ code: "sample-variance", name: "You divided by n − 1." }],
              steps: [
                { step: "mean", correct: true },
                { step: "variance", correct: false },
              ],
            },
          ],
        },
      ],
      steps: [{ step: "mean", label: "Mean", tried: 1, right: 1, accuracy: 1 }],
      totals: { attempts: 1, credited: 0 },
    };
    const { deps, sent, out } = fakeDeps({ status: 200, body });
    expect(await runCli(["history", SLUG], deps)).toBe(EXIT.ok);
    expect(sent).toMatchObject([{ url: `${URL_BASE}/api/exercises/${SLUG}/history`, method: "GET" }]);
    expect(out).toContain("  mean  100% (1/1)");
    expect(out).toContain("  seed 7: 75% [sample-variance] {mean ✓, variance ✗} · 2 of 3 tries left");
  });
});

describe("runCli stats", () => {
  it("stats prints the figures across learners, the hardest step and the common mistakes", async () => {
    const step = (key: string, right: number) => ({ step: key, label: key, tried: 10, right, accuracy: right / 10 });
    const body = {
      exercise: SLUG,
      title: "LayerNorm by hand",
      kind: "exercise",
      minimumLearners: 5,
      shown: true,
      message: "6 learners, 14 attempts.",
      figures: {
        learners: 6,
        attempts: 14,
        afterReveal: 2,
        firstTry: { variants: 8, passed: 5, accuracy: 0.625 },
        mistakes: [{ code: "sample-variance", name: "You divided by n − 1.", attempts: 3, learners: 2 }],
        steps: [step("mean", 10), step("variance", 6)],
        hardestStep: step("variance", 6),
      },
    };
    const { deps, sent, out } = fakeDeps({ status: 200, body });
    expect(await runCli(["stats", SLUG], deps)).toBe(EXIT.ok);
    expect(sent).toMatchObject([{ url: `${URL_BASE}/api/exercises/${SLUG}/stats`, method: "GET" }]);
    expect(out).toContain("first try 63% (5 of 8 variants passed unaided at the first attempt)");
    expect(out).toContain("hardest step: variance (variance) 60%");
    expect(out).toContain("  variance  60% (6/10)");
    expect(out).toContain("  sample-variance  3 attempts, 2 learners: You divided by n − 1.");
  });

  it("stats says why nothing is shown below the cohort", async () => {
    const message = "Figures appear once 5 learners have attempted this exercise; fewer have so far.";
    const body = { exercise: SLUG, title: "LayerNorm by hand", kind: "exercise", minimumLearners: 5, shown: false, message, figures: null };
    const { deps, out } = fakeDeps({ status: 200, body });
    expect(await runCli(["stats", SLUG], deps)).toBe(EXIT.ok);
    expect(out).toEqual(["LayerNorm by hand (layernorm-by-hand), across learners", message]);
  });

  it("stats takes a slug only", () => {
    expect(parseCommand(["stats", SLUG, "--seed", "3"])).toMatchObject({ ok: false, message: expect.stringMatching(/slug only/) });
    expect(parseCommand(["stats", SLUG])).toMatchObject({ ok: true, command: { kind: "stats", slug: SLUG } });
  });
});
