import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { referenceEnv } from "../env";
import { isMissingPackage } from "./missing-package";
import { wasmDirectory } from "./wasm-directory";

/** Backends the reference block can run on, fastest first. */
export type ReferenceBackendName = "node" | "wasm" | "cpu";

export const REFERENCE_BACKEND_ORDER: readonly ReferenceBackendName[] = ["node", "wasm", "cpu"];

/** tfjs registry name of each backend. */
const TFJS_NAME: Record<ReferenceBackendName, string> = { node: "tensorflow", wasm: "wasm", cpu: "cpu" };

/** Kept in a variable so bundlers and tsc do not try to resolve the optional package. */
const TFJS_NODE_PACKAGE = "@tensorflow/tfjs-node";

/** Started, or why not (kept for the one line that says so). */
type Registration = { ok: true } | { ok: false; reason: string };

let registration: Partial<Record<ReferenceBackendName, Promise<Registration>>> = {};
let initialised: Promise<{ backend: ReferenceBackendName }> | null = null;
/** Set by useReferenceBackend: a backend chosen by hand (tests, benchmarks) is kept whatever the job size. */
let pinned: ReferenceBackendName | null = null;

const reasonOf = (error: unknown): string => (error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error));

async function registerNode(): Promise<Registration> {
  // TensorFlow reads these when its library loads. oneDNN off: results are read without a layout
  // reorder (a fresh 128×2048 result read in 0.1 ms instead of 5–12 ms, measured) and stay bit-stable.
  process.env.TF_ENABLE_ONEDNN_OPTS ??= "0";
  // One thread per op: the reference's ops are small (a lab block is ~50 of them on 128×512
  // tensors), so handing each to a thread pool costs more than it gains. Measured on 2 cores
  // (bench:lab's forward ÷ matmuls, GELU block): forward 7.1–7.7 ms against 7.6–9.5 ms with the
  // default pool, its matmuls alone unchanged (4.9 ms). Concurrent grades run on the other cores.
  process.env.TF_NUM_INTRAOP_THREADS ??= "1";
  // TensorFlow's pooling allocator instead of malloc per tensor. With malloc, freeing a forward's
  // 1 MB intermediates trims the heap, and the next forward pays page faults again: one GELU
  // multiply on [128, 2048] took 2.6 ms instead of 0.07 ms in a kernel profile. The pool keeps
  // its peak (tens of MB for a lab-size grade) for the process's life.
  process.env.TF_CPU_ALLOCATOR_USE_BFC ??= "true";
  process.env.TF_CPP_MIN_LOG_LEVEL ??= "2";
  try {
    await import(/* webpackIgnore: true */ TFJS_NODE_PACKAGE);
  } catch (error) {
    const reason = isMissingPackage(error, TFJS_NODE_PACKAGE) ? `${TFJS_NODE_PACKAGE} is not installed; npm run install:tfjs-node builds it` : reasonOf(error);
    return { ok: false, reason };
  }
  return tf.findBackendFactory(TFJS_NAME.node) !== null ? { ok: true } : { ok: false, reason: `${TFJS_NODE_PACKAGE} registered no backend` };
}

