// `reschedule [--dry-run]`, `reschedule undo <id>` and `reschedules` → a reschedule command, or a usage message. Pure.
import { z } from "zod";

export type RescheduleCommand = { kind: "run"; dryRun: boolean } | { kind: "undo"; id: string } | { kind: "list" };

export const RESCHEDULE_USAGE = [
  "  reschedule [--dry-run]                      move review cards' due dates to match your retention, parameters and easy days (--dry-run: only count)",
  "  reschedule undo <id>                        put back what a reschedule moved (cards reviewed since keep their dates)",
  "  reschedules                                 your recent reschedules, with their ids",
].join("\n");

type Parsed = { ok: true; command: RescheduleCommand } | { ok: false; message: string };

/** `name` is `reschedule` or `reschedules`; `rest` what follows it. */
export function parseRescheduleCommand(name: "reschedule" | "reschedules", rest: readonly string[], dryRun: boolean): Parsed {
  if (name === "reschedules") {
    return rest.length === 0 && !dryRun ? { ok: true, command: { kind: "list" } } : { ok: false, message: "`reschedules` takes no arguments" };
  }
  if (rest.length === 0) return { ok: true, command: { kind: "run", dryRun } };
  const [word, id, ...extra] = rest;
  if (word !== "undo" || id === undefined || extra.length > 0 || dryRun) return { ok: false, message: "`reschedule` takes --dry-run, or `undo <id>`" };
  const parsed = z.uuid().safeParse(id);
  return parsed.success
    ? { ok: true, command: { kind: "undo", id: parsed.data } }
    : { ok: false, message: `"${id}" is not a reschedule id (see \`reschedules\`)` };
}
