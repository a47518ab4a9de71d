// The production processes (the app server and the workers) run as plain
// JavaScript bundled from their TypeScript entries, not through tsx: tsx's
// loader keeps a second V8 isolate and its transforms alive in every process:
// the app server, after the same start and pages, measured 311 MiB RSS
// bundled against 481 MiB through tsx. Bundling one entry takes well under a second, so it happens
// as a process starts, from the code on disk: there is no build step to forget.
// Packages stay in node_modules (`packages: "external"`); only the project's
// own code is bundled. Development (`npm run dev`) still runs through tsx.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/** The process entries under scripts/. */
export type ProcessEntry = "app-server" | "lab-worker" | "import-worker";

/**
 * Bundles scripts/`entry`.ts to `<Next dist dir>/residual/<entry>.mjs` and
 * returns that path. Written to a temporary name and renamed, so processes
 * started side by side never run a half-written file.
 */
export async function bundleProcess(entry: ProcessEntry, root: string = process.cwd()): Promise<string> {
  const dir = join(root, process.env.NEXT_DIST_DIR || ".next", "residual");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${entry}.mjs`);
  const partial = `${outfile}.${randomBytes(4).toString("hex")}.tmp`;
  await build({
    entryPoints: [join(root, "scripts", `${entry}.ts`)],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "warning",
  });
  renameSync(partial, outfile);
  return outfile;
}
