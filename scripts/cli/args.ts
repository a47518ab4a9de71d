// Command-line arguments → a command, or a usage message. Pure: reading the
// answers file and talking to the server happen in run.ts.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DAY_BALANCE_USAGE, parseDayBalanceCommand, type DayBalanceCommand } from "./day-balance-args";
import { EXPORT_USAGE, parseExportCommand, type ExportCommand } from "./export-args";
import { IMPORT_USAGE, parseImportCommand, type ImportCommand } from "./import-args";
import { LAB_USAGE, parseLabCommand, type LabCommand } from "./lab-args";
import { PRESET_USAGE, parsePresetCommand, type PresetCommand } from "./preset-args";
import { RESCHEDULE_USAGE, parseRescheduleCommand, type RescheduleCommand } from "./reschedule-args";

/** Largest seed the server accepts (seeds are stored as 32-bit integers). */
export const MAX_SEED = 2_147_483_647;

export type Command =
  | { kind: "help" }
  | { kind: "exercises"; token?: string }
  | { kind: "show"; slug: string; seed?: number; token?: string }
  | { kind: "grade"; slug: string; seed: number; answers: Record<string, string>; answersFile?: string; token?: string }
  | { kind: "reveal"; slug: string; seed: number; token?: string }
  | { kind: "history"; slug: string; token?: string }
  | { kind: "stats"; slug: string; token?: string }
  | { kind: "lab"; lab: LabCommand; token?: string }
  | { kind: "import"; import: ImportCommand; token?: string }
  | { kind: "export"; export: ExportCommand; token?: string }
  | { kind: "preset"; preset: PresetCommand; token?: string }
  | { kind: "reschedule"; reschedule: RescheduleCommand; token?: string }
  | { kind: "easy-days"; easyDays: DayBalanceCommand; token?: string };

export type ParsedArgs = { ok: true; command: Command } | { ok: false; message: string };

export const USAGE = [
  "usage: npm run -s residual -- <command>",
  "  exercises                                   list exercises: slug, difficulty, title",
  "  show <slug> [--seed N]                      print a variant's prompt and its steps",
  "  grade <slug> --seed N step=answer [...]     grade typed answers (exit 0 correct, 1 not correct)",
  '        [--answers file.json]                 answers as { "step": "text" }; step=answer arguments win',
  "  reveal <slug> --seed N                      show a variant's answers (it earns no credit from then on)",
  "  history <slug>                              your variants, tries, named mistakes and accuracy per step",
  "  stats <slug>                                every learner's figures, anonymised (shown from 5 learners)",
  LAB_USAGE,
  IMPORT_USAGE,
  EXPORT_USAGE,
  PRESET_USAGE,
  RESCHEDULE_USAGE,
  DAY_BALANCE_USAGE,
  "options: --token <token> (else RESIDUAL_TOKEN); server: RESIDUAL_URL (default http://localhost:3000)",
  "exit codes: 0 ok/correct/imported, 1 not fully correct, 2 usage or rejected input, 3 server unreachable or token refused",
].join("\n");

const SeedSchema = z
  .string()
  .regex(/^\d+$/, "--seed must be a whole number ≥ 0")
  .transform(Number)
  .pipe(z.number().int().max(MAX_SEED, `--seed must be at most ${MAX_SEED}`));

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "the exercise slug is kebab-case, e.g. layernorm-by-hand");

const STEP_KEY = /^[a-z][a-zA-Z0-9]*$/;

/** Node's own parse of the flags; throws on an unknown or malformed one. */
function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: "string" },
      answers: { type: "string" },
      token: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      timeout: { type: "string" },
      module: { type: "string" },
      title: { type: "string" },
      "dry-run": { type: "boolean" },
      reason: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** `argv` without the node and script paths, e.g. ["grade", "layernorm-by-hand", "--seed", "42", "mean=3"]. */
