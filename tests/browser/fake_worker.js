// A stand-in for docs/assets/calculator/worker.js while developing the page without Pyodide:
// same protocol, but the answers come from CPython through the test server (/__fake_eval).
// Never shipped; the browser tests run against the real worker.
self.postMessage({ type: "status", stage: "runtime", progress: 0.3 });
self.postMessage({ type: "status", stage: "core", progress: 0.8 });
self.postMessage({ type: "status", stage: "ready", progress: 1 });
self.onmessage = async (event) => {
  const response = await fetch("/__fake_eval", { method: "POST", body: JSON.stringify(event.data) });
  self.postMessage(await response.json());
};
