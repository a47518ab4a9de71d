// The backend follows the job's size: wasm below NODE_BACKEND_MIN_INPUT_ELEMENTS,
// node from there where it starts; a backend chosen by hand or required by the
// environment is kept. Each case loads the backend module afresh.
import { afterEach, describe, expect, it, vi } from "vitest";

const KEY = "REFERENCE_REQUIRE_BACKEND";
const saved = process.env[KEY];

afterEach(() => {
  if (saved === undefined) delete process.env[KEY];
  else process.env[KEY] = saved;
  vi.resetModules();
});

async function freshBackendModule() {
  vi.resetModules();
  return import("@/lib/reference/backend");
}

describe("useReferenceBackendFor", () => {
  it("runs small jobs on wasm and large ones on node where node starts", { timeout: 60_000 }, async () => {
    delete process.env[KEY];
    const backend = await freshBackendModule();
    await backend.initReferenceBackend();
    const nodeStarts = (await backend.availableReferenceBackends()).includes("node");
    const threshold = backend.NODE_BACKEND_MIN_INPUT_ELEMENTS;
    expect(await backend.useReferenceBackendFor(threshold - 1)).toBe("wasm");
    expect(await backend.useReferenceBackendFor(threshold)).toBe(nodeStarts ? "node" : "wasm");
    expect(await backend.useReferenceBackendFor(10)).toBe("wasm");
  });

  it("keeps a backend chosen by hand, whatever the size", async () => {
    delete process.env[KEY];
    const backend = await freshBackendModule();
    await backend.initReferenceBackend();
    expect(await backend.useReferenceBackend("cpu")).toBe(true);
    expect(await backend.useReferenceBackendFor(10)).toBe("cpu");
    expect(await backend.useReferenceBackendFor(10_000_000)).toBe("cpu");
  });

  it("keeps the backend REFERENCE_REQUIRE_BACKEND names", async () => {
    process.env[KEY] = "cpu";
    const backend = await freshBackendModule();
    await backend.initReferenceBackend();
    expect(await backend.useReferenceBackendFor(10)).toBe("cpu");
    expect(await backend.useReferenceBackendFor(10_000_000)).toBe("cpu");
  });
});
