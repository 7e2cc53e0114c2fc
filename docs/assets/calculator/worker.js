// The calculator's module Web Worker: runs cip_core in Pyodide, self-hosted at /assets/pyodide/.
//
// Protocol (plain JSON): each request is answered by cip_core/protocol.py (its docstring has the
// requests and replies: result, input_error, fatal for an unknown request). This file adds what
// only the worker knows:
//   worker -> page  {type: "status", stage: "runtime"|"core"|"ready", progress: 0..1}
//                   {type: "fatal", message, network?} when loading fails (network: true when
//                   a download broke: the page offers to try again); {id, type: "fatal", message}
//                   when one request fails unexpectedly (a bug: never silent)
//
// Every URL comes from this file's own URL, never from the page's (pages live under /nl/ too),
// and the lock lists only our wheel: nothing can be fetched from another origin.

import {
  byteCounter, countingFetch, creditModuleScripts, DOWNLOAD_SHARE, loadManifest,
} from "./download.js";

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

  // The protocol is Python (cip_core/protocol.py): JSON text in and out, no proxy to free.
  const protocol = pyodide.pyimport("cip_core.protocol");
  protocol.warm_up(); // the first real answer is then as fast as the next ones
  const answerJson = protocol.answer_json;
  post({ type: "status", stage: "ready", progress: 1 });

  return function answer(message) {
    try {
      return JSON.parse(answerJson(JSON.stringify(message ?? null)));
    } catch (error) {
      // A bug (a Python exception, a request JSON cannot carry): never silent.
      return { id: message?.id, type: "fatal", message: String(error?.message ?? error) };
    }
  };
}

// In a worker only (Node's tests import this module without running it).
if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  const runtimeURL = new URL("../pyodide/", import.meta.url).href;
  let network = false; // a download failed (no answer, an error status, cut off): the line's fault
  let lastProgress = 0;
  let stage = "runtime";
  let shownPercent = -1;
  const postStatus = (message) => {
    stage = message.stage;
    lastProgress = Math.max(lastProgress, message.progress);
    shownPercent = Math.floor(lastProgress * 100);
    self.postMessage({ ...message, progress: lastProgress });
  };
  const post = (message) => (message?.type === "status" ? postStatus(message) : self.postMessage(message));
  const counter = byteCounter(runtimeURL, (fraction) => {
    const progress = Math.max(lastProgress, DOWNLOAD_SHARE * fraction);
    // One message per whole percent: the page redraws its bar, no more.
    if (stage !== "ready" && Math.floor(progress * 100) > shownPercent) {
      postStatus({ type: "status", stage, progress });
    }
  });
  // Every download of the runtime is counted as it arrives (./download.js), and a failed one
  // marks the line as the cause.
  const realFetch = self.fetch.bind(self);
  self.fetch = countingFetch(realFetch, counter, () => (network = true));
  creditModuleScripts(counter);
  loadManifest(realFetch, runtimeURL, counter);
  const fatal = (message) => post({ type: "fatal", message, ...(network ? { network: true } : {}) });
  // Pyodide only warns when the wasm cannot be compiled (blocked, missing, wrong type) and then
  // waits forever: turn that warning into the fatal message the page waits for.
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (args[0] === "wasm instantiation failed!") fatal("wasm instantiation failed");
    warn(...args);
  };
  // Start at once: the runtime loads while the reader reads; requests wait for it.
  const ready = import(runtimeURL + "pyodide.mjs").then(({ loadPyodide }) =>
    boot(async (options) => {
      const pyodide = await loadPyodide(options);
      counter.creditAll(); // everything but the wheel has arrived
      return pyodide;
    }, runtimeURL, post),
  );
  ready.catch(async (error) => {
    // import() does not say why a module failed: a line that answers nothing is the network's fault.
    if (!network) {
      try {
        const head = await realFetch(runtimeURL + "pyodide.mjs", { method: "HEAD", cache: "no-store" });
        if (!head.ok) network = true;
      } catch {
        network = true;
      }
    }
    fatal(String(error?.message ?? error));
  });
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
