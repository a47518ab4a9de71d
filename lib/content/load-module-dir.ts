// Reads a module folder (module.json + markdown files) from disk into a
// ModuleSource for the pure parser. The only file-system code of lib/content.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AppError } from "../errors/app-error";
import { MAX_FILE_BYTES } from "./limits";
import { ModuleManifestSchema, type ModuleSource } from "./schemas";

/** The manifest file every module folder holds. */
export const MANIFEST_FILE = "module.json";

async function readManifest(dir: string) {
  const path = join(dir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new AppError("VALIDATION", `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ModuleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", `Invalid ${path}: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`, issues);
  }
  return parsed.data;
}

/**
 * Loads the module in `dir` (relative paths resolve against the working
 * directory). Files are those listed in module.json `files`, else every `.md`
 * file except README.md in name order. A file over the size cap is refused
 * before it is read.
 */
export async function loadModuleDir(dir: string): Promise<ModuleSource> {
  const root = resolve(dir);
  const manifest = await readManifest(root);
  const names = manifest.files ?? (await readdir(root)).filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md").sort();
  const files = [];
  for (const name of names) {
    const path = join(root, name);
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) {
      throw new AppError("VALIDATION", `${name} is too large: ${size} bytes, at most ${MAX_FILE_BYTES}`, [
        { path: name, message: `file is too large: at most ${MAX_FILE_BYTES / 1024} KiB` },
      ]);
    }
    files.push({ name, text: await readFile(path, "utf8") });
  }
  return { manifest, files };
}
