// npm run bench:lab — the lab grader's cost at a lab-size block (seq 128,
// d_model 512, 8 heads, 2 KV heads): per tfjs backend, the reference forward
// against the same matmuls alone (target: ratio ≤ 2), and a full
// gradeLabOutput (reference + compare + every buggy variant) on a failing
// submission, at that size and for every catalogue lab at its own size.
// Prints figures; never passes or fails.
import type { BlockConfig } from "../lib/reference";
import { initReferenceBackend, useReferenceBackend } from "../lib/reference";
import { REFERENCE_BACKEND_ORDER } from "../lib/reference/backend";
import { LABS } from "../exercises/labs";
import { generateBlock } from "../lib/labs/block-lab";
import { layernormGeluBlockLab } from "../exercises/labs/prenorm-block-layernorm-gelu";
import { rmsnormSwigluBlockLab } from "../exercises/labs/prenorm-block-rmsnorm-swiglu";
import { runBench } from "./support/lifecycle";
import { timeForwardVsMatmuls, timeGrade } from "./support/lab-timing";
import { heading, loadAverage, ms, note, table } from "./support/stats";

const SEQ = 128;
const SEED = 7;
const BASE = { dModel: 512, nHeads: 8, nKvHeads: 2, placement: "pre" } as const;
const BLOCKS: { name: string; config: BlockConfig; lab: typeof layernormGeluBlockLab; failing: string }[] = [
  {
    name: "layernorm+gelu, d_ff 2048",
    config: { ...BASE, dFf: 2048, norm: "layernorm", ffn: "gelu", epsilon: 1e-5 },
    lab: layernormGeluBlockLab,
    failing: "kv-heads-tiled",
  },
  {
    name: "rmsnorm+swiglu, d_ff 1536",
    config: { ...BASE, dFf: 1536, norm: "rmsnorm", ffn: "swiglu", epsilon: 1e-6 },
    lab: rmsnormSwigluBlockLab,
    failing: "kv-heads-tiled",
  },
];
/** Timed runs per backend: the cpu backend is ~20× slower than wasm, so it gets fewer. */
const RUNS: Record<string, { pairs: number; grades: number }> = {
  node: { pairs: 30, grades: 10 },
  wasm: { pairs: 30, grades: 8 },
  cpu: { pairs: 6, grades: 2 },
};

async function main(): Promise<void> {
  await initReferenceBackend();
  note(`seq ${SEQ}, d_model ${BASE.dModel}, ${BASE.nHeads} heads, ${BASE.nKvHeads} KV heads; load average ${loadAverage()} before the run`);
  const ratioRows: string[][] = [];
  const gradeRows: string[][] = [];
  const catalogueRows: string[][] = [];
  for (const backend of REFERENCE_BACKEND_ORDER) {
    if (!(await useReferenceBackend(backend))) {
      note(`${backend}: not available here, skipped`);
      continue;
    }
    const runs = RUNS[backend] ?? { pairs: 10, grades: 3 };
    for (const block of BLOCKS) {
      const params = generateBlock(block.config, SEQ, SEED);
      const cell = timeForwardVsMatmuls(block.config, SEQ, params, runs.pairs, 2);
      ratioRows.push([
        backend,
        block.name,
        ms(cell.forward.p50),
        ms(cell.forward.p90),
        ms(cell.matmuls.p50),
        ms(cell.matmuls.p90),
        `${cell.ratioP50.toFixed(2)}${cell.ratioP50 <= 2 ? "" : "  > 2"}`,
      ]);
      const lab = block.lab(SEQ, block.config);
      const grade = await timeGrade(lab, SEED, block.failing, runs.grades);
      gradeRows.push([backend, block.name, String(lab.variants.length), ms(grade.summary.p50), ms(grade.summary.p90), grade.diagnosis ?? "none"]);
    }
    for (const lab of LABS) {
      const failing = lab.variants[0]?.code ?? "";
      const grade = await timeGrade(lab, SEED, failing, runs.grades);
      catalogueRows.push([backend, lab.slug, String(lab.variants.length), ms(grade.summary.p50), ms(grade.summary.p90), grade.diagnosis ?? "none"]);
    }
  }
  heading("Reference forward vs its matmuls alone (ms; ratio of medians, target ≤ 2)");
  console.log(table(["backend", "block", "forward p50", "p90", "matmuls p50", "p90", "ratio"], ratioRows));
  heading("gradeLabOutput on a failing submission (ms; reference + compare + every variant)");
  console.log(table(["backend", "block", "variants", "p50", "p90", "diagnosis"], gradeRows));
  heading("gradeLabOutput per catalogue lab at its own size (ms; failing on its first variant)");
  console.log(table(["backend", "lab", "variants", "p50", "p90", "diagnosis"], catalogueRows));
  note(`load average ${loadAverage()} after the run`);
}

runBench(main);
