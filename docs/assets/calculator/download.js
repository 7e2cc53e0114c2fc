// The runtime's download, counted for the worker's progress bar (./worker.js): the manifest
// gives each file's size (decoded, as a stream counts it), fetch and resource timing give the
// bytes received. A failed download is reported as the line's fault.

// Downloads are this share of the bar; starting Python the rest.
export const DOWNLOAD_SHARE = 0.9;

/** Counts the bytes received of each file the manifest lists; onProgress(fraction 0..1). */
export function byteCounter(runtimeURL, onProgress) {
  const sizes = new Map(); // file name -> size, from the manifest
  const received = new Map(); // file name -> bytes received so far
  let total = 0;
  const fraction = () => {
    if (!total) return 0;
    let got = 0;
    for (const [name, size] of sizes) got += Math.min(size, received.get(name) || 0);
    return got / total;
  };
  const nameOf = (url) => {
    const text = String(url);
    return text.startsWith(runtimeURL) ? text.slice(runtimeURL.length).split(/[?#]/)[0] : null;
  };
  return {
    setManifest(manifest) {
      for (const [name, entry] of Object.entries(manifest?.files || {})) {
        if (name !== "manifest.json" && Number(entry?.size) > 0) sizes.set(name, Number(entry.size));
      }
      total = [...sizes.values()].reduce((a, b) => a + b, 0);
      onProgress(fraction());
    },
    credit(url, bytes) {
      const name = nameOf(url);
      if (name === null) return;
      received.set(name, Math.max(received.get(name) || 0, bytes));
      onProgress(fraction());
    },
    creditAll() {
      for (const [name, size] of sizes) if (name.endsWith(".whl") === false) received.set(name, size);
      onProgress(fraction());
    },
    nameOf,
    fraction,
  };
}

/**
 * A fetch that counts the runtime's bytes as they arrive (the wasm, the standard library, the
 * lock, the wheel) and calls onNetworkFault() when a download fails: no answer, or an error
 * status (a 404 or a 503 is the download's fault, not the browser's).
 */
export function countingFetch(realFetch, counter, onNetworkFault) {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input?.url ?? String(input);
    let response;
    try {
      response = await realFetch(input, init);
    } catch (error) {
      onNetworkFault();
      throw error;
    }
    if (!response.ok) onNetworkFault();
    if (counter.nameOf(url) === null || !response.body) return response;
    let count = 0;
    const counting = new TransformStream({
      transform(chunk, controller) {
        count += chunk.byteLength;
        counter.credit(url, count);
        controller.enqueue(chunk);
      },
    });
    const body = response.body.pipeThrough(counting);
    body.closed?.catch?.(() => {});
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Module scripts (pyodide.mjs, pyodide.asm.mjs) do not go through fetch: their resource
 * timing entries say when they have arrived. */
export function creditModuleScripts(counter) {
  if (typeof PerformanceObserver !== "function") return;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.responseEnd > 0 && entry.decodedBodySize > 0) counter.credit(entry.name, entry.decodedBodySize);
      }
    }).observe({ type: "resource", buffered: true });
  } catch {
    /* no resource timing in workers here: the stages still move the bar */
  }
}

/** Gives the counter the runtime's file sizes; without them the bar moves by stages only. */
export function loadManifest(realFetch, runtimeURL, counter) {
  realFetch(runtimeURL + "manifest.json")
    .then((response) => (response.ok ? response.json() : null))
    .then((manifest) => counter.setManifest(manifest))
    .catch(() => {});
}
