// Loads Prisma's wasm schema engine (@prisma/schema-engine-wasm) by hand.
// Its package entry imports the .wasm as an ES module, which Node 20 cannot do
// without --experimental-wasm-modules, so the module is compiled here and wired
// to its wasm-bindgen glue (`schema_engine_bg.js`) the way that entry would.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationAdapterFactory } from "./pg-migration-adapter";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

/** No externally managed tables or enums: the engine owns the whole `public` schema. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

type PanicRegistry = { set_message(message: string): void };
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

let loaded: Promise<void> | undefined;
let lastPanic: string | undefined;
let activeEngines = 0;

// The engine arms timers (query timeouts) and, having no clearTimeout import,
// never cancels them: a finished command would hold the process open for ~10 s.
// Its timers are tracked and cleared once no engine is running.
const pendingTimers = new Set<NodeJS.Timeout>();
function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer);
    callback();
  }, ms >>> 0);
  pendingTimers.add(timer);
  return timer;
}

// The engine reports progress as JSON log lines; errors arrive as rejections instead.
function ignoreEngineLog(): void {}

function load(): Promise<void> {
  loaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const module = new WebAssembly.Module(bytes);
    const glueImports: WebAssembly.ModuleImports = { ...glue };
    for (const name of Object.keys(glueImports)) {
      if (name.startsWith("__wbg_setTimeout_")) glueImports[name] = engineSetTimeout;
    }
    const imports: WebAssembly.Imports = { "./schema_engine_bg.js": glueImports };
    const instance = new WebAssembly.Instance(module, imports);
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema engine wasm has no __wbindgen_start export");
    start();
    // Rust panics report their message here before the wasm traps with "unreachable".
    // The trap can surface outside the command's promise, so the message is also printed.
    globals.PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message) => {
        lastPanic = message;
        console.error(`schema engine panicked: ${message}`);
      },
    };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/**
 * Runs `work` with a fresh engine bound to `adapterFactory`, then frees the
 * engine and releases every connection the factory opened (the engine itself
 * leaves them open). Engine errors are rethrown with `label` and, after a Rust
 * panic, the panic message; the wasm instance is rebuilt after a panic.
 */
export async function withSchemaEngine<T>(label: string, adapterFactory: MigrationAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await load();
  lastPanic = undefined;
  activeEngines += 1;
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: undefined }, ignoreEngineLog, adapterFactory);
    return await work(engine);
  } catch (error) {
    const panic = lastPanic;
    if (panic !== undefined) loaded = undefined;
    const message = error instanceof Error ? error.message : String(error);
    const reason = panic ?? withDriverError(message, adapterFactory);
    throw new Error(`schema engine ${label} failed: ${reason}`, { cause: error });
  } finally {
    if (loaded !== undefined) engine?.free();
    await adapterFactory.disposeAll();
    activeEngines -= 1;
    if (activeEngines === 0) {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
    }
  }
}

// Adapter errors reach the engine as "External error id#N"; the original is kept in the factory's registry.
function withDriverError(message: string, factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): string {
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === undefined ? undefined : factory.errorRegistry.consumeError(Number(id));
  if (record === undefined) return message;
  const original = record.error instanceof Error ? record.error.message : JSON.stringify(record.error);
  return `${original}\n${message.trim()}`;
}
