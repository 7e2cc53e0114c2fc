// Runs the core inside Pyodide under Node, from the very files the site ships (build/runtime/)
// and through the worker's own boot code (docs/assets/calculator/worker.js):
//   1. the worker's answers to the given requests (the page's protocol);
//   2. the golden cases (tests/core/golden_cases.toml, compared by tests/core/golden.py).
// Usage: node run_in_pyodide.mjs JOB.json   — prints one JSON summary on stdout.
// JOB: {runtime_dir, worker, golden_runner, golden_cases, golden_helper, requests: [...]}
//   golden_helper: golden_in_pyodide.py, the Python half (run inside Pyodide)
// Any attempt to fetch a URL is refused and reported: the runtime must need no network.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// A failure prints one JSON line with the error (Node's own report would dump minified code).
process.on("uncaughtException", (error) => {
  process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const runtimeDir = job.runtime_dir.endsWith("/") ? job.runtime_dir : job.runtime_dir + "/";

const fetched = [];
globalThis.fetch = async (url) => {
  fetched.push(String(url));
  throw new Error(`network access refused in this test: ${url}`);
};

const now = () => performance.now();
const timings = {};
const start = now();
const { loadPyodide } = await import(pathToFileURL(runtimeDir + "pyodide.mjs").href);
const { boot } = await import(pathToFileURL(job.worker).href);

let pyodide; // kept to run the golden cases in the same interpreter the worker set up
const capture = async (options) => (pyodide = await loadPyodide(options));
const statuses = [];
const answer = await boot(capture, runtimeDir, (message) => {
  statuses.push({ ...message, at_ms: Math.round(now() - start) });
});
timings.boot_ms = now() - start;

let t = now();
const replies = job.requests.map((request) => answer(request));
timings.requests_ms = now() - t;

t = now();
pyodide.FS.mkdirTree("/tmp/golden");
pyodide.FS.writeFile("/tmp/golden/golden.py", readFileSync(job.golden_runner));
pyodide.FS.writeFile("/tmp/golden/golden_cases.toml", readFileSync(job.golden_cases));
pyodide.FS.writeFile("/tmp/golden/golden_in_pyodide.py", readFileSync(job.golden_helper));
pyodide.pyimport("sys").path.insert(0, "/tmp/golden");
const golden = JSON.parse(pyodide.pyimport("golden_in_pyodide").golden_summary("/tmp/golden"));
timings.golden_ms = now() - t;

// Without a network, a package that is not ours must fail at once, fetching nothing.
t = now();
let foreign = "loaded";
await pyodide.loadPackage("micropip", { messageCallback: () => {}, errorCallback: () => {} }).then(
  () => (foreign = pyodide.loadedPackages.micropip ? "loaded" : "not loaded"),
  (error) => (foreign = `refused: ${error.message}`),
);
timings.foreign_ms = now() - t;

process.stdout.write(JSON.stringify({ statuses, replies, golden, foreign, timings, fetched }) + "\n");
