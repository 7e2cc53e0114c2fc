// The worker client: one request in, a Promise of its reply out, as in Pyodide's asyncRun
// pattern — plus the watchdog that gives up on a worker gone silent. The worker
// (./worker.js) runs cip_core in Pyodide; the protocol is cip_core/protocol.py.
//
// report(event) hears how the worker is doing:
//   {type: "status", stage, progress}   loading (stage "ready" once it answers)
//   {type: "offline", network}          loading stopped (a download failed or broke, the worker
//                                       went silent, or Python could not start; network: a
//                                       download's fault): worth a retry()
//   {type: "failed", why}               it cannot run here (no-wasm, no-worker) or it broke
//                                       after it was ready (timeout, fatal…)
// early: the worker early.js started before this module arrived, if any (window.cipEarlyWorker).
// A reply is the worker's ({type: "result" | "input_error", …}), or {type: "offline" | "failed"}
// when the worker stopped before answering: no request ever waits forever.

export function workerClient(url, options, report, early = null) {
  let worker = null;
  let phase = "loading"; // loading | ready | offline | failed (the last two: closed)
  let nextId = 1;
  const waiters = new Map(); // request id -> resolve
  let watchdog = null;
  let loadCap = null;

  const closed = () => phase === "offline" || phase === "failed";
  const arm = (ms) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => fail("timeout"), ms);
  };
  const disarm = () => {
    clearTimeout(watchdog);
    watchdog = null;
  };

  function close(as) {
    phase = as;
    disarm();
    clearTimeout(loadCap);
    try {
      worker?.terminate();
    } catch {
      /* already gone */
    }
    worker = null;
    for (const resolve of waiters.values()) resolve({ type: as });
    waiters.clear();
  }

  // While loading, anything that stops it is worth another try (issue 20: a blocked file or a
  // 503 is no reason to blame the browser); once ready, a failure is a bug and says so.
  function fail(why, network = false) {
    if (closed()) return;
    if (phase === "loading") {
      close("offline");
      report({ type: "offline", network, why: String(why) });
      return;
    }
    close("failed");
    report({ type: "failed", why: String(why) });
  }

  function becomeReady() {
    phase = "ready";
    clearTimeout(loadCap);
    if (waiters.size) arm(options.answerMs);
    else disarm();
  }

  function settle(reply) {
    const resolve = waiters.get(reply.id);
    waiters.delete(reply.id);
    if (waiters.size) arm(options.answerMs);
    else disarm();
    resolve?.(reply);
  }

  function onMessage(event) {
    const message = event.data;
    if (!message || typeof message !== "object" || closed() || event.target !== worker) return;
    switch (message.type) {
      case "status":
        if (message.stage === "ready") becomeReady();
        else arm(options.silenceMs);
        report({ type: "status", stage: String(message.stage), progress: message.progress });
        break;
      case "result":
      case "input_error":
        if (phase === "loading") {
          becomeReady(); // an answer proves the runtime is up even if "ready" was never announced
          report({ type: "status", stage: "ready", progress: 1 });
        }
        settle(message);
        break;
      case "fatal":
        fail("fatal", Boolean(message.network));
        break;
      default:
        break;
    }
  }

  const hear = {
    message: onMessage,
    error(event) {
      if (event.target !== worker) return;
      // The worker's own script could not be fetched (or did not run): worth another try.
      fail("worker-error", true);
    },
    messageerror: () => fail("message-error"),
  };

  /** early: the worker early.js started, if it did (adopted with what it said meanwhile). */
  function start(early) {
    phase = "loading";
    const cannot = (why) => {
      phase = "ready"; // not a loading problem: another try cannot help
      fail(why);
    };
    if (typeof WebAssembly !== "object") {
      cannot("no-wasm"); // WebAssembly switched off or too old a browser: Python cannot run
      return;
    }
    try {
      worker = early ? early.worker : new Worker(url, { type: "module", name: "cip-core" });
    } catch {
      cannot("no-worker");
      return;
    }
    arm(options.silenceMs);
    loadCap = setTimeout(() => {
      if (phase === "loading") fail("timeout");
    }, options.loadMs);
    for (const [type, listener] of Object.entries(hear)) worker.addEventListener(type, listener);
    early?.adopt((event) => hear[event.type]?.(event));
  }

  /** Sends one request; resolves with its reply. */
  function ask(request) {
    if (closed()) return Promise.resolve({ type: phase });
    const id = nextId++;
    const reply = new Promise((resolve) => waiters.set(id, resolve));
    if (phase === "ready") arm(options.answerMs);
    worker.postMessage({ ...request, id });
    return reply;
  }

  /** After "offline", or while loading stalls: a new worker, loading from the start. */
  function retry() {
    if (phase === "loading") close("offline"); // the stalled worker's downloads stop
    if (phase === "offline") start();
  }

  start(early);
  return { ask, retry };
}
