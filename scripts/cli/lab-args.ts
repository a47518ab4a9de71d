// `lab …` arguments → a lab command, or a usage message. Pure.
import { z } from "zod";

export type LabCommand =
  | { kind: "lab-list" }
  | { kind: "lab-show"; slug: string; seed?: number }
  | { kind: "lab-fetch"; slug: string; seed: number; format: "npz" | "json" | "npy"; outDir: string }
  | { kind: "lab-submit"; slug: string; seed: number; file: string; timeoutSeconds: number }
  | { kind: "lab-result"; slug: string; id: string };

export type LabArgValues = { seed?: number; format?: string; out?: string; timeout?: string };

export const LAB_USAGE = [
  "  lab list                                    list labs: slug, difficulty, title, your last result",
  "  lab show <slug> [--seed N]                  print the task, conventions, input and output shapes",
  "  lab fetch <slug> --seed N [--format npz|json|npy] [--out dir]",
  "                                              save the inputs (npz: one file, np.load gives each by name)",
  "  lab submit <slug> --seed N <file>           upload your output (.npy, .npz or JSON) and wait for the grade",
  "        [--timeout S]                         (exit 0 passed, 1 not passed; default wait 120 s)",
  "  lab result <slug> <submission-id>           print a submission's status or grade",
].join("\n");

const LAB_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FormatSchema = z.enum(["npz", "json", "npy"], { error: "--format is npz, json or npy" });
const TimeoutSchema = z.coerce.number({ error: "--timeout is a number of seconds" }).int("--timeout is a whole number of seconds").min(1).max(3600);

type Parsed = { ok: true; command: LabCommand } | { ok: false; message: string };

/** `rest` is what follows `lab`; `seed` is already validated by the caller. */
export function parseLabCommand(rest: readonly string[], values: LabArgValues): Parsed {
  const [sub, slug, ...more] = rest;
  if (sub === "list") return more.length || slug !== undefined ? fail("`lab list` takes no arguments") : ok({ kind: "lab-list" });
  if (sub !== "show" && sub !== "fetch" && sub !== "submit" && sub !== "result") {
    return fail(sub === undefined ? "`lab` needs a subcommand: list, show, fetch, submit or result" : `unknown lab subcommand "${sub}"`);
  }
  if (slug === undefined) return fail(`\`lab ${sub}\` needs a lab slug (list them with \`lab list\`)`);
  if (!LAB_SLUG.test(slug)) return fail("the lab slug is kebab-case, e.g. layernorm-forward");
  if (sub === "result") {
    const id = z.uuid().safeParse(more[0]);
    if (!id.success || more.length !== 1) return fail("`lab result` takes a slug and the submission id that `lab submit` printed");
    return ok({ kind: "lab-result", slug, id: id.data });
  }
  if (sub === "show") return more.length ? fail("`lab show` takes a slug and an optional --seed") : ok({ kind: "lab-show", slug, seed: values.seed });
  if (values.seed === undefined) return fail(`\`lab ${sub}\` needs --seed N (the seed of the inputs you used; \`lab show\` prints one)`);
  if (sub === "fetch") {
    if (more.length) return fail("`lab fetch` takes a slug, --seed, and optionally --format and --out");
    const format = FormatSchema.safeParse(values.format ?? "npz");
    if (!format.success) return fail(format.error.issues[0]?.message ?? "bad --format");
    return ok({ kind: "lab-fetch", slug, seed: values.seed, format: format.data, outDir: values.out ?? "." });
  }
  const [file, ...extra] = more;
  if (file === undefined || extra.length) return fail("`lab submit` takes a slug, --seed N and one file (.npy, .npz or .json)");
  const timeout = TimeoutSchema.safeParse(values.timeout ?? "120");
  if (!timeout.success) return fail(timeout.error.issues[0]?.message ?? "bad --timeout");
  return ok({ kind: "lab-submit", slug, seed: values.seed, file, timeoutSeconds: timeout.data });
}

function ok(command: LabCommand): Parsed {
  return { ok: true, command };
}

function fail(message: string): Parsed {
  return { ok: false, message };
}
