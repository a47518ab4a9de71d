// `reschedule [--dry-run] [--reason …]`, `reschedule undo <id>` and `reschedules` → a reschedule command, or a usage message. Pure.
import { z } from "zod";

/** Why a reschedule runs, as the server logs it (prisma enum RescheduleReason); the run list shows it. */
export const RESCHEDULE_REASONS = ["RETENTION", "WEIGHTS", "BALANCING", "MANUAL"] as const;
export type RescheduleReason = (typeof RESCHEDULE_REASONS)[number];

export type RescheduleCommand = { kind: "run"; dryRun: boolean; reason: RescheduleReason } | { kind: "undo"; id: string } | { kind: "list" };

export const RESCHEDULE_USAGE = [
  "  reschedule [--dry-run] [--reason R]         move review cards' due dates to match your retention, parameters and easy days (--dry-run: only count)",
  "                                              R: why, as the run list shows it: retention, weights, balancing or manual (the default)",
  "  reschedule undo <id>                        put back what a reschedule moved (cards reviewed since keep their dates)",
  "  reschedules                                 your recent reschedules, with their ids",
].join("\n");

const ReasonSchema = z
  .string()
  .transform((text) => text.toUpperCase())
  .pipe(z.enum(RESCHEDULE_REASONS));

type Parsed = { ok: true; command: RescheduleCommand } | { ok: false; message: string };

/** The command that reschedules for `reason`, as the CLI prints it after a change that calls for one. */
export function rescheduleCommandFor(reason: RescheduleReason): string {
  return reason === "MANUAL" ? "reschedule" : `reschedule --reason ${reason.toLowerCase()}`;
}

/** The line printed after a change whose new settings the review cards already scheduled do not follow yet. */
export function rescheduleHint(reason: RescheduleReason): string {
  return `review cards already scheduled keep their days until you run: ${rescheduleCommandFor(reason)}`;
}

/** `name` is `reschedule` or `reschedules`; `rest` what follows it; `reason` the --reason text, if given. */
export function parseRescheduleCommand(name: "reschedule" | "reschedules", rest: readonly string[], flags: { dryRun: boolean; reason?: string }): Parsed {
  const { dryRun, reason } = flags;
  if (name === "reschedules") {
    return rest.length === 0 && !dryRun && reason === undefined
      ? { ok: true, command: { kind: "list" } }
      : { ok: false, message: "`reschedules` takes no arguments" };
  }
  if (rest.length === 0) {
    const parsed = ReasonSchema.safeParse(reason ?? "manual");
    if (!parsed.success) return { ok: false, message: `--reason is retention, weights, balancing or manual, not "${reason}"` };
    return { ok: true, command: { kind: "run", dryRun, reason: parsed.data } };
  }
  const [word, id, ...extra] = rest;
  if (word !== "undo" || id === undefined || extra.length > 0 || dryRun || reason !== undefined) {
    return { ok: false, message: "`reschedule` takes --dry-run and --reason, or `undo <id>`" };
  }
  const parsed = z.uuid().safeParse(id);
  return parsed.success
    ? { ok: true, command: { kind: "undo", id: parsed.data } }
    : { ok: false, message: `"${id}" is not a reschedule id (see \`reschedules\`)` };
}
