// How a bench runs: `main` registers undo steps (stop the server, stop
// Postgres, disconnect) as it starts things; they run in reverse order when it
// ends, fails or is interrupted, so no server or database is left behind.

export type Cleanups = (() => Promise<void>)[];

/** Runs `main(cleanups)` as the process's one job; exit code 1 on failure, 130 on SIGINT/SIGTERM. */
export function runBench(main: (cleanups: Cleanups) => Promise<void>): void {
  const cleanups: Cleanups = [];
  const cleanup = async (): Promise<void> => {
    while (cleanups.length) {
      const step = cleanups.pop();
      try {
        await step?.();
      } catch (error) {
        console.error(`[bench] cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n[bench] ${signal}: stopping the server and Postgres`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  main(cleanups)
    .catch((error: unknown) => {
      console.error(`\n[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
