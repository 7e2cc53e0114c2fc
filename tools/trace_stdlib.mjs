// Records which standard-library modules the calculator really imports, and writes them,
// compiled, into a small stdlib zip (called by tools/trim_stdlib.py at build time).
//
//   node trace_stdlib.mjs JOB.json      — prints one JSON summary line on stdout
//   JOB: {runtime_dir, worker, inside, probes, margin: [module, ...], output, core_output}
//         inside: tools/trace_stdlib_inside.py, the Python half (run inside Pyodide)
//         probes: a JSON file of fixed requests (tools/stdlib_probes.json) — not test cases:
//         what ships never depends on a test passing; core_output: the core's bytecode zip
//
// It boots Pyodide from runtime_dir (the FULL python_stdlib.zip) through the worker's own boot
// code, answers the probe requests (results and input errors in both languages), forces an
// error path (a Python exception turned into a JS error), imports the
// margin modules, then compiles each module that came from the stdlib zip to a .pyc with this
// very interpreter (same bytecode magic as the browser's): Python then starts in ~0.35 s instead
// of ~1.8 s, as it no longer compiles ~150 modules from source. Entries are deflated (measured:
// 1.45 MB whether or not the host gzips .zip; stored, 1.38 MB when it does but 3.47 MB when not).

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const fail = (error) => {
  process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
};
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const runtimeDir = job.runtime_dir.endsWith("/") ? job.runtime_dir : job.runtime_dir + "/";
globalThis.fetch = async (url) => {
  throw new Error(`network access refused while tracing the stdlib: ${url}`);
};

const { loadPyodide } = await import(pathToFileURL(runtimeDir + "pyodide.mjs").href);
const { boot } = await import(pathToFileURL(job.worker).href);
let pyodide;
const answer = await boot(async (options) => (pyodide = await loadPyodide(options)), runtimeDir, () => {});

const { probes } = JSON.parse(readFileSync(job.probes, "utf8"));
const problems = [];
for (const [n, request] of probes.entries()) {
  const reply = answer({ id: n, type: "evaluate", ...request });
  if (reply.type === "fatal") problems.push(`probe ${n}: the worker failed: ${reply.message}`);
}
answer({ id: -1, type: "compute" }); // an unknown request type

// The Python half (tools/trace_stdlib_inside.py), from Pyodide's file system. Importing it
// imports what the recording needs before it lists anything.
pyodide.FS.mkdirTree("/tmp/trace");
pyodide.FS.writeFile("/tmp/trace/trace_stdlib_inside.py", readFileSync(job.inside));
pyodide.pyimport("sys").path.insert(0, "/tmp/trace");
const tracer = pyodide.pyimport("trace_stdlib_inside");
try {
  tracer.fail_for_the_error_path();
} catch {
  /* expected: what matters is what formatting the error imported */
}
const summary = tracer.record(
  JSON.stringify({ margin: job.margin, problems, stdlib_output: "/tmp/stdlib.zip", core_output: "/tmp/core-pyc.zip" }),
);
writeFileSync(job.output, pyodide.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(job.core_output, pyodide.FS.readFile("/tmp/core-pyc.zip"));
process.stdout.write(summary + "\n");