export function parseCommand(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === "help") return { ok: true, command: { kind: "help" } };
  const token = values.token;
  if (name === "import") {
    if (values.seed !== undefined || values.answers !== undefined || values.out !== undefined || values.timeout !== undefined || values.reason !== undefined) {
      return usage("`import` takes a file, --module, and optionally --title, --format and --dry-run");
    }
    const parsedImport = parseImportCommand(rest, { module: values.module, title: values.title, format: values.format, dryRun: values["dry-run"] });
    return parsedImport.ok ? { ok: true, command: { kind: "import", import: parsedImport.command, token } } : usage(parsedImport.message);
  }
  if (name === "export") {
    if (
      values.seed !== undefined ||
      values.answers !== undefined ||
      values.timeout !== undefined ||
      values.module !== undefined ||
      values.title !== undefined ||
      values["dry-run"] !== undefined ||
      values.reason !== undefined
    ) {
      return usage("`export` takes a module slug, and optionally --format and --out");
    }
    const parsedExport = parseExportCommand(rest, { format: values.format, out: values.out });
    return parsedExport.ok ? { ok: true, command: { kind: "export", export: parsedExport.command, token } } : usage(parsedExport.message);
  }
  if (name === "reschedule" || name === "reschedules") {
    const others = [values.seed, values.answers, values.format, values.out, values.timeout, values.module, values.title];
    if (others.some((v) => v !== undefined)) return usage(`\`${name}\` takes only --dry-run and --reason (and --token)`);
    const parsedReschedule = parseRescheduleCommand(name, rest, { dryRun: values["dry-run"] === true, reason: values.reason });
    return parsedReschedule.ok ? { ok: true, command: { kind: "reschedule", reschedule: parsedReschedule.command, token } } : usage(parsedReschedule.message);
  }
  if (values.reason !== undefined) return usage("--reason belongs to `reschedule`");
  if (values.module !== undefined || values.title !== undefined || values["dry-run"] !== undefined) {
    return usage("--module, --title and --dry-run belong to `import` and `reschedule`");
  }
  if (name !== "lab" && (values.format !== undefined || values.out !== undefined || values.timeout !== undefined)) {
    return usage("--format, --out and --timeout belong to `lab` and `export` commands");
  }

  if (name === "easy-days") {
    if (values.seed !== undefined || values.answers !== undefined) return usage("`easy-days` takes no --seed or --answers");
    const parsed = parseDayBalanceCommand(rest);
    return parsed.ok ? { ok: true, command: { kind: "easy-days", easyDays: parsed.command, token } } : usage(parsed.message);
  }
  if (name === "presets" || name === "preset") {
    if (values.seed !== undefined || values.answers !== undefined) return usage(`\`${name}\` takes no --seed or --answers`);
    const parsedPreset = parsePresetCommand(name, rest);
    return parsedPreset.ok ? { ok: true, command: { kind: "preset", preset: parsedPreset.command, token } } : usage(parsedPreset.message);
  }
  if (name === "exercises") {
    if (rest.length > 0 || values.seed !== undefined || values.answers !== undefined) return usage("`exercises` takes no arguments");
    return { ok: true, command: { kind: "exercises", token } };
  }
  if (name === "lab") {
    const seed = values.seed === undefined ? undefined : SeedSchema.safeParse(values.seed);
    if (seed && !seed.success) return usage(seed.error.issues[0]?.message ?? "bad seed");
    if (values.answers !== undefined) return usage("`lab` commands take no --answers");
    const lab = parseLabCommand(rest, { seed: seed?.data, format: values.format, out: values.out, timeout: values.timeout });
    return lab.ok ? { ok: true, command: { kind: "lab", lab: lab.command, token } } : usage(lab.message);
  }
  if (name !== "show" && name !== "grade" && name !== "reveal" && name !== "history" && name !== "stats") return usage(`unknown command "${name}"`);

  const [slugText, ...pairs] = rest;
  const slug = SlugSchema.safeParse(slugText ?? "");
  if (slugText === undefined) return usage(`\`${name}\` needs an exercise slug (list them with \`exercises\`)`);
  if (!slug.success) return usage(slug.error.issues[0]?.message ?? "bad slug");
  const seed = values.seed === undefined ? undefined : SeedSchema.safeParse(values.seed);
  if (seed && !seed.success) return usage(seed.error.issues[0]?.message ?? "bad seed");

  if (name === "show") {
    if (pairs.length > 0 || values.answers !== undefined) return usage("`show` takes a slug and an optional --seed");
    return { ok: true, command: { kind: "show", slug: slug.data, seed: seed?.data, token } };
  }
  if (name === "history" || name === "stats") {
    if (pairs.length > 0 || values.answers !== undefined || seed) return usage(`\`${name}\` takes an exercise slug only`);
    return { ok: true, command: { kind: name, slug: slug.data, token } };
  }
  if (name === "reveal") {
    if (pairs.length > 0 || values.answers !== undefined) return usage("`reveal` takes a slug and --seed N");
    if (!seed) return usage("`reveal` needs --seed N (the variant whose answers to show)");
    return { ok: true, command: { kind: "reveal", slug: slug.data, seed: seed.data, token } };
  }

  if (!seed) return usage("`grade` needs --seed N (the seed of the variant you solved; `show` prints it)");
  const answers: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const key = at < 0 ? pair : pair.slice(0, at);
    if (at < 0 || !STEP_KEY.test(key)) return usage(`"${pair}" is not step=answer (e.g. mean=3.5)`);
    answers[key] = pair.slice(at + 1);
  }
  if (pairs.length === 0 && values.answers === undefined) return usage("`grade` needs answers: step=answer arguments or --answers file.json");
  return { ok: true, command: { kind: "grade", slug: slug.data, seed: seed.data, answers, answersFile: values.answers, token } };
}

function usage(message: string): ParsedArgs {
  return { ok: false, message };
}
