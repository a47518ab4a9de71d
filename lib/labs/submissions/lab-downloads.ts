// The files a learner downloads for a lab and seed: every input in one JSON
// file or one .npz, or a single input as .npy. Each carries the conventions
// (the JSON in its fields, the .npz as a `conventions` text member).
import { labInputs, labView, type LabLookup } from "..";
import { notFound } from "../../errors/app-error";
import { encodeInputsJson, encodeNpy, encodeNpz, FILE_CONVENTIONS } from "../tensor-file";

export type DownloadKind = { kind: "json" } | { kind: "npz" } | { kind: "npy"; input: string };

export type LabDownload = { body: Uint8Array<ArrayBuffer> | string; contentType: string; filename: string };

/** Builds one download; NOT_FOUND for an unknown lab or input name. Deterministic per (slug, seed). */
export function labDownload(labs: LabLookup, slug: string, seed: number, what: DownloadKind): LabDownload {
  const lab = labs.findLab(slug);
  if (!lab) throw notFound(`Lab "${slug}"`);
  const inputs = labInputs(lab, seed);
  const stem = `${lab.slug}-seed${seed}`;
  if (what.kind === "npy") {
    const input = inputs.find((i) => i.name === what.input);
    if (!input) throw notFound(`Input "${what.input}" of lab "${slug}" (inputs: ${inputs.map((i) => i.name).join(", ")})`);
    return { body: encodeNpy(input.tensor), contentType: "application/octet-stream", filename: `${stem}-${input.name}.npy` };
  }
  const view = labView(lab, seed);
  if (what.kind === "json") {
    const body = encodeInputsJson({ lab: lab.slug, seed, conventions: view.conventions, scalars: view.scalars, inputs });
    return { body, contentType: "application/json; charset=utf-8", filename: `${stem}-inputs.json` };
  }
  const conventions = [FILE_CONVENTIONS, ...view.conventions, `Scalars: ${JSON.stringify(view.scalars)}`].join("\n");
  return {
    body: encodeNpz([...inputs, { name: "conventions", text: conventions }]),
    contentType: "application/zip",
    filename: `${stem}-inputs.npz`,
  };
}
