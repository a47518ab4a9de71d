// REFERENCE_REQUIRE_BACKEND pins the reference to one backend: it runs there even
// when a faster one is present, and a backend that cannot start is an error, not
// a fallback. Each case loads the backend module afresh (its choice is per process).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { freshBackendModule, restoreRequiredBackendAfterEach } from "./fresh-backend";

const tfjsNodeInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
})();

restoreRequiredBackendAfterEach();

describe("REFERENCE_REQUIRE_BACKEND", () => {
  it("runs the reference on the named backend, even when a faster one starts", { timeout: 60_000 }, async () => {
    const backend = await freshBackendModule("cpu");
    expect(await backend.initReferenceBackend("wasm")).toEqual({ backend: "cpu" });
    expect(backend.referenceBackend()).toBe("cpu");
    expect(await backend.availableReferenceBackends()).toContain("cpu");
  });

  it("refuses a value that names no backend, with the variable's name", async () => {
    const backend = await freshBackendModule("gpu");
    await expect(backend.initReferenceBackend()).rejects.toThrow("REFERENCE_REQUIRE_BACKEND must be node, wasm or cpu");
  });

  // Where tfjs-node is not installed (a machine without the TensorFlow wheel), the real failure.
  it.skipIf(tfjsNodeInstalled)("fails with the reason when the named backend cannot start", async () => {
    const backend = await freshBackendModule("node");
    await expect(backend.initReferenceBackend()).rejects.toThrow(
      "REFERENCE_REQUIRE_BACKEND=node, but the node backend is unavailable: @tensorflow/tfjs-node is not installed; npm run install:tfjs-node builds it",
    );
  });
});
