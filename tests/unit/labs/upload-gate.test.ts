// The upload gate: never more than its slots at work, waiters served in
// arrival order, and a slot given back when work fails.
import { describe, expect, it } from "vitest";
import { createGate } from "@/lib/labs/submissions/upload-gate";

describe("createGate", () => {
  it("runs at most `slots` at once, in arrival order, and frees a slot on failure", async () => {
    const gate = createGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const job = (i: number, fail = false) =>
      gate.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        if (fail) throw new Error(`job ${i} failed`);
        return i;
      });
    const jobs = [job(0, true), job(1), job(2), job(3)];
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    releases.shift()?.();
    await expect(jobs[0]).rejects.toThrow("job 0 failed");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1, 2]);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await Promise.all(jobs.slice(1))).toEqual([1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
  });
});
