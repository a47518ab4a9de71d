// The service worker, built after `next build` (a step of `npm run build`):
// esbuild bundles app/sw.ts with Serwist, then @serwist/build's injectManifest
// writes public/sw.js with the precache list: what the review and offline
// pages load (Next's root scripts, the two routes' client chunks and styles,
// the KaTeX fonts; content-hashed names, so cached as they are), the icons,
// the manifest and the offline page (revisioned by the build id). Other
// pages' chunks are not precached: they need the network anyway.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { injectManifest } from "@serwist/build";
import { build } from "esbuild";

/** What went into the precache. */
export type ServiceWorkerBuild = { files: number; bytes: number; warnings: string[] };

const ICONS = ["icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"];
/** The pages that must open offline. */
const OFFLINE_ROUTES = ["review", "offline"];

/**
 * The static files (relative to `dist`) the offline routes load: Next's root
 * scripts (build-manifest.json; the legacy polyfills are skipped, modern
 * browsers never load them) and every chunk and stylesheet each route's
 * client reference manifest names, the chunks those load on demand, plus the
 * fonts the math is set in.
 */
function offlineShellPatterns(dist: string): string[] {
  const buildManifest = JSON.parse(readFileSync(join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const files = new Set(buildManifest.rootMainFiles ?? []);
  for (const route of OFFLINE_ROUTES) {
    const manifest = readFileSync(join(dist, "server", "app", route, "page_client-reference-manifest.js"), "utf8");
    for (const [file] of manifest.matchAll(/static\/chunks\/[\w.~-]+\.(?:js|css)/g)) files.add(file);
  }
  // Chunks those load on demand (import(), next/dynamic: the review's exercise and
  // drawing faces, its edit sheet) are named in the loading chunk's text.
  for (const file of files) {
    if (!file.endsWith(".js")) continue;
    for (const [named] of readFileSync(join(dist, file), "utf8").matchAll(/static\/chunks\/[\w.~-]+\.(?:js|css)/g)) files.add(named);
  }
  return [...files, "static/media/*.woff2"];
}

/** Builds public/sw.js from app/sw.ts against the Next build in `distDir` (relative to `root`). */
export async function buildServiceWorker(root: string, distDir: string): Promise<ServiceWorkerBuild> {
  const dist = join(root, distDir);
  const bundled = join(dist, "residual", "sw.js");
  await build({
    entryPoints: [join(root, "app", "sw.ts")],
    outfile: bundled,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const buildId = readFileSync(join(dist, "BUILD_ID"), "utf8").trim();
  const fileRevision = (file: string) =>
    createHash("sha256")
      .update(readFileSync(join(root, "public", file)))
      .digest("hex")
      .slice(0, 16);
  const result = await injectManifest({
    swSrc: bundled,
    swDest: join(root, "public", "sw.js"),
    injectionPoint: "self.__SW_MANIFEST",
    globDirectory: dist,
    globPatterns: offlineShellPatterns(dist),
    modifyURLPrefix: { "static/": "/_next/static/" },
    // Next's static files carry their content hash in the name.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    additionalPrecacheEntries: [
      { url: "/offline", revision: buildId },
      { url: "/manifest.webmanifest", revision: buildId },
      ...ICONS.map((file) => ({ url: `/${file}`, revision: fileRevision(file) })),
    ],
  });
  return { files: result.count, bytes: result.size, warnings: result.warnings };
}
