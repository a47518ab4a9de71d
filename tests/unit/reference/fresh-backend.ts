// The backend module loaded afresh, with REFERENCE_REQUIRE_BACKEND set as a case
// asks: the backend choice is made once per process, so each case needs its own.
import { afterEach, vi } from "vitest";

const KEY = "REFERENCE_REQUIRE_BACKEND";

/** Restores REFERENCE_REQUIRE_BACKEND and the module registry after each case of the calling file. */
export function restoreRequiredBackendAfterEach(): void {
  const saved = process.env[KEY];
  afterEach(() => {
    if (saved === undefined) delete process.env[KEY];
    else process.env[KEY] = saved;
    vi.resetModules();
  });
}

/** lib/reference/backend as a new process would load it, with REFERENCE_REQUIRE_BACKEND = `required` (unset for undefined). */
export async function freshBackendModule(required?: string) {
  if (required === undefined) delete process.env[KEY];
  else process.env[KEY] = required;
  vi.resetModules();
  return import("@/lib/reference/backend");
}
