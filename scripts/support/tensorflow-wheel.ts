// The TensorFlow C library inside a tensorflow-cpu wheel (a zip), laid out as
// @tensorflow/tfjs-node's binding.gyp expects it: deps/include with the C API's
// headers and deps/lib with the two shared libraries. The wheel splits the C API
// between libtensorflow_cc.so.2 (TFE_*, TF_NewTensor…) and
// libtensorflow_framework.so.2; the binding links `-ltensorflow`, so
// libtensorflow.so names the first. Only the headers the C API includes are
// taken (the wheel's include tree is 13,000 files).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";

/** Where pip's local index keeps wheels on these machines; TENSORFLOW_WHEEL overrides it. */
const WHEEL_DIRECTORY = "/opt/pypi/files";
const WHEEL_PATTERN = /^tensorflow_cpu-2\.\d+\.\d+-cp\d+-cp\d+-manylinux[^/]*x86_64\.whl$/;

const INCLUDE_ROOT = "tensorflow/include/";
/** The headers binding.gyp names; these, what the binding's sources include, and what all of them include (in the wheel) come along. */
const ROOT_HEADERS = ["tensorflow/c/c_api.h", "tensorflow/c/eager/c_api.h"];
const LIBRARIES = ["libtensorflow_cc.so.2", "libtensorflow_framework.so.2"];
/** Link names the binding's `-ltensorflow -ltensorflow_framework` resolve to. */
const LINK_NAMES: Record<string, string> = { "libtensorflow.so": "libtensorflow_cc.so.2", "libtensorflow_framework.so": "libtensorflow_framework.so.2" };

/** The wheel to build from: TENSORFLOW_WHEEL, else the newest tensorflow-cpu 2.x wheel in /opt/pypi/files, else null. */
export function findTensorflowWheel(override = process.env.TENSORFLOW_WHEEL): string | null {
  if (override) return existsSync(override) ? override : null;
  if (!existsSync(WHEEL_DIRECTORY)) return null;
  const wheels = readdirSync(WHEEL_DIRECTORY)
    .filter((name) => WHEEL_PATTERN.test(name))
    .sort();
  const newest = wheels.at(-1);
  return newest ? path.join(WHEEL_DIRECTORY, newest) : null;
}

/** Quoted includes of a header: `#include "tensorflow/c/tf_status.h"` → "tensorflow/c/tf_status.h". */
function quotedIncludes(text: string): string[] {
  return [...text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * Writes `deps/include/**` and `deps/lib/*` under `packageDir` from `wheelPath`:
 * the root headers and the binding's own includes and, transitively, every
 * header they include that the wheel holds; the two libraries and their link names. Holds the wheel in memory once
 * (≈270 MB) and inflates only those members.
 */
export async function layOutTensorflowC(wheelPath: string, packageDir: string): Promise<{ headers: number; libraryBytes: number }> {
  const wheel = new Uint8Array(readFileSync(wheelPath));
  const names = new Set<string>();
  // A filter that takes nothing lists every member without inflating any.
  unzipSync(wheel, {
    filter: (file) => {
      names.add(file.name);
      return false;
    },
  });
  const bindingDir = path.join(packageDir, "binding");
  const bindingIncludes = readdirSync(bindingDir).flatMap((file) => quotedIncludes(readFileSync(path.join(bindingDir, file), "utf8")));
  const wanted = new Set([...ROOT_HEADERS, ...bindingIncludes.filter((h) => names.has(INCLUDE_ROOT + h))]);
  const headers = new Map<string, Uint8Array>();
  for (let pending = [...wanted]; pending.length > 0; ) {
    const batch = new Set(pending.map((h) => INCLUDE_ROOT + h));
    const found = unzipSync(wheel, { filter: (file) => batch.has(file.name) });
    pending = [];
    for (const [member, bytes] of Object.entries(found)) {
      headers.set(member.slice(INCLUDE_ROOT.length), bytes);
      for (const include of quotedIncludes(new TextDecoder().decode(bytes))) {
        if (wanted.has(include) || !names.has(INCLUDE_ROOT + include)) continue;
        wanted.add(include);
        pending.push(include);
      }
    }
  }
  const missing = ROOT_HEADERS.filter((h) => !headers.has(h));
  if (missing.length > 0) throw new Error(`${path.basename(wheelPath)} lacks ${missing.join(", ")}`);

  const deps = path.join(packageDir, "deps");
  await rm(deps, { recursive: true, force: true });
  for (const [header, bytes] of headers) {
    const target = path.join(deps, "include", header);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  const libDir = path.join(deps, "lib");
  await mkdir(libDir, { recursive: true });
  let libraryBytes = 0;
  for (const library of LIBRARIES) {
    const member = `tensorflow/${library}`;
    const bytes = unzipSync(wheel, { filter: (file) => file.name === member })[member];
    if (!bytes) throw new Error(`${path.basename(wheelPath)} lacks ${member}`);
    await writeFile(path.join(libDir, library), bytes);
    libraryBytes += bytes.length;
  }
  for (const [link, target] of Object.entries(LINK_NAMES)) await symlink(target, path.join(libDir, link));
  return { headers: headers.size, libraryBytes };
}
