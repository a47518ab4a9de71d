// The hostile requests in tests/fixtures/hostile/*.json, read and turned into
// real Requests for the real route handlers. A case names its route (the
// folder under app/api), method, path, who sends it (Alice's session cookie,
// her bearer token, or nobody), headers, a body (JSON, raw text, or a named
// generator for what is too big for a file), the status it must get and what
// it may change; everything else must stay as it was.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { findExercise } from "@/exercises";
import { formatStepValue } from "@/lib/grading";
import * as float64 from "@/lib/reference/float64";

export const HOSTILE_DIR = join(process.cwd(), "tests", "fixtures", "hostile");

/** The tables a case may change; every other one is compared before and after. */
export const TABLES = [
  "reviews",
  "cardStates",
  "attempts",
  "labs",
  "grills",
  "tokens",
  "settings",
  "checklist",
  "modules",
  "enrollments",
  "cards",
  "images",
  "imports",
] as const;
export type Table = (typeof TABLES)[number];

const CaseSchema = z
  .object({
    name: z.string().min(1),
    route: z.string().min(1).describe('Folder under app/api holding route.ts, e.g. "tokens/[id]".'),
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    path: z.string().startsWith("/api/").describe("URL path and query; {placeholders} are filled from the setup."),
    params: z.record(z.string(), z.string()).default({}).describe("Route params, with {placeholders}."),
    auth: z.enum(["cookie", "bearer", "none"]),
    headers: z.record(z.string(), z.string().nullable()).default({}).describe("null removes a default header."),
    body: z.unknown().optional().describe("Sent as JSON; an object with `$generate` is replaced by that generator's value."),
    rawBody: z.string().optional().describe("Sent as is (text/plain or form bodies)."),
    expect: z.object({
      status: z.number().int(),
      code: z.string().optional(),
      message: z.string().optional().describe("A substring of error.message."),
      maxBodyBytes: z.number().int().optional().describe("The body is at most this long; an error body at most 4096 when not given."),
    }),
    changes: z.array(z.enum(TABLES)).default([]),
  })
  .strict()
  .refine((c) => c.body === undefined || c.rawBody === undefined, "a case has body or rawBody, not both");

const FileSchema = z.object({ about: z.string(), cases: z.array(CaseSchema).min(1) }).strict();

export type HostileCase = z.infer<typeof CaseSchema> & { file: string };

/** Every case of every fixture file, file by file. */
export function loadHostileCases(): HostileCase[] {
  return readdirSync(HOSTILE_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      const parsed = FileSchema.parse(JSON.parse(readFileSync(join(HOSTILE_DIR, file), "utf8")));
      return parsed.cases.map((c) => ({ ...c, file }));
    });
}

/** What the setup made for Alice: ids and positions the placeholders name. */
export type HostileContext = {
  origin: string;
  cookie: string;
  bearer: string;
  values: Record<string, string>;
  numeric: { slug: string; seed: number };
};

/** The string with each {name} replaced; {new-uuid} is a fresh id at each use. */
export function fill(text: string, context: HostileContext): string {
  return text.replace(/\{([a-zA-Z-]+)\}/g, (whole, name: string) => {
    if (name === "new-uuid") return crypto.randomUUID();
    if (name === "origin") return context.origin;
    const value = context.values[name];
    if (value === undefined) throw new Error(`hostile case: no value for ${whole}`);
    return value;
  });
}

const GeneratorSchema = z.discriminatedUnion("$generate", [
  z.object({ $generate: z.literal("20MiB-string") }).strict(),
  z.object({ $generate: z.literal("nested-20000") }).strict(),
  z.object({ $generate: z.literal("15KiB-key"), value: z.string().default("1") }).strict(),
  z
    .object({
      $generate: z.literal("reference-answers"),
      exercise: z.string().optional().describe("Default: the grill's numeric item."),
      seed: z.number().optional(),
      append: z.string().default("").describe("Added to the first step's answer."),
      extraKey: z.string().optional().describe('One more key, answered "1".'),
    })
    .strict(),
]);

/** JSON text spliced into the body after it is serialised (JSON.stringify would overflow the stack on it). */
type RawJson = { raw: string };

function generate(spec: z.infer<typeof GeneratorSchema>, context: HostileContext): unknown {
  switch (spec.$generate) {
    case "20MiB-string":
      return { raw: `"${"x".repeat(20 * 2 ** 20)}"` } satisfies RawJson;
    case "nested-20000":
      return { raw: `${"[".repeat(20_000)}1${"]".repeat(20_000)}` } satisfies RawJson;
    case "15KiB-key":
      return { ["k".repeat(15 * 1024)]: spec.value };
    case "reference-answers": {
      const slug = spec.exercise ?? context.numeric.slug;
      const seed = spec.seed ?? context.numeric.seed;
      const answers = referenceAnswers(slug, seed);
      const [first] = Object.keys(answers);
      if (first !== undefined) answers[first] = `${answers[first] ?? ""}${spec.append}`;
      if (spec.extraKey !== undefined) answers[spec.extraKey] = "1";
      return answers;
    }
  }
}

function referenceAnswers(slug: string, seed: number): Record<string, string> {
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(`hostile case: no exercise ${slug}`);
  const values = exercise.solve(seed, float64);
  return Object.fromEntries(exercise.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? 0, 12)]));
}

/** The body with generators run and placeholders filled in every string; raw JSON left as markers in `raws`. */
function expand(value: unknown, context: HostileContext, raws: string[]): unknown {
  if (typeof value === "string") return fill(value, context);
  if (Array.isArray(value)) return value.map((v) => expand(v, context, raws));
  if (value !== null && typeof value === "object") {
    if ("$generate" in value) {
      const generated = generate(GeneratorSchema.parse(value), context);
      if (generated !== null && typeof generated === "object" && "raw" in generated && typeof generated.raw === "string") {
        raws.push(generated.raw);
        return `__raw_${raws.length - 1}__`;
      }
      return generated;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fill(k, context), expand(v, context, raws)]));
  }
  return value;
}

/** The body as JSON text, generated raw JSON spliced in where its marker is. */
function bodyText(value: unknown, context: HostileContext): string {
  const raws: string[] = [];
  const text = JSON.stringify(expand(value, context, raws));
  return text.replace(/"__raw_(\d+)__"/g, (_marker, i: string) => raws[Number(i)] ?? "null");
}

/** The Request the App Router would hand the handler for this case. */
export function buildRequest(c: HostileCase, context: HostileContext): Request {
  const headers = new Headers();
  if (c.auth === "cookie") headers.set("cookie", context.cookie);
  if (c.auth === "bearer") headers.set("authorization", context.bearer);
  let body: string | undefined;
  if (c.body !== undefined) {
    headers.set("content-type", "application/json");
    body = bodyText(c.body, context);
  } else if (c.rawBody !== undefined) {
    body = fill(c.rawBody, context);
  }
  for (const [name, value] of Object.entries(c.headers)) {
    if (value === null) headers.delete(name);
    else headers.set(name, fill(value, context));
  }
  // A Blob without a type adds no content-type of its own, so the case's headers are what the handler sees.
  return new Request(`${context.origin}${fill(c.path, context)}`, { method: c.method, headers, body: body === undefined ? undefined : new Blob([body]) });
}

/** The route context: params with placeholders filled. */
export function buildParams(c: HostileCase, context: HostileContext): { params: Promise<Record<string, string>> } {
  return { params: Promise.resolve(Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, fill(v, context)]))) };
}
