// The inputs as files (all of them as .npz or JSON, each as .npy), how to
// load them in NumPy, and the seed: change it for fresh numbers.
import { MAX_LAB_SEED } from "@/lib/labs/submissions/lab-request-schemas";

type Props = { slug: string; seed: number /** The same lab at a fresh seed. */; newSeedHref: string; inputs: string[]; outputName: string };

export function LabDownloads({ slug, seed, newSeedHref, inputs, outputName }: Props) {
  const base = `/api/labs/${slug}`;
  return (
    <section className="panel stack" data-testid="lab-downloads">
      <h2 style={{ margin: 0, fontSize: 17 }}>Inputs for seed {seed}</h2>
      <div className="lab-downloads">
        <a className="button primary" href={`${base}/inputs.npz?seed=${seed}`} download data-testid="download-npz">
          All as .npz
        </a>
        <a className="button" href={`${base}/inputs.json?seed=${seed}`} download data-testid="download-json">
          All as JSON
        </a>
      </div>
      <div className="lab-npy">
        {inputs.map((name) => (
          <a key={name} href={`${base}/inputs/${name}.npy?seed=${seed}`} download>
            {name}.npy
          </a>
        ))}
      </div>
      <pre className="small" style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {[
          "import numpy as np",
          `d = np.load("${slug}-seed${seed}-inputs.npz")`,
          `${inputs.join(", ")} = ${inputs.map((n) => `d["${n}"]`).join(", ")}`,
          `# … compute ${outputName} …`,
          `np.save("${outputName}.npy", ${outputName})`,
        ].join("\n")}
      </pre>
      <form method="get" className="lab-seed" action={`/labs/${slug}`}>
        <label>
          Seed
          <input name="seed" type="number" inputMode="numeric" min={0} max={MAX_LAB_SEED} defaultValue={seed} data-testid="seed-input" />
        </label>
        <button className="button" type="submit">
          Load
        </button>
        <a className="button" href={newSeedHref} data-testid="new-seed">
          New
        </a>
      </form>
    </section>
  );
}
