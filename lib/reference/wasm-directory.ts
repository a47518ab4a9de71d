// Where the wasm backend's .wasm files are. tfjs-backend-wasm looks beside its
// own script unless told; a bundled server (the dev server compiles this module
// into its own chunks) can leave it looking in the wrong folder, so the path
// is set explicitly from node_modules, resolved from this module and, failing
// that, from the project the process runs in.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The file every wasm backend build loads first on x86-64 (SIMD). */
const PROBE_FILE = "tfjs-backend-wasm-simd.wasm";

function distOf(from: string): string | null {
  try {
    const dir = path.join(path.dirname(createRequire(from).resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
    return existsSync(path.join(dir, PROBE_FILE)) ? dir + path.sep : null;
  } catch {
    return null;
  }
}

/** Directory holding the wasm backend's `.wasm` files (ending in a separator), or null when none is found. */
export function wasmDirectory(): string | null {
  return distOf(import.meta.url) ?? distOf(path.join(process.cwd(), "package.json"));
}
