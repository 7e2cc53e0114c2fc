// Records which standard-library modules the calculator really imports, and writes them,
// compiled, into a small stdlib zip (called by tools/trim_stdlib.py at build time).
//
//   node trace_stdlib.mjs JOB.json      — prints one JSON summary line on stdout
//   JOB: {runtime_dir, worker, probes, margin: [module, ...], output, core_output}
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

try {
  pyodide.runPython("raise ValueError('the error path: Pyodide formats the traceback')");
} catch {
  /* expected: what matters is what formatting the error imported */
}

pyodide.globals.set("MARGIN", pyodide.toPy(job.margin));
pyodide.globals.set("PROBLEMS", pyodide.toPy(problems));
const summary = pyodide.runPython(`
import importlib, importlib._bootstrap_external as bx, json, sys, zipfile
problems = list(PROBLEMS)
for name in MARGIN:
    importlib.import_module(name)

ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
used = sorted(
    m.__spec__.origin[len(ZIP) + 1:]
    for m in list(sys.modules.values())
    if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(ZIP + "/")
)
DATE = (2020, 1, 1, 0, 0, 0)
with zipfile.ZipFile(ZIP) as full, zipfile.ZipFile("/tmp/stdlib.zip", "w") as out:
    dirs = sorted({"/".join(p.split("/")[:i]) + "/" for p in used for i in range(1, p.count("/") + 1)})
    for d in dirs:
        out.writestr(zipfile.ZipInfo(d, DATE), b"")
    for path in used:
        source = full.read(path)
        code = compile(source, f"{ZIP}/{path}", "exec", dont_inherit=True)
        info = zipfile.ZipInfo(path[:-3] + ".pyc", DATE)
        info.external_attr = 0o644 << 16
        out.writestr(info, bx._code_to_timestamp_pyc(code, 0, len(source)), zipfile.ZIP_DEFLATED, 9)

# The core's bytecode for its wheel: unchecked hash-based .pyc, valid whatever mtime unpacking
# gives the sources; co_filename is where the wheel installs them.
import cip_core, importlib.util, os
core_dir = os.path.dirname(cip_core.__file__)
site = os.path.dirname(core_dir)
with zipfile.ZipFile("/tmp/core-pyc.zip", "w") as out:
    for folder, _, names in sorted(os.walk(core_dir)):
        for name in sorted(n for n in names if n.endswith(".py")):
            origin = os.path.join(folder, name)
            source = open(origin, "rb").read()
            code = compile(source, origin, "exec", dont_inherit=True)
            data = bx._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
            cached = importlib.util.cache_from_source(origin)
            out.writestr(zipfile.ZipInfo(os.path.relpath(cached, site), DATE), data)
json.dumps({"problems": problems, "modules": used, "python": sys.version.split()[0]})
`);
writeFileSync(job.output, pyodide.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(job.core_output, pyodide.FS.readFile("/tmp/core-pyc.zip"));
process.stdout.write(summary + "\n");
