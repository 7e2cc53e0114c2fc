// Starts the worker as soon as this small file arrives (an async module: it does not wait for
// the page to finish parsing, nor for the calculator's other modules): the runtime (about 5 MB)
// is the long wait. client.js adopts the worker, with what it said meanwhile; if client.js came
// first (window.cipEarlyWorker === false), it started its own and nothing starts here. Nothing
// starts in a frame (status.js says why) or without WebAssembly (client.js says why).
const wanted = window.cipEarlyWorker === undefined && window.top === window.self;
if (wanted && typeof WebAssembly === "object" && typeof Worker === "function") {
  try {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "cip-core" });
    const startedAt = performance.now();
    const events = [];
    const keep = (event) => events.push(event);
    const types = ["message", "error", "messageerror"];
    for (const type of types) worker.addEventListener(type, keep);
    window.cipEarlyWorker = {
      worker,
      startedAt,
      /** Hands the worker over: `hear` gets each event it sent so far, in order. */
      adopt(hear) {
        for (const type of types) worker.removeEventListener(type, keep);
        for (const event of events.splice(0)) hear(event);
        return worker;
      },
    };
  } catch {
    /* client.js starts it, and says so if it cannot */
  }
}
