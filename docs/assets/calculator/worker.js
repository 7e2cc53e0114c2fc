// The calculator's module Web Worker: runs cip_core in Pyodide, self-hosted at /assets/pyodide/.
//
// Protocol (plain JSON, see the calculator page):
//   page -> worker  {id, type: "evaluate", case: {field: string, ...}, lang: "fr"|"nl"}
//   worker -> page  {type: "status", stage: "runtime"|"core"|"ready", progress: 0..1}
//                   {id, type: "result", result: {...}}             (Result.to_dict())
//                   {id, type: "input_error", errors: [{field, code, message}]}
//                   {type: "fatal", message} when loading fails; {id, type: "fatal", message}
//                   when one evaluation fails unexpectedly (a bug: never silent)
//
// Every URL comes from this file's own URL, never from the page's (pages live under /nl/ too),
// and the lock lists only our wheel: nothing can be fetched from another origin.

// Python side: one entry function, JSON string in, JSON string out (no proxies to free).
export const PY_ENTRY = `
import json
from cip_core import InputError, evaluate, parse_case
from cip_core.messages import LANGUAGES

def cip_answer(case_json, lang):
    case = json.loads(case_json)
    try:
        result = evaluate(parse_case(case, lang), lang).to_dict()
    except InputError as error:
        errors = [e.to_dict() for e in error.errors]
        return json.dumps({"type": "input_error", "errors": errors}, ensure_ascii=False)
    return json.dumps({"type": "result", "result": result}, ensure_ascii=False)

# Warm up before "ready" (parameters, every catalogue): the first real answer is then as fast
# as the next ones.
for _lang in LANGUAGES:
    cip_answer('{"workplace_region": "brussels", "age": "25"}', _lang)
`;

// Share of the loading time each stage has reached when it ends (measured: the runtime is
// ~90 % of it, the wheel and the import of the core the rest).
const PROGRESS = { runtime: 0.9, core: 0.97 };

// Loads Pyodide and the core; `post` receives the status messages. Returns `answer(message)`,
// which turns one request into its reply. Exported so the same code runs in Node's tests.
export async function boot(loadPyodide, runtimeURL, post) {
  post({ type: "status", stage: "runtime", progress: 0 });
  const pyodide = await loadPyodide({
    indexURL: runtimeURL,
    lockFileURL: runtimeURL + "pyodide-lock.json",
    // Relative file names in the lock resolve here, and Pyodide's CDN fallback becomes this
    // folder too (it defaults to the CDN only when packageBaseUrl is not given).
    packageBaseUrl: runtimeURL,
  });
  post({ type: "status", stage: "core", progress: PROGRESS.runtime });

  // By name, from the lock: the browser checks the wheel against the lock's sha256.
  const errors = [];
  await pyodide.loadPackage("cip-core", {
    messageCallback: () => {}, // our status messages say it; no "Loading…" in the console
    errorCallback: (m) => errors.push(m),
  });
  if (errors.length) throw new Error(errors.join("\n"));
  post({ type: "status", stage: "core", progress: PROGRESS.core });

  pyodide.runPython(PY_ENTRY);
  const entry = pyodide.globals.get("cip_answer");
  post({ type: "status", stage: "ready", progress: 1 });

  return function answer(message) {
    const id = message?.id;
    if (message?.type !== "evaluate") {
      return { id, type: "fatal", message: `unknown request type: ${message?.type}` };
    }
    try {
      const reply = JSON.parse(entry(JSON.stringify(message.case ?? {}), message.lang));
      return { id, ...reply };
    } catch (error) {
      return { id, type: "fatal", message: String(error?.message ?? error) };
    }
  };
}

// In a worker only (Node's tests import this module without running it).
if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  const runtimeURL = new URL("../pyodide/", import.meta.url).href;
  const post = (message) => self.postMessage(message);
  // Pyodide only warns when the wasm cannot be compiled (blocked, missing, wrong type) and then
  // waits forever: turn that warning into the fatal message the page waits for.
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (args[0] === "wasm instantiation failed!") {
      post({ type: "fatal", message: "wasm instantiation failed" });
    }
    warn(...args);
  };
  // Start at once: the runtime loads while the reader reads; requests wait for it.
  const ready = import(runtimeURL + "pyodide.mjs").then(({ loadPyodide }) =>
    boot(loadPyodide, runtimeURL, post),
  );
  ready.catch((error) => post({ type: "fatal", message: String(error?.message ?? error) }));
  self.onmessage = async (event) => {
    let answer;
    try {
      answer = await ready;
    } catch (error) {
      // Loading failed (already reported); still answer, so no request waits forever.
      post({ id: event.data?.id, type: "fatal", message: String(error?.message ?? error) });
      return;
    }
    post(answer(event.data));
  };
}
