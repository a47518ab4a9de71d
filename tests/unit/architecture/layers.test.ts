// How lib/ hangs together, checked from the source text: the exercise
// catalogue is handed in (lib/ never imports exercises/), no two lib folders
// import each other, and the clock is an argument (no `new Date()` or
// `Date.now()` in lib/ outside the few places that time a process, not a row).
import { readdirSync, readFileSync } from "node:fs";
import { join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const LIB = join(ROOT, "lib");

/** Reading the clock here times a process or waits for one; no row is dated by it. */
// Timers and measurement, not dated rows.
const CLOCK_EXEMPT = ["lib/db/embedded-postgres-port.ts", "lib/monitoring/"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(LIB).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }));

/** The project-relative targets of a file's relative imports (type-only imports included). */
function importsOf(file: { path: string; text: string }): string[] {
  const targets = [...file.text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? "");
  return targets.map((target) => normalize(join(file.path, "..", target)));
}

/** "lib/queue/today-queue.ts" → "lib/queue"; a file directly in lib/ is its own unit. */
const unitOf = (path: string) => path.split("/").slice(0, 2).join("/");

describe("lib/ layering", () => {
  it("never imports the exercise catalogue: it is handed in at the edge", () => {
    const offenders = files.flatMap((f) =>
      importsOf(f)
        .filter((t) => t === "exercises" || t.startsWith("exercises/"))
        .map((t) => `${f.path} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it("has no two lib folders that import each other", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      const from = unitOf(file.path);
      for (const target of importsOf(file).filter((t) => t.startsWith("lib/"))) {
        const to = unitOf(target);
        if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const ties = [...edges].flatMap(([from, tos]) => [...tos].filter((to) => from < to && edges.get(to)?.has(from)).map((to) => `${from} ↔ ${to}`));
    expect(ties).toEqual([]);
  });

  it("reads no clock: `now` is an argument wherever a row is dated", () => {
    const offenders = files
      .filter((f) => !CLOCK_EXEMPT.some((prefix) => f.path.startsWith(prefix)))
      .flatMap((f) =>
        f.text
          .split("\n")
          .map((line, i) => ({ line, n: i + 1 }))
          .filter(({ line }) => /new Date\(\s*\)|Date\.now\(\)/.test(line) && !/^\s*(\/\/|\*)/.test(line))
          .map(({ n }) => `${f.path}:${n}`),
      );
    expect(offenders).toEqual([]);
  });
});
