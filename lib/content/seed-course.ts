// Seeds the built-in course: loads its folder, parses it, imports it as a
// public module. Running it twice changes nothing the second time.
import type { Db } from "../db/client";
import { importModule } from "./import-module";
import type { ImportReport } from "./import-report";
import { loadModuleDir } from "./load-module-dir";
import { parseModuleSource } from "./parse-module";

/** Folder of the built-in "Transformer architecture" course, relative to the repository root. */
export const DEFAULT_COURSE_DIR = "content/transformer-architecture";

/**
 * Imports the course in `contentDir` (default: the built-in course; relative
 * paths resolve against the working directory, i.e. the repository root for
 * npm scripts and tests) as scope "public", as of `now`.
 */
export async function seedCourse(db: Db, contentDir: string = DEFAULT_COURSE_DIR, now: Date): Promise<ImportReport> {
  const parsed = parseModuleSource(await loadModuleDir(contentDir));
  return importModule(db, parsed, { scope: "public" }, now);
}
