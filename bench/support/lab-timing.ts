// Timing pieces of `npm run bench:lab`: the block reference forward on dense
// inputs, the same matmuls alone on pre-uploaded tensors, and a full
// gradeLabOutput on a failing submission. Runs are interleaved (forward,
// matmuls, forward, …) so load from other work on the machine hits both sides
// of the ratio alike.
import * as tf from "@tensorflow/tfjs-core";
import { denseForwardBlock, type BlockConfig } from "../../lib/reference";
import type { BlockParams } from "../../lib/labs/block-lab";
import type { Tensor } from "../../lib/labs/lab-types";
import { buggyOutput, gradeLabOutput, type Lab } from "../../lib/labs";
import { summarize, timeRuns, type Summary } from "./stats";

export type RatioCell = { forward: Summary; matmuls: Summary; ratioP50: number };

const upload = (t: Tensor): tf.Tensor2D => tf.tensor2d(new Float32Array(t.data), [t.shape[0] ?? 0, t.shape[1] ?? 0]);

/**
 * Every matmul of one block forward, with the reference's shapes: Q/K/V and O
 * projections, QKᵀ and weights·V batched per KV head (each KV head against its
 * group of query heads stacked, as the reference does), and the FFN projections.
 * Returns a function that runs them once and reads every result back.
 */
function matmulsOf(config: BlockConfig, seq: number, p: BlockParams): { run: () => void; dispose: () => void } {
  const dHead = config.dModel / config.nHeads;
  const x = upload(p.x);
  const w = [p.weights.wq, p.weights.wk, p.weights.wv, p.weights.wo, p.weights.w1, p.weights.w2, ...(p.weights.w3 ? [p.weights.w3] : [])].map(upload);
  const [wq, wk, wv, wo, w1, w2, w3] = w;
  const group = config.nHeads / config.nKvHeads;
  const q = tf.randomUniform([config.nKvHeads, group * seq, dHead]) as tf.Tensor3D;
  const k = tf.randomUniform([config.nKvHeads, seq, dHead]) as tf.Tensor3D;
  const scores = tf.randomUniform([config.nKvHeads, group * seq, seq]) as tf.Tensor3D;
  const heads = tf.randomUniform([seq, config.dModel]) as tf.Tensor2D;
  const hidden = tf.randomUniform([seq, config.dFf]) as tf.Tensor2D;
  const all = [x, ...w, q, k, scores, heads, hidden];
  return {
    run: () =>
      tf.tidy(() => {
        if (!wq || !wk || !wv || !wo || !w1 || !w2) throw new Error("bench: missing weights");
        const outs = [
          tf.matMul(x, wq),
          tf.matMul(x, wk),
          tf.matMul(x, wv),
          tf.matMul(q, k, false, true),
          tf.matMul(scores, k),
          tf.matMul(heads, wo),
          tf.matMul(x, w1),
          ...(w3 ? [tf.matMul(x, w3)] : []),
          tf.matMul(hidden, w2),
        ];
        for (const out of outs) out.dataSync();
      }),
    dispose: () => tf.dispose(all),
  };
}

/** Median/p90 of the reference forward and of its matmuls, `runs` interleaved pairs after `warmup`. */
export function timeForwardVsMatmuls(config: BlockConfig, seq: number, p: BlockParams, runs: number, warmup: number): RatioCell {
  const matmuls = matmulsOf(config, seq, p);
  const forward = (): void => void denseForwardBlock(config, p.float32.weights, p.float32.x);
  try {
    for (let i = 0; i < warmup; i++) {
      forward();
      matmuls.run();
    }
    const f: number[] = [];
    const m: number[] = [];
    for (let i = 0; i < runs; i++) {
      f.push(timed(forward));
      m.push(timed(matmuls.run));
    }
    const forwardSummary = summarize(f);
    const matmulSummary = summarize(m);
    return { forward: forwardSummary, matmuls: matmulSummary, ratioP50: forwardSummary.p50 / matmulSummary.p50 };
  } finally {
    matmuls.dispose();
  }
}

/** Median/p90 of a whole gradeLabOutput (reference, compare, every variant) on the output of variant `code`. */
export async function timeGrade(lab: Lab, seed: number, code: string, runs: number): Promise<{ summary: Summary; diagnosis: string | null }> {
  const submission = await buggyOutput(lab, seed, code);
  let diagnosis: string | null = null;
  const times = await timeRuns(runs, 1, async () => {
    diagnosis = (await gradeLabOutput(lab, seed, submission)).diagnosis?.code ?? null;
  });
  return { summary: summarize(times), diagnosis };
}

function timed(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}
