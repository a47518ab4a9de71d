// Node says a package is missing in two ways: `require` throws MODULE_NOT_FOUND, and `import()`
// throws ERR_MODULE_NOT_FOUND. The built server (dev and production) loads the optional native
// backend through `import()`, tests through vitest's `require`-like resolution: both must read as
// "not installed" rather than as Node's raw message.
const NOT_FOUND_CODES: ReadonlySet<unknown> = new Set(["MODULE_NOT_FOUND", "ERR_MODULE_NOT_FOUND"]);

/** Whether loading `packageName` failed because it (or a file of its own, such as a native binding never built) is not there. */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  return error instanceof Error && "code" in error && NOT_FOUND_CODES.has(error.code) && error.message.includes(packageName);
}
