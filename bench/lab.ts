// npm run bench:lab — the lab grader's cost per tfjs backend, side by side on the
// same inputs: the lab-size reference block (seq 128, d_model 512, 8 heads, 2 KV
// heads) against the same matmuls alone (target: node within 1.5×, the others
// within 2×), node and cpu against wasm, a full gradeLabOutput (reference +
// compare + every buggy variant) on a failing submission, the block lab swept
// over sizes to find where node overtakes wasm (NODE_BACKEND_MIN_INPUT_ELEMENTS),
// and every catalogue lab at its own size with the backend the grader picks.
// Medians (p50) and p90 of interleaved runs. Prints figures; never passes or fails.
import type { BlockConfig } from "../lib/reference";
import { initReferenceBackend, NODE_BACKEND_MIN_INPUT_ELEMENTS, useReferenceBackend } from "../lib/reference";
import { REFERENCE_BACKEND_ORDER, type ReferenceBackendName } from "../lib/reference/backend";
import { LABS } from "../exercises/labs";
import { generateBlock } from "../lib/labs/block-lab";
import { layernormGeluBlockLab } from "../exercises/labs/prenorm-block-layernorm-gelu";
import { rmsnormSwigluBlockLab } from "../exercises/labs/prenorm-block-rmsnorm-swiglu";
import type { Lab } from "../lib/labs";
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
/** The GELU block lab at growing sizes (seq, d_model; d_ff 4·d_model): where node overtakes wasm. */
const SWEEP: { seq: number; dModel: number }[] = [
  { seq: 16, dModel: 32 },
  { seq: 32, dModel: 64 },
  { seq: 64, dModel: 96 },
  { seq: 64, dModel: 128 },
  { seq: 128, dModel: 256 },
];
/**
 * Timed runs per backend: the cpu backend is ~20× slower than wasm, so it gets fewer. Untimed
 * pairs first: a fresh process runs its first 20–40 native forwards of a size 2–3× slower than
 * later ones (measured; a lab worker is past that after its first few jobs, each a forward per variant).
 */
const RUNS: Record<ReferenceBackendName, { warmup: number; pairs: number; grades: number }> = {
  node: { warmup: 40, pairs: 30, grades: 10 },
  wasm: { warmup: 5, pairs: 30, grades: 8 },
  cpu: { warmup: 1, pairs: 6, grades: 2 },
};
/** Forward ÷ matmuls targets: the native backend's kernels are its matmuls' own, so its glue must cost little. */
const RATIO_TARGET: Record<ReferenceBackendName, number> = { node: 1.5, wasm: 2, cpu: 2 };

const inputElements = (lab: Lab): number => lab.inputs(SEED).reduce((n, i) => n + i.tensor.data.length, 0);
const times = (a: number, b: number | undefined): string => (b === undefined ? "—" : `${(a / b).toFixed(2)}×`);

