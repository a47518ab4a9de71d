// Next.js calls register() once when a server process starts. The only thing
// registered is the benchmark's event-loop probe, and only when
// RESIDUAL_EVENT_LOOP_FILE names a file (npm run bench:abuse sets it).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const file = env().RESIDUAL_EVENT_LOOP_FILE;
  if (!file) return;
  const { startEventLoopProbe } = await import("./lib/monitoring/event-loop-probe");
  startEventLoopProbe(file);
}
