// npm run -s residual -- <command> — the Residual command-line client:
// list exercises, show a variant, grade typed answers, work labs, import notes, export modules (see args.ts for usage).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { runCli } from "./run";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  fetch: (url, init) => fetch(url, init),
  readFile: (path) => readFile(path, "utf8"),
  newId: randomUUID,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
