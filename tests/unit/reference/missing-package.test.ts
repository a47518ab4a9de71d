// The native backend's absence is said as "not installed" whichever loader met it: Node's
// `require` and its `import()` report a missing package with different codes and messages.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isMissingPackage } from "../../../lib/reference/missing-package";

const PACKAGE = "@residual-test/not-a-package";

/** What `load` throws. */
function failureOf(load: () => unknown): unknown {
  try {
    load();
  } catch (error) {
    return error;
  }
  throw new Error("the load did not fail");
}

describe("isMissingPackage", () => {
  it("reads require's MODULE_NOT_FOUND for the package", () => {
    const error = failureOf(() => createRequire(import.meta.url)(PACKAGE));
    expect((error as { code?: string }).code).toBe("MODULE_NOT_FOUND");
    expect(isMissingPackage(error, PACKAGE)).toBe(true);
  });

  it("reads import()'s ERR_MODULE_NOT_FOUND for the package, as the built server meets it", () => {
    // Node's own import(), in a process of its own: inside vitest, imports go through its resolver instead.
    const script = `import(${JSON.stringify(PACKAGE)}).catch((e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`;
    const thrown = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { code: string; message: string };
    expect(thrown.code).toBe("ERR_MODULE_NOT_FOUND");
    expect(isMissingPackage(Object.assign(new Error(thrown.message), { code: thrown.code }), PACKAGE)).toBe(true);
  });

  it("leaves other failures as they are: another package missing, or the package failing as it loads", () => {
    const other = Object.assign(new Error("Cannot find package 'left-pad' imported from /app/x.js"), { code: "ERR_MODULE_NOT_FOUND" });
    expect(isMissingPackage(other, PACKAGE)).toBe(false);
    const broken = Object.assign(new Error(`${PACKAGE}: libtensorflow.so.2: cannot open shared object file`), { code: "ERR_DLOPEN_FAILED" });
    expect(isMissingPackage(broken, PACKAGE)).toBe(false);
    expect(isMissingPackage("not an error", PACKAGE)).toBe(false);
  });
});
