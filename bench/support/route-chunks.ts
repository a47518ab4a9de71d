// What each page's first load carries, read from the production build rather
// than the network: the framework's root chunks (build-manifest.json) plus the
// chunks its client reference manifest lists for the page, compressed as gzip
// and as brotli. Exact and quiet, where Lighthouse's figures move with load.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type RouteChunks = { route: string; files: string[]; gzipBytes: number; brotliBytes: number };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** Every app route of the build in `distDir`, with its first-load JavaScript; the framework's share is the route "(root)". */
export function routeChunks(distDir: string): RouteChunks[] {
  const sizes = new Map<string, { gzip: number; brotli: number }>();
  const size = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const bytes = readFileSync(join(distDir, file));
      known = { gzip: gzipSync(bytes).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
      sizes.set(file, known);
    }
    return known;
  };
  const measure = (route: string, files: string[]): RouteChunks => ({
    route,
    files,
    gzipBytes: files.reduce((sum, f) => sum + size(f).gzip, 0),
    brotliBytes: files.reduce((sum, f) => sum + size(f).brotli, 0),
  });

  const root: string[] = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")).rootMainFiles;
  const routes = [measure("(root)", root)];
  for (const file of clientManifests(join(distDir, "server", "app"))) {
    // Each manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const own = new Set(Object.values(manifest.entryJSFiles ?? {}).flat());
      routes.push(measure(route.replace(/\/page$/, "") || "/", [...root, ...own]));
    }
  }
  return routes;
}

function clientManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith("page_client-reference-manifest.js"))
    .map((name) => join(dir, name));
}
