// The production processes (the app server and the workers) run as plain
// JavaScript bundled from their TypeScript entries, not through tsx: tsx's
// loader keeps its own thread and transforms alive in every process, and
// turns source maps on: the app server, after the same start and requests,
// measured 337 MiB RSS bundled against 505 MiB before. Bundling one entry takes well under a second, so it happens
// as a process starts, from the code on disk: there is no build step to forget.
// Packages stay in node_modules (`packages: "external"`); only the project's
// own code is bundled. Development (`npm run dev`) still runs through tsx.
// Source maps are written beside the bundle but not enabled: with them on,
// node keeps every loaded chunk's map and sources in memory (the app server's
// heap held ~60 MiB of them). NODE_OPTIONS=--enable-source-maps maps stack
// traces back to the TypeScript when that is worth the memory.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/** The process entries under scripts/. */
export type ProcessEntry = "app-server" | "lab-worker" | "import-worker";

/**
 * Bundles scripts/`entry`.ts to `<Next dist dir>/residual/<entry>.mjs` and
 * returns that path (its source map beside it). Each file is written to a
 * temporary name and renamed, so processes started side by side never run a
 * half-written file.
 */
export async function bundleProcess(entry: ProcessEntry, root: string = process.cwd()): Promise<string> {
  const dir = join(root, process.env.NEXT_DIST_DIR || ".next", "residual");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${entry}.mjs`);
  const { outputFiles } = await build({
    entryPoints: [join(root, "scripts", `${entry}.ts`)],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
  // The map first, so a bundle on disk never names a map that is not there yet.
  for (const file of [...outputFiles].sort((a, b) => Number(b.path.endsWith(".map")) - Number(a.path.endsWith(".map")))) {
    const partial = `${file.path}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return outfile;
}
