// Builders for lab submission tests: requests to the labs routes, and
// correct or buggy output files made from the lab's own reference.
import { zipSync } from "fflate";
import { buggyOutput, referenceOutput } from "@/lib/labs";
import { encodeNpy, tensorToJson } from "@/lib/labs/tensor-file";
import { catalogue } from "@/exercises/catalogue";

export const LAB_SLUG = "layernorm-forward";
export const LAB_SEED = 11;

export function labOrThrow(slug = LAB_SLUG) {
  const lab = catalogue.findLab(slug);
  if (!lab) throw new Error(`no lab ${slug}`);
  return lab;
}

/** The reference output as a .npy file (float64), an .npz holding it deflated (as np.savez_compressed writes it) or JSON `{shape, data}` text. */
export async function correctFile(format: "npy" | "npz" | "json", slug = LAB_SLUG, seed = LAB_SEED): Promise<Uint8Array> {
  const tensor = await referenceOutput(labOrThrow(slug), seed);
  if (format === "npz") return zipSync({ "y.npy": [encodeNpy(tensor), { level: 6 }] });
  return format === "npy" ? encodeNpy(tensor) : new TextEncoder().encode(JSON.stringify(tensorToJson(tensor)));
}

/** The output of the lab's first known bug, as .npy; returns the bug's code too. */
export async function buggyFile(slug = LAB_SLUG, seed = LAB_SEED): Promise<{ code: string; file: Uint8Array }> {
  const lab = labOrThrow(slug);
  const code = lab.variants[0]?.code;
  if (!code) throw new Error(`lab ${slug} has no variants`);
  return { code, file: encodeNpy(await buggyOutput(lab, seed, code)) };
}

/** A Request as the App Router hands it to a handler; the body (bytes or text) is sent with no content type unless `headers` gives one, as `requests.post(data=…)` does. */
export function labRequest(auth: string, path: string, init: { method?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {}): Request {
  const body = init.body === undefined ? undefined : new Blob([typeof init.body === "string" ? init.body : (init.body.slice().buffer as ArrayBuffer)]);
  return new Request(`http://localhost${path}`, { method: init.method ?? "GET", body, headers: { authorization: auth, ...init.headers } });
}

export const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** `bytes` as a request body stream, in one chunk. */
export function bodyOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
