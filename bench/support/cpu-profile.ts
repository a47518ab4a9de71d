// Reads V8 .cpuprofile files (node --cpu-prof) and prints where the time went:
// self time per part of the stack, the bundled frames mapped back through the
// build's source maps to the package or project folder they came from.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { ms, table } from "./stats";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

type Place = { part: string; where: string };

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    let map: SourceMap | null = null;
    if (existsSync(mapFile)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")));
      } catch {
        map = null;
      }
    }
    maps.set(file, map);
  }
  return maps.get(file) ?? null;
}

/** "…/node_modules/@scope/pkg/…" → "@scope/pkg", or undefined when the path is in no package. */
function packageOf(path: string): string | undefined {
  const marker = path.lastIndexOf("node_modules/");
  if (marker < 0) return undefined;
  const rest = path.slice(marker + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : rest[0];
}

/** A project file's part: "lib/queue" for lib/queue/today-queue.ts, "app" for anything under app/. */
function projectPartOf(path: string): string | undefined {
  const match = /(?:^|\/)(lib|app|exercises)\/([^/]+)/.exec(path.replace(/^(\.\.\/)+/, ""));
  if (!match || path.includes("node_modules")) return undefined;
  return match[1] === "lib" ? `lib/${(match[2] ?? "").replace(/\.tsx?$/, "")}` : (match[1] ?? path);
}

/** Which package a bundled chunk came from when its source map names none (a package's own nested map). */
function chunkPackageOf(file: string): string {
  const name = file.split("/").pop() ?? file;
  for (const known of ["@prisma", "@better-auth", "better-auth", "better-call", "next", "zod", "pg", "ts-fsrs", "marked", "katex", "kysely"]) {
    if (name.includes(`_${known}_`) || name.startsWith(`${known}_`) || name.includes(`]_${known}`)) return known;
  }
  return file.includes("/.next/") ? "next (build output)" : "(unknown)";
}

function placeOf(frame: CallFrame): Place {
  if (!frame.url) return { part: frame.functionName.startsWith("(") ? frame.functionName : "(native)", where: frame.functionName };
  if (frame.url.startsWith("node:")) {
    const part = frame.url.includes("zlib") ? "node:zlib (response compression)" : "node internals";
    return { part, where: `${frame.functionName} ${frame.url}` };
  }
  let file = frame.url;
  try {
    if (file.startsWith("file://")) file = fileURLToPath(file);
  } catch {
    return { part: "(unknown)", where: frame.url };
  }
  const map = sourceMapOf(file);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  const original = entry && "originalSource" in entry && entry.originalSource ? entry.originalSource : file;
  const line = entry && "originalLine" in entry ? entry.originalLine + 1 : frame.lineNumber + 1;
  const part =
    packageOf(original) ??
    projectPartOf(original) ??
    (/next\/src|webpack:\/\/next|turbopack:/.test(original) ? "next" : undefined) ??
    packageOf(file) ??
    chunkPackageOf(file);
  const shortened = original.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+/, "");
  return { part, where: `${frame.functionName || "(anonymous)"} ${shortened}:${line}` };
}

/**
 * Prints, over every profile in `files` (their times added): self time per
 * part, time spent under each project file and package (inclusive: a sample
 * counts once for every part on its stack), and the hottest functions.
 */
export function summarizeProfiles(files: readonly string[], top = 30): void {
  const byPart = new Map<string, number>();
  const under = new Map<string, number>();
  const byFunction = new Map<string, { part: string; us: number }>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const places = new Map<number, Place>();
    const place = (id: number): Place | undefined => {
      const node = nodes.get(id);
      if (!node) return undefined;
      let p = places.get(id);
      if (!p) {
        p = placeOf(node.callFrame);
        places.set(id, p);
      }
      return p;
    };
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    for (const [id, us] of self) {
      const own = place(id);
      if (!own || own.part === "(idle)") continue;
      total += us;
      byPart.set(own.part, (byPart.get(own.part) ?? 0) + us);
      const entry = byFunction.get(own.where) ?? { part: own.part, us: 0 };
      entry.us += us;
      byFunction.set(own.where, entry);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const p = place(at);
        if (p) seen.add(p.part);
      }
      for (const part of seen) under.set(part, (under.get(part) ?? 0) + us);
    }
  }
  const share = (us: number) => `${((100 * us) / Math.max(1, total)).toFixed(1)}%`;
  console.log(`Busy CPU in ${files.length} profile(s): ${ms(total / 1000)} ms (idle left out).\n`);
  const parts = [...byPart].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(
    table(
      ["part of the stack", "self ms", "share"],
      parts.map(([part, us]) => [part, ms(us / 1000), share(us)]),
    ),
  );
  const inclusive = [...under]
    .filter(([part]) => part.startsWith("lib/") || part === "app" || !part.startsWith("("))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40);
  console.log("\nTime under each part (inclusive: everything it called, wherever it ran):");
  console.log(
    table(
      ["part", "ms under it", "share"],
      inclusive.map(([part, us]) => [part, ms(us / 1000), share(us)]),
    ),
  );
  const functions = [...byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, top);
  console.log(`\nHottest ${top} functions by self time:`);
  console.log(
    table(
      ["function", "part", "self ms", "share"],
      functions.map(([where, { part, us }]) => [where.slice(0, 110), part, ms(us / 1000), share(us)]),
    ),
  );
}
