// `presets` and `preset <module> <preset name | default>` → a preset command, or a usage message. Pure.
import { z } from "zod";

export type PresetCommand = { kind: "list" } | { kind: "set"; module: string; preset: string };

export const PRESET_USAGE = [
  "  presets                                     list your presets (your settings are the default one)",
  "  preset <module> <name|default>              schedule a module with one of your presets, or with your settings",
].join("\n");

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "the module slug is kebab-case, e.g. attention-notes");

type Parsed = { ok: true; command: PresetCommand } | { ok: false; message: string };

/** `name` is `presets` or `preset`; `rest` what follows it. */
export function parsePresetCommand(name: "presets" | "preset", rest: readonly string[]): Parsed {
  if (name === "presets") return rest.length === 0 ? { ok: true, command: { kind: "list" } } : { ok: false, message: "`presets` takes no arguments" };
  const [module, ...words] = rest;
  if (module === undefined || words.length === 0) return { ok: false, message: "`preset` takes a module and a preset name: preset <module> <name|default>" };
  const slug = SlugSchema.safeParse(module);
  if (!slug.success) return { ok: false, message: slug.error.issues[0]?.message ?? "bad slug" };
  return { ok: true, command: { kind: "set", module: slug.data, preset: words.join(" ") } };
}
