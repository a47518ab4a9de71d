// The backend follows the job's size: wasm below NODE_BACKEND_MIN_INPUT_ELEMENTS,
// node from there where it starts; a backend chosen by hand or required by the
// environment is kept. Each case loads the backend module afresh.
import { describe, expect, it } from "vitest";
import { freshBackendModule, restoreRequiredBackendAfterEach } from "./fresh-backend";

restoreRequiredBackendAfterEach();

describe("useReferenceBackendFor", () => {
  it("runs small jobs on wasm and large ones on node where node starts", { timeout: 60_000 }, async () => {
    const backend = await freshBackendModule();
    await backend.initReferenceBackend();
    const nodeStarts = (await backend.availableReferenceBackends()).includes("node");
    const threshold = backend.NODE_BACKEND_MIN_INPUT_ELEMENTS;
    expect(await backend.useReferenceBackendFor(threshold - 1)).toBe("wasm");
    expect(await backend.useReferenceBackendFor(threshold)).toBe(nodeStarts ? "node" : "wasm");
    expect(await backend.useReferenceBackendFor(10)).toBe("wasm");
  });

  it("keeps a backend chosen by hand, whatever the size", async () => {
    const backend = await freshBackendModule();
    await backend.initReferenceBackend();
    expect(await backend.useReferenceBackend("cpu")).toBe(true);
    expect(await backend.useReferenceBackendFor(10)).toBe("cpu");
    expect(await backend.useReferenceBackendFor(10_000_000)).toBe("cpu");
  });

  it("keeps the backend REFERENCE_REQUIRE_BACKEND names", async () => {
    const backend = await freshBackendModule("cpu");
    await backend.initReferenceBackend();
    expect(await backend.useReferenceBackendFor(10)).toBe("cpu");
    expect(await backend.useReferenceBackendFor(10_000_000)).toBe("cpu");
  });
});
