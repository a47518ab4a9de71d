// npm run install:tfjs-node — builds the native TensorFlow backend
// (@tensorflow/tfjs-node) from a local TensorFlow C library when its own install
// cannot download one (a machine that reaches only the npm registry). Steps:
// the package and its dependencies without their install scripts, the C library
// and headers from a tensorflow-cpu wheel laid out where binding.gyp expects
// them, then node-gyp with the variables node-pre-gyp would pass, writing
// tfjs_binding.node where tfjs-node looks for it. Idempotent: a binding that
// already loads is left alone (a second run takes a few seconds). Without a
// wheel it says so and exits 0: the app falls back to wasm.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { findTensorflowWheel, layOutTensorflowC } from "./support/tensorflow-wheel";

const PACKAGE = "@tensorflow/tfjs-node";
const root = path.resolve(import.meta.dirname, "..");
const packageDir = path.join(root, "node_modules", PACKAGE);
const require = createRequire(path.join(root, "package.json"));

function run(command: string, args: string[], cwd = root): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

/** True when a fresh node process loads tfjs-node and its backend reports "tensorflow". */
function bindingLoads(): boolean {
  const probe = `require(${JSON.stringify(PACKAGE)}); const tf = require("@tensorflow/tfjs-core"); process.exit(tf.getBackend() === "tensorflow" ? 0 : 1)`;
  return spawnSync(process.execPath, ["-e", probe], { cwd: root, stdio: "ignore", env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" } }).status === 0;
}

/** The version package.json asks for (optionalDependencies). */
function wantedVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { optionalDependencies?: Record<string, string> };
  const version = manifest.optionalDependencies?.[PACKAGE];
  if (!version) throw new Error(`package.json lists no ${PACKAGE} in optionalDependencies`);
  return version;
}

/** node-gyp as npm runs it (npm_config_node_gyp under `npm run`), else the one bundled with npm beside this node. */
function nodeGyp(): string {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"),
  ];
  const found = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!found) throw new Error("node-gyp not found: install it (npm install -g node-gyp) or run this through npm");
  return found;
}

/** Where tfjs-node's loader looks for the binding: node-pre-gyp's own answer for this node. */
function bindingTarget(): { modulePath: string; napiVersion: string } {
  const preGyp = require("@mapbox/node-pre-gyp") as { find: (packageJson: string) => string };
  const bindingPath = preGyp.find(path.join(packageDir, "package.json"));
  const napiVersion = /napi-v(\d+)/.exec(bindingPath)?.[1];
  if (!napiVersion) throw new Error(`unexpected binding path ${bindingPath}`);
  return { modulePath: path.dirname(bindingPath), napiVersion };
}

async function main(): Promise<void> {
  if (existsSync(packageDir) && bindingLoads()) {
    console.log(`${PACKAGE}: the native backend is built and loads; nothing to do.`);
    return;
  }
  const wheel = findTensorflowWheel();
  if (!wheel) {
    console.log(`${PACKAGE}: no tensorflow-cpu wheel found (set TENSORFLOW_WHEEL to one); the reference uses the wasm backend.`);
    return;
  }
  const started = performance.now();
  if (!existsSync(path.join(packageDir, "binding.gyp"))) {
    const version = wantedVersion();
    console.log(`${PACKAGE}: installing ${version} and its dependencies without install scripts`);
    run("npm", ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", `${PACKAGE}@${version}`]);
  }
  console.log(`${PACKAGE}: laying out the TensorFlow C library from ${path.basename(wheel)}`);
  const { headers, libraryBytes } = await layOutTensorflowC(wheel, packageDir);
  console.log(`${PACKAGE}: ${headers} headers, ${(libraryBytes / 2 ** 20).toFixed(0)} MiB of libraries`);
  const { modulePath, napiVersion } = bindingTarget();
  // A node installed with its headers (Debian's /usr/include/node) needs no header download.
  const nodeDir = path.resolve(path.dirname(process.execPath), "..");
  const nodeDirArgs = existsSync(path.join(nodeDir, "include", "node", "node_api.h")) ? [`--nodedir=${nodeDir}`] : [];
  run(
    process.execPath,
    [nodeGyp(), "rebuild", ...nodeDirArgs, "--module_name=tfjs_binding", `--module_path=${modulePath}`, `--napi_build_version=${napiVersion}`, "-j", "2"],
    packageDir,
  );
  if (!bindingLoads()) throw new Error(`${PACKAGE}: built, but the binding does not load`);
  console.log(`${PACKAGE}: built in ${((performance.now() - started) / 1000).toFixed(0)} s; the reference runs on the native backend.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
