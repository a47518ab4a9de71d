import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { createRequire } from "node:module";
import path from "node:path";

/** Backends the reference block can run on, fastest first. */
export type ReferenceBackendName = "node" | "wasm" | "cpu";

export const REFERENCE_BACKEND_ORDER: readonly ReferenceBackendName[] = ["node", "wasm", "cpu"];

/** tfjs registry name of each backend. */
const TFJS_NAME: Record<ReferenceBackendName, string> = { node: "tensorflow", wasm: "wasm", cpu: "cpu" };

/** Kept in a variable so bundlers and tsc do not try to resolve the optional package. */
const TFJS_NODE_PACKAGE = "@tensorflow/tfjs-node";

let registration: Partial<Record<ReferenceBackendName, Promise<boolean>>> = {};
let initialised: Promise<{ backend: ReferenceBackendName }> | null = null;

async function registerNode(): Promise<boolean> {
  try {
    await import(/* webpackIgnore: true */ TFJS_NODE_PACKAGE);
    return tf.findBackendFactory(TFJS_NAME.node) !== null;
  } catch {
    return false;
  }
}

/** Directory holding the wasm backend's `.wasm` files, or null when it cannot be resolved. */
function wasmDirectory(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + path.sep;
  } catch {
    return null;
  }
}

async function registerWasm(): Promise<boolean> {
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const dir = wasmDirectory();
    if (dir) wasm.setWasmPaths(dir);
    return tf.findBackendFactory(TFJS_NAME.wasm) !== null;
  } catch {
    return false;
  }
}

function register(name: ReferenceBackendName): Promise<boolean> {
  const existing = registration[name];
  if (existing) return existing;
  const pending = name === "node" ? registerNode() : name === "wasm" ? registerWasm() : Promise.resolve(true);
  registration = { ...registration, [name]: pending };
  return pending;
}

/**
 * Makes `name` the active tfjs backend. Resolves false (and leaves the previous
 * backend active) when the package is missing or its initialisation fails.
 * Tests use this to run the same input on every available backend.
 */
export async function useReferenceBackend(name: ReferenceBackendName): Promise<boolean> {
  if (!(await register(name))) return false;
  const previous = tf.engine().backendName;
  try {
    if (await tf.setBackend(TFJS_NAME[name])) return true;
  } catch {
    // fall through: restore below
  }
  if (previous) await tf.setBackend(previous);
  return false;
}

/**
 * Chooses the backend once per process: `preferred` first, then node → wasm →
 * cpu. Idempotent: later calls return the first call's result. Never rejects
 * while the cpu backend works.
 */
export function initReferenceBackend(preferred?: ReferenceBackendName): Promise<{ backend: ReferenceBackendName }> {
  if (initialised) return initialised;
  initialised = (async () => {
    const order = preferred ? [preferred, ...REFERENCE_BACKEND_ORDER.filter((n) => n !== preferred)] : REFERENCE_BACKEND_ORDER;
    for (const name of order) {
      if (await useReferenceBackend(name)) return { backend: name };
    }
    throw new Error("reference: no tfjs backend could be initialised (not even cpu)");
  })();
  return initialised;
}

/** The backend the tfjs path runs on now ("node" | "wasm" | "cpu"), or "uninitialised". */
export function referenceBackend(): ReferenceBackendName | "uninitialised" {
  if (!initialised) return "uninitialised";
  const active = tf.engine().backendName;
  const found = REFERENCE_BACKEND_ORDER.find((n) => TFJS_NAME[n] === active);
  return found ?? "uninitialised";
}

/** Every backend that initialises on this machine, in preference order; restores the active one. */
export async function availableReferenceBackends(): Promise<ReferenceBackendName[]> {
  await initReferenceBackend();
  const active = referenceBackend();
  const available: ReferenceBackendName[] = [];
  for (const name of REFERENCE_BACKEND_ORDER) {
    if (await useReferenceBackend(name)) available.push(name);
  }
  if (active !== "uninitialised") await useReferenceBackend(active);
  return available;
}

/** Throws unless `initReferenceBackend` has completed; the tfjs path calls this first. */
export function assertReferenceBackendReady(): void {
  if (referenceBackend() === "uninitialised") {
    throw new Error("reference: await initReferenceBackend() before using the tfjs path");
  }
}