async function main(): Promise<void> {
  await initReferenceBackend();
  note(`seq ${SEQ}, d_model ${BASE.dModel}, ${BASE.nHeads} heads, ${BASE.nKvHeads} KV heads; load average ${loadAverage()} before the run`);
  const backends: ReferenceBackendName[] = [];
  for (const backend of REFERENCE_BACKEND_ORDER) {
    if (await useReferenceBackend(backend)) backends.push(backend);
    else note(`${backend}: not available here, skipped`);
  }
  const forward = new Map<string, number>();
  const grade = new Map<string, number>();
  const ratioRows: string[][] = [];
  const gradeRows: string[][] = [];
  const catalogue = new Map<string, Map<ReferenceBackendName, number>>();
  const sweep = new Map<string, Map<ReferenceBackendName, number>>();
  for (const backend of backends) {
    await useReferenceBackend(backend);
    const runs = RUNS[backend];
    for (const block of BLOCKS) {
      const params = generateBlock(block.config, SEQ, SEED);
      const cell = timeForwardVsMatmuls(block.config, SEQ, params, runs.pairs, runs.warmup);
      forward.set(`${backend}|${block.name}`, cell.forward.p50);
      const target = RATIO_TARGET[backend];
      ratioRows.push([
        backend,
        block.name,
        ms(cell.forward.p50),
        ms(cell.forward.p90),
        ms(cell.matmuls.p50),
        `${cell.ratioP50.toFixed(2)}${cell.ratioP50 <= target ? "" : `  > ${target}`}`,
      ]);
      const lab = block.lab(SEQ, block.config);
      const timed = await timeGrade(lab, SEED, block.failing, runs.grades);
      grade.set(`${backend}|${block.name}`, timed.summary.p50);
      gradeRows.push([backend, block.name, String(lab.variants.length), ms(timed.summary.p50), ms(timed.summary.p90), timed.diagnosis ?? "none"]);
    }
    if (backend !== "cpu") {
      for (const size of SWEEP) {
        const config: BlockConfig = { ...BASE, dModel: size.dModel, dFf: 4 * size.dModel, norm: "layernorm", ffn: "gelu", epsilon: 1e-5 };
        const lab = layernormGeluBlockLab(size.seq, config);
        const key = `${size.seq}×${size.dModel}|${inputElements(lab)}`;
        const timed = await timeGrade(lab, SEED, "kv-heads-tiled", runs.grades);
        sweep.set(key, (sweep.get(key) ?? new Map()).set(backend, timed.summary.p50));
      }
    }
    for (const lab of LABS) {
      const timed = await timeGrade(lab, SEED, lab.variants[0]?.code ?? "", runs.grades);
      catalogue.set(lab.slug, (catalogue.get(lab.slug) ?? new Map()).set(backend, timed.summary.p50));
    }
  }
  heading("Reference forward vs its matmuls alone (ms; ratio of medians; target node ≤ 1.5, wasm and cpu ≤ 2)");
  console.log(table(["backend", "block", "forward p50", "p90", "matmuls p50", "ratio"], ratioRows));
  heading("The same forward side by side (p50 ms; × wasm)");
  console.log(
    table(
      ["block", ...backends.flatMap((b) => [b, `${b} × wasm`])],
      BLOCKS.map((block) => [
        block.name,
        ...backends.flatMap((b) => {
          const v = forward.get(`${b}|${block.name}`) ?? Number.NaN;
          return [ms(v), times(v, forward.get(`wasm|${block.name}`))];
        }),
      ]),
    ),
  );
  heading("gradeLabOutput on a failing submission (ms; reference + compare + every variant)");
  console.log(table(["backend", "block", "variants", "p50", "p90", "diagnosis"], gradeRows));
  heading(`Where node overtakes wasm: the GELU block lab graded (p50 ms); node from ${NODE_BACKEND_MIN_INPUT_ELEMENTS.toLocaleString("en-US")} input elements`);
  console.log(
    table(
      ["seq × d_model", "input elements", "node", "wasm", "node ÷ wasm", "grader picks"],
      [...sweep].map(([key, byBackend]) => {
        const [size = "", elements = "0"] = key.split("|");
        const node = byBackend.get("node");
        const wasm = byBackend.get("wasm");
        return [
          size,
          Number(elements).toLocaleString("en-US"),
          node === undefined ? "—" : ms(node),
          wasm === undefined ? "—" : ms(wasm),
          node === undefined ? "—" : times(node, wasm),
          Number(elements) >= NODE_BACKEND_MIN_INPUT_ELEMENTS ? "node" : "wasm",
        ];
      }),
    ),
  );
  heading("gradeLabOutput per catalogue lab at its own size (p50 ms; failing on its first variant)");
  console.log(
    table(
      ["lab", "input elements", ...backends, "node ÷ wasm", "grader picks"],
      LABS.map((lab) => {
        const byBackend = catalogue.get(lab.slug) ?? new Map<ReferenceBackendName, number>();
        const node = byBackend.get("node");
        return [
          lab.slug,
          inputElements(lab).toLocaleString("en-US"),
          ...backends.map((b) => ms(byBackend.get(b) ?? Number.NaN)),
          node === undefined ? "—" : times(node, byBackend.get("wasm")),
          inputElements(lab) >= NODE_BACKEND_MIN_INPUT_ELEMENTS ? "node" : "wasm",
        ];
      }),
    ),
  );
  note(`load average ${loadAverage()} after the run`);
}

runBench(main);
