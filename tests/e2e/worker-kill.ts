// Killing a lab worker while it holds a job, every time rather than by luck:
// grading a lab output takes milliseconds, so a SIGKILL at a random moment
// often finds the worker between jobs. Here every worker is made to wait
// holding a claimed job, and only then is one killed.
import type { LabWorkerProcess } from "../../bench/support/lab-worker-process";
import { withDatabase } from "./instances-support";

const HOLD_TIMEOUT_MS = 15_000;

/**
 * Pauses every worker (SIGSTOP), lets `queueBacklog` queue more submissions
 * than there are workers, resumes them, and locks lab_submission_chunk: a
 * worker claims its next job (the claim touches only lab_submission) and then
 * waits on reading the job's chunks. Once every worker waits so, each holding
 * a RUNNING job, `victim` is SIGKILLed and the lock released; the victim's job
 * stays RUNNING until a surviving worker takes it back as stale. Returns the
 * ids RUNNING at the kill, the victim's among them. Uploads wait on the lock
 * too (to insert, not to read), briefly.
 */
export async function killWorkerHoldingJob(
  databaseUrl: string,
  workers: readonly LabWorkerProcess[],
  victim: LabWorkerProcess,
  queueBacklog: () => Promise<void>,
): Promise<string[]> {
  for (const worker of workers) worker.signal("SIGSTOP");
  try {
    await queueBacklog();
  } finally {
    for (const worker of workers) worker.signal("SIGCONT");
  }
  return withDatabase(databaseUrl, async (client) => {
    await client.query("BEGIN");
    try {
      // After SIGCONT, not before: a paused worker could be holding a read of the chunks open.
      await client.query("LOCK TABLE lab_submission_chunk IN ACCESS EXCLUSIVE MODE");
      // A RUNNING row alone is not enough: a worker that read its chunks just before the lock may be finishing.
      const readersWaiting = async () =>
        (
          await client.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'lab_submission_chunk'::regclass AND mode = 'AccessShareLock' AND NOT granted`,
          )
        ).rows[0]?.waiting ?? 0;
      const deadline = Date.now() + HOLD_TIMEOUT_MS;
      let waiting = await readersWaiting();
      while (waiting < workers.length) {
        if (Date.now() > deadline)
          throw new Error(`only ${waiting} of ${workers.length} workers claimed a job while the chunks were locked; queue a larger backlog`);
        await new Promise((done) => setTimeout(done, 20));
        waiting = await readersWaiting();
      }
      victim.signal("SIGKILL");
      const held = await client.query<{ id: string }>(`SELECT id::text AS id FROM lab_submission WHERE status = 'RUNNING'`);
      return held.rows.map((row) => row.id);
    } finally {
      await client.query("COMMIT");
    }
  });
}