async function registerWasm(): Promise<Registration> {
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const dir = wasmDirectory();
    if (!dir) return { ok: false, reason: "its .wasm files were not found under node_modules/@tensorflow/tfjs-backend-wasm/dist" };
    wasm.setWasmPaths(dir);
    return tf.findBackendFactory(TFJS_NAME.wasm) !== null ? { ok: true } : { ok: false, reason: "@tensorflow/tfjs-backend-wasm registered no backend" };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

function register(name: ReferenceBackendName): Promise<Registration> {
  const existing = registration[name];
  if (existing) return existing;
  const pending = name === "node" ? registerNode() : name === "wasm" ? registerWasm() : Promise.resolve<Registration>({ ok: true });
  registration = { ...registration, [name]: pending };
  return pending;
}

/** Starts `name` and makes it active; why not when it cannot (the previous backend stays active). */
async function activate(name: ReferenceBackendName): Promise<Registration> {
  const registered = await register(name);
  if (!registered.ok) return registered;
  const previous = tf.engine().backendName;
  let reason = `the ${name} backend did not initialise`;
  try {
    if (await tf.setBackend(TFJS_NAME[name])) return { ok: true };
  } catch (error) {
    reason = reasonOf(error);
  }
  if (previous) await tf.setBackend(previous);
  return { ok: false, reason };
}

/**
 * Makes `name` the active tfjs backend. Resolves false (and leaves the previous
 * backend active) when the package is missing or its initialisation fails.
 * Tests use this to run the same input on every available backend.
 */
export async function useReferenceBackend(name: ReferenceBackendName): Promise<boolean> {
  const started = await activate(name);
  if (started.ok) pinned = name;
  return started.ok;
}

/** The backend REFERENCE_REQUIRE_BACKEND pins (lib/env.ts), or null when the reference may choose. */
export function requiredReferenceBackend(): ReferenceBackendName | null {
  return referenceEnv().REFERENCE_REQUIRE_BACKEND ?? null;
}

/**
 * Chooses the backend once per process: the one REFERENCE_REQUIRE_BACKEND names
 * (rejecting with the reason when it cannot start: no fallback), else `preferred`
 * first, then node → wasm → cpu, saying in one line on stderr which were
 * unavailable and why. Idempotent once it succeeds.
 */
export function initReferenceBackend(preferred?: ReferenceBackendName): Promise<{ backend: ReferenceBackendName }> {
  if (initialised) return initialised;
  const starting = (async () => {
    const required = requiredReferenceBackend();
    if (required) {
      const started = await activate(required);
      if (started.ok) return { backend: required };
      throw new Error(`reference: REFERENCE_REQUIRE_BACKEND=${required}, but the ${required} backend is unavailable: ${started.reason}`);
    }
    const order = preferred ? [preferred, ...REFERENCE_BACKEND_ORDER.filter((n) => n !== preferred)] : REFERENCE_BACKEND_ORDER;
    const skipped: string[] = [];
    for (const name of order) {
      const started = await activate(name);
      if (started.ok) {
        if (skipped.length > 0) console.warn(`reference: running on ${name}; ${skipped.join("; ")}.`);
        return { backend: name };
      }
      skipped.push(`${name} unavailable: ${started.reason}`);
    }
    throw new Error(`reference: no tfjs backend could be initialised (${skipped.join("; ")})`);
  })();
  initialised = starting;
  // A failed start is not kept: the next call tries again.
  starting.catch(() => {
    if (initialised === starting) initialised = null;
  });
  return starting;
}

/** The backend the tfjs path runs on now ("node" | "wasm" | "cpu"), or "uninitialised". */
export function referenceBackend(): ReferenceBackendName | "uninitialised" {
  if (!initialised) return "uninitialised";
  const active = tf.engine().backendName;
  const found = REFERENCE_BACKEND_ORDER.find((n) => TFJS_NAME[n] === active);
  return found ?? "uninitialised";
}

/**
 * Every backend that initialises on this machine, in preference order; restores the active one.
 * Rejects when REFERENCE_REQUIRE_BACKEND names one that is not among them.
 */
export async function availableReferenceBackends(): Promise<ReferenceBackendName[]> {
  await initReferenceBackend();
  const active = referenceBackend();
  const available: ReferenceBackendName[] = [];
  for (const name of REFERENCE_BACKEND_ORDER) {
    if ((await activate(name)).ok) available.push(name);
  }
  const required = requiredReferenceBackend();
  if (required && !available.includes(required)) throw new Error(`reference: REFERENCE_REQUIRE_BACKEND=${required}, but it is not available here`);
  if (active !== "uninitialised") await activate(active);
  return available;
}

/** Throws unless `initReferenceBackend` has completed; the tfjs path calls this first. */
export function assertReferenceBackendReady(): void {
  if (referenceBackend() === "uninitialised") {
    throw new Error("reference: await initReferenceBackend() before using the tfjs path");
  }
}

/**
 * Input elements (activations and weights together) from which a lab job runs on the
 * native backend rather than wasm. Below it, tfjs-node's cost per op (each a call into
 * TensorFlow's eager runtime) outweighs its faster kernels. Measured with `npm run bench:lab`
 * (gradeLabOutput on a failing submission, p50, node ÷ wasm, 2 cores at load ≈14): the GELU
 * block lab at 11,392 elements 49.5 ÷ 31.5 ms (1.57×), at 45,312 53 ÷ 55 ms (0.97×), at
 * 103,296 22.5 ÷ 121 ms (0.19×); layernorm-forward (8,448) 16.0 ÷ 13.4 ms (1.19×),
 * gqa-attention (49,152) 35 ÷ 79 ms (0.44×), kv-cache-decode (196,864) 52 ÷ 371 ms (0.14×).
 * One exception below it: causal-attention (6,144) 9.2 ÷ 23.5 ms.
 */
export const NODE_BACKEND_MIN_INPUT_ELEMENTS = 40_000;

/**
 * Makes the faster backend for a job of `inputElements` active: node at or above
 * NODE_BACKEND_MIN_INPUT_ELEMENTS, else wasm (started on first use); when that one
 * cannot start, the active one stays. A pinned backend (REFERENCE_REQUIRE_BACKEND, or one chosen
 * with useReferenceBackend) is kept. Initialise first. Returns the active backend.
 */
export async function useReferenceBackendFor(inputElements: number): Promise<ReferenceBackendName | "uninitialised"> {
  if (pinned || requiredReferenceBackend()) return referenceBackend();
  const wanted: ReferenceBackendName = inputElements >= NODE_BACKEND_MIN_INPUT_ELEMENTS ? "node" : "wasm";
  if (referenceBackend() !== wanted) await activate(wanted);
  return referenceBackend();
}
